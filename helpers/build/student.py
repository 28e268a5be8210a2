"""The student edition's notebooks: solutions and assertions removed, model answers collapsed, outputs cleared.

The ``exercise`` cell before each solution is already the stub (the prompt, ``answer = ...``
and the self-check), so a student notebook still runs top to bottom. ``remove-cell`` cells
(the prose-number assertions) are left out, so no later cell may need a name only they define
(the lint says so). ``response`` cells stay as they are, for the student's answer; each
``model-answer`` stays, its source hidden until the student opens it.

Run: ``python -m helpers.build.student --out build/student``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat

from helpers import lessons
from helpers.build import pipeline


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The student edition of a notebook (a copy; ``nb`` is left as it was).

    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> nb = new_notebook(cells=[new_code_cell("x = ...", metadata={"tags": ["exercise"]}),
    ...                          new_code_cell("x = 1", metadata={"tags": ["solution"]})])
    >>> [c.source for c in student_notebook(nb).cells]
    ['x = ...']
    """
    return pipeline.clear_outputs(pipeline.prepare(nb, "student edition"))


def write_student_notebooks(out: Path, only: list[str] | None = None) -> list[Path]:
    """Write ``out/<notebook>.ipynb`` for the student edition; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for o in pipeline.select(lessons.outline(), only):
        path = out / o.path.name
        nbformat.write(student_notebook(nbformat.read(o.path, as_version=4)), path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.build.student", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/student"))
    parser.add_argument("notebooks", nargs="*", help="only these notebook slugs (default: all)")
    args = parser.parse_args(argv)
    for path in write_student_notebooks(args.out, args.notebooks or None):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
