"""Build the HTML handouts: execute every notebook, write one page per notebook plus an index.

Two editions: ``instructor`` keeps the ``solution`` cells, ``student`` drops
them.  ``remove-cell`` cells (assertions) are gone from both; ``hide-input``
cells show their output only.  Pages load no external script: explorers are
precomputed views (``helpers.widgets``) switched by a few lines of inline script.

Run: ``python -m helpers.handouts --out build/handouts``.
"""

from __future__ import annotations

import argparse
import html
import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from traitlets.config import Config

from helpers import notebooks, widgets

TEMPLATE_DIR = Path(__file__).parent / "templates"
EDITIONS = {
    "instructor": ("remove-cell",),
    "student": ("remove-cell", "solution"),
}
TIMEOUT_S = 120


def execute(path: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, in handout mode (precomputed explorers)."""
    nb = nbformat.read(path, as_version=4)
    previous = os.environ.get(widgets.HANDOUT_ENV)
    os.environ[widgets.HANDOUT_ENV] = "1"
    try:
        NotebookClient(
            nb, timeout=TIMEOUT_S, kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
    finally:
        if previous is None:
            os.environ.pop(widgets.HANDOUT_ENV, None)
        else:
            os.environ[widgets.HANDOUT_ENV] = previous
    return nb


def exporter(edition: str) -> HTMLExporter:
    """An HTML exporter for one edition, using the kit's offline template."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; editions: {', '.join(EDITIONS)}")
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = set(EDITIONS[edition])
    c.TagRemovePreprocessor.remove_input_tags = {"hide-input"}
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    return HTMLExporter(
        config=c, template_name="handout", extra_template_basedirs=[str(TEMPLATE_DIR)]
    )


def _resources(title: str) -> dict:
    here = TEMPLATE_DIR / "handout"
    return {
        "metadata": {"name": title},
        "handout_css": (here / "handout.css").read_text(),
        "handout_js": (here / "handout.js").read_text(),
    }


def render(nb: nbformat.NotebookNode, edition: str, title: str) -> str:
    """One executed notebook as a self-contained HTML page."""
    body, _ = exporter(edition).from_notebook_node(nb, resources=_resources(title))
    return body


def index_page(outlines: list[notebooks.Outline], edition: str) -> str:
    """The index: every notebook in order, with its learning goals and time."""
    items = []
    for o in outlines:
        goals = "".join(f"<li>{html.escape(g)}</li>" for g in o.goals)
        items.append(
            f'<li><h2><a href="{o.slug}.html">{o.number} · {html.escape(o.title)}</a></h2>'
            f"<p><strong>Time:</strong> {html.escape(o.time)}</p>"
            f"<p><strong>What you will learn</strong></p><ul>{goals}</ul></li>"
        )
    css = (TEMPLATE_DIR / "handout" / "handout.css").read_text()
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
        f"<title>Chokepoints: handouts ({edition} edition)</title><style>{css}"
        "body{font-family:system-ui,sans-serif} ol{padding-left:1.2rem}</style></head>"
        '<body class="jp-Notebook"><main><h1>Chokepoints: the handouts</h1>'
        f"<p>{edition.capitalize()} edition. One article, three themes, checked against sourced "
        "data. Read the notebooks in this order.</p>"
        f'<ol class="notebook-index">{"".join(items)}</ol></main></body></html>\n'
    )


def build(out: Path, only: list[str] | None = None) -> dict[str, float]:
    """Execute the notebooks and write both editions under ``out``; return seconds per notebook."""
    outlines = notebooks.outline()
    if only:
        unknown = sorted(set(only) - {o.slug for o in outlines})
        if unknown:
            raise ValueError(
                f"unknown notebooks {unknown}; notebooks: {', '.join(o.slug for o in outlines)}"
            )
        outlines = [o for o in outlines if o.slug in only]
    timings = {}
    dirs = {"instructor": out, "student": out / "student"}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    for o in outlines:
        start = time.perf_counter()
        nb = execute(o.path)
        for edition, d in dirs.items():
            (d / f"{o.slug}.html").write_text(render(nb, edition, f"{o.number} · {o.title}"))
        timings[o.slug] = time.perf_counter() - start
        print(f"{o.slug}: {timings[o.slug]:.1f} s")
    for edition, d in dirs.items():
        (d / "index.html").write_text(index_page(notebooks.outline() if not only else outlines, edition))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.handouts", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/handouts"))
    parser.add_argument("notebooks", nargs="*", help="only these notebook slugs (default: all)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    build(args.out, args.notebooks or None)
    print(f"handouts written to {args.out}/ (student edition in {args.out}/student/) "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
