"""The student repository (`make student-repo`, issue 21 item 4): what Binder and nbgitpuller serve holds
no solution cell and no teaching note, installs on its own and imports its own helpers."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from helpers import lessons, tags
from helpers.build import student_repo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student-repo")
    (out / ".git").mkdir()  # a clone pushed from an earlier build: kept
    (out / "stale.txt").write_text("from an earlier build")
    student_repo.write_student_repo(out)
    return out


def test_no_solution_cell_and_no_teaching_note(tree):
    assert student_repo.leaks(tree) == []
    assert not list(tree.rglob("*.notes.md"))
    for nb in tree.rglob("*.ipynb"):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            assert tags.SOLUTION not in cell.get("metadata", {}).get("tags", []), nb.name
            assert tags.REMOVE_CELL not in cell.get("metadata", {}).get("tags", []), nb.name
            assert cell.get("outputs", []) == [], nb.name


def test_every_notebook_in_order_with_its_exercises(tree):
    names = sorted(p.name for p in (tree / "notebooks").glob("*.ipynb"))
    assert names == sorted(o.path.name for o in lessons.outline())
    first = json.loads((tree / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
    assert any(tags.EXERCISE in c.get("metadata", {}).get("tags", []) for c in first["cells"])


def test_a_leak_is_found(tmp_path):
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["solution"]}, "source": "x = 1"}]}
    (tmp_path / "a.ipynb").write_text(json.dumps(nb))
    (tmp_path / "helpers").mkdir()
    (tmp_path / "helpers" / "x.notes.md").write_text("plan")
    assert student_repo.leaks(tmp_path) == ["helpers/x.notes.md: teaching notes", "a.ipynb: a 'solution' cell"]


def test_a_rebuild_replaces_the_old_tree_but_keeps_git(tree):
    assert (tree / ".git").is_dir()
    assert not (tree / "stale.txt").exists()
    assert not list(tree.rglob("__pycache__")) and not list(tree.rglob("*.pyc"))


def test_it_has_what_installing_it_needs(tree):
    for name in (*student_repo.FILES, "README.md", "seeds", "helpers/__init__.py", "helpers/data"):
        assert (tree / name).exists(), name
    project = tomllib.loads((tree / "pyproject.toml").read_text())["project"]
    assert (tree / project["readme"]).is_file()
    for licence in project["license-files"]:
        assert (tree / licence).is_file(), licence
    assert any((tree / "seeds").glob("*.toml"))
    assert (tree / "helpers" / "jupyterlab" / "overrides.json").is_file()  # postBuild copies it
    readme = (tree / "README.md").read_text()
    assert "student edition" in readme and "helpers/exercises/" in readme  # it says the answers ship


def test_its_own_helpers_load_the_data_and_the_article(tree):
    code = ("import helpers, helpers.data, helpers.paths; helpers.data.load('article_copies'); "
            "print(helpers.__file__); print(helpers.paths.ROOT); print(helpers.paths.SEEDS_DIR)")
    env = {**os.environ, "PYTHONPATH": str(tree), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    module, root, seeds = done.stdout.split()
    assert Path(module).is_relative_to(tree), module  # not the kit's own helpers
    assert Path(root) == tree and Path(seeds) == tree / "seeds"


def test_make_and_the_readme_use_it():
    makefile = (ROOT / "Makefile").read_text()
    assert "student-repo:" in makefile and "$(PY) -m helpers student-repo --out build/student-repo" in makefile
    readme = (ROOT / "README.md").read_text()
    assert "make student-repo" in readme
    assert "git archive HEAD helpers" not in readme  # the by-hand recipe is gone


# --- graded answers are instructor-only (issue 21, K10) ---------------------------------------------------

def graded_answer_texts() -> list[str]:
    """What only the instructor's grading/ holds: each graded verdict's feedback for a wrong pick, its hint."""
    from helpers.exercises.registry import answers, notebooks_with_exercises

    texts = []
    for number in notebooks_with_exercises():
        for q in answers(number).values():
            texts += [why[:50] for why in q.verdicts.values() if why] + ([q.hint[:50]] if q.hint else [])
    return texts


@pytest.fixture(scope="module")
def kit_copy(tmp_path_factory) -> Path:
    from classroom.isolation import student_kit

    return student_kit(ROOT, tmp_path_factory.mktemp("kit") / "kit")


@pytest.mark.parametrize("which", ["tree", "kit_copy"])
def test_no_expected_answer_of_a_graded_question(which, request):
    edition = request.getfixturevalue(which)
    texts = graded_answer_texts()
    assert len(texts) >= 6  # the six graded verdicts of notebooks 02-05
    assert not list(edition.rglob("grading")), f"{which}: the instructor's grading/ folder was copied"
    for path in edition.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".ipynb", ".md", ".json", ".toml", ".txt", ".csv"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found = [t for t in texts if t in text or json.dumps(t)[1:-1] in text]
            assert not found, f"{which}: {path.relative_to(edition)} holds graded answers: {found}"


def test_a_graded_question_in_the_student_edition_checks_only_the_form(tree):
    code = ("from helpers.checks import check, question\n"
            "q = question('nb02-c2-verdict'); print(type(q).__name__)\n"
            "print(check('nb02-c2-verdict', {'verdict': 'supported', 'evidence': ['sdn-2024-08-23']}))\n"
            "print(check('nb02-c2-verdict', {'verdict': 'maybe', 'evidence': ['x']}).ok)")
    env = {**os.environ, "PYTHONPATH": str(tree), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    kind, saved, bad = done.stdout.strip().splitlines()
    assert kind == "GradedVerdict" and bad == "False"
    assert saved.startswith("Saved: your instructor will grade this one") and "orrect" not in saved


def test_the_instructors_edition_and_the_grader_see_the_answers():
    from helpers.checks import check
    from helpers.exercises import GradedVerdict, Verdict
    from helpers.exercises.registry import answer_key, answers, find, graded

    for number in ("02", "03", "04", "05"):
        keys = answers(number)
        module = __import__(f"helpers.exercises.nb{number}", fromlist=["QUESTIONS"])
        marked = {qid for qid, q in module.QUESTIONS.items() if graded(q)}
        assert marked == set(keys), number  # every graded question has its answer, and only those
        for qid in keys:
            assert isinstance(module.QUESTIONS[qid], GradedVerdict) and isinstance(answer_key(qid), Verdict)
            assert set(module.QUESTIONS[qid].verdicts) == set(keys[qid].verdicts), qid
            assert find(qid) is keys[qid]
    assert not check("nb02-c2-verdict", {"verdict": "supported", "evidence": ["sdn-2024-08-23"]}).ok


def test_on_a_class_server_a_graded_question_checks_only_the_form(monkeypatch):
    from helpers.exercises import GradedVerdict
    from helpers.exercises.registry import HUB_USER_ENV, answer_key, find

    monkeypatch.setenv(HUB_USER_ENV, "ana")
    assert isinstance(find("nb03-c17-verdict"), GradedVerdict)
    assert answer_key("nb03-c17-verdict").kind == "verdict"  # make grade still has the answer
