"""Predicted verdicts (issue 18 item 9): saved in the student's folder, read back, never half-written."""

from __future__ import annotations

import json

import pytest

from helpers import claims, predictions


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
