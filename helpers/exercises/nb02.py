"""Questions for notebook 02 (dual-use goods). Expected answers are computed from the data.

Judgement first (issue 18): each Choice's wrong options are the misconceptions of the teaching notes,
each with its own feedback. The one verdict (C2) is graded: its answer is in ``grading/nb02.py``.

>>> from helpers.exercises.nb02 import QUESTIONS
>>> QUESTIONS["nb02-c2-verdict"].feedback(("supported", [])).ok
False
"""

from helpers import data, trade
from helpers.exercises import Choice, GradedVerdict, Items, Mapping, Number, forms

BASES = ("dispatch-country", "producer-headquarters", "not-stated")
BASIS_CLAIMS = ("us-officials-2024-04-micro", "kse-2024-01-china-hq", "burns-2025-01")
#: The band of counts "close to" the article's 400 (the notebook's prose and the C2 exercise's hint say it).
NEAR_400 = (350, 450)

def _chapter_count(chapter: str) -> int:
    return sum(trade.parse_hs(c).chapter == chapter for c in data.load("chpl_items")["hs6"])


def _tier_chapter_codes(tier: str, chapter: str) -> tuple[str, ...]:
    rows = trade.chpl_view(data.load("chpl_items"), f"tier:{tier}")
    return tuple(c for c in rows["hs6"] if trade.parse_hs(c).chapter == chapter)


def _chpl_reading() -> str:
    """'b' (the list is mostly electronics) while more than half of its codes are in chapter 85."""
    return "b" if 2 * _chapter_count("85") > len(data.load("chpl_items")) else "none of these"


def _basis() -> dict[str, str]:
    claims = data.load("share_claims").set_index("claim_id")
    return {cid: str(claims.loc[cid, "measured_by"]) for cid in BASIS_CLAIMS}


def _article_needs() -> str:
    """'c' (what arms makers use) while the article's claim is about use, not imports."""
    burns = data.load("share_claims").set_index("claim_id").loc["burns-2025-01"]
    return "c" if burns["share_of"] == "use-in-war-effort" else "a"


def _neighbours_small() -> str:
    """'b' while the five neighbours gained less than half of what EU exports to Russia lost."""
    eu = trade.eu_export_changes(data.load("intermediary_trade_shift"))
    gained = eu.loc[["KGZ", "ARM", "UZB", "KAZ", "GEO"], "change_m"].sum()
    return "b" if gained < abs(eu.loc["RUS", "change_m"]) / 2 else "a"


def mirror_gaps() -> tuple[float, float]:
    """China's 2024 trade with Kyrgyzstan minus Kyrgyzstan's record, in USD bn: as published, annualised.

    >>> [round(g, 1) for g in mirror_gaps()]
    [17.6, 17.1]
    """
    shift = data.load("intermediary_trade_shift")
    china = float(trade.mirror_rows(shift, "CHN", "KGZ")["value_m"]) / 1000
    kyrgyz = float(trade.mirror_rows(shift, "KGZ", "CHN")["value_m"]) / 1000
    return trade.mirror_gap(china, kyrgyz).gap, trade.mirror_gap(china, trade.annualise(kyrgyz, 11)).gap


def _mirror_reading() -> str:
    """'b' (most of the gap remains) while the missing month explains less than half of it."""
    published, annualised = mirror_gaps()
    return "b" if annualised > published / 2 else "a"


QUESTIONS = {
    "nb02-hs-levels": Items(
        expected=lambda: (lambda c: (c.chapter, c.heading, c.subheading))(trade.parse_hs("9030.82")),
        ordered=True,
        normalise=forms.hs_code,
        hint="Chapter, heading and subheading are the first 2, 4 and 6 digits, as strings.",
    ),
    "nb02-chpl-reading": Choice(
        expected=_chpl_reading,
        options={
            "a": "the chart counts codes on a list, not trade. One code can carry billions of dollars of "
                 "goods and another almost nothing; values need trade statistics.",
            "b": "",
            "c": "tiers rank concern, not size. Tier 1 is of the highest concern, and its few codes are "
                 "integrated circuits.",
            "d": "the list names what goes into weapons (components, instruments, machines), not weapons; "
                 "an empty chapter 93 is by design.",
        },
        hint="Ask of each statement: is it about the list of codes, or about trade that the chart does "
             "not show?",
    ),
    "nb02-tier-4a-instruments": Items(
        expected=lambda: _tier_chapter_codes("4.A", "90"),
        normalise=forms.hs_code,
        hint="Pick tier 4.A in the explorer (or trade.chpl_view) and keep the codes of chapter 90.",
    ),
    "nb02-exports-growth": Number(
        expected=lambda: trade.trade_growth(data.load("china_russia_trade"), "exports", 2022, 2024),
        unit="%",
        rel_tol=0.01,
        hint="Use the two levels (trade.trade_value), not the growth rates GACC published.",
    ),
    "nb02-share-basis": Mapping(
        expected=_basis,
        labels=BASES,
        hint="Read each claim's wording: 'came from' is where goods were shipped from; 'headquartered' is "
             "the maker; a claim that says neither has not stated it.",
    ),
    "nb02-article-needs": Choice(
        expected=_article_needs,
        options={
            "a": "that is what US officials measured: a share of Russia's imports. The article says 'used in "
                 "Russia's war effort', which also counts what Russia makes itself or holds in stock.",
            "b": "counting by producer still gives a share of Russia's imports. 'Used in the war effort' is "
                 "about what the arms makers consume, from any source.",
            "c": "",
            "d": "that turns the share around: its total would be China's trade, not Russia's war effort.",
        },
        hint="Read paragraph 2 again: '90% of the microelectronics used in Russia's war effort'. "
             "What is the total?",
    ),
    "nb02-percent-or-euros": Choice(
        expected=_neighbours_small,
        options={
            "a": "compare euros, not percent: add up the neighbours' change_m and set it against the fall "
                 "of EU exports to Russia.",
            "b": "",
            "c": "these are all goods, not dual-use goods, and an export to Kyrgyzstan does not show where "
                 "the goods went next.",
        },
        hint="A large percentage of a small base can still be a small amount: look at the change_m column.",
    ),
    "nb02-mirror-gap-reading": Choice(
        expected=_mirror_reading,
        options={
            "a": "compute the annualised gap and compare it with the published one: the missing month "
                 "explains only a small part of it.",
            "b": "",
            "c": "a mirror gap in total trade says that goods went somewhere; it says neither where nor "
                 "which goods.",
        },
        hint="gap_annualised = trade.mirror_gap(china, trade.annualise(kyrgyz, 11)).gap; then compare it "
             "with gap.gap.",
    ),
    # Graded: the verdict and its rows are in grading/nb02.py (instructor-only); here the form only.
    "nb02-c2-verdict": GradedVerdict(verdicts=("supported", "partly-supported", "not-supported",
                                                "unverifiable")),
}
