"""Every claim has a final verdict and an evidence pointer; each evidence function agrees with its verdict."""

import re

import nbformat
import pytest

from helpers import claims, evidence, oil
from helpers.paths import NOTEBOOKS_DIR

LEDGER = claims.claims()
IDS = LEDGER["claim_id"].tolist()
THEME_NOTEBOOKS = ["02-dual-use-goods", "03-iranian-oil-flows", "04-fentanyl-controls"]


@pytest.mark.parametrize("claim_id", IDS)
def test_every_claim_has_a_final_verdict_and_a_pointer(claim_id):
    row = LEDGER.set_index("claim_id").loc[claim_id]
    assert row["verdict_stage"] == "final"
    assert row["verdict"] in claims.VERDICTS
    where = evidence.pointer(claim_id)
    assert where.startswith("evidence.") or "section" in where


def test_every_data_notebook_claim_has_an_evidence_function_or_a_section():
    for row in LEDGER.itertuples():
        if row.checked_in in THEME_NOTEBOOKS:
            assert row.claim_id in evidence.EVIDENCE or row.claim_id in evidence.SECTIONS, row.claim_id


def test_registry_covers_fourteen_claims():
    assert sorted(evidence.EVIDENCE, key=lambda c: int(c[1:])) == [
        "C2", "C3", "C15", "C16", "C17", "C19", "C26", "C27", "C28", "C29", "C34", "C35", "C36", "C37"]


@pytest.mark.parametrize("claim_id", sorted(evidence.EVIDENCE))
def test_evidence_agrees_with_the_stored_verdict(claim_id):
    check = evidence.EVIDENCE[claim_id]
    stored = LEDGER.set_index("claim_id").loc[claim_id, "verdict"]
    assert check.verdict == stored, f"{claim_id}: table says {stored}, evidence was written for {check.verdict}"
    ev = check.function()
    assert ev.claim_id == claim_id and ev.text and ev.tables
    assert check.supports(ev), f"{claim_id}: the data no longer support '{stored}': {ev.text}"
    assert evidence.agrees(claim_id)


@pytest.mark.parametrize(("claim_id", "value"), [
    ("C2", 108), ("C3", 90.0), ("C15", 3.1), ("C16", 1.8), ("C17", 91.0), ("C19", 9.1), ("C26", 183),
    ("C27", 0), ("C28", 4), ("C29", 0.87), ("C34", 69.3), ("C35", 0), ("C36", 2), ("C37", 53),
])
def test_key_numbers_hand_checked(claim_id, value):
    assert round(evidence.EVIDENCE[claim_id].function().value, 2 if claim_id == "C29" else 1) == value


def test_a_changed_verdict_is_caught(monkeypatch):
    changed = LEDGER.copy()
    changed.loc[changed["claim_id"] == "C16", "verdict"] = "supported"
    monkeypatch.setattr(claims, "claims", lambda *a, **k: changed)
    assert not evidence.agrees("C16")


def test_bad_claim_ids():
    with pytest.raises(ValueError, match="unknown claim 'C99'"):
        evidence.pointer("C99")
    with pytest.raises(ValueError, match="no evidence function"):
        evidence.agrees("C4")


def test_scorecard_has_every_claim_once():
    card = evidence.scorecard()
    assert card["claim"].tolist() == IDS
    assert (card["stage"] == "final").all() and card["computed"].sum() == 14


VERDICT_WORDS = re.compile(r"partly[ -]supported|not[ -]supported|unverifiable|supported|opinion")


def _closing_rows(name):
    """(claim id, first verdict word) for each table row or bullet of a notebook's closing section."""
    nb = nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    found, inside = {}, False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if cell.source.startswith("## "):
            inside = cell.source.startswith("## What the article got right")
        if not inside:
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^(?:\| |- \*\*)(C\d+)\b", line)
            if m and (v := VERDICT_WORDS.search(line[m.end():])):
                found[m.group(1)] = v.group(0).replace(" ", "-")
    return found


@pytest.mark.parametrize("name", THEME_NOTEBOOKS)
def test_theme_notebooks_prose_matches_the_table(name):
    stated = _closing_rows(name)
    assert stated, f"no verdicts found in the closing section of {name}"
    verdicts = LEDGER.set_index("claim_id")["verdict"]
    for claim_id, verdict in stated.items():
        assert verdicts[claim_id] == verdict, f"{name} says {claim_id} is {verdict}"


# --- the correction-note question type -----------------------------------------------------------

from helpers.exercises import CorrectionNote  # noqa: E402

NOTE = CorrectionNote(claims=("C16", "C35"), verdicts=claims.VERDICTS, min_words=5, max_words=12)
GOOD = {"claim": "C16", "verdict": "not-supported", "evidence": "oil.growth_ratio on oil_china_flows",
        "note": "C16 says quadrupled; the trackers show 1.8 times."}


@pytest.mark.parametrize(("change", "message"), [
    ({}, "✓"),
    ({"claim": "C4"}, "not a claim of this exercise"),
    ({"verdict": "false"}, "not a verdict"),
    ({"evidence": "trust me"}, "the evidence should name"),
    ({"note": "C16 wrong."}, "the note has 2 words"),
    ({"note": " ".join(["C16"] + ["word"] * 20)}, "the note has 21 words"),
    ({"note": "The claim says quadrupled, but it is 1.8 times."}, "name the claim (C16)"),
    ({"verdict": ""}, "fill in verdict"),
])
def test_correction_note_checks_structure(change, message):
    feedback = NOTE.feedback({**GOOD, **change})
    assert message in str(feedback)
    assert feedback.ok == (message == "✓")


def test_correction_note_rejects_non_dicts():
    assert "Expected a dict" in str(NOTE.feedback("my note"))


def test_c17_selects_each_tracker_by_name_not_by_row_order(monkeypatch):
    """C17's evidence reads UANI's and Kpler's 2024 rows by name, so reordering the table changes nothing."""
    shares = oil.china_share(2024)
    monkeypatch.setattr(oil, "china_share", lambda year=None: shares.iloc[::-1])
    ev = evidence.c17_china_share()
    assert ev.value == 91 and "Kpler 77%" in ev.text and "UANI 91%" in ev.text
    assert evidence.agrees("C17")
