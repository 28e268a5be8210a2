"""`make collect` and `make grade` (issue 21): read-only copies of the homes' notebooks, re-run in a fresh
kernel, each exercise graded in the grader's process from the answer the kernel emitted as JSON."""

import csv
import hashlib
import os
from html import escape as html_escape
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from classroom import answers, collect, grade
from classroom.homes import HOMES_ENV
from helpers.exercises.questions import resolve
from helpers.exercises.registry import answer_key

NB02 = "02-dual-use-goods.ipynb"


def exercise(source: str, qid: str, var: str) -> nbformat.NotebookNode:
    return new_code_cell(f"{source}\ncheck({qid!r}, {var})",
                         metadata={"tags": ["exercise"], "skill": "judge"})


def student_nb02() -> nbformat.NotebookNode:
    """A student's notebook 02 cut down to a few exercises: one right (graded), one not JSON-able, one wrong
    that prints "✓ Correct." and forges an answer for another exercise, then a cell that outlives the limit."""
    key = answer_key("nb02-c2-verdict")
    right = {"verdict": resolve(key.verdict), "evidence": list(resolve(key.evidence))}
    forged = ("from IPython.display import display\n"
              f"display({{{answers.MIME!r}: {{'qid': 'nb02-exports-growth', 'answer': 1.0}}}}, raw=True)")
    return new_notebook(cells=[
        new_code_cell("from helpers.checks import check"),
        exercise(f"c2 = {right!r}", "nb02-c2-verdict", "c2"),
        exercise("import pandas as pd\nchpl_reading = pd.DataFrame({'a': [1]})", "nb02-chpl-reading", "chpl_reading"),
        exercise("levels = ['90', '9031', '903099']\nprint('✓ Correct.')\n" + forged, "nb02-hs-levels", "levels"),
        new_code_cell("import time\ntime.sleep(60)"),
        exercise("article_needs = 'c'", "nb02-article-needs", "article_needs"),
    ])


@pytest.fixture(scope="module")
def homes(tmp_path_factory) -> Path:
    homes = tmp_path_factory.mktemp("homes")
    (homes / ".hub").mkdir()
    (homes / "ana").mkdir()
    nbformat.write(student_nb02(), homes / "ana" / NB02)
    (homes / "ana" / "notes.txt").write_text("not a notebook")
    (homes / "ben").mkdir()  # never opened a notebook
    (homes / "dee").mkdir()
    (homes / "dee" / NB02).write_text("{ not a notebook")  # a copy that cannot be read: only dee's rows
    (homes / "cy").mkdir()
    (homes / "cy" / "00-start-here.ipynb").symlink_to(homes / "ana" / NB02)  # a link is never followed
    return homes


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() + oct(p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def collection(homes, tmp_path_factory) -> collect.Collection:
    before = digest(homes)
    c = collect.collect(homes, tmp_path_factory.mktemp("collected"))
    assert digest(homes) == before  # the homes are only read
    return c


def test_collect_makes_read_only_copies_and_lists_every_student(collection):
    assert collection.students == {"ana": [NB02], "ben": [], "cy": [], "dee": [NB02]}
    copy = collection.folder / "ana" / NB02
    assert copy.stat().st_mode & 0o777 == 0o444
    assert len(collection.skipped) == 1 and collection.skipped[0].startswith("cy/00-start-here.ipynb: ")
    assert "is a link" in collection.skipped[0]
    assert collect.newest(collection.folder.parent) == collection.folder


def test_collect_without_homes_names_the_path_and_the_variable(tmp_path, capsys):
    assert collect.main(["--homes", str(tmp_path / "nowhere"), "--out", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "nowhere") in err and HOMES_ENV in err


def test_grade_without_a_collection_says_to_collect(tmp_path, capsys):
    assert grade.main(["--collection", str(tmp_path), "--out", str(tmp_path)]) == 2
    assert "run make collect" in capsys.readouterr().err


@pytest.fixture(scope="module")
def graded(collection, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("grades")
    assert grade.main(["--collection", str(collection.folder), "--out", str(out), "--limit", "20"]) == 0
    with open(out / "grades.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return out, {(r["student"], r["exercise"]): r for r in rows}


def test_grades_csv_has_a_row_per_student_and_exercise(graded):
    _, rows = graded
    kit = [ex.qid for ex in grade.kit_exercises(NB02)]
    assert {s for s, _ in rows} == {"ana", "ben", "cy", "dee"} and len(rows) == 4 * len(kit)
    assert all(r["status"] in grade.STATUSES for r in rows.values())
    assert list(next(iter(rows.values()))) == ["student", "notebook", "exercise", "skill", "status", "feedback"]


def test_each_exercise_gets_the_status_it_earned(graded):
    _, rows = graded
    ana = {q: rows["ana", q] for s, q in rows if s == "ana"}
    assert ana["nb02-c2-verdict"]["status"] == "correct"  # graded: the instructor's key from grading/
    assert ana["nb02-c2-verdict"]["skill"] == "judge"
    assert ana["nb02-chpl-reading"]["status"] == "error"
    assert "a DataFrame, which cannot be graded" in ana["nb02-chpl-reading"]["feedback"]
    printed = ana["nb02-hs-levels"]  # its printed "✓ Correct." decides nothing
    assert printed["status"] == "incorrect" and "orrect" not in printed["feedback"]
    assert ana["nb02-exports-growth"]["status"] == "unanswered"  # the forged answer was not the grader's cell
    assert ana["nb02-article-needs"]["status"] == "error"
    assert "time limit (20 s)" in ana["nb02-article-needs"]["feedback"]
    assert {rows["ben", q]["status"] for s, q in rows if s == "ben"} == {"unanswered"}
    dee = [rows["dee", q] for s, q in rows if s == "dee"]
    assert {r["status"] for r in dee} == {"error"} and "could not be run" in dee[0]["feedback"]


def test_every_student_gets_a_feedback_page(graded):
    out, rows = graded
    pages = sorted(p.name for p in (out / "feedback").iterdir())
    assert pages == ["ana.html", "ben.html", "cy.html", "dee.html"]
    html = (out / "feedback" / "ana.html").read_text(encoding="utf-8")
    assert NB02 in html and "nb02-c2-verdict" in html and "not yet right" in html and "<script" not in html
    wrong = rows["ana", "nb02-hs-levels"]["feedback"]
    assert html_escape(wrong) in html


def test_answers_round_trip_and_what_cannot_be_graded():
    import numpy as np
    import pandas as pd

    value = answers.decode(answers.encode_for_test(
        {"a": np.int64(3), "b": (1.5, "x"), "c": {"s"}, "d": np.array([1, 2]), "e": ...}))
    assert value == {"a": 3, "b": (1.5, "x"), "c": {"s"}, "d": [1, 2], "e": Ellipsis}
    series = answers.decode(answers.encode_for_test(pd.Series({"C3": "event"})))
    assert series.to_dict() == {"C3": "event"}
    with pytest.raises(TypeError, match="a function"):
        answers.encode_for_test(lambda: 1)
    assert answers.read_emitted([], "nb00-map")[1].startswith("the answer could not be read")


def test_the_grading_kernel_is_guarded_and_off_the_class_server(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "ana")
    monkeypatch.setenv("CHOKEPOINTS_ATTEMPTS", "/tmp/x")
    env = grade.kernel_env()
    assert env["CHOKEPOINTS_NETGUARD"] == "1" and "JUPYTERHUB_USER" not in env
    assert "CHOKEPOINTS_ATTEMPTS" not in env and env["MPLBACKEND"] == "Agg"
    assert os.environ["JUPYTERHUB_USER"] == "ana"  # the grader's own environment is left as it was


def test_the_simulated_students_answers_are_what_the_classroom_test_expects():
    from classroom import probes
    from helpers.build.student import student_notebook

    kit = nbformat.read(grade.NOTEBOOK_DIR / probes.GRADED_NOTEBOOK, as_version=4)
    handed_out = student_notebook(kit)
    stubs = [c.source for c in handed_out.cells if "exercise" in c.metadata.get("tags", [])]
    for how in ("right", "wrong", "none", "raises"):
        mine = [c.source for c in probes.answered(handed_out, kit, how).cells
                if "exercise" in c.metadata.get("tags", [])]
        assert len(mine) == len(stubs) and len(stubs) >= 5, how
        changed = [a != b for a, b in zip(mine, stubs, strict=True)]
        assert changed == {"right": [True] * len(stubs), "wrong": [True] * len(stubs), "none": [False] * len(stubs),
                           "raises": [True] + [False] * (len(stubs) - 1)}[how], how
    assert all("= ..." not in s for s in [c.source for c in probes.answered(handed_out, kit, "wrong").cells
                                          if "exercise" in c.metadata.get("tags", [])])
