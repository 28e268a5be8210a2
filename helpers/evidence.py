"""The evidence behind each final verdict of ``article_claims``, computed from the kit's data (no drawing).

Verdicts live in one place, the table ``article_claims``.  For every claim whose verdict rests on
data in the kit, :data:`EVIDENCE` maps the claim id to a :class:`Check`: a small function that
computes the key number with the theme modules (``trade``, ``oil``, ``fentanyl``), the verdict it
was written for, and a predicate saying whether the computed evidence supports that verdict.
The other claims (settled by reading sources, not by computing) point to the notebook section
that settles them: :func:`pointer`. The scorecard's figure is in ``helpers.figures.evidence``.

>>> ev = EVIDENCE["C16"].function()
>>> round(ev.value, 1), ev.unit
(1.8, 'x')
>>> EVIDENCE["C16"].verdict, EVIDENCE["C16"].supports(ev)
('not-supported', True)
>>> agrees("C16")
True
>>> pointer("C4")
'Notebook 01 · Reading the source, section "What the article got right, and what it did not"'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers import article, claims, data, fentanyl, oil, trade

SETTLING_SECTION = "What the article got right, and what it did not"
ARTICLE_DATE = pd.Timestamp(article.published())


@dataclass(frozen=True)
class Evidence:
    """One computed piece of evidence: the key number, its unit, a line of text, the tables used."""

    claim_id: str
    value: float
    unit: str
    text: str
    tables: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    """An evidence function, the verdict it supports, and the test of that support."""

    function: Callable[[], Evidence]
    verdict: str
    supports: Callable[[Evidence], bool]


# --- dual-use (notebook 02) -------------------------------------------------------------------------

def c2_listed_entities() -> Evidence:
    """Chinese entities on Russia-related US Entity List actions: the only public count near the claim.

    >>> c2_listed_entities().value
    108
    """
    rows = trade.listings_for(data.load("us_listings"))
    n = trade.china_listed_total(rows)
    return Evidence("C2", n, "entities",
                    f"{len(rows)} Russia-related Entity List actions name {n} Chinese entities; "
                    "no public source counts Chinese suppliers", ("us_listings",))


def c3_share_by_basis() -> Evidence:
    """China's share counted by dispatch country (90%) against by producer headquarters (45%).

    >>> c3_share_by_basis().value
    90.0
    """
    shares = data.load("share_claims")
    dispatch = float(shares.loc[shares["measured_by"] == "dispatch-country", "share_pct"].max())
    hq = shares[shares["measured_by"] == "producer-headquarters"].set_index("supplier")["share_pct"]
    producer = float(hq["China-headquartered producers"])
    return Evidence("C3", dispatch, "%",
                    f"{dispatch:.0f}% of Russia's microelectronics imports by dispatch country; "
                    f"{producer:.0f}% of battlefield goods by producer; nobody measured 'used in the war'",
                    ("share_claims",))


def _c3_producer() -> float:
    shares = data.load("share_claims")
    hq = shares[shares["measured_by"] == "producer-headquarters"].set_index("supplier")["share_pct"]
    return float(hq["China-headquartered producers"])


# --- Iranian oil (notebook 03) ----------------------------------------------------------------------

def _discount(period: str) -> float:
    return oil.published_value(oil.REVENUE_DISCOUNTS_USD, period)


def c15_discount_share() -> Evidence:
    """The discount as a share of Brent, just before the article (Nov 2024): how deep is 'deep'?

    >>> round(c15_discount_share().value, 1)
    3.1
    """
    late = oil.discount_share_pct(oil.brent(2024), _discount("2024-11"))
    early = oil.discount_share_pct(oil.brent(2023), _discount("2023"))
    return Evidence("C15", late, "% of Brent",
                    f"discount {early:.1f}% of Brent in 2023, {late:.1f}% by Nov 2024",
                    ("oil_prices",))


def c16_growth_since_deal() -> Evidence:
    """Tracked imports of 2024 over those at the March 2023 deal (lowest tracked levels).

    >>> round(c16_growth_since_deal().value, 1)
    1.8
    """
    a, b = oil.tracked_level("any", "2023-03"), oil.tracked_level("any", "2024")
    ratio = oil.growth_ratio(a.low, b.low)
    return Evidence("C16", ratio, "x",
                    f"{a.low:g} to {b.low:g} mb/d since the deal: x{ratio:.1f}, not x4",
                    ("oil_china_flows",))


def _c17_share(tracker: str) -> float:
    """One tracker's share of Iran's 2024 exports that went to China, in percent (selected by name)."""
    df = oil.china_share(2024)
    return float(df.loc[df["tracker"] == tracker, "low"].iloc[0])


def c17_china_share() -> Evidence:
    """China's share of Iran's 2024 exports, by both trackers: UANI's (the value) beside Kpler's.

    >>> ev = c17_china_share()
    >>> ev.value, _c17_share("Kpler")
    (91.0, 77.0)
    >>> ev.text
    "UANI 91%, Kpler 77% of Iran's 2024 exports went to China: over 90% for UANI only, not for Kpler"
    """
    uani, kpler = _c17_share("UANI"), _c17_share("Kpler")
    return Evidence("C17", uani, "%",
                    f"UANI {uani:.0f}%, Kpler {kpler:.0f}% of Iran's 2024 exports went to China: "
                    "over 90% for UANI only, not for Kpler", ("oil_china_share",))


def c19_share_of_gdp() -> Evidence:
    """Sales to China as a share of Iran's GDP at 2024 inputs, the lower bound over the GDP values.

    >>> round(c19_share_of_gdp().value, 1)
    9.1
    """
    exports = oil.published_value(oil.REVENUE_EXPORTS_MBD, "2024")
    share = float(oil.china_share(2024).iloc[0]["low"]) / 100
    r = oil.revenue_range(exports, share, oil.brent(2024), _discount("2024-01/2024-08"))
    return Evidence("C19", r["pct_low"], "% of GDP",
                    f"USD {r['revenue_usd_bn']:.1f} bn of sales, "
                    f"{r['pct_low']:.1f}-{r['pct_high']:.1f}% of GDP",
                    ("oil_china_share", "oil_prices", "oil_economy"))


def _events() -> pd.DataFrame:
    return oil.sanction_events().set_index("event_id")


def c26_vessels_designated() -> Evidence:
    """Vessels the US designated on the day of the article.

    >>> c26_vessels_designated().value
    183
    """
    row = _events().loc["us-2025-01-10"]
    return Evidence("C26", int(row["vessels"]), "vessels",
                    f"{int(row['vessels'])} vessels ({int(row['tankers'])} tankers) designated on "
                    f"{row['date']:%d %b %Y}", ("oil_sanction_events",))


def c27_port_ban() -> Evidence:
    """The only Chinese port ban in the data: who issued it (value: number of national bans, 0).

    >>> c27_port_ban().value
    0
    """
    events = _events()
    bans = events[events["kind"] == "port-ban"]
    national = int((~bans["actor"].str.contains("Port Group")).sum())
    actor = bans.iloc[0]["actor"]
    return Evidence("C27", national, "national bans",
                    f"{len(bans)} port ban, by {actor}; {national} national bans",
                    ("oil_sanction_events",))


def c28_shandong_date() -> Evidence:
    """Days between Shandong's ban and the article.

    >>> c28_shandong_date().value
    4
    """
    row = _events().loc["shandong-ban"]
    days = (ARTICLE_DATE - row["date"]).days
    return Evidence("C28", days, "days before the article",
                    f"notice dated {row['date']:%d %b %Y}, {days} days before the article; "
                    "issued by a port company", ("oil_sanction_events",))


def c29_mirror_gap() -> Evidence:
    """Malaysia's 2024 mirror gap: oil China records from Malaysia beyond what Malaysia produces.

    >>> round(c29_mirror_gap().value, 2)
    0.87
    """
    low, high = oil.malaysia_gap(2024)
    return Evidence("C29", low, "mb/d",
                    f"a {low:.2f}-{high:.2f} mb/d gap between 'Malaysian' oil in China and Malaysia's supply",
                    ("oil_china_flows", "oil_production"))


# --- fentanyl (notebook 04) -------------------------------------------------------------------------

def c34_t40_4_share() -> Evidence:
    """Share of 2023 overdose deaths involving synthetic opioids (T40.4), and whether it ranks first.

    >>> round(c34_t40_4_share().value, 1)
    69.3
    """
    share = fentanyl.t40_4_share(2023)
    rank = fentanyl.category_ranking(2023, measure="aadr_per_100k")
    return Evidence("C34", share, "% of deaths",
                    f"T40.4 in {share:.1f}% of 2023 deaths; death rate {rank['value'].iloc[0]:g} against "
                    f"{rank['value'].iloc[1]:g} for the next category", ("fent_overdose_deaths",))


def _c34_first() -> str:
    return fentanyl.category_ranking(2023, measure="aadr_per_100k")["drug_category"].iloc[0]


def _gupta() -> pd.Series:
    return fentanyl.timeline(["USA"], "2024-12-01", "2024-12-31").iloc[0]


def c35_arrest_count() -> Evidence:
    """Arrest numbers in the closest official statement (value: how many are given, 0).

    >>> c35_arrest_count().value
    0
    """
    row = _gupta()
    given = 0 if "No number of arrests" in row["note"] else 1
    return Evidence("C35", given, "numbers given",
                    f"{row['date']:%d %b %Y}: China 'made arrests'; no number", ("fent_controls_timeline",))


def c36_sellers_shut() -> Evidence:
    """Reports of Chinese shutdowns of precursor sellers in 2024.

    >>> c36_sellers_shut().value
    2
    """
    sellers = fentanyl.timeline(["CHN"], "2024-07-04", "2024-07-04")
    gupta = _gupta()
    n = int(sellers["action"].str.contains("shut down").sum()) + int("offline" in gupta["action"])
    return Evidence("C36", n, "reports",
                    "WSJ (Jul 2024): sellers shut down; Gupta (Dec 2024): many websites offline",
                    ("fent_controls_timeline",))


def c37_scheduled_count() -> Evidence:
    """Substances in the sourced 2024 scheduling actions, against the claimed 55.

    >>> c37_scheduled_count().value
    53
    """
    r = fentanyl.reconcile_count(55)
    return Evidence("C37", r["total"], "substances",
                    f"{' + '.join(map(str, r['counts']))} = {r['total']} scheduled in 2024, not 55, "
                    "and domestic controls, not an export ban", ("fent_controls_timeline",))


EVIDENCE: dict[str, Check] = {
    "C2": Check(c2_listed_entities, "unverifiable", lambda e: e.value < 0.75 * 400),
    "C3": Check(c3_share_by_basis, "partly-supported", lambda e: e.value >= 90 and _c3_producer() < 90),
    "C15": Check(c15_discount_share, "partly-supported", lambda e: 0 < e.value < 5),
    "C16": Check(c16_growth_since_deal, "not-supported", lambda e: e.value < oil.QUADRUPLED),
    "C17": Check(c17_china_share, "partly-supported", lambda e: e.value > 90 > _c17_share("Kpler")),
    "C19": Check(c19_share_of_gdp, "supported", lambda e: e.value > oil.CLAIM_GDP_SHARE_PCT),
    "C26": Check(c26_vessels_designated, "supported", lambda e: e.value > 0),
    "C27": Check(c27_port_ban, "partly-supported", lambda e: e.value == 0 and "1 port ban" in e.text),
    "C28": Check(c28_shandong_date, "supported", lambda e: 0 <= e.value <= 7),
    "C29": Check(c29_mirror_gap, "supported", lambda e: e.value > 0),
    "C34": Check(c34_t40_4_share, "supported", lambda e: e.value > 50 and _c34_first() == "t40_4"),
    "C35": Check(c35_arrest_count, "unverifiable", lambda e: e.value == 0),
    "C36": Check(c36_sellers_shut, "supported", lambda e: e.value >= 2),
    "C37": Check(c37_scheduled_count, "partly-supported", lambda e: 50 < e.value < 55),
}
"""Claim id -> Check, for every claim whose verdict rests on data in the kit."""

SECTIONS: dict[str, str] = {
    "C12": "Notebook 02 · Dual-use goods, section \"What the article got right, and what it did not\" "
           "(the ministry's statements)",
}
"""Claims settled by reading sources in a section other than the closing one of their notebook."""


def pointer(claim_id: str) -> str:
    """Where the evidence is: ``evidence.<function>()`` or the notebook section that settles the claim.

    >>> pointer("C17")
    'evidence.c17_china_share()'
    >>> pointer("C99")
    Traceback (most recent call last):
    ...
    ValueError: unknown claim 'C99'; allowed: C1 to C37
    """
    ledger = claims.claims().set_index("claim_id")
    if claim_id not in ledger.index:
        raise ValueError(f"unknown claim {claim_id!r}; allowed: C1 to C{len(ledger)}")
    if claim_id in EVIDENCE:
        return f"evidence.{EVIDENCE[claim_id].function.__name__}()"
    if claim_id in SECTIONS:
        return SECTIONS[claim_id]
    return f'{claims.NOTEBOOKS[ledger.loc[claim_id, "checked_in"]]}, section "{SETTLING_SECTION}"'


def agrees(claim_id: str) -> bool:
    """True if the claim's evidence function supports the verdict stored in ``article_claims``.

    >>> agrees("C19")
    True
    >>> agrees("C4")
    Traceback (most recent call last):
    ...
    ValueError: C4 has no evidence function (its verdict rests on sources, not on data); see pointer('C4')
    """
    if claim_id not in EVIDENCE:
        raise ValueError(f"{claim_id} has no evidence function (its verdict rests on sources, not on data); "
                         f"see pointer({claim_id!r})")
    check = EVIDENCE[claim_id]
    stored = claims.claims().set_index("claim_id").loc[claim_id, "verdict"]
    return stored == check.verdict and bool(check.supports(check.function()))


def scorecard() -> pd.DataFrame:
    """Every claim: theme, type, final verdict, the evidence (computed where the kit has the data) and
    where it is.

    >>> card = scorecard()
    >>> len(card), int(card["computed"].sum())
    (37, 14)
    """
    ledger = claims.claims()
    rows = []
    for row in ledger.itertuples():
        computed = row.claim_id in EVIDENCE
        text = EVIDENCE[row.claim_id].function().text if computed else row.evidence
        rows.append({
            "claim": row.claim_id, "paragraph": row.paragraph, "theme": row.theme,
            "type": row.claim_type, "verdict": row.verdict, "stage": row.verdict_stage,
            "evidence": text, "computed": computed, "where": pointer(row.claim_id),
        })
    return pd.DataFrame(rows)
