"""The gradebook (W5): check() records each attempt in the student's home; `make grades` collects them.
Two simulated students, written through the real check(); `make classroom-test` does it on a real hub."""

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from classroom import gradebook
from classroom.config import ATTEMPTS_FILE
from helpers.exercises import find
from helpers.exercises.questions import resolve
from helpers.exercises.records import ATTEMPTS_ENV

ROOT = Path(__file__).resolve().parents[2]

STUDENT = """
from helpers.checks import check
for answer in {answers!r}:
    check("nb00-themes", answer)
"""


#: nb00-themes is a Choice: its right letter and two wrong ones, read from the question itself.
RIGHT = resolve(find("nb00-themes").expected)
WRONG, OTHER_WRONG = [o for o in find("nb00-themes").options if o != RIGHT][:2]


def work(homes: Path, student: str, answers: list[str]) -> Path:
    """What a student's kernel on the class server does: check() with the hub's variables set."""
    home = homes / student
    home.mkdir(parents=True)
    path = home / ATTEMPTS_FILE
    env = {**os.environ, ATTEMPTS_ENV: str(path), "JUPYTERHUB_USER": student}
    subprocess.run([sys.executable, "-c", STUDENT.format(answers=answers)], env=env, check=True, cwd=ROOT)
    return path


def test_check_records_each_attempt_in_the_students_home(tmp_path):
    path = work(tmp_path, "ana", [WRONG, RIGHT])
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(r["student"], r["question"], r["ok"]) for r in rows] == [
        ("ana", "nb00-themes", False), ("ana", "nb00-themes", True)]
    assert all(r["time"].endswith("+00:00") for r in rows)
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_check_records_nothing_off_the_class_server(tmp_path, monkeypatch):
    monkeypatch.delenv(ATTEMPTS_ENV, raising=False)
    from helpers.checks import check

    assert check("nb00-themes", RIGHT).ok
    assert list(tmp_path.iterdir()) == []


def test_make_grades_collects_two_students_without_changing_their_files(tmp_path):
    homes = tmp_path / "homes"
    files = [work(homes, "ana", [WRONG, RIGHT, OTHER_WRONG]),
             work(homes, "ben", [RIGHT])]
    (homes / "cara").mkdir()  # logged in, never checked anything
    (homes / ".hub").mkdir()  # the hub's own state is not a student
    with open(files[1], "a") as f:
        f.write("not json\n")
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]
    stamps = [p.stat().st_mtime_ns for p in files]
    out = tmp_path / "build" / "grades" / "attempts.csv"
    assert gradebook.main(["--homes", str(homes), "--out", str(out)]) == 0
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in files] == before
    assert [p.stat().st_mtime_ns for p in files] == stamps
    rows = list(csv.DictReader(out.open()))
    assert [(r["student"], r["question"], r["attempts"], r["final_ok"]) for r in rows] == [
        ("ana", "nb00-themes", "3", "False"),  # right on the 2nd try, then changed to a wrong answer
        ("ben", "nb00-themes", "1", "True"),
    ]
    assert rows[0]["first_ok"] and rows[0]["first_ok"] == json.loads(files[0].read_text().splitlines()[1])["time"]
    grades, problems = gradebook.collect(homes)
    assert problems == [f"{files[1]}: 1 line(s) skipped (not an attempt)"]


def test_the_student_is_the_homes_name_not_what_a_line_says(tmp_path):
    home = tmp_path / "ana"
    home.mkdir()
    (home / ATTEMPTS_FILE).write_text(json.dumps({"student": "ben", "question": "nb00-themes", "ok": True,
                                                  "time": "t"}) + "\n")
    (grade,) = gradebook.collect(tmp_path)[0]
    assert grade.student == "ana"


def test_make_grades_without_homes_says_where_it_looked(tmp_path, capsys):
    assert gradebook.main(["--homes", str(tmp_path / "none"), "--out", str(tmp_path / "g.csv")]) == 2
    assert "CLASSROOM_HOMES" in capsys.readouterr().err


def test_make_grades_is_a_target():
    out = subprocess.run(["make", "--no-print-directory", "-n", "grades"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "-m helpers grades" in out
