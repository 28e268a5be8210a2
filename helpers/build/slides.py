"""Classroom slides: one reveal.js deck per notebook, offline and self-contained.

Slide breaks come from the cells' ``slideshow`` metadata when the notebook's author set any;
otherwise from the default plan of ``helpers.build.deck`` (12–20 slides: goals first, one slide
per ``##`` section and its first figure, summary last).  Code is hidden unless a cell's metadata
says ``"slide_code": true``; assertion, exercise and solution cells are left out (DESIGN §5).
``--with-code`` (``make slides WITH_CODE=1``) gives the older walkthrough instead: the title and
every ``##`` section start a slide, every other prose cell a sub-slide, code shown.  reveal.js comes from
npm at the version pinned in ``package.json``/``package-lock.json`` and is
inlined, so a deck opens from a USB stick.

Run: ``python -m helpers.build.slides --out build/slides`` (``make slides`` runs ``npm ci`` first).
"""

from __future__ import annotations

import argparse
import copy
import re
import time
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter

from helpers import lessons, paths, tags
from helpers.build import deck, offline, pipeline

REVEAL_DIR = paths.ROOT / "node_modules" / "reveal.js"
SKIP_TAGS = tags.removed_in("slides")


def slide_type(cell) -> str:
    """The reveal.js role of one cell: 'slide', 'subslide', 'skip' or '-' (continue).

    >>> from nbformat.v4 import new_markdown_cell
    >>> slide_type(new_markdown_cell("## Rerouting"))
    'slide'
    >>> slide_type(new_markdown_cell("More prose."))
    'subslide'
    """
    explicit = cell.metadata.get("slideshow", {}).get("slide_type")
    if explicit:
        return explicit
    if SKIP_TAGS & set(cell.metadata.get("tags", [])):
        return "skip"
    if cell.cell_type == "markdown":
        if re.match(r"^#{1,2} ", cell.source):
            return "slide"
        # Each further piece of prose opens a sub-slide; the code and figure after it stay with it.
        return "subslide"
    return "-"


def with_slide_metadata(nb: nbformat.NotebookNode, with_code: bool = False) -> nbformat.NotebookNode:
    """A copy of the notebook whose cells carry slideshow metadata (authored, default plan, or with code)."""
    if not with_code:
        return deck.with_authored_slides(nb) if deck.authored(nb) else deck.with_default_slides(nb)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata["slideshow"] = {"slide_type": slide_type(cell)}
    return nb


def _reveal_file(relative: str) -> str:
    path = REVEAL_DIR / relative
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: reveal.js is installed by `npm ci` at the repo root (make slides runs it)"
        )
    return path.read_text(encoding="utf-8")


def exporter() -> SlidesExporter:
    """A reveal.js exporter using the kit's offline template and the slides' tag rules."""
    return SlidesExporter(config=pipeline.exporter_config("slides", "SlidesExporter"), template_name="slides",
                          extra_template_basedirs=[str(pipeline.TEMPLATE_DIR)])


def render(nb: nbformat.NotebookNode, title: str, with_code: bool = False) -> str:
    """One executed notebook as a self-contained reveal.js deck."""
    theme = re.sub(r"@import url\([^)]*\);", "", _reveal_file("dist/theme/white.css"))
    resources = pipeline.page_resources(title)
    resources.update(
        reveal_css=_reveal_file("dist/reveal.css"),
        reveal_theme_css=theme,
        reveal_js=_reveal_file("dist/reveal.js"),
    )
    body, _ = exporter().from_notebook_node(with_slide_metadata(nb, with_code), resources=resources)
    return body


def build(out: Path, only: list[str] | None = None,
          cache: Path | None = pipeline.EXECUTED_DIR, with_code: bool = False) -> dict[str, float]:
    """Execute the notebooks and write one deck each under ``out``; return seconds per deck."""
    out.mkdir(parents=True, exist_ok=True)
    timings = {}
    for o in pipeline.select(lessons.outline(), only):
        start = time.perf_counter()
        nb = pipeline.execute(o.path, cache)
        offline.check(nb, o.path.name)
        (out / f"{o.slug}.html").write_text(render(nb, f"{o.number} · {o.title}", with_code), encoding="utf-8")
        timings[o.slug] = time.perf_counter() - start
        print(f"{o.slug}: {timings[o.slug]:.1f} s")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.build.slides", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/slides"))
    parser.add_argument("notebooks", nargs="*", help="only these notebook slugs (default: all)")
    parser.add_argument("--cache", type=Path, default=pipeline.EXECUTED_DIR,
                        help="where executed notebooks are kept and reused (default: %(default)s)")
    parser.add_argument("--with-code", action="store_true",
                        help="the walkthrough with code: a slide per section, a sub-slide per paragraph")
    args = parser.parse_args(argv)
    build(args.out, args.notebooks or None, args.cache, args.with_code)
    print(f"slides written to {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
