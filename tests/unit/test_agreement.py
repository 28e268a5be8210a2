"""Agreement between two coders: percent and Cohen's kappa (notebook 01's blind coding)."""

import math

import pytest

from helpers import agreement, claims


def test_kappa_matches_a_hand_computed_case():
    # 10 items, two labels: observed 0.7; chance 0.5*0.6 + 0.5*0.4 = 0.5; kappa (0.7-0.5)/0.5 = 0.4
    a = ["y"] * 5 + ["n"] * 5
    b = ["y", "y", "y", "y", "n", "n", "n", "n", "y", "y"]
    assert agreement.percent_agreement(a, b) == 70.0
    assert math.isclose(agreement.cohens_kappa(a, b), 0.4)


def test_kappa_below_zero_when_coders_disagree_systematically():
    assert agreement.cohens_kappa(["x", "y"], ["y", "x"]) < 0


def test_lengths_must_match():
    with pytest.raises(ValueError, match="same, non-empty list"):
        agreement.percent_agreement(["x"], ["x", "y"])


def test_compare_waits_until_all_are_coded_and_hides_the_kit():
    kit = claims.claims().set_index("claim_id")["verdict"]
    mine = {"C1": "unverifiable", "C8": ...}
    result = agreement.compare(mine, kit)
    assert result.not_coded == ("C8",) and result.kappa is None
    assert agreement.side_by_side(mine, kit).empty


def test_compare_with_the_ledger_accepts_spaces_and_case():
    kit = claims.claims().set_index("claim_id")["verdict"]
    ids = ["C1", "C18", "C22"]
    mine = {c: kit[c].replace("-", " ").title() for c in ids}
    result = agreement.compare(mine, kit, labels=claims.VERDICTS)
    assert (result.agreed, result.percent) == (3, 100.0)


def test_compare_names_an_unknown_verdict_and_an_unknown_claim():
    kit = {"C1": "supported"}
    with pytest.raises(ValueError, match="'true' .for C1. is not a verdict"):
        agreement.compare({"C1": "true"}, kit, labels=claims.VERDICTS)
    with pytest.raises(ValueError, match="C99 not in the kit's ledger"):
        agreement.compare({"C99": "supported"}, kit)
