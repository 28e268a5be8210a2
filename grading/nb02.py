"""Graded answers of notebook 02 (instructor-only): C2's verdict and the listing rows that settle it.

The student edition does not ship this folder; its ``nb02-c2-verdict`` checks only the form.

>>> near_400()
('bis-el-prc-biden-2024-05', 'sdn-2024-08-23', 'diplomat-el-prc-biden-2024-08')
"""

from helpers import data
from helpers.exercises import Verdict
from helpers.exercises.nb02 import NEAR_400

#: The claim the listings section settles.
LISTED_CLAIM = "C2"


def _c2_verdict() -> str:
    return str(data.load("article_claims").set_index("claim_id").loc[LISTED_CLAIM, "verdict"])


def near_400() -> tuple[str, ...]:
    """The listing rows whose count (all entities, or Chinese ones) is close to the article's 400."""
    listings = data.load("us_listings")
    low, high = NEAR_400
    near = listings["total_listed"].between(low, high) | listings["china_hk_listed"].between(low, high)
    return tuple(listings.loc[near, "listing_id"])


ANSWERS = {
    "nb02-c2-verdict": Verdict(
        verdict=_c2_verdict,
        verdicts={
            "supported": "the counts close to 400 count something else: designations in all countries, or "
                         "Chinese firms listed for every reason. None counts suppliers of dual-use goods.",
            "partly-supported": "part of what? The Russia-related listings name Chinese firms the US "
                                "*listed*; a listed firm is not a count of suppliers, and a supplier "
                                "need not be listed.",
            "not-supported": "the listings give a lower bound of firms listed, not a count of suppliers. "
                             "They cannot show that 400 suppliers is wrong, only that no public source "
                             "counts them.",
            "unverifiable": "",
        },
        evidence=near_400,
        hint="Look for counts between 350 and 450 in total_listed and china_hk_listed; then read what each "
             "row counts (scope, count_kind).",
    ),
}
