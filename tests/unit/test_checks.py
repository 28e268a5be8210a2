"""Tests for helpers.checks and the question types in helpers.exercises (DESIGN §8).

Feedback must say what is off (type, units, magnitude, sign, direction, count, order)
without printing the expected answer.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.checks import check, question
from helpers.exercises import Choice, Feedback, Items, Mapping, Number, notebooks_with_exercises

# --- Feedback ---------------------------------------------------------------------------------------

def test_feedback_truthiness_str_and_html():
    ok, no = Feedback(True, "✓ Correct."), Feedback(False, "✗ <b>no</b>")
    assert bool(ok) and not bool(no)
    assert str(ok) == repr(ok) == "✓ Correct."
    assert "&lt;b&gt;" in no._repr_html_() and "#a33a00" in no._repr_html_()
    assert "#006d4f" in ok._repr_html_()


# --- Number: tolerances, units, magnitude, sign, types ----------------------------------------------

@pytest.fixture
def q110() -> Number:
    return Number(expected=110.97, unit="USD bn", rel_tol=0.01)


@pytest.mark.parametrize("answer", [110.97, 111.0, 110.0, 112.0, np.float64(111.5), 111])
def test_number_within_relative_tolerance(q110, answer):
    assert q110.feedback(answer).ok


@pytest.mark.parametrize(("answer", "word"), [(112.5, "too high"), (109.0, "too low")])
def test_number_just_outside_tolerance_says_direction(q110, answer, word):
    fb = q110.feedback(answer)
    assert not fb.ok and word in fb.message and "within 1% counts as right" in fb.message


def test_number_absolute_tolerance():
    q = Number(expected=8, rel_tol=0.0, abs_tol=0.5)
    assert q.feedback(8.4).ok and q.feedback(7.5).ok
    fb = q.feedback(8.6)
    assert not fb.ok and "within ±0.5 counts as right" in fb.message


def test_number_exact_count():
    q = Number(expected=8, rel_tol=0.0, abs_tol=0.0)
    assert q.feedback(8).ok and q.feedback(np.int64(8)).ok
    assert not q.feedback(9).ok


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        (110970, "1,000 times too large"),
        (0.11097, "1,000 times too small"),
        (11097, "100 times too large"),
        (110.97e6, "1,000,000 times too large"),
        (110.97e9, "1,000,000,000 times too large"),
        (5000, "order of magnitude is off"),
        (-110.97, "sign is wrong"),
    ],
)
def test_number_names_what_is_off(q110, answer, phrase):
    fb = q110.feedback(answer)
    assert not fb.ok and phrase in fb.message
    assert "110.97" not in fb.message  # never gives the answer away


def test_number_unit_named_in_magnitude_hint(q110):
    assert "(USD bn)" in q110.feedback(110970).message


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        ("110.97", "got str '110.97'. Remove the quotes"),
        (True, "got bool"),
        (None, "got None: nothing was assigned"),
        ([110.97, 1.0], "got a list of 2 item(s)"),
        (complex(1, 1), "got complex"),
    ],
)
def test_number_wrong_types(q110, answer, phrase):
    fb = q110.feedback(answer)
    assert not fb.ok and phrase in fb.message and "Expected a number (USD bn)" in fb.message


def test_number_nan(q110):
    fb = q110.feedback(math.nan)
    assert not fb.ok and "NaN" in fb.message


def test_number_callable_expected_and_hint():
    calls = []

    def expected() -> float:
        calls.append(1)
        return 4.0

    q = Number(expected=expected, hint="Divide the two years.")
    assert q.feedback(4.0).ok and calls
    assert "Divide" not in q.feedback(5.0).message  # the hint is check()'s, from the second wrong try


def test_number_zero_expected():
    q = Number(expected=0.0, abs_tol=0.01)
    assert q.feedback(0.005).ok
    fb = q.feedback(3.0)
    assert not fb.ok and "too high" in fb.message


# --- Choice -------------------------------------------------------------------------------------------

@pytest.fixture
def choice() -> Choice:
    return Choice(expected="b", options=("a", "b", "c"), hint="Read P11 again.")


def test_choice_right_and_case_insensitive(choice):
    assert choice.feedback("b").ok and choice.feedback(" B ").ok


def test_choice_wrong_option_gives_hint_not_answer(choice):
    fb = choice.feedback("a")
    assert not fb.ok and "possible answer, but not this one" in fb.message and "Read P11" not in fb.message


def test_choice_not_an_option_lists_choices(choice):
    fb = choice.feedback("d")
    assert not fb.ok and "'d' is not one of the choices: 'a', 'b', 'c'" in fb.message


@pytest.mark.parametrize("answer", [1, None, ["b"], ("b",)])
def test_choice_wrong_types(choice, answer):
    fb = choice.feedback(answer)
    assert not fb.ok and "(a string)" in fb.message


# --- Items: set and order handling ------------------------------------------------------------------

def test_items_unordered_accepts_any_order_and_container():
    q = Items(expected=("C2", "C3", "C16"))
    for answer in (["C16", "C2", "C3"], ("C3", "C2", "C16"), {"C2", "C3", "C16"}):
        assert q.feedback(answer).ok


def test_items_ordered_needs_the_order():
    q = Items(expected=(1, 2, 3), ordered=True)
    assert q.feedback([1, 2, 3]).ok
    fb = q.feedback([3, 2, 1])
    assert not fb.ok and "right items, in the wrong order" in fb.message


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        (["C2", "C3"], "2 of 3 right, 1 missing"),
        (["C2", "C3", "C16", "C17"], "3 of 3 right, 1 that should not be there"),
        (["C2", "C9"], "1 of 3 right, 2 missing, 1 that should not be there"),
        ([], "0 of 3 right, 3 missing"),
        (["C2", "C2", "C3"], "some items appear twice"),
    ],
)
def test_items_counts_what_is_off(answer, phrase):
    fb = Items(expected=("C2", "C3", "C16")).feedback(answer)
    assert not fb.ok and phrase in fb.message


@pytest.mark.parametrize("answer", ["C2, C3, C16", 3, None, b"C2"])
def test_items_wrong_types(answer):
    fb = Items(expected=("C2", "C3", "C16")).feedback(answer)
    assert not fb.ok and "Expected a list of items" in fb.message


def test_items_normalise():
    q = Items(expected=("C2", "C3"), normalise=lambda x: x.strip().upper())
    assert q.feedback([" c3", "C2 "]).ok


def test_items_numbers_are_not_strings():
    fb = Items(expected=(2, 4)).feedback(["2", "4"])
    assert not fb.ok and "0 of 2 right" in fb.message


# --- Mapping ------------------------------------------------------------------------------------------

@pytest.fixture
def mapping() -> Mapping:
    return Mapping(expected={"C3": "statistic", "C4": "event"}, labels=("statistic", "event", "attribution"))


def test_mapping_right(mapping):
    assert mapping.feedback({"C4": "event", "C3": "statistic"}).ok


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        ({"C3": "statistic", "C4": "attribution"}, "1 of 2 labelled right"),
        ({"C3": "statistic"}, "no label for C4"),
        ({"C3": "statistic", "C4": "event", "C9": "event"}, "C9 is not part of this exercise"),
        ({"C3": "statistics", "C4": "event"}, "'statistics' is not a label"),
        (["C3", "C4"], "Expected a dict"),
        ("C3=statistic", "got str"),
    ],
)
def test_mapping_names_what_is_off(mapping, answer, phrase):
    fb = mapping.feedback(answer)
    assert not fb.ok and phrase in fb.message


# --- check() and question ids -----------------------------------------------------------------------

@pytest.mark.parametrize("qid", ["nb1-x", "NB01-classify", "nb01_classify", "", 101, None, "nb01-"])
def test_malformed_ids(qid):
    with pytest.raises(KeyError, match="is not a question id"):
        check(qid, "x")


def test_unknown_notebook():
    with pytest.raises(KeyError, match="no exercises for notebook 99"):
        check("nb99-anything", 1)


def test_unknown_question_lists_the_notebooks_questions():
    with pytest.raises(KeyError, match="unknown question 'nb01-nope'; notebook 01 has: .*nb01-classify"):
        check("nb01-nope", 1)


def test_notebooks_with_exercises_includes_01():
    assert {"00", "01"} <= set(notebooks_with_exercises())


# --- notebook 01's questions -------------------------------------------------------------------------

def test_nb01_classify():
    right = {"C4": "event", "C13": "attribution", "C17": "statistic", "C27": "opinion-prediction"}
    assert check("nb01-classify", right).ok
    fb = check("nb01-classify", {**right, "C13": "event"})
    assert not fb.ok and "3 of 4 labelled right" in fb.message


def test_nb01_quotation_names_each_misconception():
    assert check("nb01-quotation", " C ").ok
    messages = {o: check("nb01-quotation", o).message for o in ("a", "b", "d")}
    assert "Quotation marks" not in messages["a"] and "went into another language" in messages["a"]
    assert "cite the copy" in messages["b"] and "Too strict" in messages["d"]


def test_nb01_climb_grades_each_rung_from_the_ladder():
    right = {"oil-presstv-2024-11": "copy", "orig-bloomberg-2024-11-23": "report", "orig-kpler": "publisher"}
    assert check("nb01-climb", right).ok
    fb = check("nb01-climb", {**right, "orig-bloomberg-2024-11-23": "publisher"})
    assert not fb.ok and "orig-bloomberg-2024-11-23" in fb.message


def test_nb01_prediction_verdict_follows_the_ledger():
    assert check("nb01-prediction-verdict", "b").ok
    assert "grades the prediction" in check("nb01-prediction-verdict", "a").message


def test_nb01_p11_meaning():
    assert tuple(question("nb01-p11-meaning").options) == ("a", "b", "c")
    assert check("nb01-p11-meaning", "c").ok
    assert "misspelt name" in check("nb01-p11-meaning", "a").message


def test_nb01_count_verdict_follows_the_ledger():
    assert check("nb01-count-verdict", "b").ok
    assert "precise number" in check("nb01-count-verdict", "a").message


# --- the learning layer runs one way ----------------------------------------------------------------

def test_exercises_never_import_checks():
    """checks imports exercises, never the reverse: no module under helpers/exercises names checks."""
    import ast
    from pathlib import Path

    import helpers.exercises

    for path in Path(helpers.exercises.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
                     if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.startswith("helpers.checks") for n in names), f"{path.name} imports checks"


@pytest.mark.parametrize("qid", [
    "nb00-themes",
    "nb03-output-fall",
    "nb04-share-2023",
])
def test_a_check_does_not_pull_in_matplotlib(qid):
    import subprocess
    import sys

    code = (f"import sys\nfrom helpers.checks import check\ncheck({qid!r}, 1.0)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'ipywidgets')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_a_new_articles_questions_are_found_beside_its_notebook(tmp_path, monkeypatch):
    """make new-article writes nbNN_questions.py beside the notebook; check() finds it there."""
    (tmp_path / "nb87_questions.py").write_text(
        "from helpers.exercises import Number\nQUESTIONS = {'nb87-count': Number(expected=3, rel_tol=0)}\n")
    monkeypatch.chdir(tmp_path)
    assert check("nb87-count", 3).ok
    assert "87" in notebooks_with_exercises()
    with pytest.raises(KeyError, match="unknown question 'nb87-other'; notebook 87 has: nb87-count"):
        question("nb87-other")
