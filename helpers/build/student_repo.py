"""The student repository: a standalone tree of the student edition, ready to push as its own repository.

``make student-repo`` writes ``build/student-repo/``: the student notebooks (no ``solution`` cell, no
assertion cell, model answers collapsed), the ``helpers`` package, ``seeds/``, what installs the kit
(``setup.py``, ``pyproject.toml``, ``MANIFEST.in``, ``environment.yml``, ``postBuild``), the licences
and a short README for students. No teaching notes (``*.notes.md``) go in it. Binder, nbgitpuller and
the Zero to JupyterHub image (``deploy/z2jh/``) serve this tree, never the kit's own repository.

The expected answers of the practice self-checks (``helpers/exercises/``) do ship: ``check()`` runs in
the student's kernel and needs them. The answers of the graded questions do not: they live in the kit's
``grading/`` folder, which is never copied here (:func:`leaks` refuses it), so there ``check()`` looks only
at the form of an answer and the instructor's ``make grade`` says whether it is right.

Run: ``python -m helpers student-repo --out build/student-repo``.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from helpers import paths, tags
from helpers.build import student
from helpers.exercises.registry import GRADING_DIR

#: The files copied from the kit's root, as they are.
FILES = ("setup.py", "pyproject.toml", "MANIFEST.in", "environment.yml", "postBuild", "LICENSE")
#: The folders copied from the kit's root (without caches).
FOLDERS = ("helpers", "seeds", "LICENSES")
#: Never copied: byte code and caches.
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache")
#: Kept when the tree is rewritten, so a clone pushed from it stays a clone.
KEPT = (".git",)
NOTES_SUFFIX = ".notes.md"

README = """\
# Chokepoints: the student edition

Notebooks that check one news article on China, Russia, Iranian oil and fentanyl against sourced data.
Open `notebooks/00-start-here.ipynb` first; the notebooks go in order, 00 to 06.

- **Exercises** (*Your turn*) end in `check("nbNN-...", answer)`: it says ✓ or names what is off,
  and gives a hint with the second wrong try.
- **Questions** have a cell for your answer; a model answer sits below it, collapsed: open it after
  you have written yours.

Your own computer: `pip install .` (Python 3.11 or newer), then `jupyter lab notebooks/`.
Conda: `conda env create -f environment.yml`.

This tree is written by the kit's `make student-repo`; edits here are lost when it is written again.
The practice self-checks' expected answers are in `helpers/exercises/`: `check()` runs on your side and
needs them. Reading them first teaches you nothing the exercise would. The verdict exercises are graded
by your instructor: their check only says whether your answer has the right form ("Saved").

Licences: the code is MIT (`LICENSE`); the prose and the data compilations are CC BY 4.0
(`LICENSES/CC-BY-4.0.txt`).
"""


def leaks(tree: Path) -> list[str]:
    """What in ``tree`` a student must not get: teaching notes, notebooks with a ``solution`` cell, and the
    instructor's graded answers (a ``grading/`` folder).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "00.notes.md").write_text("plan")
    ...     leaks(Path(d))
    ['00.notes.md: teaching notes']
    """
    found = [f"{p.relative_to(tree)}: teaching notes" for p in sorted(tree.rglob(f"*{NOTES_SUFFIX}"))]
    found += [f"{p.relative_to(tree)}: the graded answers" for p in sorted(tree.rglob(GRADING_DIR))]
    for nb in sorted(tree.rglob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8")).get("cells", [])
        if any(tags.SOLUTION in c.get("metadata", {}).get("tags", []) for c in cells):
            found.append(f"{nb.relative_to(tree)}: a '{tags.SOLUTION}' cell")
    return found


def _empty(out: Path) -> None:
    """Remove what a previous run wrote in ``out`` (all but ``.git``)."""
    out.mkdir(parents=True, exist_ok=True)
    for entry in out.iterdir():
        if entry.name in KEPT:
            continue
        shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()


def write_student_repo(out: Path, root: Path = paths.ROOT) -> list[Path]:
    """Write the student repository into ``out`` (its old content replaced, ``.git`` kept); return its files.

    Raises ``RuntimeError`` naming each file if a solution cell or teaching note reached the tree.
    """
    _empty(out)
    for name in FILES:
        shutil.copy2(root / name, out / name)
    for name in FOLDERS:
        shutil.copytree(root / name, out / name, ignore=IGNORED)
    (out / "README.md").write_text(README, encoding="utf-8")
    student.write_student_notebooks(out / "notebooks")
    found = leaks(out)
    if found:
        raise RuntimeError(f"the student repository {out} holds what students must not get: {found}. "
                           "Fix: tag the cell 'solution', keep the notes out of helpers/ and the graded answers in "
                           "grading/ at the kit's root, then rebuild.")
    return sorted(p for p in out.rglob("*") if p.is_file() and ".git" not in p.relative_to(out).parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers student-repo", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=paths.BUILD_DIR / "student-repo")
    args = parser.parse_args(argv)
    files = write_student_repo(args.out)
    print(f"wrote {args.out}: {len(files)} files, the student edition (push it as its own repository)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
