"""``make grade``: re-run each collected notebook in a fresh kernel and grade every exercise against the key.

For the newest collection (``make collect``), each student's copy of each notebook runs in a fresh
kernel (nbclient) under the kit's network guard, in a scratch folder, with a time limit per notebook
(``--limit``, 120 s) and ``allow_errors``: a student's failing cell is recorded and the rest still
runs. After each exercise cell a cell added by the grader emits the student's answer as JSON
(:mod:`classroom.answers`); the grader decodes it in its own process and checks it with the instructor's
answer key (:func:`helpers.exercises.registry.answer_key`, graded answers from ``grading/``). Nothing a
student's code prints decides a grade, and the grade files are written only after every kernel has
ended. Writes ``build/grades/grades.csv`` (``student, notebook, exercise, skill, status, feedback``;
status ``correct | incorrect | unanswered | error``) and one page per student in
``build/grades/feedback/`` (:mod:`classroom.feedback_pages`).

>>> from helpers.exercises.feedback import NOT_ANSWERED, no
>>> status_of(Feedback(True, "✓ Correct.")), status_of(NOT_ANSWERED), status_of(no("Not yet."))
('correct', 'unanswered', 'incorrect')
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat

from classroom import answers, feedback_pages, gradebook
from classroom.collect import COLLECTED_DIR, GRADES_DIR, MANIFEST, CollectError, newest
from classroom.config import NOTEBOOK_DIR
from helpers import netguard
from helpers.exercises.feedback import Feedback
from helpers.exercises.records import ATTEMPTS_ENV
from helpers.exercises.registry import answer_key

STATUSES = ("correct", "incorrect", "unanswered", "error")
LIMIT_S = 120.0
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Row:
    """One student's result on one exercise."""

    student: str
    notebook: str
    exercise: str
    skill: str
    status: str
    feedback: str


def status_of(fb: Feedback) -> str:
    """The gradebook's word for a check's result."""
    return "unanswered" if not fb.answered else "correct" if fb.ok else "incorrect"


@cache
def kit_exercises(notebook: str, kit: Path = NOTEBOOK_DIR) -> tuple[answers.Exercise, ...]:
    """The exercises of the kit's notebook named ``notebook`` (the instructor's copy), in order.

    Read once per run, not once per student: every student's copy is graded against the same list.
    """
    path = Path(kit) / notebook
    return tuple(answers.exercises(nbformat.read(path, as_version=4))) if path.is_file() else ()


def _find_cell(nb, qid: str):
    """The student's cell that checks ``qid`` (the last one, if they copied it)."""
    cells = [c for c in nb.cells if c.cell_type == "code" and qid in answers.QID.findall(c.source)]
    return cells[-1] if cells else None


def instrument(nb, exercises: Sequence[answers.Exercise]) -> dict[str, tuple]:
    """Add the grader's cells to ``nb`` (in place): the emitter first, an emit cell after each exercise cell.
    Returns ``{qid: (exercise cell or None, emit cell or None)}``."""
    found = {}
    for ex in exercises:
        cell = _find_cell(nb, ex.qid)
        if cell is None:
            found[ex.qid] = (None, None)
            continue
        expression = answers.check_expression(cell.source, ex.qid) or ex.expression
        emit = nbformat.v4.new_code_cell(answers.emit_source(ex.qid, expression))
        nb.cells.insert(nb.cells.index(cell) + 1, emit)
        found[ex.qid] = (cell, emit)
    nb.cells.insert(0, nbformat.v4.new_code_cell(answers.SETUP))
    return found


def kernel_env() -> dict[str, str]:
    """The grading kernel's environment: the network guard on, no class-server variables, no attempts file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_") and k != ATTEMPTS_ENV}
    env["MPLBACKEND"] = "Agg"
    return netguard.child_env(env)


def run(nb, workdir: Path, limit: float) -> str:
    """Execute ``nb`` in a fresh kernel in ``workdir``: "" if it ran to the end, else why it stopped."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    # A cell may run as long as the notebook: the run's own limit (wait_for) comes first.
    client = NotebookClient(nb, timeout=limit + 60, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(workdir)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])

    async def go() -> str:
        task = asyncio.ensure_future(client.async_execute(env=kernel_env()))
        try:
            done, _ = await asyncio.wait({task}, timeout=limit)
            if not done:  # cancelled here, whatever the cancelled run raises on its way out
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                return f"within the time limit ({limit:g} s)"
            exc = task.exception()
            if isinstance(exc, CellTimeoutError):
                return f"within the time limit ({limit:g} s)"
            if isinstance(exc, DeadKernelError):
                return "(the kernel died: a cell ended Python or used all the memory)"
            if exc is not None:
                raise exc
            return ""
        finally:
            km = client.km
            if km is not None and await _maybe(km.is_alive()):
                await _maybe(km.shutdown_kernel(now=True))

    return asyncio.run(go())


async def _maybe(x):
    return await x if asyncio.iscoroutine(x) or isinstance(x, asyncio.Future) else x


def _error_of(cell) -> str:
    err = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
    return "" if err is None else _ANSI.sub("", f"{err.get('ename')}: {err.get('evalue')}")[:500]


def evaluate(qid: str, cell, emit, stopped: str = "") -> tuple[str, str]:
    """``(status, feedback)`` for one exercise, from the cells the kernel ran."""
    if cell is None:
        return "unanswered", f'This exercise is not in your notebook: no cell calls check("{qid}", ...).'
    if cell.get("execution_count") is None and not cell.get("outputs"):
        return "error", f"The notebook did not reach this exercise {stopped or '(a cell before it stopped)'}."
    raised = _error_of(cell)
    if raised:
        return "error", f"Your cell raised {raised}"
    value, problem = answers.read_emitted(emit.get("outputs", []), qid)
    if problem:
        return "error", problem[0].upper() + problem[1:] + "."
    try:
        fb = answer_key(qid).feedback(value)
    except Exception as exc:  # a question type that cannot handle this value: the student's, not the run's
        return "error", f"The grader could not check this answer ({type(exc).__name__}: {exc})."
    return status_of(fb), fb.message


def grade_notebook(student: str, notebook: str, path: Path | None, limit: float) -> list[Row]:
    """Every exercise of the kit's ``notebook`` for one student (``path``: their copy, None if missing)."""
    exercises = kit_exercises(notebook)
    if path is None:
        return [Row(student, notebook, ex.qid, ex.skill, "unanswered",
                    f"No copy of {notebook} was collected from your home.") for ex in exercises]
    try:
        nb = nbformat.read(path, as_version=4)
        cells = instrument(nb, exercises)
        with tempfile.TemporaryDirectory(prefix="chokepoints-grade-") as scratch:
            stopped = run(nb, Path(scratch), limit) if any(c for c, _ in cells.values()) else ""
    except Exception as exc:  # an unreadable notebook or a kernel that would not start: this copy only
        why = _ANSI.sub("", f"{type(exc).__name__}: {exc}")[:300]
        return [Row(student, notebook, ex.qid, ex.skill, "error", f"Your notebook could not be run ({why}).")
                for ex in exercises]
    return [Row(student, notebook, ex.qid, ex.skill, *evaluate(ex.qid, *cells[ex.qid], stopped))
            for ex in exercises]


def grade_collection(folder: Path, limit: float = LIMIT_S, jobs: int = 2,
                     only: tuple[str, ...] = ()) -> list[Row]:
    """Grade every student of a collection (``only``: these notebook numbers), by student and notebook."""
    manifest = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    students: dict[str, list[str]] = manifest["students"]
    notebooks = sorted({nb for nbs in students.values() for nb in nbs if not only or nb[:2] in only})
    notebooks = [nb for nb in notebooks if kit_exercises(nb)]
    for nb in notebooks:  # every answer key loads before any student's code runs (a missing one: KeyError)
        for ex in kit_exercises(nb):
            answer_key(ex.qid)
    tasks = [(s, nb, Path(folder) / s / nb if nb in nbs else None)
             for s, nbs in sorted(students.items()) for nb in notebooks]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(lambda t: grade_notebook(*t, limit), tasks))
    return [row for rows in done for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make grade", description=__doc__.split("\n\n")[0])
    parser.add_argument("--collection", type=Path, help="a collection folder (default: the newest)")
    parser.add_argument("--out", type=Path, default=GRADES_DIR, help="where grades.csv and feedback/ go")
    parser.add_argument("--limit", type=float, default=float(os.environ.get("GRADE_LIMIT", LIMIT_S)),
                        help="seconds each notebook may run (default 120; GRADE_LIMIT=...)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    parser.add_argument("--notebooks", nargs="*", default=[], help="only these notebook numbers, e.g. 00 02")
    args = parser.parse_args(argv)
    if args.limit <= 0 or args.jobs < 1:
        print(f"make grade: --limit {args.limit:g} and --jobs {args.jobs}: the limit must be more than 0 "
              "seconds and jobs at least 1 (e.g. GRADE_LIMIT=120)", file=sys.stderr)
        return 2
    try:
        folder = args.collection or newest(COLLECTED_DIR)
        if not (folder / MANIFEST).is_file():
            raise CollectError(f"{folder} is not a collection (no {MANIFEST}): run make collect")
        rows = grade_collection(folder, args.limit, args.jobs, tuple(args.notebooks))
    except (CollectError, KeyError) as exc:
        print(f"make grade: {exc}", file=sys.stderr)
        return 2
    feedback = args.out / "feedback"
    shutil.rmtree(feedback, ignore_errors=True)
    pages = feedback_pages.write_pages(rows, feedback, collection=folder.name)
    out = gradebook.write_csv(rows, args.out / "grades.csv", Row)
    counts = {s: sum(r.status == s for r in rows) for s in STATUSES}
    print(f"graded {folder.name}: {len(rows)} rows ({', '.join(f'{n} {s}' for s, n in counts.items())}) "
          f"-> {out}; {len(pages)} feedback pages in {feedback}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
