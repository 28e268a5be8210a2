"""Questions for notebook 02 (dual-use goods). Expected answers are computed from the data."""

from helpers import data, trade
from helpers.exercises import Choice, Items, Mapping, Number, forms

BASES = ("dispatch-country", "producer-headquarters", "not-stated")
BASIS_CLAIMS = ("us-officials-2024-04-micro", "kse-2024-01-china-hq", "burns-2025-01")
ARTICLE_NEEDS = (
    "a share of Russia's imports",
    "a share of what Russia's arms makers use",
    "a share of China's exports",
)


def _chapter_count(chapter: str) -> int:
    return sum(trade.parse_hs(c).chapter == chapter for c in data.load("chpl_items")["hs6"])


def _tier_chapter_codes(tier: str, chapter: str) -> tuple[str, ...]:
    rows = trade.chpl_view(data.load("chpl_items"), f"tier:{tier}")
    return tuple(c for c in rows["hs6"] if trade.parse_hs(c).chapter == chapter)


def _basis() -> dict[str, str]:
    claims = data.load("share_claims").set_index("claim_id")
    return {cid: str(claims.loc[cid, "measured_by"]) for cid in BASIS_CLAIMS}


def _mirror_gap_annualised() -> float:
    shift = data.load("intermediary_trade_shift")
    china = float(trade.mirror_rows(shift, "CHN", "KGZ")["value_m"]) / 1000
    kyrgyz = float(trade.mirror_rows(shift, "KGZ", "CHN")["value_m"]) / 1000
    return trade.mirror_gap(china, trade.annualise(kyrgyz, 11)).gap


def _kgz_base() -> float:
    return float(trade.eu_export_changes(data.load("intermediary_trade_shift")).loc["KGZ", "base_m"])


QUESTIONS = {
    "nb02-hs-levels": Items(
        expected=lambda: (lambda c: (c.chapter, c.heading, c.subheading))(trade.parse_hs("9030.82")),
        ordered=True,
        normalise=forms.hs_code,
        hint="Chapter, heading and subheading are the first 2, 4 and 6 digits, as strings.",
    ),
    "nb02-chapter-85": Number(
        expected=lambda: _chapter_count("85"),
        unit="codes",
        rel_tol=0,
        hint="Count the codes whose first two digits are 85; trade.parse_hs(code).chapter gives them.",
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
        hint="Read each claim's wording: 'came from' or 'via' is the route; 'headquartered' is the maker.",
    ),
    "nb02-article-needs": Choice(
        expected=ARTICLE_NEEDS[1],
        options=ARTICLE_NEEDS,
        hint="Read paragraph 2 again: 'used in Russia's war effort'.",
    ),
    "nb02-kgz-base": Number(
        expected=_kgz_base,
        unit="EUR m",
        rel_tol=0.01,
        hint="A change of +909 that is +345% of the base: base = change / (percent / 100).",
    ),
    "nb02-mirror-gap": Number(
        expected=_mirror_gap_annualised,
        unit="USD bn",
        rel_tol=0.01,
        hint="Scale Kyrgyzstan's 11 months to 12 with trade.annualise before taking the gap.",
    ),
    "nb02-listed-sum": Number(
        expected=lambda: trade.china_listed_total(trade.listings_for(data.load("us_listings"))),
        unit="entities",
        rel_tol=0,
        hint="Only Entity List actions for supporting Russia, and only rows with a China/HK count.",
    ),
}
