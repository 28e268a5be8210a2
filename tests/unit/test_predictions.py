"""Predicted verdicts (issue 18 item 9): saved in the student's folder, read back, never half-written."""

from __future__ import annotations

import json

import pytest

from helpers import claims, plots, predictions
from helpers.figures import calibration


def full(verdict="supported", conf=70):
    return {c: (verdict, conf) for c in predictions.CLAIMS}


def test_save_writes_the_agreed_format_in_the_folder_given(tmp_path):
    saved = predictions.save(full("unverifiable", 80), folder=tmp_path)
    assert saved.ok and saved.path == tmp_path / "my-predictions.json"
    body = json.loads(saved.path.read_text())
    assert body == {"claims": {c: {"verdict": "unverifiable", "confidence": 0.8} for c in predictions.CLAIMS}}


def test_load_reads_back_what_save_wrote(tmp_path):
    mixed = {"C2": {"verdict": "Unverifiable", "confidence": "90%"}, "c3": ("partly supported", 0.55),
             "C16": ("not-supported", 100), "C17": ("supported", 50), "C37": ("supported", 75)}
    predictions.save(mixed, tmp_path)
    loaded = predictions.load(tmp_path)
    assert loaded["C2"] == {"verdict": "unverifiable", "confidence": 0.9}
    assert loaded["C3"] == {"verdict": "partly-supported", "confidence": 0.55}
    assert sorted(loaded) == sorted(predictions.CLAIMS)


def test_the_default_folder_is_the_current_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    predictions.save(full(), None)
    assert (tmp_path / "my-predictions.json").is_file()
    assert predictions.load()["C16"]["verdict"] == "supported"


def test_nothing_is_written_until_every_claim_is_predicted(tmp_path):
    half = full() | {"C37": (..., ...)}
    saved = predictions.save(half, tmp_path)
    assert not saved.ok and "C37" in saved.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad, named", [
    ({"C2": ("true", 70)}, "'true' (for C2) is not a verdict"),
    ({"C2": ("supported", 30)}, "outside 50% to 100%"),
    ({"C2": ("supported", "sure")}, "is not a number"),
    ({"C9": ("supported", 70)}, "'C9' is not one of the claims"),
    ({"C2": "supported"}, "write (verdict, confidence)"),
])
def test_a_wrong_value_is_named_and_nothing_is_written(tmp_path, bad, named):
    saved = predictions.save(full() | bad, tmp_path)
    assert not saved.ok and named in saved.message
    assert list(tmp_path.iterdir()) == []


def test_no_file_means_no_predictions(tmp_path):
    assert predictions.load(tmp_path) == {}


def test_a_damaged_file_says_how_to_fix_it(tmp_path):
    (tmp_path / "my-predictions.json").write_text("{not json")
    with pytest.raises(ValueError, match="predict again in notebook 00"):
        predictions.load(tmp_path)


def test_the_claims_and_verdicts_are_the_ledgers():
    ledger = set(claims.claims()["claim_id"])
    assert set(predictions.CLAIMS) <= ledger
    assert predictions.VERDICTS == claims.VERDICTS


@pytest.mark.parametrize("bad, message", [
    ({"claims": {"C99": {"verdict": "supported", "confidence": 0.5}}}, "'C99' is not a claim id"),
    ({"claims": {"C2": {"verdict": "true", "confidence": 0.5}}}, "'true' is not a verdict"),
    ({"claims": {"C2": {"verdict": "supported", "confidence": 70}}}, "0.7 for 70%"),
    ({"claims": {"C2": {"verdict": "supported", "confidence": True}}}, "outside 0 to 1"),
    ({"C2": "supported"}, "save them with predictions.save"),
])
def test_bad_predictions_name_the_fix(bad, message):
    with pytest.raises(ValueError, match=message):
        predictions.checked(bad)


def test_brier_score_is_the_mean_squared_error_against_the_ledger():
    ledger = claims.claims().set_index("claim_id")["verdict"]
    right = {"verdict": ledger["C16"], "confidence": 0.9}
    wrong = {"verdict": "supported" if ledger["C3"] != "supported" else "opinion", "confidence": 0.6}
    scored = predictions.score({"claims": {"C16": right, "C3": wrong}})
    assert scored["claim"].tolist() == ["C3", "C16"]  # ledger order
    assert scored["right"].tolist() == [False, True]
    assert predictions.brier(scored) == pytest.approx(((0.6 - 0) ** 2 + (0.9 - 1) ** 2) / 2)


def test_always_half_sure_scores_a_quarter():
    guesses = {c: {"verdict": "opinion", "confidence": 0.5} for c in ("C1", "C2", "C3")}
    assert predictions.brier(predictions.score({"claims": guesses})) == pytest.approx(0.25)


def test_reliability_bins_count_every_prediction_once():
    table = predictions.reliability(predictions.score(predictions.EXAMPLE))
    assert table["n"].sum() == len(predictions.EXAMPLE["claims"])
    assert table["share_right"].between(0, 1).all()


def test_the_example_set_is_scored_against_the_final_verdicts():
    """The example reader trusts the article: every 'supported' it gives is checked against the ledger."""
    scored = predictions.score(predictions.EXAMPLE)
    assert (scored["right"] == (scored["predicted"] == scored["verdict"])).all()


def test_the_reliability_figure_says_whose_predictions_it_shows():
    scored = predictions.score(predictions.EXAMPLE)
    assert plots.title_of(calibration.reliability_figure(scored, example=True)).startswith("Example predictions")
    assert plots.title_of(calibration.reliability_figure(scored)).startswith("Your predictions")
