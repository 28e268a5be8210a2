"""``make collect``: every student's notebooks copied from the homes into a timestamped, read-only collection.

For each student's home (one folder per student in the class's homes, ``classroom-homes/`` or
``$CLASSROOM_HOMES``) the lesson notebooks (``NN-*.ipynb``) are copied into
``build/grades/collected/<UTC time>/<student>/``, each copy mode 0444. The homes are only read: a file
is opened without following links (a student's link to another file is skipped and named) and never
written. ``collection.json`` in the collection lists each student's notebooks, ``[]`` for a student
with none, and the files skipped. ``make grade`` grades the newest collection.

>>> stamp(__import__("datetime").datetime(2026, 12, 3, 9, 5, 1, tzinfo=__import__("datetime").UTC))
'2026-12-03T09-05-01Z'
"""

from __future__ import annotations

import argparse
import datetime
import errno
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from classroom import variables
from classroom.config import ROOT, lesson_notebooks
from classroom.homes import HOMES_ENV, student_homes

GRADES_DIR = ROOT / "build" / "grades"
COLLECTED_DIR = GRADES_DIR / "collected"
MANIFEST = "collection.json"
ALL_NUMBERS = tuple(f"{i:02d}" for i in range(100))
#: A notebook larger than this is not copied (a home is the student's; the collection is the instructor's).
MAX_BYTES = 50 * 1024 * 1024


class CollectError(RuntimeError):
    """The homes could not be collected (the message names the path and the fix)."""


@dataclass(frozen=True)
class Collection:
    """One collection: its folder, each student's copied notebooks (names), and the files skipped."""

    folder: Path
    students: dict[str, list[str]]
    skipped: list[str] = field(default_factory=list)


def stamp(now: datetime.datetime) -> str:
    """A UTC time as a folder name that sorts in time order."""
    return now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H-%M-%SZ")


def copy_read_only(src: Path, dest: Path) -> None:
    """Copy the regular file ``src`` to ``dest`` (mode 0444) without following a link; OSError otherwise."""
    try:
        fd = os.open(src, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(f"{src} is a link, not a notebook (links are not followed)") from None
        raise
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{src} is not a regular file")
        if info.st_size > MAX_BYTES:
            raise OSError(f"{src} has {info.st_size} bytes, more than {MAX_BYTES}")
        data = f.read(MAX_BYTES + 1)
    dest.write_bytes(data)
    dest.chmod(0o444)


def collect(homes: Path, out: Path = COLLECTED_DIR, now: datetime.datetime | None = None) -> Collection:
    """Copy every student's lesson notebooks from ``homes`` into a new folder of ``out``; return it."""
    try:
        students = student_homes(homes)
    except FileNotFoundError as exc:
        raise CollectError(str(exc)) from None
    when = now or datetime.datetime.now(datetime.UTC)
    folder = Path(out) / stamp(when)
    n = 1
    while folder.exists():  # two collections in one second: the second gets a suffix
        n += 1
        folder = Path(out) / f"{stamp(when)}-{n}"
    folder.mkdir(parents=True)
    copied: dict[str, list[str]] = {}
    skipped: list[str] = []
    for home in students:
        dest = folder / home.name
        dest.mkdir()
        copied[home.name] = []
        for nb in lesson_notebooks(home, ALL_NUMBERS):
            try:
                copy_read_only(nb, dest / nb.name)
            except OSError as exc:
                skipped.append(f"{home.name}/{nb.name}: {exc.strerror if exc.filename else exc}")
                continue
            copied[home.name].append(nb.name)
    manifest = {"collected": when.astimezone(datetime.UTC).isoformat(timespec="seconds"),
                "homes": str(homes), "students": copied, "skipped": skipped}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return Collection(folder, copied, skipped)


def newest(out: Path = COLLECTED_DIR) -> Path:
    """The newest collection in ``out``; a :class:`CollectError` saying to run ``make collect`` if none."""
    found = sorted(p for p in Path(out).glob("*") if (p / MANIFEST).is_file()) if Path(out).is_dir() else []
    if not found:
        raise CollectError(f"no collection in {out}: run make collect first (it copies the notebooks from "
                           f"the homes, ${HOMES_ENV} or classroom-homes/)")
    return max(found, key=lambda p: (p.name[:20], len(p.name), p.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make collect", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=COLLECTED_DIR, help="where collections go")
    try:
        homes = variables.read(os.environ)["homes"]
    except variables.SettingError as exc:
        print(f"make collect: {exc}", file=sys.stderr)
        return 2
    parser.add_argument("--homes", type=Path, default=homes, help="the class's homes ($CLASSROOM_HOMES)")
    args = parser.parse_args(argv)
    try:
        c = collect(args.homes, args.out)
    except CollectError as exc:
        print(f"make collect: {exc}", file=sys.stderr)
        return 2
    for line in c.skipped:
        print(f"skipped {line}", file=sys.stderr)
    none = [s for s, nbs in c.students.items() if not nbs]
    for s in none:
        print(f"{s}: no notebook")
    total = sum(map(len, c.students.values()))
    print(f"collected {total} notebooks of {len(c.students)} students into {c.folder} (read-only copies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
