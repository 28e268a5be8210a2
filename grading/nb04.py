"""Graded answers of notebook 04 (instructor-only): C37's verdict ("55 types") and the rows that settle it.

The student edition does not ship this folder; there ``nb04-c37-verdict`` checks only the form.

>>> ANSWERS["nb04-c37-verdict"].verdict()
'partly-supported'
"""

from helpers import claims, fentanyl
from helpers.exercises import Verdict

#: The kinds of action the notebook's wider count of 2024 adds up (scheduling and export licences).
WIDER = ("scheduling-nps", "scheduling-precursor", "export-licensing")


def _c37_verdict() -> str:
    ledger = claims.claims()
    return ledger.loc[ledger["claim_id"] == "C37", "verdict"].item()


def _c37_evidence() -> tuple[str, ...]:
    """The timeline rows that bear on C37: the actions counted over 2024 (scheduling and export licences),
    the White House's "more than 50", and the first export licences for the United States (November 2025)."""
    counted = fentanyl.reconcile_count(55, start="2024-01-01", action_types=WIDER)["events"]
    tl = fentanyl.timeline()
    gupta = tl.loc[tl["count_qualifier"] == "more-than", "event_id"].tolist()
    later = tl["event_id"].str.endswith("-export") & (tl["date"].dt.year == 2025)
    export = tl.loc[later, "event_id"].tolist()
    return tuple(dict.fromkeys([*counted, *gupta, *export]))


def _event_id(x: object) -> object:
    return x.strip().lower() if isinstance(x, str) else x


ANSWERS = {
    "nb04-c37-verdict": Verdict(
        verdict=_c37_verdict,
        verdicts={
            "supported": "More than 50 substances were scheduled, but 55 is untraced, and these were "
                         "domestic scheduling controls, not the export ban the sentence describes.",
            "partly-supported": "",
            "not-supported": "The sourced actions do come close to the number (and the White House said "
                             "'more than 50'): the claim is near the mark, not wrong.",
            "unverifiable": "The number 55 cannot be traced, but the substance (China banned dozens of "
                            "chemicals in 2024) can be checked against dated, counted actions.",
            "opinion": "C37 states a count of China's actions; it is not a view or a prediction.",
        },
        evidence=_c37_evidence,
        enough=2,
        normalise=_event_id,
        hint="Pick the event_id of each action reconcile_count counted, or of the row that gives "
             "'more than 50'.",
    ),
}
