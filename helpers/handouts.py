"""Build the HTML handouts: execute every notebook, write one page per notebook plus an index.

Two editions: ``instructor`` keeps the ``solution`` cells, ``student`` drops
them.  ``remove-cell`` cells (assertions) are gone from both; ``hide-input``
cells show their output only.  Pages load no external script: explorers are
precomputed views (``helpers.widgets``) switched by a few lines of inline script.

Run: ``python -m helpers.handouts --out build/handouts``.
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import re
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from traitlets.config import Config

from helpers import notebooks, teaching, widgets

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
            # The kernel's own start-up warnings (TCP transport) are noise in a build log.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
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


def _inline_markdown(text: str) -> str:
    """One line of Markdown (code spans, emphasis) as HTML, without the paragraph around it."""
    return re.sub(r"^<p>|</p>\s*$", "", markdown2html_mistune(text).strip())


def index_page(outlines: list[notebooks.Outline], edition: str) -> str:
    """The index: every notebook in order, with its learning goals and time."""
    items = []
    for o in outlines:
        goals = "".join(f"<li>{_inline_markdown(g)}</li>" for g in o.goals)
        items.append(
            f'<li><h2><a href="{o.slug}.html">{o.number} · {html.escape(o.title)}</a></h2>'
            f"<p><strong>Time:</strong> {html.escape(o.time)}</p>"
            f"<p><strong>What you will learn</strong></p><ul>{goals}</ul></li>"
        )
    css = (TEMPLATE_DIR / "handout" / "handout.css").read_text()
    guide = ""
    if edition == "instructor":
        guide = ('<p><a href="instructor-guide.html">'
                 "Instructor guide: lesson plans, prompts, model answers</a></p>")

    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
        f"<title>Chokepoints: handouts ({edition} edition)</title><style>{css}"
        "body{font-family:system-ui,sans-serif} ol{padding-left:1.2rem}</style></head>"
        '<body class="jp-Notebook"><main><h1>Chokepoints: the handouts</h1>'
        f"<p>{edition.capitalize()} edition. One article, three themes, checked against sourced "
        "data. Read the notebooks in this order.</p>"
        f'<ol class="notebook-index">{"".join(items)}</ol>{guide}</main></body></html>\n'
    )


def select(outlines: list[notebooks.Outline], only: list[str] | None) -> list[notebooks.Outline]:
    """The outlines named in ``only`` (all when None); unknown names are an error."""
    if not only:
        return outlines
    unknown = sorted(set(only) - {o.slug for o in outlines})
    if unknown:
        raise ValueError(f"unknown notebooks {unknown}; notebooks: {', '.join(o.slug for o in outlines)}")
    return [o for o in outlines if o.slug in only]


def build(out: Path, only: list[str] | None = None) -> dict[str, float]:
    """Execute the notebooks and write both editions under ``out``; return seconds per notebook."""
    outlines = select(notebooks.outline(), only)
    timings = {}
    dirs = {"instructor": out, "student": out / "student"}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    for o in outlines:
        start = time.perf_counter()
        nb = execute(o.path)
        for edition, d in dirs.items():
            page = render(nb, edition, f"{o.number} · {o.title}")
            if edition == "instructor":
                page = with_teaching_notes(page, o)
            (d / f"{o.slug}.html").write_text(page)
        timings[o.slug] = time.perf_counter() - start
        print(f"{o.slug}: {timings[o.slug]:.1f} s")
    for edition, d in dirs.items():
        (d / "index.html").write_text(index_page(outlines, edition))
    (out / "instructor-guide.html").write_text(instructor_guide(outlines))
    return timings


def with_teaching_notes(page: str, outline: notebooks.Outline) -> str:
    """The instructor handout with the notebook's teaching notes at the end (if it has notes yet)."""
    if not teaching.notes_path(outline.path).exists():
        return page
    section = teaching.to_html(teaching.read(outline.path))
    return page.replace("</main>", section + "\n</main>", 1)


def instructor_guide(outlines: list[notebooks.Outline]) -> str:
    """One offline page with every notebook's lesson plans, prompts, misconceptions and answers."""
    parts = []
    for o in outlines:
        if teaching.notes_path(o.path).exists():
            section = teaching.to_html(teaching.read(o.path))
            section = section.replace("<h2>Teaching notes (instructor edition)</h2>",
                                      f'<h2 id="{o.slug}">{o.number} · {html.escape(o.title)}</h2>', 1)
            parts.append(section)
    toc = "".join(f'<li><a href="#{o.slug}">{o.number} · {html.escape(o.title)}</a></li>' for o in outlines
                  if teaching.notes_path(o.path).exists())
    css = (TEMPLATE_DIR / "handout" / "handout.css").read_text()
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
        f"<title>Chokepoints: instructor guide</title><style>{css}"
        "body{font-family:system-ui,sans-serif} table{border-collapse:collapse} "
        "td,th{border:1px solid #999;padding:0.25rem 0.5rem;vertical-align:top}</style></head>"
        '<body class="jp-Notebook"><main><h1>Chokepoints: instructor guide</h1>'
        "<p>Lesson plans (50 and 90 minutes), discussion prompts with the points a good answer makes, "
        "common misconceptions, and model answers for every exercise. Not for students: the student "
        "handouts and notebooks contain none of this.</p>"
        f'<nav aria-label="Notebooks"><ol>{toc}</ol></nav>{"".join(parts)}</main></body></html>\n'
    )


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The student edition of a notebook: every ``solution`` cell removed, everything else kept.

    The ``exercise`` cell before each solution is already the stub (the prompt, ``answer = ...``
    and the self-check), so the student notebook still runs top to bottom.
    """
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if "solution" not in c.metadata.get("tags", [])]
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return out


def write_student_notebooks(out: Path, only: list[str] | None = None) -> list[Path]:
    """Write ``out/<notebook>.ipynb`` for the student edition; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for o in select(notebooks.outline(), only):
        path = out / o.path.name
        nbformat.write(student_notebook(nbformat.read(o.path, as_version=4)), path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.handouts", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/handouts"))
    parser.add_argument("--student-notebooks", type=Path, metavar="DIR",
                        help="instead: write the student edition's .ipynb files to DIR")
    parser.add_argument("notebooks", nargs="*", help="only these notebook slugs (default: all)")
    args = parser.parse_args(argv)
    if args.student_notebooks:
        for path in write_student_notebooks(args.student_notebooks, args.notebooks or None):
            print(f"wrote {path}")
        return 0
    start = time.perf_counter()
    build(args.out, args.notebooks or None)
    print(f"handouts written to {args.out}/ (student edition in {args.out}/student/) "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
