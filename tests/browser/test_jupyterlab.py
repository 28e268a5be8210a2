"""Every notebook in real JupyterLab, in headless Chromium: Run All, no error anywhere, explorers redraw.

JupyterLab is started by the test on 127.0.0.1 with a free port, no token, a temporary home, the
kit's ``overrides.json`` (as ``make lab``, the class server and Binder use it) and windowed rendering off, on a copy of the notebooks so autosave
never touches the repository. Waits are on kernel and cell state, never fixed sleeps.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import lessons, paths

OUTLINES = lessons.outline()
STARTUP_TIMEOUT_S = 60
RUN_TIMEOUT_MS = 120_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_settings(folder: Path) -> None:
    """User settings for a test session: every cell rendered (news and kernel start come from the kit's
    ``overrides.json``, as a student gets them)."""
    settings = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": '{"windowingMode": "none"}',
    }
    for rel, text in settings.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser):
    home = tmp_path_factory.mktemp("home")
    root = tmp_path_factory.mktemp("lab")
    for o in OUTLINES:
        shutil.copy(o.path, root / o.path.name)
    write_settings(home / "settings")
    port = free_port()
    env = dict(os.environ, HOME=str(home), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_RUNTIME_DIR=str(home / "rt"))
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--IdentityProvider.token=", "--ServerApp.password=", "--allow-root",
           f"--ServerApp.root_dir={root}", "--LabApp.extension_manager=readonly",
           "--ServerApp.open_browser=False", f"--LabApp.app_settings_dir={paths.LAB_SETTINGS_DIR}"]
    log = open(home / "lab.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                pytest.fail("JupyterLab did not start:\n" + (home / "lab.log").read_text()[-2000:])
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def open_notebook(browser, base, name):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    blocked = []

    def route(r):
        if r.request.url.startswith((base, "data:", "blob:")) or r.request.url.startswith("ws://127.0.0.1"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    # ?reset: a fresh workspace, or JupyterLab reopens the notebooks of earlier tests beside this one.
    page.goto(f"{base}/lab/tree/{name}?reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    wait_for_kernel(page, base, name)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    return page, blocked


def wait_for_kernel(page, base, name, timeout_s=90):
    """Until the server has an idle kernel for this notebook, answering JupyterLab's 'Select Kernel'
    dialog the way a student would (the page's indicator reads 'idle' before any kernel exists,
    so it alone cannot be trusted). The kernel is found through the notebook's session: an idle
    kernel left by an earlier notebook must not count."""
    import json

    deadline = time.monotonic() + timeout_s
    sessions = []
    while time.monotonic() < deadline:
        accept = page.query_selector(".jp-Dialog .jp-mod-accept")
        if accept:
            accept.click()
        sessions = json.load(urllib.request.urlopen(f"{base}/api/sessions", timeout=5))
        mine = [s for s in sessions if s.get("path", "").endswith(name) and s.get("kernel")]
        if mine and all(s["kernel"]["execution_state"] == "idle" for s in mine):
            return
        page.wait_for_timeout(250)
    pytest.fail(f"no idle kernel for {name} after {timeout_s} s: {sessions}")


def run_all(page, n_code_cells):
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    # Done when every code cell has an execution count and the kernel is idle again.
    page.wait_for_function(
        """n => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            const done = prompts.filter(p => /\\[\\d+\\]/.test(p.textContent)).length;
            const idle = document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']");
            return done >= n && idle !== null;
        }""",
        arg=n_code_cells,
        timeout=RUN_TIMEOUT_MS,
    )


def error_outputs(page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
        "els => els.map(e => e.textContent).filter(t => /Error|Traceback/.test(t))",
    )


@pytest.mark.browser
@pytest.mark.parametrize("outline", OUTLINES, ids=[o.slug for o in OUTLINES])
def test_run_all_in_jupyterlab_without_errors_and_explorers_redraw(lab, browser, outline):
    import browsing
    import nbformat

    nb = nbformat.read(outline.path, as_version=4)
    # A cell whose source is hidden (the prose-number checks) shows no prompt in JupyterLab: count the others.
    n_code = sum(c.cell_type == "code" and not c.metadata.get("jupyter", {}).get("source_hidden")
                 for c in nb.cells)
    start = time.perf_counter()
    page, blocked = open_notebook(browser, lab, outline.path.name)
    run_all(page, n_code)
    elapsed = time.perf_counter() - start
    assert error_outputs(page) == []
    browsing.screenshot(page, f"lab-{outline.slug}", full_page=False)

    explorers = page.query_selector_all(".jp-OutputArea .widget-vbox")
    expected = sum(c.source.count("widgets.show(") for c in nb.cells if c.cell_type == "code")
    assert len(explorers) == expected
    for i, box in enumerate(explorers):
        box.scroll_into_view_if_needed()
        before = box.inner_html()
        toggle = box.query_selector(".widget-toggle-button:not(.mod-active)")
        if toggle:
            toggle.focus()
            page.keyboard.press("Enter")
        else:
            # A dropdown is chosen as a mouse user would: in command mode JupyterLab takes ArrowDown
            # for its own "select the cell below" shortcut, so the key never reaches the <select>.
            select = box.query_selector(".widget-dropdown select")
            options = select.eval_on_selector_all("option", "els => els.map(e => e.value)")
            select.select_option(next(v for v in options if v != select.input_value()))
        page.wait_for_function("([el, old]) => el.innerHTML !== old", arg=[box, before], timeout=20_000)
        browsing.screenshot(page, f"lab-{outline.slug}-explorer{i}", full_page=False)
    assert blocked == [], blocked
    print(f"{outline.slug}: Run All in JupyterLab took {elapsed:.1f} s")
    page.close()


NEWS_TEXT = "official Jupyter news"


@pytest.mark.browser
def test_no_news_pop_up_and_the_kernel_starts_without_a_dialog(lab, browser):
    """What a student sees first: the notebook, its kernel started, no dialog and no news toast.

    Nothing is clicked: with the kit's overrides.json the preferred kernel starts by itself."""
    import json

    name = OUTLINES[0].path.name
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{lab}/lab/tree/{name}?reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    deadline = time.monotonic() + 60
    dialogs, toasts, started = [], [], False
    while time.monotonic() < deadline:
        dialogs += [d.inner_text()[:200] for d in page.query_selector_all(".jp-Dialog")]
        toasts += [t for t in page.eval_on_selector_all(".Toastify__toast", "els => els.map(e => e.textContent)")]
        sessions = json.load(urllib.request.urlopen(f"{lab}/api/sessions", timeout=5))
        started = any(s.get("path", "").endswith(name) and s.get("kernel") for s in sessions)
        if started and time.monotonic() > deadline - 50:  # watch at least 10 s after opening
            break
        page.wait_for_timeout(250)
    assert started, "the kernel did not start by itself"
    assert dialogs == [], dialogs
    assert not [t for t in toasts if NEWS_TEXT in t], toasts
    page.close()
