"""Graded answers of notebook 05 (instructor-only): the verdicts on C16 and C17 and the rows that settle them.

The student edition does not ship this folder; there the two questions check only the form.

>>> ANSWERS["nb05-c16-verdict"].verdict()
'not-supported'
"""

from helpers import claims, oil
from helpers.exercises import Verdict


def _verdict(claim_id: str) -> str:
    return claims.claims().set_index("claim_id").loc[claim_id, "verdict"]


def _trackers_2024() -> tuple[str, ...]:
    """The trackers that published China's share of Iran's 2024 exports (the rows that settle C17)."""
    return tuple(oil.china_share(2024)["tracker"])


def _text(x: object) -> str:
    return str(x).strip().lower()


#: The periods whose tracked levels settle C16: the deal's month and the last full year before the article.
C16_PERIODS = ("2023-03", "2024")

ANSWERS = {
    "nb05-c16-verdict": Verdict(
        verdict=lambda: _verdict("C16"),
        verdicts={
            "supported": "Quadrupled since when? The claim counts from the Saudi-Iran deal, not from 2020.",
            "partly-supported": "Less than double is not a near miss of four times: the ratio is far "
                                "from x4.",
            "not-supported": "",
            "unverifiable": "The trackers publish levels for both periods the claim needs: it can be "
                            "checked.",
            "opinion": "A growth ratio is a statistic, not an opinion.",
        },
        evidence=C16_PERIODS,
        normalise=_text,
        hint="The claim's baseline is the deal of March 2023; compare it with 2024 (the low ends of both).",
    ),
    "nb05-c17-verdict": Verdict(
        verdict=lambda: _verdict("C17"),
        verdicts={
            "supported": "UANI's count is over 90%, but the article credits the figure to Kpler. What does "
                         "Kpler's own count for 2024 say?",
            "partly-supported": "",
            "not-supported": "One of the two trackers does report more than 90%: the number exists; it is "
                             "credited to a tracker whose own count is lower.",
            "unverifiable": "Both trackers published a share for 2024: the claim can be checked.",
            "opinion": "A share of exports is a statistic, not an opinion.",
        },
        evidence=_trackers_2024,
        normalise=_text,
        hint="Name both trackers' rows: the one the article credits and the one the kit first relied on.",
    ),
}
