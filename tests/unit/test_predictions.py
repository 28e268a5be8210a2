"""Predicted verdicts: saved and loaded in the student's folder, checked, scored (Brier) and binned."""

import json

import pytest

from helpers import claims, plots, predictions
from helpers.figures import calibration


def test_save_then_load_round_trips_in_the_given_folder(tmp_path):
    path = predictions.save({"claims": {"c16": {"verdict": "Not supported", "confidence": 0.8}}}, tmp_path)
    assert path == tmp_path / "my-predictions.json"
    assert json.loads(path.read_text()) == {"claims": {"C16": {"verdict": "not-supported", "confidence": 0.8}}}
    assert predictions.load(tmp_path) == json.loads(path.read_text())


def test_no_file_loads_as_none(tmp_path):
    assert predictions.load(tmp_path) is None


@pytest.mark.parametrize("bad, message", [
    ({"claims": {"C99": {"verdict": "supported", "confidence": 0.5}}}, "'C99' is not a claim id"),
    ({"claims": {"C2": {"verdict": "true", "confidence": 0.5}}}, "'true' is not a verdict"),
    ({"claims": {"C2": {"verdict": "supported", "confidence": 70}}}, "0.7 for 70%"),
    ({"claims": {"C2": {"verdict": "supported", "confidence": True}}}, "outside 0 to 1"),
    ({"C2": "supported"}, "save them with predictions.save"),
])
def test_bad_predictions_name_the_fix(bad, message):
    with pytest.raises(ValueError, match=message):
        predictions.check(bad)


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
