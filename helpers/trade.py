"""Dual-use trade: HS codes, growth and share arithmetic, mirror gaps, and the CHPL views.

Traded goods are classified by Harmonized System (HS) codes that nest:
chapter (2 digits) > heading (4 digits) > subheading (6 digits).  The
Common High Priority List (CHPL) names 50 six-digit codes; the tables behind
this module are ``chpl_items``, ``china_russia_trade``, ``share_claims``,
``intermediary_trade_shift`` and ``us_listings`` (see ``helpers.data``).
Figures and the CHPL explorer are in ``helpers.figures.trade``.

>>> code = parse_hs("8542.31")
>>> code.chapter, code.heading, code.subheading
('85', '8542', '854231')
>>> round(growth_pct(76.12, 115.49), 1)
51.7
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass

import pandas as pd

from helpers import arithmetic
from helpers.arithmetic import number

HS_EXAMPLE = "a six-digit HS code written as a string, like '854231' or '8542.31'"
TIERS = ("1", "2", "3.A", "3.B", "4.A", "4.B")
FLOWS = ("exports", "imports", "total")
# HS 2022 chapter titles, shortened, from the same nomenclature as the CHPL labels
# (datasets/harmonized-system, data/chapters.csv; source id dualuse-hs2022-labels).
CHAPTER_NAMES = {
    "84": "Machinery and mechanical appliances",
    "85": "Electrical machinery and equipment",
    "88": "Aircraft, spacecraft, and parts",
    "90": "Optical, measuring and precision instruments",
    "93": "Arms and ammunition",
}
# The views of the CHPL: every code, one tier, or one HS chapter (chapter 93, arms, holds none).
ALL_CODES = "all"
CHPL_VIEWS = (ALL_CODES, *(f"tier:{t}" for t in TIERS), *(f"chapter:{c}" for c in CHAPTER_NAMES))
_HS6 = re.compile(r"^(\d{4})[.\s]?(\d{2})$")


# --------------------------------------------------------------------------- HS codes
@dataclass(frozen=True)
class HSCode:
    """A six-digit HS code and the levels it nests in.

    >>> HSCode("848210").dotted
    '8482.10'
    """

    code: str

    @property
    def chapter(self) -> str:
        """The two-digit chapter, e.g. '85' (electrical machinery)."""
        return self.code[:2]

    @property
    def heading(self) -> str:
        """The four-digit heading, e.g. '8542' (electronic integrated circuits)."""
        return self.code[:4]

    @property
    def subheading(self) -> str:
        """The six-digit subheading, the most detailed level all countries share."""
        return self.code

    @property
    def dotted(self) -> str:
        """The code as customs documents print it: heading, a dot, two digits."""
        return f"{self.code[:4]}.{self.code[4:]}"

    def __str__(self) -> str:
        return self.code


def parse_hs(code: str) -> HSCode:
    """Check an HS-6 code and split it into chapter, heading and subheading.

    Accepts '854231', '8542.31' or '8542 31'.  Numbers are refused, because a
    number loses the leading zero of chapters 01-09.

    >>> parse_hs(" 8482.10 ").code
    '848210'
    >>> parse_hs(10121)
    Traceback (most recent call last):
    ...
    TypeError: HS code 10121 is a number (int); numbers lose leading zeros ('010121' becomes 10121). ...
    >>> parse_hs("85423")
    Traceback (most recent call last):
    ...
    ValueError: '85423' is not an HS-6 code. Give a six-digit HS code written as a string, like '854231' ...
    """
    if isinstance(code, numbers.Number):
        raise TypeError(
            f"HS code {code!r} is a number ({type(code).__name__}); numbers lose leading zeros "
            f"('010121' becomes 10121). Give {HS_EXAMPLE}"
        )
    if not isinstance(code, str):
        raise TypeError(f"HS code {code!r} is a {type(code).__name__}. Give {HS_EXAMPLE}")
    match = _HS6.match(code.strip())
    if not match:
        raise ValueError(
            f"{code!r} is not an HS-6 code. Give {HS_EXAMPLE} (2 digits chapter, 2 heading, "
            "2 subheading; an optional dot after the heading)"
        )
    digits = match.group(1) + match.group(2)
    chapter = int(digits[:2])
    if chapter == 0 or chapter > 97:
        raise ValueError(
            f"{code!r}: chapter {digits[:2]} does not exist; HS chapters run from 01 to 97. "
            f"Give {HS_EXAMPLE}"
        )
    if chapter == 77:
        raise ValueError(f"{code!r}: chapter 77 is reserved for future use in the HS and holds no goods")
    return HSCode(digits)


# --------------------------------------------------------------------------- arithmetic
# The shared arithmetic (helpers.arithmetic) under the names notebook 02 teaches.
growth_pct = arithmetic.pct_change  # growth_pct(50, 75) == 50.0


def share_pct(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``; a share cannot exceed 100%.

    >>> share_pct(26, 50)
    52.0
    >>> share_pct(60, 50)
    Traceback (most recent call last):
    ...
    ValueError: part (60.0) is larger than whole (50.0): a share cannot exceed 100%. ...
    """
    part, whole = number("part", part), number("whole", whole)
    if whole <= 0:
        raise ValueError(f"whole must be above zero (got {whole}); a share of nothing is undefined")
    if part < 0:
        raise ValueError(f"part must not be negative (got {part})")
    if part > whole:
        raise ValueError(
            f"part ({part}) is larger than whole ({whole}): a share cannot exceed 100%. "
            "Is the part really contained in the whole?"
        )
    return part / whole * 100


def base_from_change(change: float, change_pct: float) -> float:
    """The level before a change, recovered from the change in value and in percent.

    A source that says "+909 million, +345%" has told you the starting level:
    909 / 3.45.

    >>> round(base_from_change(909, 345), 1)
    263.5
    >>> base_from_change(909, -10)
    Traceback (most recent call last):
    ...
    ValueError: change (909.0) and change_pct (-10.0) have opposite signs; ...
    """
    change, change_pct = number("change", change), number("change_pct", change_pct)
    if change_pct == 0:
        raise ValueError("change_pct is 0: with no percentage change the base cannot be recovered")
    if change_pct <= -100:
        raise ValueError(f"change_pct is {change_pct}: a value cannot fall by 100% or more and stay positive")
    if change != 0 and (change > 0) != (change_pct > 0):
        raise ValueError(
            f"change ({change}) and change_pct ({change_pct}) have opposite signs; a rise in value is "
            "a rise in percent"
        )
    return change / (change_pct / 100)


def annualise(value: float, months: int) -> float:
    """Scale a total over ``months`` to twelve months at the same average pace (an assumption).

    >>> round(annualise(5.1, 11), 2)
    5.56
    """
    value = number("value", value)
    if isinstance(months, bool) or not isinstance(months, numbers.Integral) or not 1 <= months <= 12:
        raise ValueError(f"months must be a whole number from 1 to 12, got {months!r}")
    return value * 12 / months


@dataclass(frozen=True)
class MirrorGap:
    """One flow as two sides record it: the reporter's figure and the partner's mirror figure."""

    reported: float
    mirrored: float

    @property
    def gap(self) -> float:
        """How much more the reporter recorded than the partner (same unit as the inputs)."""
        return self.reported - self.mirrored

    @property
    def ratio(self) -> float:
        """How many times the partner's figure the reporter's figure is."""
        return self.reported / self.mirrored

    @property
    def unrecorded_pct(self) -> float:
        """The gap as a share of the reporter's figure: what the partner never recorded."""
        return self.gap / self.reported * 100


def mirror_gap(reported: float, mirrored: float) -> MirrorGap:
    """Compare one side's record of a flow with the partner's record of the same flow.

    >>> g = mirror_gap(22.7, 5.1)   # China's 2024 trade with Kyrgyzstan, each side's figure, USD bn
    >>> round(g.gap, 1), round(g.ratio, 2), round(g.unrecorded_pct)
    (17.6, 4.45, 78)
    """
    reported, mirrored = number("reported", reported), number("mirrored", mirrored)
    for name, value in (("reported", reported), ("mirrored", mirrored)):
        if value <= 0:
            raise ValueError(
                f"{name} must be above zero (got {value}); a mirror gap compares two recorded flows"
            )
    return MirrorGap(reported, mirrored)


# --------------------------------------------------------------------------- the tables
def _require_columns(df: pd.DataFrame, columns: tuple[str, ...], table: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"expected the {table} table (a DataFrame from data.load('{table}')), got {type(df).__name__}"
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"not the {table} table: missing columns {missing}; use data.load('{table}')")


def chpl_counts(items: pd.DataFrame) -> pd.DataFrame:
    """How many CHPL codes each tier has in each HS chapter (with totals).

    >>> from helpers import data
    >>> int(chpl_counts(data.load("chpl_items")).loc["All", "All"])
    50
    """
    _require_columns(items, ("hs6", "tier"), "chpl_items")
    chapters = [parse_hs(c).chapter for c in items["hs6"]]
    table = pd.crosstab(
        pd.Categorical(items["tier"], categories=TIERS), pd.Series(chapters, name="chapter"),
        rownames=["tier"], margins=True, margins_name="All",
    )
    table.columns.name = "chapter"
    return table


def split_view(view: str) -> tuple[str, str]:
    """A CHPL view as its kind (``'all'``, ``'tier'`` or ``'chapter'``) and its tier or chapter.

    >>> split_view("tier:3.A"), split_view("chapter:85"), split_view("all")
    (('tier', '3.A'), ('chapter', '85'), ('all', ''))
    >>> split_view("tier:9")
    Traceback (most recent call last):
    ...
    ValueError: unknown view 'tier:9'; use 'all', 'tier:' + one of 1, 2, 3.A, 3.B, 4.A, 4.B, ...
    """
    kind, _, value = str(view).partition(":")
    if view == ALL_CODES:
        return ALL_CODES, ""
    if (kind == "tier" and value in TIERS) or (kind == "chapter" and re.fullmatch(r"\d{2}", value)):
        return kind, value
    raise ValueError(
        f"unknown view {view!r}; use 'all', 'tier:' + one of {', '.join(TIERS)}, "
        "or 'chapter:' + two digits like 'chapter:85'"
    )


def chpl_view(items: pd.DataFrame, view: str) -> pd.DataFrame:
    """The CHPL rows of one view: ``'all'``, ``'tier:<tier>'`` or ``'chapter:<two digits>'``.

    >>> from helpers import data
    >>> list(chpl_view(data.load("chpl_items"), "tier:1")["hs6"])
    ['854231', '854232', '854233', '854239']
    """
    _require_columns(items, ("hs6", "tier"), "chpl_items")
    kind, value = split_view(view)
    if kind == "tier":
        rows = items[items["tier"] == value]
    elif kind == "chapter":
        rows = items[[parse_hs(c).chapter == value for c in items["hs6"]]]
    else:
        rows = items
    return rows.reset_index(drop=True)


def trade_value(trade: pd.DataFrame, year: int, flow: str) -> float:
    """One value of China's trade with Russia, in USD bn.

    >>> from helpers import data
    >>> trade_value(data.load("china_russia_trade"), 2024, "exports")
    115.49
    >>> trade_value(data.load("china_russia_trade"), 2023, "exports")
    Traceback (most recent call last):
    ...
    ValueError: no exports value for 2023 is shipped (only its published growth rate is; ...). Years with ...
    """
    _require_columns(trade, ("year", "flow", "value_usd_bn"), "china_russia_trade")
    if flow not in FLOWS:
        raise ValueError(f"flow {flow!r} is not one of {', '.join(FLOWS)}")
    known = trade[(trade["flow"] == flow) & trade["value_usd_bn"].notna()]
    years = ", ".join(str(y) for y in known["year"])
    row = trade[(trade["year"] == year) & (trade["flow"] == flow)]
    if row.empty:
        raise ValueError(f"no {flow} row for {year!r}. Years with a {flow} value: {years}")
    value = row["value_usd_bn"].iloc[0]
    if pd.isna(value):
        raise ValueError(
            f"no {flow} value for {year} is shipped (only its published growth rate is; see the row's "
            f"note). Years with an {flow} value: {years}"
        )
    return float(value)


def trade_growth(trade: pd.DataFrame, flow: str, start: int, end: int) -> float:
    """Growth in percent of one flow between two years, computed from the shipped levels.

    >>> from helpers import data
    >>> round(trade_growth(data.load("china_russia_trade"), "total", 2021, 2024), 1)
    66.7
    """
    return growth_pct(trade_value(trade, start, flow), trade_value(trade, end, flow))


def growth_check(trade: pd.DataFrame, flow: str = "total") -> pd.DataFrame:
    """Year-on-year growth computed from the levels next to the rate GACC published.

    >>> from helpers import data
    >>> float(growth_check(data.load("china_russia_trade")).loc[2022, "published_pct"])
    29.3
    """
    _require_columns(trade, ("year", "flow", "value_usd_bn", "published_growth_pct"), "china_russia_trade")
    rows = trade[trade["flow"] == flow].set_index("year").sort_index()
    out = pd.DataFrame({"value_usd_bn": rows["value_usd_bn"].astype(float)})
    prev = out["value_usd_bn"].shift(1)
    out["computed_pct"] = ((out["value_usd_bn"] / prev - 1) * 100).round(1)
    out["published_pct"] = rows["published_growth_pct"].astype(float)
    out["difference_pts"] = (out["computed_pct"] - out["published_pct"]).round(1)
    return out


def share_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """The share claims grouped by what they are a share of and how origin was counted.

    >>> from helpers import data
    >>> s = share_summary(data.load("share_claims"))
    >>> int(s.loc[("imports", "producer-headquarters"), "lowest_pct"])
    45
    """
    _require_columns(claims, ("share_of", "measured_by", "share_pct", "claim_id"), "share_claims")
    grouped = claims.groupby(["share_of", "measured_by"])
    return pd.DataFrame({
        "claims": grouped["claim_id"].count(),
        "lowest_pct": grouped["share_pct"].min().astype(float),
        "highest_pct": grouped["share_pct"].max().astype(float),
    })


def listings_for(listings: pd.DataFrame, *, instrument: str = "Entity List", scope: str = "russia-support",
                 count_kind: str = "action") -> pd.DataFrame:
    """The US listing rows of one instrument, reason and kind of count.

    >>> from helpers import data
    >>> len(listings_for(data.load("us_listings")))
    6
    """
    _require_columns(listings, ("instrument", "scope", "count_kind", "china_hk_listed"), "us_listings")
    for name, value in (("instrument", instrument), ("scope", scope), ("count_kind", count_kind)):
        allowed = sorted(set(listings[name].dropna()))
        if value not in allowed:
            raise ValueError(f"{name} {value!r} is not in the table; it has: {', '.join(allowed)}")
    rows = listings[(listings["instrument"] == instrument) & (listings["scope"] == scope)
                    & (listings["count_kind"] == count_kind)]
    return rows.sort_values("date").reset_index(drop=True)


def china_listed_total(rows: pd.DataFrame) -> int:
    """Add up the China/Hong Kong counts of some listing rows, skipping rows without a count.

    >>> from helpers import data
    >>> china_listed_total(listings_for(data.load("us_listings")))
    108
    """
    _require_columns(rows, ("china_hk_listed",), "us_listings")
    if rows.empty:
        raise ValueError("no rows to add up; check the filters given to listings_for")
    return int(rows["china_hk_listed"].dropna().sum())


def country_name(iso3: str) -> str:
    """A country's short name from its ISO 3166 alpha-3 code (groups like EU27 pass through).

    >>> country_name("KGZ"), country_name("EU27")
    ('Kyrgyzstan', 'EU27')
    """
    import pycountry

    if iso3 in ("EU27", "EU27+GBR", "CCA3", "not stated"):
        return iso3
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise ValueError(f"{iso3!r} is not an ISO 3166 alpha-3 country code (like 'KGZ')")
    return getattr(country, "common_name", None) or country.name


def eu_export_changes(shift: pd.DataFrame) -> pd.DataFrame:
    """EU exports to Russia and its neighbours, 2021 to 2022 (Eric Dor's figures), with levels.

    The 2021 and 2022 levels are derived: base = change / (change_pct / 100).

    >>> from helpers import data
    >>> e = eu_export_changes(data.load("intermediary_trade_shift"))
    >>> round(float(e.loc["KGZ", "base_m"]))
    263
    """
    _require_columns(shift, ("comparison", "reporter", "partner", "period", "change_m", "change_pct"),
                     "intermediary_trade_shift")
    rows = shift[(shift["comparison"] == "before-after") & (shift["reporter"] == "EU27")
                 & (shift["base_period"] == "2021") & (shift["period"] == "2022")].set_index("partner")
    out = pd.DataFrame({
        "country": [country_name(p) for p in rows.index],
        "change_m": rows["change_m"].astype(float),
        "change_pct": rows["change_pct"].astype(float),
    }, index=rows.index)
    out["base_m"] = [base_from_change(c, p) for c, p in zip(out["change_m"], out["change_pct"], strict=True)]
    out["value_m"] = out["base_m"] + out["change_m"]
    return out.sort_values("change_pct", ascending=False)


def mirror_rows(shift: pd.DataFrame, reporter: str, partner: str) -> pd.Series:
    """The mirror row of one reporter and partner.

    >>> from helpers import data
    >>> float(mirror_rows(data.load("intermediary_trade_shift"), "CHN", "KGZ")["value_m"])
    22700.0
    """
    _require_columns(shift, ("comparison", "reporter", "partner", "value_m"), "intermediary_trade_shift")
    rows = shift[(shift["comparison"] == "mirror") & (shift["reporter"] == reporter)
                 & (shift["partner"] == partner)]
    if len(rows) != 1:
        pairs = shift[shift["comparison"] == "mirror"][["reporter", "partner"]].astype(str)
        have = ", ".join(f"{r}->{p}" for r, p in pairs.itertuples(index=False))
        raise ValueError(f"no single mirror row for {reporter}->{partner}; the table has: {have}")
    return rows.iloc[0]
