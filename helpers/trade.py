"""Dual-use trade: HS codes, growth and share arithmetic, mirror gaps, and the CHPL explorer.

Traded goods are classified by Harmonized System (HS) codes that nest:
chapter (2 digits) > heading (4 digits) > subheading (6 digits).  The
Common High Priority List (CHPL) names 50 six-digit codes; the tables behind
this module are ``chpl_items``, ``china_russia_trade``, ``share_claims``,
``intermediary_trade_shift`` and ``us_listings`` (see ``helpers.data``).

>>> code = parse_hs("8542.31")
>>> code.chapter, code.heading, code.subheading
('85', '8542', '854231')
>>> round(growth_pct(76.12, 115.49), 1)
51.7
"""

from __future__ import annotations

import html
import numbers
import re
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from helpers import arithmetic, data, plots
from helpers.arithmetic import number
from helpers.widgets import Explorer

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


def is_hs6(code: object) -> bool:
    """Whether ``code`` is a valid HS-6 code (a string; see :func:`parse_hs`).

    >>> is_hs6("903082"), is_hs6(903082), is_hs6("770000")
    (True, False, False)
    """
    try:
        parse_hs(code)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


def chapter_name(chapter: str) -> str:
    """A short title for an HS chapter that the CHPL lesson uses.

    >>> chapter_name("85")
    'Electrical machinery and equipment'
    """
    if chapter not in CHAPTER_NAMES:
        raise ValueError(
            f"no short title for chapter {chapter!r}; chapters with one: {', '.join(CHAPTER_NAMES)}"
        )
    return CHAPTER_NAMES[chapter]


# --------------------------------------------------------------------------- arithmetic
# The shared arithmetic (helpers.arithmetic) under the names notebook 02 teaches.
growth_pct = arithmetic.pct_change  # growth_pct(50, 75) == 50.0
growth_factor = arithmetic.ratio  # how many times larger: growth_factor(40, 100) == 2.5


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


def chpl_view(items: pd.DataFrame, view: str) -> pd.DataFrame:
    """The CHPL rows of one view: ``'all'``, ``'tier:<tier>'`` or ``'chapter:<two digits>'``.

    >>> list(chpl_view(data.load("chpl_items"), "tier:1")["hs6"])
    ['854231', '854232', '854233', '854239']
    """
    _require_columns(items, ("hs6", "tier"), "chpl_items")
    kind, _, value = str(view).partition(":")
    if view == "all":
        rows = items
    elif kind == "tier" and value in TIERS:
        rows = items[items["tier"] == value]
    elif kind == "chapter" and re.fullmatch(r"\d{2}", value):
        rows = items[[parse_hs(c).chapter == value for c in items["hs6"]]]
    else:
        raise ValueError(
            f"unknown view {view!r}; use 'all', 'tier:' + one of {', '.join(TIERS)}, "
            "or 'chapter:' + two digits like 'chapter:85'"
        )
    return rows.reset_index(drop=True)


def trade_value(trade: pd.DataFrame, year: int, flow: str) -> float:
    """One value of China's trade with Russia, in USD bn.

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

    >>> round(trade_growth(data.load("china_russia_trade"), "total", 2021, 2024), 1)
    66.7
    """
    return growth_pct(trade_value(trade, start, flow), trade_value(trade, end, flow))


def growth_check(trade: pd.DataFrame, flow: str = "total") -> pd.DataFrame:
    """Year-on-year growth computed from the levels next to the rate GACC published.

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


# --------------------------------------------------------------------------- figures
_HATCHES = ["", "//", "..", "xx", "\\\\"]
_SHORT_CHAPTER = {"84": "machinery", "85": "electrical", "88": "aircraft", "90": "instruments"}


def plot_chpl_tiers(items: pd.DataFrame) -> Figure:
    """Stacked bars: CHPL codes per tier, split by HS chapter (colour and hatching)."""
    counts = chpl_counts(items).drop(index="All").drop(columns="All")
    fig, ax = plots.new_figure(10, 5)
    left = pd.Series(0, index=counts.index)
    for i, chapter in enumerate(counts.columns):
        ax.barh([f"Tier {t}" for t in counts.index], counts[chapter], left=left, color=plots.PALETTE[i],
                hatch=_HATCHES[i], edgecolor="white", label=f"Ch. {chapter} {_SHORT_CHAPTER[chapter]}")
        left = left + counts[chapter]
    for y, total in enumerate(left):
        ax.text(total + 0.2, y, str(int(total)), va="center")
    ax.invert_yaxis()
    ax.set_xlabel("Number of HS-6 codes")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, max(left) + 6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right")
    n85, n = int(counts.get("85", pd.Series(0)).sum()), int(counts.to_numpy().sum())
    return plots.finish(
        fig,
        title=f"{n85} of the {n} CHPL codes are electrical goods from HS chapter 85",
        source=data.cite_rows(items),
        alt=("Horizontal stacked bars of CHPL codes per tier: "
             + ", ".join(f"tier {t} {int(v)}" for t, v in left.items())
             + f". Chapter 85 holds {n85} codes; chapters 84, 88 and 90 hold the rest."),
    )


def plot_china_russia_trade(trade: pd.DataFrame) -> Figure:
    """Total trade as a line, with China's exports and imports where both are shipped."""
    fig, ax = plots.new_figure(10, 5.5)
    styles = {"total": (0, "-"), "exports": (1, "--"), "imports": (2, ":")}
    labels = {"total": "Total trade", "exports": "China's exports to Russia",
              "imports": "China's imports from Russia"}
    for flow, (i, ls) in styles.items():
        rows = trade[(trade["flow"] == flow) & trade["value_usd_bn"].notna()].sort_values("year")
        ax.plot(rows["year"], rows["value_usd_bn"].astype(float), color=plots.PALETTE[i],
                marker=plots.MARKERS[i], linestyle=ls if flow == "total" else "none", label=labels[flow])
    ax.axvline(2022.15, color="#555555", linewidth=1, linestyle=(0, (2, 2)))
    ax.text(2022.2, 20, "Invasion of Ukraine\n(Feb 2022)", fontsize=11, color="#333333")
    ax.set_ylabel("USD bn (current prices)")
    ax.set_xlabel("Year")
    ax.set_ylim(0, None)
    ax.set_xticks(range(2019, 2025))
    ax.legend(loc="upper left")
    growth = trade_growth(trade, "total", 2021, 2024)
    total24 = trade_value(trade, 2024, "total")
    totals = trade[trade["flow"] == "total"][["year", "value_usd_bn"]].itertuples(index=False)
    ex22, ex24 = trade_value(trade, 2022, "exports"), trade_value(trade, 2024, "exports")
    return plots.finish(
        fig,
        title=f"China–Russia trade grew {growth:.0f}% from 2021 to 2024, to USD {total24:.0f}bn",
        source=data.cite_rows(trade[trade["value_usd_bn"].notna()]),
        alt=("Line chart of China-Russia trade in USD bn, 2019-2024: total "
             + ", ".join(f"{int(y)} {v:.1f}" for y, v in totals)
             + ". Exports and imports are marked for 2019, 2020, 2022 and 2024 only; exports rose from "
             f"{ex22:.1f} in 2022 to {ex24:.1f} in 2024."),
    )


_BASIS_STYLE = {"dispatch-country": 0, "producer-headquarters": 1, "not-stated": 2}
_BASIS_LABEL = {
    "dispatch-country": "By country the goods came from",
    "producer-headquarters": "By where the producer is based",
    "not-stated": "Not stated",
}


def _short(claimant: str, width: int = 30) -> str:
    name = claimant.split(" (")[0]
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def plot_share_claims(claims: pd.DataFrame) -> Figure:
    """Dot plot of every share claim, coloured and shaped by how origin was counted."""
    rows = claims.sort_values(["measured_by", "claim_date"]).reset_index(drop=True)
    fig, ax = plots.new_figure(11, 6.5)
    seen = set()
    for y, row in rows.iterrows():
        i = _BASIS_STYLE[row["measured_by"]]
        label = None if row["measured_by"] in seen else _BASIS_LABEL[row["measured_by"]]
        seen.add(row["measured_by"])
        ax.plot(float(row["share_pct"]), y, linestyle="none", marker=plots.MARKERS[i], markersize=10,
                color=plots.PALETTE[i], label=label)
        hedge = f"{row['qualifier']} " if pd.notna(row["qualifier"]) else ""
        whose = ""
        if row["measured_by"] == "producer-headquarters":
            whose = " (China-based)" if row["supplier"].startswith("China") else " (Western)"
        value = float(row["share_pct"])
        ax.annotate(f"{hedge}{value:g}%{whose}", (value, y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=11)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{_short(r.claimant)}, {r.claim_date[:7]} · {r.goods}" for r in rows.itertuples()],
                       fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Published share (%)")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", fontsize=11, title="How origin was counted", title_fontsize=11)
    dispatch = rows[rows["measured_by"] == "dispatch-country"]["share_pct"].max()
    hq = rows[(rows["measured_by"] == "producer-headquarters")
              & rows["supplier"].str.startswith("China")]["share_pct"].max()
    low = rows[rows["measured_by"] == "dispatch-country"]["share_pct"].min()
    western = rows[rows["supplier"].str.startswith("Western")]["share_pct"].max()
    return plots.finish(
        fig,
        title=(f"Counted by where goods came from, China's share is up to {dispatch:.0f}%; "
                    f"by producer, {hq:.0f}%"),
        source=data.cite_rows(rows),
        alt=(f"Dot plot of {len(rows)} published shares: counted by the country goods were shipped from, "
             f"China's share of Russia's imports is {low:.0f} to {dispatch:.0f}%; counted by producer "
             f"headquarters, China {hq:.0f}% and Western firms {western:.0f}%; the article's 90% does not "
             "say how it was counted."),
    )


def plot_eu_exports(shift: pd.DataFrame) -> Figure:
    """Two panels: the percentage change and the change in euros of EU exports, 2021 to 2022."""
    e = eu_export_changes(shift)
    fig = Figure(figsize=(11, 5.5), layout="constrained")
    ax1, ax2 = fig.subplots(1, 2, sharey=True)
    names = list(e["country"])
    colours = [plots.PALETTE[5] if p == "RUS" else plots.PALETTE[0] for p in e.index]
    hatches = ["//" if p == "RUS" else "" for p in e.index]
    ax1.barh(names, e["change_pct"], color=colours, hatch=hatches, edgecolor="white")
    ax2.barh(names, e["change_m"] / 1000, color=colours, hatch=hatches, edgecolor="white")
    for ax, unit in ((ax1, "Change in EU exports (%)"), (ax2, "Change in EU exports (EUR bn)")):
        ax.axvline(0, color="#333333", linewidth=1)
        ax.set_xlabel(unit)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
    ax1.invert_yaxis()
    neighbours = e.loc[["KGZ", "ARM", "UZB", "KAZ", "GEO"], "change_m"].sum() / 1000
    russia = -e.loc["RUS", "change_m"] / 1000
    return plots.finish(
        fig,
        title=(f"EU exports to Kyrgyzstan rose {e.loc['KGZ', 'change_pct']:.0f}% in 2022, but five "
                    f"neighbours gained €{neighbours:.1f}bn while Russia lost €{russia:.0f}bn"),
        source=data.cite_rows(shift[shift["source_id"] == "dualuse-brusselstimes-2023"]),
        alt=("Two bar charts of EU exports, 2021 to 2022. In percent: "
             + ", ".join(f"{c} {p:+.0f}%" for c, p in zip(e["country"], e["change_pct"], strict=True))
             + ". In euros: "
             + ", ".join(f"{c} {m / 1000:+.1f}bn" for c, m in zip(e["country"], e["change_m"], strict=True))
             + "."),
    )


def plot_mirror_gap(shift: pd.DataFrame) -> Figure:
    """China's and Kyrgyzstan's records of their 2024 trade, side by side."""
    cn, kg = mirror_rows(shift, "CHN", "KGZ"), mirror_rows(shift, "KGZ", "CHN")
    g = mirror_gap(float(cn["value_m"]) / 1000, float(kg["value_m"]) / 1000)
    fig, ax = plots.new_figure(10, 5)
    labels = ["China's record\n(2024)", "Kyrgyzstan's record\n(Jan–Nov 2024)"]
    ax.bar(labels, [g.reported, g.mirrored], color=[plots.PALETTE[0], plots.PALETTE[1]], hatch=["", "//"],
           edgecolor="white", width=0.55)
    for x, v in enumerate([g.reported, g.mirrored]):
        ax.text(x, v + 0.4, f"USD {v:.1f}bn", ha="center")
    ax.set_ylabel("China-Kyrgyzstan trade (USD bn)")
    ax.set_ylim(0, g.reported * 1.15)
    return plots.finish(
        fig,
        title=(f"China recorded USD {g.reported:.1f}bn of trade with Kyrgyzstan in 2024; Kyrgyzstan "
                    f"recorded USD {g.mirrored:.1f}bn in eleven months"),
        source=data.cite_rows(shift[shift["shift_id"].isin([cn["shift_id"], kg["shift_id"]])]),
        alt=(f"Two bars: China reports USD {g.reported:.1f}bn of 2024 trade with Kyrgyzstan; Kyrgyz "
             f"statistics record USD {g.mirrored:.1f}bn with China for January to November 2024, a gap of "
             f"USD {g.gap:.1f}bn."),
    )


def plot_listings(listings: pd.DataFrame, claimed: int = 400) -> Figure:
    """China/HK entities per Russia-related Entity List action, their running sum, and the claim."""
    rows = listings_for(listings)
    rows = rows[rows["china_hk_listed"].notna()]
    counts = rows["china_hk_listed"].astype(int)
    running = counts.cumsum()
    dates = [d.strftime("%b %Y") for d in rows["date"]]
    fig, ax = plots.new_figure(10, 5.5)
    ax.bar(dates, counts, color=plots.PALETTE[0], label="Chinese/HK entities in the action")
    ax.plot(dates, running, color=plots.PALETTE[1], marker=plots.MARKERS[1], linestyle="--",
            label="Running total")
    ax.axhline(claimed, color=plots.PALETTE[5], linestyle=":", linewidth=2)
    ax.text(0, claimed + 8, f"'nearly {claimed}' Chinese suppliers (Burns)", color=plots.PALETTE[5],
            fontsize=11)
    ax.set_ylabel("Entities (count)")
    ax.set_xlabel("Entity List action (BIS, for supporting Russia)")
    ax.set_ylim(0, claimed * 1.15)
    ax.legend(loc="center left")
    total = int(running.iloc[-1])
    return plots.finish(
        fig,
        title=(f"{len(rows)} Russia-related Entity List actions named {total} Chinese entities, "
                    f"{share_pct(total, claimed):.0f}% of 'nearly {claimed}'"),
        source=data.cite_rows(rows),
        alt=("Bar chart of Chinese and Hong Kong entities added in each Russia-related Entity List action: "
             + ", ".join(f"{d} {c}" for d, c in zip(dates, counts, strict=True))
             + f"; running total {total}, against a line at {claimed}."),
    )


# --------------------------------------------------------------------------- the CHPL explorer
def _views() -> list[tuple[str, str]]:
    tiers = data.load("chpl_items").drop_duplicates("tier").set_index("tier")["tier_heading"]
    views = [("All codes", "all")]
    views += [(f"Tier {t} · {tiers[t]}", f"tier:{t}") for t in TIERS]
    views += [(f"Chapter {c} · {n}", f"chapter:{c}") for c, n in CHAPTER_NAMES.items()]
    return views


def render_chpl(view: str = "all") -> str:
    """The CHPL codes of one view as an HTML table, with what the items go into.

    >>> "4 codes" in render_chpl("tier:1")
    True
    >>> "No CHPL code" in render_chpl("chapter:93")
    True
    """
    items = data.load("chpl_items")
    rows = chpl_view(items, view)
    label = next((lbl for lbl, v in _views() if v == view), view)
    # A paragraph, not a heading: the explorer sits inside a notebook section and must not break its outline.
    parts = [f'<p class="explorer-title"><strong>{html.escape(label)}: {len(rows)} codes</strong></p>']
    if rows.empty:
        chapter = view.partition(":")[2]
        name = CHAPTER_NAMES.get(chapter, f"chapter {chapter}")
        parts.append(
            f"<p>No CHPL code is in chapter {html.escape(chapter)} ({html.escape(name)}). The list names "
            "components and machines that go into weapons, not weapons.</p>"
        )
        return "\n".join(parts)
    if view.startswith("tier:"):
        first = rows.iloc[0]
        definition = html.escape(first["tier_definition"])
        parts.append(f"<p><strong>What they go into (BIS):</strong> {definition}</p>")
    else:
        parts.append("<p><strong>What they go into:</strong> see each code's tier; pick a tier to read its "
                     "BIS definition.</p>")
    table = pd.DataFrame({
        "HS code": [parse_hs(c).dotted for c in rows["hs6"]],
        "Chapter": [parse_hs(c).chapter for c in rows["hs6"]],
        "Heading": [parse_hs(c).heading for c in rows["hs6"]],
        "Description (HS 2022)": rows["description_hs2022"].astype(str),
        "Tier": [f"{t} · {h}" for t, h in zip(rows["tier"], rows["tier_heading"], strict=True)],
    })
    parts.append(table.to_html(index=False, border=0, classes="explorer-table", escape=True))
    parts.append(f"<p><small>{html.escape(data.cite_rows(rows))}</small></p>")
    return "\n".join(parts)


def chpl_explorer() -> Explorer:
    """The CHPL explorer: pick a tier or an HS chapter, see its codes and what they go into.

    >>> ex = chpl_explorer()
    >>> ex.view_count()
    12
    """
    return Explorer(
        title="Common High Priority List: codes by tier or HS chapter",
        render=render_chpl,
        controls={"view": _views()},
        default={"view": "tier:1"},
        description="Each view lists the HS-6 codes, their HS 2022 labels and their tier.",
    )
