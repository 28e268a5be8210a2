"""The HTML handouts: execute every notebook, write one page per notebook, an index, a glossary, the instructor guide.

Two editions: ``instructor`` keeps the ``solution`` cells and shows each model answer open;
``student`` drops the solutions, shows each exercise's prompt with an empty answer box (never
the unanswered stub's feedback), each ``response`` cell as an answer box and each model answer
folded behind "Compare with a model answer" (``helpers.tags`` says what each output does).
``remove-cell`` cells (assertions) are gone from both; ``hide-input`` cells show their output only.  Pages
load no external script: explorers are precomputed views (``helpers.widgets``)
switched by a few lines of inline script.

Run: ``python -m helpers.build.handouts --out build/handouts``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from helpers import lessons
from helpers.build import navigation, offline, pipeline, teaching

#: edition -> the output it is in ``helpers.tags``
EDITIONS = {"instructor": "instructor handout", "student": "student handout"}


def exporter(edition: str) -> HTMLExporter:
    """An HTML exporter for one edition, using the kit's offline template.

    >>> exporter("teacher")
    Traceback (most recent call last):
    ...
    ValueError: unknown edition 'teacher'; editions: instructor, student
    """
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; editions: {', '.join(EDITIONS)}")
    return HTMLExporter(config=pipeline.exporter_config(EDITIONS[edition], "HTMLExporter"),
                        template_name="handout", extra_template_basedirs=[str(pipeline.TEMPLATE_DIR)])


def render(nb: nbformat.NotebookNode, edition: str, title: str) -> str:
    """One executed notebook as a self-contained HTML page."""
    output = EDITIONS[edition]
    body, _ = exporter(edition).from_notebook_node(pipeline.prepare(nb, output),
                                                   resources=pipeline.page_resources(title, output))
    return body


def index_page(outlines: list[lessons.Outline], edition: str) -> str:
    """The index: every notebook in order, with its learning goals and time."""
    shown = [{"slug": o.slug, "number": o.number, "title": o.title, "time": pipeline.inline_markdown(o.time),
              "goals": [pipeline.inline_markdown(g) for g in o.goals]} for o in outlines]
    return pipeline.render_page("index", edition=edition, notebooks=shown)


def with_teaching_notes(page: str, outline: lessons.Outline) -> str:
    """The instructor handout with the notebook's teaching notes at the end (if it has notes yet)."""
    if not teaching.notes_path(outline.path).exists():
        return page
    section = teaching.to_html(teaching.read(outline.path))
    return page.replace("</main>", section + "\n</main>", 1)


def instructor_guide(outlines: list[lessons.Outline]) -> str:
    """One offline page with every notebook's lesson plans, prompts, misconceptions and answers."""
    sections = [(o, teaching.notes_html(teaching.read(o.path))) for o in outlines
                if teaching.notes_path(o.path).exists()]
    return pipeline.render_page("instructor-guide", sections=sections)


def build(out: Path, only: list[str] | None = None,
          cache: Path | None = pipeline.EXECUTED_DIR) -> dict[str, float]:
    """Execute the notebooks and write both editions under ``out``; return seconds per notebook."""
    everything = lessons.outline()  # previous/next follow the course, whichever notebooks are built
    outlines = pipeline.select(everything, only)
    timings = {}
    dirs = {"instructor": out, "student": out / "student"}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    for o in outlines:
        start = time.perf_counter()
        nb = pipeline.execute(o.path, cache)
        offline.check(nb, o.path.name)  # fails, naming the cell, on anything loaded from outside the page
        for edition, d in dirs.items():
            page = render(nb, edition, f"{o.number} · {o.title}")
            page = navigation.with_navigation(page, everything, o.slug)
            if edition == "instructor":
                page = with_teaching_notes(page, o)
            (d / f"{o.slug}.html").write_text(page, encoding="utf-8")
        timings[o.slug] = time.perf_counter() - start
        print(f"{o.slug}: {timings[o.slug]:.1f} s")
    for edition, d in dirs.items():
        (d / "index.html").write_text(index_page(outlines, edition), encoding="utf-8")
        (d / navigation.GLOSSARY_PAGE).write_text(navigation.glossary_page(outlines, edition), encoding="utf-8")
    (out / "instructor-guide.html").write_text(instructor_guide(outlines), encoding="utf-8")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.build.handouts",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/handouts"))
    parser.add_argument("notebooks", nargs="*", help="only these notebook slugs (default: all)")
    parser.add_argument("--cache", type=Path, default=pipeline.EXECUTED_DIR,
                        help="where executed notebooks are kept and reused (default: %(default)s)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    build(args.out, args.notebooks or None, args.cache)
    print(f"handouts written to {args.out}/ (student edition in {args.out}/student/) "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
