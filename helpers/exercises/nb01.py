"""Questions for notebook 01 (reading the source).

Expected answers are computed from the article tables, so they follow the data.
"""

from helpers import claims
from helpers.exercises import Choice, Items, Mapping, Number, forms

CLASSIFY_IDS = ("C4", "C13", "C17", "C27")

# Three garbled passages of paragraph 11, labelled for the "spot the error" question.
P11_OPTIONS = {
    "a": "Kupler, a Vienna-based company",
    "b": "shipments. . Oil sales",
    "c": "cover most of the Iranian government's business operations",
}


def _types_of(ids: tuple[str, ...]) -> dict[str, str]:
    df = claims.claims()
    return {cid: df.loc[df["claim_id"] == cid, "claim_type"].item() for cid in ids}


def _p11_meaning_changer() -> str:
    errata = claims.errata_ranked()
    changers = set(errata.loc[errata["changes_meaning"].astype(bool), "seed_text"])
    letters = [k for k, text in P11_OPTIONS.items() if text in changers]
    if len(letters) != 1:
        raise ValueError(f"expected exactly one meaning-changing P11 option, found {letters}")
    return letters[0]


def _meaning_paragraphs() -> tuple[int, ...]:
    errata = claims.errata_ranked()
    paras = errata.loc[errata["changes_meaning"].astype(bool), "paragraph"]
    return tuple(sorted({int(p) for p in paras}))


def _fentanyl_not_supported() -> tuple[str, ...]:
    df = claims.claims(theme="fentanyl")
    return tuple(df.loc[df["verdict"] != "supported", "claim_id"])


QUESTIONS = {
    "nb01-classify": Mapping(
        expected=lambda: _types_of(CLASSIFY_IDS),
        labels=claims.CLAIM_TYPES,
        hint="A statistic turns on a number; an attribution reports what someone said; "
        "a prediction says what is likely.",
    ),
    "nb01-count-statistics": Number(
        expected=lambda: float(len(claims.claims(claim_type="statistic"))),
        unit="claims",
        rel_tol=0.0,
        abs_tol=0.0,
        hint="Filter the ledger with claims.claims(claim_type=...) and count the rows.",
    ),
    "nb01-p11-meaning": Choice(
        expected=_p11_meaning_changer,
        options=tuple(P11_OPTIONS),
        hint="Ask of each option: would a reader come away believing a different fact?",
    ),
    "nb01-meaning-paragraphs": Items(
        expected=_meaning_paragraphs,
        hint="Use claims.errata_ranked() and keep the rows where changes_meaning is True; "
        "list each paragraph once.",
        normalise=forms.paragraph,
    ),
    "nb01-fentanyl-open": Items(
        expected=_fentanyl_not_supported,
        hint="In the claims explorer pick the theme Fentanyl and read each verdict.",
        normalise=forms.claim_id,
    ),
}
