"""Every self-check case of the teaching review (§3.3) and the adversarial review (C1–C15), as tests.

The reviews (../shared/reviews/teaching-2026-12.md §3.3, reliability-2026-12.md §2) found checks that
rejected right answers, gave hints too early, said "got ellipsis" and "Correct" for structure only.
Each case here names its row; the message must help and never lie.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.checks import check
from helpers.exercises import (
    NOT_ANSWERED,
    Choice,
    CorrectionNote,
    Items,
    Mapping,
    Number,
    Verdict,
    attempts,
    forms,
)


@pytest.fixture(autouse=True)
def _fresh_tries():
    attempts.reset()
    yield
    attempts.reset()


def usd() -> Number:
    return Number(expected=12.3, unit="USD bn", rel_tol=0.01)


# --- teaching review §3.3 -----------------------------------------------------------------------

def test_33_fraction_for_a_percentage_names_the_units():
    fb = check("nb02-exports-growth", 0.517)
    assert not fb.ok and "100 times too small. Check the units (%)" in fb.message


def test_33_a_fall_given_as_a_rise_says_the_sign():
    fb = check("nb03-output-fall", 47.9)
    assert not fb.ok and "sign is wrong" in fb.message


def test_33_a_wrong_choice_says_so_without_the_hint_first():
    fb = check("nb00-themes", "b")
    assert not fb.ok and fb.message.startswith("✗ Not yet: P1 says nothing about oil")
    assert "Hint:" not in fb.message


@pytest.mark.parametrize("answer", [["P6", "P10", "P11", "P14", "P15"], ["p6", "10", 11, "P14", 15.0]])
def test_33_nb00_paragraphs_written_as_p_labels_pass(answer):
    assert check("nb00-oil-paragraphs", answer).ok


def test_33_nb02_integer_hs_codes_pass():
    assert check("nb02-hs-levels", [90, 9030, 903082]).ok
    assert check("nb02-hs-levels", ["90", "9030", "9030.82"]).ok
    assert check("nb02-tier-4a-instruments", [902750, 903020, 903032, 903039, 903082]).ok


def test_33_an_exact_count_says_exact_not_zero_percent():
    fb = Number(expected=8, unit="claims", rel_tol=0, abs_tol=0).feedback(7)
    assert not fb.ok and "exact count" in fb.message
    assert "0 allowed" not in fb.message and "the 0%" not in fb.message


def test_33_a_label_that_is_not_a_label_lists_the_labels():
    fb = check("nb01-classify", {"C4": "event", "C13": "attribution", "C17": "statistic", "C27": "opinion"})
    assert not fb.ok and "'opinion' is not a label; labels:" in fb.message


def test_33_four_labels_one_right_names_which_to_look_at():
    fb = check("nb01-classify", {"C4": "statistic", "C13": "event", "C17": "attribution",
                                 "C27": "opinion-prediction"})
    assert not fb.ok and "1 of 4 labelled right" in fb.message
    assert "C4, C13 and C17" in fb.message and "C27" not in fb.message.split("look again")[1]


def test_33_a_nonsense_note_is_never_correct():
    note = {"claim": "C16", "verdict": "not-supported", "evidence": "I read it online",
            "note": "C16 " + "blah " * 129}
    fb = check("nb05-correction-note", note)
    assert "Correct" not in fb.message and not fb.ok


def test_33_an_unanswered_cell_says_not_answered_yet():
    fb = check("nb03-output-fall", ...)
    assert fb is NOT_ANSWERED and not fb.answered
    assert "ellipsis" not in fb.message and fb.message.startswith("Not answered yet")
    assert "#555555" in fb._repr_html_()  # grey, not the red of a wrong answer


def test_33_the_hint_comes_with_the_second_wrong_try_not_the_first():
    first = check("nb00-themes", "b")
    second = check("nb00-themes", "c")
    assert "Hint:" not in first.message
    assert "Hint: Read P1" in second.message


def test_33_an_unanswered_run_is_not_a_try():
    check("nb00-themes", ...)
    assert "Hint:" not in check("nb00-themes", "b").message


def test_33_each_wrong_option_of_a_judgement_choice_has_its_own_feedback():
    q = Choice(expected="b", options={"a": "A tracker's loadings are not China's imports.",
                                      "b": "", "c": "Customs record the last port, not the origin."})
    assert q.feedback("b").ok
    assert q.feedback("a").message == "✗ Not yet: A tracker's loadings are not China's imports."
    assert "last port" in q.feedback("C").message


def test_33_items_name_the_ones_that_should_not_be_there_with_their_own_feedback():
    q = Items(expected=("a", "c"), options={"a": "", "b": "That is a nice-to-have, not a need.", "c": ""})
    fb = q.feedback(["a", "b", "c"])
    assert not fb.ok and "('b')" in fb.message and "nice-to-have" in fb.message
    assert "'z' is not one of the options" in q.feedback(["z"]).message


# --- adversarial review C1–C15 -----------------------------------------------------------------

@pytest.mark.parametrize(("answer", "phrase"), [
    (None, "got None"),
    ("12.3", "got str '12.3'. Remove the quotes"),
    ([12.3, 4.0], "got a list of 2 item(s)"),
    (True, "got bool True"),
    (complex(12.3, 1), "got complex"),
    (pd.Series([12.3, 1.0]), "got a Series of 2 values"),
])
def test_c1_not_a_number_is_named(answer, phrase):
    fb = usd().feedback(answer)
    assert not fb.ok and "Expected a number (USD bn)" in fb.message and phrase in fb.message


@pytest.mark.parametrize("answer", [pd.Series([12.3]), np.array(12.3), np.array([12.3]), [12.3][0]])
def test_c1_one_value_in_a_series_or_array_is_that_value(answer):
    assert usd().feedback(answer).ok


def test_c1_ellipsis_is_not_answered_yet():
    assert usd().feedback(...) is NOT_ANSWERED


@pytest.mark.parametrize("answer", [np.float64(12.3), np.int64(12), np.float32(12.3)])
def test_c2_numpy_scalars(answer):
    q = Number(expected=12, rel_tol=0.05)
    assert q.feedback(answer).ok


@pytest.mark.parametrize(("answer", "phrase"), [
    (math.nan, "NaN"), (math.inf, "infinite"), (-math.inf, "infinite"), (1e308, "order of magnitude"),
])
def test_c3_nan_inf_and_huge(answer, phrase):
    fb = usd().feedback(answer)
    assert not fb.ok and phrase in fb.message


def test_c4_a_huge_integer_does_not_crash():
    fb = usd().feedback(10**400)
    assert not fb.ok and "order of magnitude" in fb.message


@pytest.mark.parametrize(("answer", "phrase"), [
    (12300, "1,000 times too large"), (12.3e9, "1,000,000,000 times too large"), (0.123, "100 times too small"),
])
def test_c5_units(answer, phrase):
    assert phrase in usd().feedback(answer).message


def test_c6_a_half_percent_tolerance_is_not_called_zero_percent():
    fb = check("nb04-share-2023", 60.0)
    assert not fb.ok and "0.5%" in fb.message and "0% allowed" not in fb.message
    assert "69.3" not in fb.message


def test_c7_pd_na_says_missing():
    fb = usd().feedback(pd.NA)
    assert not fb.ok and "missing" in fb.message


@pytest.mark.parametrize(("qid", "match"), [
    ("nb99-x", "no exercises for notebook 99"), ("nb02-unknown", "unknown question 'nb02-unknown'"),
    ("NB02-hs-levels", "is not a question id"), (" nb02-hs-levels", "is not a question id"),
    (None, "is not a question id"),
])
def test_c8_bad_ids_are_clear_errors(qid, match):
    with pytest.raises(KeyError, match=match):
        check(qid, 1)


@pytest.mark.parametrize("answer", [
    np.array([6, 10, 11, 14, 15]),
    pd.Series([6, 6, 10, 11, 14, 15]).unique(),
    [6.0, 10.0, 11.0, 14.0, 15.0],
    pd.Series([15, 14, 11, 10, 6]),
])
def test_c9_right_paragraphs_in_any_container_pass(answer):
    assert check("nb00-oil-paragraphs", answer).ok


def test_c9_never_says_wrong_with_all_right():
    fb = check("nb00-oil-paragraphs", [6, 10, 11, 14])
    assert not fb.ok and "4 of 5 right, 1 missing" in fb.message


def test_c10_paragraphs_as_strings_pass():
    assert check("nb00-oil-paragraphs", ["6", "10", "11", "14", "15"]).ok
    assert Items(expected=(2, 4, 18), normalise=forms.paragraph).feedback(["2", "P4", "p18"]).ok


@pytest.mark.parametrize("answer", [{6, 10, 11, 14, 15}, iter([6, 10, 11, 14, 15]), (15, 14, 11, 10, 6)])
def test_c11_sets_iterators_tuples_pass(answer):
    assert check("nb00-oil-paragraphs", answer).ok


def test_c12_mapping_as_series_any_case():
    right = {"C4": "event", "C13": "attribution", "C17": "statistic", "C27": "opinion-prediction"}
    assert check("nb01-classify", pd.Series(right)).ok
    assert check("nb01-classify", {k: v.upper() for k, v in right.items()}).ok
    assert check("nb01-classify", {k.lower(): v for k, v in right.items()}).ok


def test_c13_array_values_in_a_mapping_do_not_crash():
    q = Mapping(expected={"C3": "statistic"}, labels=("statistic", "event"))
    fb = q.feedback({"C3": np.array(["statistic", "event"])})
    assert not fb.ok and "one text label, got ndarray" in fb.message


def note(claim="C16", verdict="not-supported", text=None):
    words = ("Paragraph eleven says China quadrupled its imports of Iranian oil, but the tracker rows for "
             "2020 and 2024 show a rise closer to three times from the year the article names as the start. ")
    return {"claim": claim, "verdict": verdict, "evidence": "oil_china_flows rows 2020 and 2024, notebook 03",
            "note": text if text is not None else f"{claim}: " + words * 4}


def test_c14_structure_only_says_so_and_never_correct():
    fb = check("nb05-correction-note", note())
    assert fb.ok and "Structure ready for an editor" in fb.message and "does not grade your wording" in fb.message
    assert "Correct" not in fb.message


def test_c14_one_word_repeated_is_not_ready():
    fb = check("nb05-correction-note", note(text="C16 " + "word " * 120))
    assert not fb.ok and "repeats" in fb.message


def test_c14_a_verdict_against_the_ledger_is_flagged():
    fb = check("nb05-correction-note", note(verdict="supported"))
    assert not fb.ok and "differs from the one the kit's ledger reached" in fb.message
    assert "not-supported" not in fb.message  # the ledger's verdict is not given away


def test_c14_an_unverifiable_claim_has_no_ledger_verdict_to_match():
    q = CorrectionNote(claims=("C1", "C2"), verdicts=("supported", "unverifiable"), min_words=3,
                       max_words=50, ledger={"C1": "supported"})
    text = "C2 cannot be settled from the tables the kit has at hand today."
    assert q.feedback({"claim": "C2", "verdict": "supported", "evidence": "the ledger, notebook 05",
                       "note": text}).ok


def test_c15_the_note_must_name_its_own_claim_not_a_longer_id():
    q = CorrectionNote(claims=("C1", "C10"), verdicts=("supported",), min_words=3, max_words=50)
    answer = {"claim": "C1", "verdict": "supported", "evidence": "the ledger, notebook 05",
              "note": "C10 is about something else entirely, and this note says so."}
    fb = q.feedback(answer)
    assert not fb.ok and "name the claim (C1)" in fb.message
    assert q.feedback({**answer, "note": "C1 is about something else, and this note says so."}).ok


def test_correction_note_with_every_field_unanswered():
    assert check("nb05-correction-note", dict.fromkeys(("claim", "verdict", "evidence", "note"), ...)) \
        is NOT_ANSWERED
    stub = {"claim": ..., "verdict": ..., "evidence": ..., "note": """..."""}  # notebook 05's stub
    assert check("nb05-correction-note", stub) is NOT_ANSWERED


# --- Verdict: a verdict and the rows that settle it ----------------------------------------------

@pytest.fixture
def verdict() -> Verdict:
    return Verdict(verdict="not-supported", evidence=("2020", "2024"), normalise=forms.claim_id,
                   verdicts={"supported": "Quadrupled compared with which year?",
                             "partly-supported": "", "not-supported": ""})


def test_verdict_right_in_either_form(verdict):
    assert verdict.feedback({"verdict": "Not-Supported", "evidence": ["2024", "2020"]}).ok
    assert verdict.feedback(("not-supported", np.array(["2020", "2024"]))).ok


def test_verdict_wrong_verdict_gets_its_own_feedback(verdict):
    assert verdict.feedback(("supported", ["2020"])).message == "✗ Not yet: Quadrupled compared with which year?"
    assert "not the verdict the evidence supports" in verdict.feedback(("partly-supported", [])).message
    assert "is not a verdict; verdicts:" in verdict.feedback(("true", [])).message


def test_verdict_names_rows_that_do_not_settle_it(verdict):
    fb = verdict.feedback(("not-supported", ["2024", "2019"]))
    assert not fb.ok and "1 of the 2 rows" in fb.message and "'2019' does not" in fb.message
    assert "now name the rows" in verdict.feedback(("not-supported", ...)).message


def test_verdict_enough_rows():
    q = Verdict(verdict="supported", verdicts={"supported": "", "not-supported": ""},
                evidence=("A", "B", "C"), enough=2)
    assert q.feedback(("supported", ["A", "C"])).ok
    assert not q.feedback(("supported", ["A"])).ok


def test_verdict_unanswered(verdict):
    assert verdict.feedback({"verdict": ..., "evidence": ...}) is NOT_ANSWERED
    assert "Expected {'verdict'" in verdict.feedback("not-supported").message


def test_an_unanswered_run_is_not_recorded_on_a_class_server(tmp_path, monkeypatch):
    from helpers.exercises.records import ATTEMPTS_ENV

    path = tmp_path / "attempts.jsonl"
    monkeypatch.setenv(ATTEMPTS_ENV, str(path))
    check("nb00-themes", ...)
    assert not path.exists()
    check("nb00-themes", "b")
    assert len(path.read_text().splitlines()) == 1


def test_a_verdict_stub_with_stub_rows_is_not_answered_yet():
    from helpers.exercises import Verdict

    q = Verdict(verdict="supported", evidence=("a", "b"), verdicts={"supported": "", "not-supported": "no"})
    for stub in ({"verdict": ..., "evidence": [..., ...]}, (..., [...]), {"verdict": "...", "evidence": ...}):
        assert q.feedback(stub).message.startswith("Not answered yet"), stub
