"""Questions for notebook 05 (checking the claims). Expected values are computed from the ledger."""

from helpers import claims
from helpers.exercises import CorrectionNote, Items, forms


def _ids(verdict: str) -> list[str]:
    return claims.claims(verdict=verdict)["claim_id"].tolist()


def _all_ids() -> tuple[str, ...]:
    return tuple(claims.claims()["claim_id"])


def _settled() -> dict[str, str]:
    """The ledger's verdict of every claim it settled (all but the unverifiable ones)."""
    df = claims.claims()
    df = df[df["verdict"] != "unverifiable"]
    return dict(zip(df["claim_id"], df["verdict"], strict=True))


QUESTIONS = {
    "nb05-not-supported": Items(
        expected=lambda: _ids("not-supported"),
        hint="Filter the scorecard: card[card['verdict'] == 'not-supported'].",
        normalise=forms.claim_id,
    ),
    "nb05-open-claims": Items(
        expected=lambda: _ids("unverifiable"),
        hint="The kit leaves open the claims it could not settle: verdict 'unverifiable'.",
        normalise=forms.claim_id,
    ),
    "nb05-correction-note": CorrectionNote(
        claims=_all_ids, verdicts=claims.VERDICTS, min_words=120, max_words=180, ledger=_settled
    ),
}
