"""``make grades``: every student's self-check attempts, collected from their homes into one CSV.

On a class server each ``check()`` appends a line to ``.chokepoints-attempts.jsonl`` in the student's
home (:mod:`helpers.exercises.records`). This reads those files (never writes them) and writes
``build/grades/attempts.csv``: one row per student and question with the number of attempts, the time of
the first right answer and whether the last attempt was right. The student is the home's folder name,
not the name inside a line (a student can edit their own file, so the gradebook shows effort and
progress, not proof). Lines that are not attempts are counted and skipped. The grades themselves come
from ``make collect`` and ``make grade`` (:mod:`classroom.grade`), which re-run each student's notebook.

>>> rows = summarise("ana", [{"question": "nb00-themes", "ok": False, "time": "t1"},
...                          {"question": "nb00-themes", "ok": True, "time": "t2"}])
>>> rows[0]
Grade(student='ana', question='nb00-themes', attempts=2, first_ok='t2', final_ok=True)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from classroom.config import ATTEMPTS_FILE, ROOT
from classroom.homes import default_homes, student_homes


@dataclass(frozen=True)
class Grade:
    """One student's attempts at one question."""

    student: str
    question: str
    attempts: int
    first_ok: str  # ISO time of the first right answer, "" if none
    final_ok: bool


def read_attempts(path: Path) -> tuple[list[dict], int]:
    """The attempts in one student's file, and how many lines were skipped as not attempts."""
    good, bad = [], 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                bad += 1
                continue
            attempt = isinstance(row, dict) and isinstance(row.get("question"), str)
            if attempt and isinstance(row.get("ok"), bool):
                good.append(row)
            else:
                bad += 1
    return good, bad


def summarise(student: str, attempts: list[dict]) -> list[Grade]:
    """One :class:`Grade` per question ``student`` tried, in question order; attempts in file order."""
    by_question: dict[str, list[dict]] = {}
    for a in attempts:
        by_question.setdefault(a["question"], []).append(a)
    return [
        Grade(
            student,
            q,
            len(rows),
            next((str(r.get("time", "")) for r in rows if r["ok"]), ""),
            rows[-1]["ok"],
        )
        for q, rows in sorted(by_question.items())
    ]


def collect(homes: Path) -> tuple[list[Grade], list[str]]:
    """Every student's grades under ``homes`` (students in name order), and a line per problem found."""
    grades, problems = [], []
    for home in student_homes(homes):
        path = home / ATTEMPTS_FILE
        if not path.is_file():
            continue
        attempts, bad = read_attempts(path)
        if bad:
            problems.append(f"{path}: {bad} line(s) skipped (not an attempt)")
        grades += summarise(home.name, attempts)
    return grades, problems


def write_csv(rows: Sequence, out: Path, row_type: type = Grade) -> Path:
    """``rows`` (dataclasses of ``row_type``) as CSV: a header of its fields, then one line per row.

    >>> import tempfile
    >>> out = write_csv([Grade("ana", "nb00-themes", 2, "t2", True)], Path(tempfile.mkdtemp()) / "g.csv")
    >>> out.read_text().splitlines()
    ['student,question,attempts,first_ok,final_ok', 'ana,nb00-themes,2,t2,True']
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([f.name for f in fields(row_type)])
        w.writerows(astuple(r) for r in rows)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make grades", description=__doc__.split("\n\n")[0])
    parser.add_argument("--homes", type=Path, default=default_homes(), help="the class's homes")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "grades" / "attempts.csv")
    args = parser.parse_args(argv)
    try:
        grades, problems = collect(args.homes)
    except FileNotFoundError as exc:
        print(f"make grades: {exc}", file=sys.stderr)
        return 2
    for line in problems:
        print(f"warning: {line}", file=sys.stderr)
    write_csv(grades, args.out)
    students = len({g.student for g in grades})
    print(f"{len(grades)} rows for {students} students written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
