"""The student edition's notebooks: no solutions or assertions, model answers collapsed, outputs cleared.

The ``exercise`` cell before each solution is already the stub (the prompt, ``answer = ...``
and the self-check), so a student notebook still runs top to bottom. ``remove-cell`` cells
(the prose-number assertions) are left out, so no later cell may need a name only they define
(the lint says so). ``response`` cells stay as they are, for the student's answer; each
``model-answer`` stays, its source hidden until the student opens it.

Run: ``python -m helpers.build.student --out build/student``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
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


MANIFEST = ".written.json"  # what this command last wrote in a folder: file name -> sha256


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edited(path: Path, manifest: dict[str, str]) -> bool:
    """True when ``path`` exists and is not byte for byte what this command last wrote there.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "00-x.ipynb"
    >>> edited(p, {})  # nothing there yet
    False
    >>> _ = p.write_text("{}"); edited(p, {"00-x.ipynb": _sha256(p)}), edited(p, {})
    (False, True)
    """
    return path.exists() and manifest.get(path.name) != _sha256(path)


def write_student_notebooks(out: Path, only: list[str] | None = None, *, keep_edits: bool = False) -> list[Path]:
    """Write ``out/<notebook>.ipynb`` for the student edition; return the paths written.

    With ``keep_edits`` (``make student``), a notebook someone edited since the last run is never
    overwritten (issue 21, H6): the new edition goes beside it as ``<notebook>.new.ipynb`` and a line on
    stderr says so; ``out/.written.json`` records what was written. The student repository and the class
    server's copy write into a folder they have just emptied, so they need neither.
    """
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    manifest = {}
    if keep_edits and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    written = []
    for o in pipeline.select(lessons.outline(), only):
        path = out / o.path.name
        if keep_edits and edited(path, manifest):
            kept, path = path, path.with_suffix(".new.ipynb")
            print(f"kept {kept}: it changed since `make student` wrote it, so the new edition is {path.name} "
                  f"beside it (compare the two; delete {kept.name} to take the new one next time)",
                  file=sys.stderr)
        nbformat.write(student_notebook(nbformat.read(o.path, as_version=4)), path)
        if path.name == o.path.name:
            manifest[path.name] = _sha256(path)
        written.append(path)
    if keep_edits:
        manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.build.student",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/student"))
    parser.add_argument("notebooks", nargs="*", help="only these notebook slugs (default: all)")
    args = parser.parse_args(argv)
    for path in write_student_notebooks(args.out, args.notebooks or None, keep_edits=True):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
