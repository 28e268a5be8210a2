"""Iranian oil flows: units, back-of-the-envelope checks and the data queries of notebook 03 (no drawing).

The arithmetic a reader needs to check the article's oil claims:

* **Units.** Tonnes, barrels, barrels a day and the days in a period are in
  ``helpers.oil_units`` (:func:`helpers.oil_units.convert`).
* **Revenue.** :func:`revenue_usd_bn` = volume x (Brent - discount) x days;
  :func:`share_of_gdp_pct` compares it with GDP.
* **Mirror gap.** :func:`mirror_gap`: what a partner says it received from a
  country minus what that country could have supplied.
* **The explorers' values.** :data:`BASELINE_STARTS` and the ``REVENUE_*`` tuples are
  the published values notebook 03's explorers offer; their figures are in
  ``helpers.figures.oil``.

>>> mirror_gap(1.4, 0.51) > 0  # 2024: China's 'Malaysian' crude vs Malaysia's output
True
>>> round(revenue_usd_bn(1.46, brent_usd=80.52, discount_usd=6, days=366), 1)
39.8
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from helpers import arithmetic, data
from helpers.oil_units import level, year_number

#: The article's threshold: oil sales to China are "more than 5% of Iran's overall economy" (P11).
CLAIM_GDP_SHARE_PCT = 5.0
#: "Quadrupled" (P11) means a ratio of at least four.
QUADRUPLED = 4.0

# The shared arithmetic under the name notebooks 03 and 05 use: growth_ratio(0.324, 1.46) is about 4.5.
growth_ratio = arithmetic.ratio


# --- back-of-the-envelope checks -----------------------------------------------------------------

def revenue_usd_bn(volume_mbd: float, brent_usd: float, discount_usd: float, *,
                   days: float = 365, share: float = 1.0) -> float:
    """Gross sales value in billion US dollars: volume x share x (Brent - discount) x days.

    ``volume_mbd`` in million barrels per day; ``discount_usd`` is how far below
    Brent the oil sells (a positive number); ``share`` is the fraction of the
    volume counted (e.g. the share going to China).

    >>> round(revenue_usd_bn(1.60, 80.52, 6, days=366, share=0.91), 2)
    39.71
    >>> revenue_usd_bn(1.0, 70, 80)
    Traceback (most recent call last):
    ...
    ValueError: discount_usd (80) is larger than brent_usd (70): the realised price would be negative
    >>> revenue_usd_bn(1.0, 70, 5, share=91)
    Traceback (most recent call last):
    ...
    ValueError: share must be a fraction between 0 and 1 (e.g. 0.91 for 91%), got 91
    """
    volume_mbd = level("volume_mbd", volume_mbd)
    brent_usd = level("brent_usd", brent_usd)
    discount_usd = level("discount_usd", discount_usd)
    days = level("days", days, allow_zero=False)
    share = level("share", share)
    if share > 1:
        raise ValueError(f"share must be a fraction between 0 and 1 (e.g. 0.91 for 91%), got {share:g}")
    if discount_usd > brent_usd:
        raise ValueError(
            f"discount_usd ({discount_usd:g}) is larger than brent_usd ({brent_usd:g}): "
            "the realised price would be negative"
        )
    return volume_mbd * 1e6 * share * (brent_usd - discount_usd) * days / 1e9


def share_of_gdp_pct(value_usd_bn: float, gdp_usd_bn: float) -> float:
    """A value as a percentage of GDP (both in billion US dollars).

    >>> round(share_of_gdp_pct(39.71, 436.91), 1)
    9.1
    >>> share_of_gdp_pct(40, 0)
    Traceback (most recent call last):
    ...
    ValueError: gdp_usd_bn must be more than zero; got 0 (volumes, prices and GDP cannot be negative)
    """
    return 100 * level("value_usd_bn", value_usd_bn) / level("gdp_usd_bn", gdp_usd_bn, allow_zero=False)


def break_even_volume_mbd(threshold_pct: float, gdp_usd_bn: float, brent_usd: float, discount_usd: float,
                          *, days: float = 365) -> float:
    """The volume (mb/d) whose sales value equals ``threshold_pct`` of GDP.

    >>> round(break_even_volume_mbd(5, 436.91, 80.52, 6, days=366), 2)
    0.8
    """
    per_mbd = revenue_usd_bn(1.0, brent_usd, discount_usd, days=days)
    if per_mbd == 0:
        raise ValueError(
            "brent_usd equals discount_usd: the oil sells for nothing, so no volume reaches the threshold"
        )
    threshold_pct = level("threshold_pct", threshold_pct)
    return threshold_pct / 100 * level("gdp_usd_bn", gdp_usd_bn, allow_zero=False) / per_mbd


def mirror_gap(partner_reported_mbd: float, origin_supply_mbd: float) -> float:
    """What a partner reports receiving from a country minus what that country could supply.

    A positive gap is oil labelled with an origin that the origin cannot account
    for: a lower bound on relabelled cargo (if the origin exported all it
    produced to this one partner). Zero or negative: no evidence of relabelling.

    >>> round(mirror_gap(1.4, 0.51), 2)  # 2024: China's 'Malaysian' crude vs Malaysia's output
    0.89
    >>> mirror_gap(-1, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: partner_reported_mbd must be zero or more; got -1 (volumes, prices and GDP cannot be negative)
    """
    reported = level("partner_reported_mbd", partner_reported_mbd)
    return reported - level("origin_supply_mbd", origin_supply_mbd)


# --- the data, as the notebook uses it -----------------------------------------------------------

def _lo_hi(df: pd.DataFrame, value: str, low: str, high: str) -> tuple[pd.Series, pd.Series]:
    lo = df[low].fillna(df[value]).astype(float)
    hi = df[high].fillna(df[value]).astype(float)
    return lo, hi


def annual_export_spans() -> pd.DataFrame:
    """Lowest and highest full-year estimate of Iran's exports for every year, across trackers (mb/d).

    Bounds count at their stated value ("more than 1.59" counts as 1.59).

    >>> annual_export_spans().loc[2023, ["lo", "hi"]].tolist()
    [1.29, 1.59]
    """
    df = data.load("oil_export_estimates")
    df = df[df["period_kind"] == "year"]
    lo, hi = _lo_hi(df, "exports_mbd", "low_mbd", "high_mbd")
    spans = pd.DataFrame({"year": df["year"], "lo": lo, "hi": hi}).groupby("year")
    return spans.agg({"lo": "min", "hi": "max"})


def annual_export_range(year: int) -> tuple[float, float]:
    """Lowest and highest full-year estimate of Iran's exports for a year, across trackers (mb/d).

    Bounds count at their stated value ("more than 1.59" counts as 1.59).

    >>> annual_export_range(2023)
    (1.29, 1.59)
    """
    spans = annual_export_spans()
    if year_number(year) not in spans.index:
        raise ValueError(f"no full-year export estimate for {year}; years with one: "
                         + ", ".join(map(str, sorted(spans.index))))
    return float(spans.loc[year, "lo"]), float(spans.loc[year, "hi"])


def production_series(series: str) -> pd.Series:
    """One publisher's annual production series (mb/d, indexed by year), latest vintage per year.

    >>> float(production_series("opec-secondary-sources")[2024])
    3.257
    """
    df = data.load("oil_production")
    allowed = sorted(set(df["series"]))
    if series not in allowed:
        raise ValueError(f"unknown series {series!r}; allowed: {', '.join(allowed)}")
    df = df[(df["series"] == series) & (df["period"].str.len() == 4)]
    # rows are listed oldest vintage first, so the last row of a year is the latest vintage
    return df.groupby("year")["production_mbd"].last().astype(float)


def china_flow(flow: str, *, annual_only: bool = True) -> pd.DataFrame:
    """Rows of one flow from ``oil_china_flows`` with ``low``/``high`` filled in (mb/d).

    >>> float(china_flow("china-crude-imports-total").set_index("year").loc[2024, "value_mbd"])
    11.04
    """
    return _flow_rows(flow, annual_only).copy()


@cache
def _flow_rows(flow: str, annual_only: bool) -> pd.DataFrame:
    # Computed once per flow: the explorers ask for the same flows view after view.
    df = data.load("oil_china_flows")
    allowed = sorted(set(df["flow"]))
    if flow not in allowed:
        raise ValueError(f"unknown flow {flow!r}; allowed: {', '.join(allowed)}")
    df = df[df["flow"] == flow]
    if annual_only:
        df = df[df["period"].str.len() == 4]
    df = df.copy()
    df["low"], df["high"] = _lo_hi(df, "value_mbd", "low_mbd", "high_mbd")
    return df


def malaysia_gap(year: int) -> tuple[float, float]:
    """The mirror gap for a year: China's customs 'from Malaysia' minus Malaysia's production (mb/d).

    Returns (smallest, largest) gap over the published values of both.

    >>> [round(g, 2) for g in malaysia_gap(2024)]
    [0.87, 0.89]
    """
    imports = china_flow("customs-imports-from-malaysia", annual_only=False)
    prod = china_flow("malaysia-production", annual_only=False)
    imports = imports[(imports["year"] == year_number(year)) & (imports["period_kind"] == "year")]
    prod = prod[prod["year"] == year]
    if imports.empty or prod.empty:
        raise ValueError(
            f"no full-year figure of China's imports from Malaysia and Malaysia's output for {year}"
        )
    return (mirror_gap(imports["low"].min(), prod["high"].max()),
            mirror_gap(imports["high"].max(), prod["low"].min()))


def china_share(year: int | None = None) -> pd.DataFrame:
    """China's share of Iran's oil exports by tracker, with ``low``/``high`` in percent.

    >>> china_share(2024)[["tracker", "share_pct"]].values.tolist()
    [['UANI', 91.0], ['Kpler', 77.0]]
    """
    df = data.load("oil_china_share").copy()
    df["low"], df["high"] = _lo_hi(df, "share_pct", "low_pct", "high_pct")
    if year is not None:
        df = df[df["year"] == year_number(year)]
    return df


def discount_share_pct(brent_usd: float, discount_usd: float) -> float:
    """The discount as a percentage of the Brent price ("how deep is deep?").

    >>> round(discount_share_pct(82.49, 13), 1), round(discount_share_pct(80.52, 2.5), 1)
    (15.8, 3.1)
    """
    return 100 * level("discount_usd", discount_usd) / level("brent_usd", brent_usd, allow_zero=False)


def brent(year: int) -> float:
    """Brent's annual average price (USD per barrel), EIA.

    >>> brent(2024)
    80.52
    """
    df = data.load("oil_prices")
    row = df[(df["series"] == "brent-annual-average") & (df["year"] == year_number(year))]
    if row.empty:
        raise ValueError(f"no Brent average for {year}; the table covers 2015-2024")
    return float(row["value_usd_per_bbl"].iloc[0])


def gdp_values(year: int) -> list[float]:
    """Every published value of Iran's GDP for a year (billion US dollars, all vintages), sorted.

    >>> gdp_values(2023)
    [401.5, 404.63]
    """
    df = data.load("oil_economy")
    df = df[(df["series"] == "gdp-current-usd") & (df["year"] == year_number(year))
            & (df["bound"] != "lower-bound")]
    return sorted(float(v) for v in df["value_usd_bn"])


def sanction_events(kind: str | None = None, *, before: str | None = None) -> pd.DataFrame:
    """Events from ``oil_sanction_events``, optionally of one kind and strictly before an ISO date.

    >>> sanction_events("port-ban")["date"].dt.strftime("%Y-%m-%d").tolist()
    ['2025-01-06']
    """
    df = data.load("oil_sanction_events")
    if kind is not None:
        allowed = sorted(set(df["kind"]))
        if kind not in allowed:
            raise ValueError(f"unknown kind {kind!r}; allowed: {', '.join(allowed)}")
        df = df[df["kind"] == kind]
    if before is not None:
        df = df[df["date"] < pd.Timestamp(before)]
    return df.sort_values("date")


def kpler_locations() -> pd.DataFrame:
    """How publications place Kpler, with the country's name (pycountry).

    >>> kpler_locations()["country"].tolist()[:2]
    ['France', 'United Kingdom']
    """
    import pycountry

    df = data.load("oil_tracker_descriptions").copy()
    df["country"] = [pycountry.countries.get(alpha_3=c).name if isinstance(c, str) else "(none named)"
                     for c in df["location_iso3"]]
    return df[["described_by", "year", "described_as", "country", "source_id"]]


# --- the baseline explorer's values: "quadrupled?" ----------------------------------------------

#: Trackers the baseline explorer offers ("any": every tracker's rows together).
BASELINE_TRACKERS = ("Kpler", "UANI", "any")
#: Start periods (period keys). Four starts keep the handout's precomputed views (tracker x start x end
#: = 24) within its size budget; "2023-03" is the month of the Beijing deal.
BASELINE_STARTS = ("2020", "2022", "2023-03", "2023")
#: End periods (period keys): the last full year, and the two months before the article.
BASELINE_ENDS = ("2024", "2024-11/2024-12")


@dataclass(frozen=True)
class Level:
    """Tracked Iranian crude to China over one period, as a range over the matching rows."""

    low: float
    high: float
    upper_bound: bool
    trackers: tuple[str, ...]
    rows: pd.DataFrame


def tracked_level(tracker: str, period: str) -> Level | None:
    """Tracked Iranian crude to China for a tracker ('any' for all) and a period key; None if no row.

    Period keys: a year (``"2020"``; for 2023 also the Jan-Jul and Jan-Oct partial
    years), a month (``"2023-03"``) or a span (``"2024-11/2024-12"``).

    >>> lv = tracked_level("Kpler", "2023")
    >>> (lv.low, lv.high)
    (0.917, 1.1)
    >>> tracked_level("UANI", "2020") is None
    True
    """
    if tracker not in BASELINE_TRACKERS:
        raise ValueError(f"unknown tracker {tracker!r}; allowed: {', '.join(BASELINE_TRACKERS)}")
    df = china_flow("tracked-iranian-crude-to-china", annual_only=False)
    if len(period) == 4:
        match = (df["period"] == period) | df["period"].str.startswith(f"{period}-01/")
    else:
        match = df["period"] == period
    df = df[match]
    if tracker != "any":
        df = df[df["reporter"] == tracker]
    if df.empty:
        return None
    return Level(float(df["low"].min()), float(df["high"].max()),
                 bool((df["bound"] == "upper-bound").all()), tuple(dict.fromkeys(df["reporter"])), df)


def quadrupled_verdict(ratio_low: float, ratio_high: float, *, upper_bound: bool = False) -> str:
    """'quadrupled', 'not quadrupled', 'quadrupled only at the top of the range' or 'quadrupled at best'.

    With ``upper_bound`` (the end value is a "less than"), the best case is all one can say.

    >>> quadrupled_verdict(4.5, 4.5), quadrupled_verdict(1.2, 1.6), quadrupled_verdict(3.5, 4.2)
    ('quadrupled', 'not quadrupled', 'quadrupled only at the top of the range')
    >>> quadrupled_verdict(4.0, 4.0, upper_bound=True)
    'quadrupled at best'
    """
    if ratio_high < QUADRUPLED:
        return "not quadrupled"
    if upper_bound:
        return "quadrupled at best"
    if ratio_low >= QUADRUPLED:
        return "quadrupled"
    return "quadrupled only at the top of the range"


# --- the revenue calculator's values: "more than 5% of the economy" ------------------------------

@dataclass(frozen=True)
class Published:
    """A published figure offered as an explorer value: the value, the period it describes, who published it.

    ``period`` is a period key (``"2024"``, ``"2024-11"``, ``"2024-01/2024-08"``); ``by`` is the
    publisher's short name.

    >>> REVENUE_DISCOUNTS_USD[0]
    Published(value=2.5, period='2024-11', by='Press TV')
    """

    value: float
    period: str
    by: str


# A documented sample of the continuous inputs; every value is a published figure:
# exports 1.60 mb/d (UANI, 2024) and 1.29 (Nikkei Asia, 2023, the lowest 2023-24 estimate); China's share
# 82% (UANI, 2023) and 91% (UANI, 2024); Brent's 2020 and 2024 averages (EIA); discounts of $2.50 (the
# middle of Nov 2024's $2-3), $6 (2024 to August) and $13 (2023). 1.70 mb/d (the highest 2024 report) is
# left out to keep 24 views for the handout's size budget: at 2024 prices its verdicts are those of 1.60.
# Each control's default comes first or is a toggle, so one key press moves to another view.
#: Iran's exports, million barrels a day.
REVENUE_EXPORTS_MBD = (Published(1.60, "2024", "UANI"), Published(1.29, "2023", "Nikkei"))
#: China's share of Iran's exports, as a fraction.
REVENUE_CHINA_SHARES = (Published(0.82, "2023", "UANI"), Published(0.91, "2024", "UANI"))
#: Brent's annual average, USD a barrel.
REVENUE_BRENT_USD = (Published(41.96, "2020", "EIA"), Published(80.52, "2024", "EIA"))
#: Iran's discount to Brent, USD a barrel.
REVENUE_DISCOUNTS_USD = (Published(2.5, "2024-11", "Press TV"),
                         Published(6.0, "2024-01/2024-08", "Iran International"),
                         Published(13.0, "2023", "Iran International"))
#: GDP compared with: the World Bank's 2023 value and the only 2024 value found (billion USD).
REVENUE_GDP = (401.5, 436.91)
REVENUE_DAYS = 366  # a 2024 year


def published_value(options: tuple[Published, ...], period: str) -> float:
    """The value of the option that describes ``period``.

    >>> published_value(REVENUE_DISCOUNTS_USD, "2023")
    13.0
    >>> published_value(REVENUE_DISCOUNTS_USD, "2022")
    Traceback (most recent call last):
    ...
    ValueError: no option describes period '2022'; periods: 2024-11, 2024-01/2024-08, 2023
    """
    for option in options:
        if option.period == period:
            return option.value
    raise ValueError(f"no option describes period {period!r}; periods: "
                     + ", ".join(o.period for o in options))


def revenue_range(exports_mbd: float, china_share: float, brent_usd: float, discount_usd: float,
                  gdp_usd_bn: tuple[float, float] = REVENUE_GDP, days: float = REVENUE_DAYS) -> dict:
    """Sales to China (billion USD) and their share of GDP, low and high over the GDP values.

    >>> r = revenue_range(1.60, 0.91, 80.52, 6)
    >>> round(r["revenue_usd_bn"], 1), round(r["pct_low"], 1), round(r["pct_high"], 1)
    (39.7, 9.1, 9.9)
    """
    rev = revenue_usd_bn(exports_mbd, brent_usd, discount_usd, days=days, share=china_share)
    pcts = [share_of_gdp_pct(rev, g) for g in gdp_usd_bn]
    return {"revenue_usd_bn": rev, "pct_low": min(pcts), "pct_high": max(pcts)}


def revenue_verdict(pct_low: float, pct_high: float) -> str:
    """Where a share of GDP stands against the article's 5%.

    >>> revenue_verdict(9.1, 9.9), revenue_verdict(2.6, 2.8), revenue_verdict(4.8, 5.2)
    ('above the 5% claim', 'below the 5% claim', 'either side of the 5% claim')
    """
    if pct_low > CLAIM_GDP_SHARE_PCT:
        return "above the 5% claim"
    if pct_high < CLAIM_GDP_SHARE_PCT:
        return "below the 5% claim"
    return "either side of the 5% claim"


def revenue_rows(exports_mbd: float, china_share: float, brent_usd: float,
                 discount_usd: float) -> pd.DataFrame:
    """The data rows behind one state of the revenue calculator (for its source line).

    >>> len(revenue_rows(1.60, 0.91, 80.52, 6.0))  # exports, share, Brent, discount and two GDP rows
    6
    """
    return pd.concat([_exports_rows(exports_mbd), _share_rows(china_share), _brent_rows(brent_usd),
                      _discount_rows(discount_usd), _gdp_rows()])


# One lookup per control value, kept: moving one control redraws without searching the others again.
@cache
def _exports_rows(exports_mbd: float) -> pd.DataFrame:
    exp = data.load("oil_export_estimates")
    return exp[(exp["period_kind"] == "year") & (exp["exports_mbd"].round(2) == round(exports_mbd, 2))]


@cache
def _share_rows(china_share: float) -> pd.DataFrame:
    share = data.load("oil_china_share")
    return share[share["share_pct"].round(0) == round(china_share * 100)]


@cache
def _brent_rows(brent_usd: float) -> pd.DataFrame:
    prices = data.load("oil_prices")
    return prices[(prices["series"] == "brent-annual-average") & (prices["value_usd_per_bbl"] == brent_usd)]


@cache
def _discount_rows(discount_usd: float) -> pd.DataFrame:
    prices = data.load("oil_prices")
    lo, hi = _lo_hi(prices, "value_usd_per_bbl", "low_usd_per_bbl", "high_usd_per_bbl")
    return prices[(prices["series"] == "iran-discount-to-brent") & (prices["year"] <= 2024)
                  & ((lo + hi) / 2 == discount_usd)]


@cache
def _gdp_rows() -> pd.DataFrame:
    econ = data.load("oil_economy")
    return econ[(econ["series"] == "gdp-current-usd") & econ["value_usd_bn"].isin(REVENUE_GDP)]


# --- revenue over the years ----------------------------------------------------------------------

def revenue_history() -> pd.DataFrame:
    """EIA's crude-and-condensate revenue estimates as a share of GDP, low/high over GDP vintages.

    >>> revenue_history().loc[2024, ["revenue_usd_bn", "pct_low", "pct_high"]].round(1).tolist()
    [43.0, 9.8, 9.8]
    """
    econ = data.load("oil_economy")
    rev = econ[econ["series"] == "oil-export-revenue-crude-condensate"].set_index("year")["value_usd_bn"]
    out = []
    for year, value in rev.items():
        gdps = gdp_values(int(year))
        if not gdps:
            continue
        pcts = [share_of_gdp_pct(float(value), g) for g in gdps]
        out.append({"year": int(year), "revenue_usd_bn": float(value),
                    "pct_low": min(pcts), "pct_high": max(pcts)})
    return pd.DataFrame(out).set_index("year")


def streak_above_claim(history: pd.DataFrame) -> int:
    """The first year of the latest unbroken run of years above 5% of GDP (on the larger GDP).

    >>> streak_above_claim(revenue_history())
    2022
    """
    years = sorted(history.index)
    start = None
    for year in reversed(years):
        if history.loc[year, "pct_low"] > CLAIM_GDP_SHARE_PCT:
            start = year
        else:
            break
    if start is None:
        raise ValueError("the latest year is not above 5% of GDP")
    return int(start)
