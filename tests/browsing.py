"""Shared helpers for the browser tests: Debian Chromium, offline pages, screenshots."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (Debian/Ubuntu: apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[browser]')"
    return None


def open_offline(browser, url: str, width: int = 1280, height: int = 900):
    """Open a page with every request that is not file: or data: refused and recorded.

    Returns (page, blocked_urls, errors): console errors and uncaught page errors.
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, blocked, errors


def screenshot(page, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
A11Y_REPORTS = Path(__file__).resolve().parent.parent / "build" / "a11y"
BLOCKING_IMPACTS = {"serious", "critical"}


def axe_audit(page, name: str) -> list[dict]:
    """Run axe-core (pinned in package.json) on an open page; write the report; return blocking violations.

    Violations of impact "serious" or "critical" are returned (the tests require none); the
    others are written to build/a11y/<name>.json and summarised there.
    """
    import json

    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    A11Y_REPORTS.mkdir(parents=True, exist_ok=True)
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"]),
         "example": v["nodes"][0]["html"][:200] if v["nodes"] else ""}
        for v in result["violations"]
    ]
    (A11Y_REPORTS / f"{name}.json").write_text(json.dumps(summary, indent=1))
    return [v for v in summary if v["impact"] in BLOCKING_IMPACTS]
