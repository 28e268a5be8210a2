"""Iranian oil flows: unit conversions, back-of-the-envelope checks, and notebook 03's figures.

The arithmetic a reader needs to check the article's oil claims:

* **Units.** China's customs report tonnes, trackers report barrels per day.
  :data:`BARRELS_PER_TONNE` (7.33) is S&P Global Platts' factor for crude
  ("using a 7.33 conversion factor", Platts via Hellenic Shipping News,
  2019-07-30; source ``oil-platts-2019-07``, table ``oil_conversion_factors``).
  Reuters uses 7.3 (:data:`REUTERS_BARRELS_PER_TONNE`). :func:`convert` moves
  between amounts (``bbl``, ``M bbl``, ``t``, ``Mt`` ...) and rates (``b/d``,
  ``kb/d``, ``mb/d``) over a period whose length in days is given, leap years
  included (:func:`days_in_year`, :func:`days_in_period`).
* **Revenue.** :func:`revenue_usd_bn` = volume x (Brent - discount) x days;
  :func:`share_of_gdp_pct` compares it with GDP.
* **Mirror gap.** :func:`mirror_gap`: what a partner says it received from a
  country minus what that country could have supplied.

>>> round(convert(553.4, "Mt", "mb/d", days=days_in_period("2024")), 2)  # China's 2024 imports
11.08
>>> round(revenue_usd_bn(1.46, brent_usd=80.52, discount_usd=6, days=366), 1)
39.8
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd
from matplotlib.figure import Figure

from helpers import arithmetic, data, plots
from helpers.arithmetic import number

# --- constants -----------------------------------------------------------------------------------

#: Barrels per tonne of crude: S&P Global Platts' factor, as in "using a 7.33 conversion factor"
#: (Platts via Hellenic Shipping News, 2019-07-30; sources.csv ``oil-platts-2019-07``).
BARRELS_PER_TONNE = 7.33
#: The factor Reuters uses for China's customs data ("tonne=7.3 barrels"; ``oil-aog-2021-01``).
REUTERS_BARRELS_PER_TONNE = 7.3
#: The article's threshold: oil sales to China are "more than 5% of Iran's overall economy" (P11).
CLAIM_GDP_SHARE_PCT = 5.0
#: "Quadrupled" (P11) means a ratio of at least four.
QUADRUPLED = 4.0

# unit -> (kind, size in barrels or tonnes, or barrels per day)
_AMOUNT_BBL = {"bbl": 1.0, "kbbl": 1e3, "M bbl": 1e6}
_AMOUNT_T = {"t": 1.0, "kt": 1e3, "Mt": 1e6}
_RATE = {"b/d": 1.0, "kb/d": 1e3, "mb/d": 1e6}
UNITS = tuple(_AMOUNT_BBL) + tuple(_AMOUNT_T) + tuple(_RATE)

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:/(\d{4})-(\d{2}))?$")


# --- validation ----------------------------------------------------------------------------------

def _number(name: str, value: object, *, allow_zero: bool = True) -> float:
    # Every quantity in this module is a level: a volume, a price, a share or a GDP.
    return number(name, value, minimum=0, strictly=not allow_zero,
                  why="volumes, prices and GDP cannot be negative")


# The shared arithmetic under the name notebooks 03 and 05 use: growth_ratio(0.324, 1.46) is about 4.5.
growth_ratio = arithmetic.ratio


def _year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
        raise ValueError(f"year must be a whole number between 1900 and 2100, got {year!r}")
    return year


# --- conversions ---------------------------------------------------------------------------------

def days_in_year(year: int) -> int:
    """365, or 366 in a leap year.

    >>> days_in_year(2024), days_in_year(2023), days_in_year(1900)
    (366, 365, 365)
    """
    return 366 if calendar.isleap(_year(year)) else 365


def days_in_period(period: str) -> int:
    """Days in a period written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM/YYYY-MM`` (months from/to, inclusive).

    >>> days_in_period("2024"), days_in_period("2024-02"), days_in_period("2024-01/2024-09")
    (366, 29, 274)
    >>> days_in_period("Q1 2024")
    Traceback (most recent call last):
    ...
    ValueError: period 'Q1 2024' is not YYYY, YYYY-MM or YYYY-MM/YYYY-MM
    """
    start, end = period_bounds(period)
    return (end - start).days + 1


def period_bounds(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a period (``YYYY``, ``YYYY-MM`` or ``YYYY-MM/YYYY-MM``).

    >>> [str(d.date()) for d in period_bounds("2023-01/2023-07")]
    ['2023-01-01', '2023-07-31']
    """
    m = _PERIOD.match(period) if isinstance(period, str) else None
    if not m:
        raise ValueError(f"period {period!r} is not YYYY, YYYY-MM or YYYY-MM/YYYY-MM")
    y1, m1, y2, m2 = m.groups()
    if m1 is None and y2 is not None:
        raise ValueError(f"period {period!r} is not YYYY, YYYY-MM or YYYY-MM/YYYY-MM")
    for month in (m1, m2):
        if month is not None and not 1 <= int(month) <= 12:
            raise ValueError(f"period {period!r} has a month outside 01-12")
    start = pd.Timestamp(int(y1), int(m1 or 1), 1)
    ey, em = (int(y2), int(m2)) if y2 else (int(y1), int(m1 or 12))
    end = pd.Timestamp(ey, em, calendar.monthrange(ey, em)[1])
    if end < start:
        raise ValueError(f"period {period!r} ends before it starts")
    return start, end


def period_midpoint(period: str) -> pd.Timestamp:
    """The middle day of a period, for placing an estimate on a time axis.

    >>> str(period_midpoint("2024-06").date())
    '2024-06-15'
    """
    start, end = period_bounds(period)
    return start + (end - start) / 2


def convert(value: float, from_unit: str, to_unit: str, *, days: float | None = None,
            factor: float = BARRELS_PER_TONNE) -> float:
    """Convert an oil volume between units.

    Amounts: ``bbl``, ``kbbl``, ``M bbl`` (barrels) and ``t``, ``kt``, ``Mt`` (tonnes).
    Rates: ``b/d``, ``kb/d``, ``mb/d`` (barrels per day). Tonnes and barrels are
    linked by ``factor`` barrels per tonne (default :data:`BARRELS_PER_TONNE`);
    an amount and a rate by the number of ``days`` in the period.

    >>> convert(1, "Mt", "M bbl")
    7.33
    >>> convert(587, "M bbl", "mb/d", days=366)  # UANI: Iran's exports in 2024
    1.6038251366120218
    >>> convert(1.46, "mb/d", "M bbl", days=366)
    534.36
    >>> convert(1, "mb/d", "Mt")
    Traceback (most recent call last):
    ...
    ValueError: converting mb/d to Mt needs days= (the length of the period); e.g. days=days_in_year(2024)
    >>> convert(1, "barrels", "t")
    Traceback (most recent call last):
    ...
    ValueError: unknown unit 'barrels'; allowed: bbl, kbbl, M bbl, t, kt, Mt, b/d, kb/d, mb/d
    """
    for unit in (from_unit, to_unit):
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; allowed: {', '.join(UNITS)}")
    value = _number("value", value)
    factor = _number("factor (barrels per tonne)", factor, allow_zero=False)
    is_rate = {u: u in _RATE for u in (from_unit, to_unit)}
    if is_rate[from_unit] != is_rate[to_unit]:
        if days is None:
            raise ValueError(
                f"converting {from_unit} to {to_unit} needs days= (the length of the period); "
                "e.g. days=days_in_year(2024)"
            )
        days = _number("days", days, allow_zero=False)
    # to barrels (amount) or barrels per day (rate)
    if from_unit in _RATE:
        bpd = value * _RATE[from_unit]
        barrels = bpd * days if not is_rate[to_unit] else None
    else:
        if from_unit in _AMOUNT_BBL:
            barrels = value * _AMOUNT_BBL[from_unit]
        else:
            barrels = value * _AMOUNT_T[from_unit] * factor
        bpd = barrels / days if is_rate[to_unit] else None
    if to_unit in _RATE:
        return bpd / _RATE[to_unit]
    if to_unit in _AMOUNT_BBL:
        return barrels / _AMOUNT_BBL[to_unit]
    return barrels / factor / _AMOUNT_T[to_unit]


def tonnes_to_barrels(tonnes: float, factor: float = BARRELS_PER_TONNE) -> float:
    """Barrels in a tonnage of crude (default factor: Platts' 7.33 barrels per tonne).

    >>> tonnes_to_barrels(260_312)  # China's only recorded Iranian crude in 2021 (Dec)
    1908086.96
    >>> tonnes_to_barrels(-1)
    Traceback (most recent call last):
    ...
    ValueError: value must be zero or more; got -1 (volumes, prices and GDP cannot be negative)
    """
    return round(convert(tonnes, "t", "bbl", factor=factor), 6)


def barrels_to_tonnes(barrels: float, factor: float = BARRELS_PER_TONNE) -> float:
    """Tonnes of crude in a number of barrels.

    >>> barrels_to_tonnes(7.33e6)
    1000000.0
    """
    return convert(barrels, "bbl", "t", factor=factor)


def bpd_to_barrels_per_year(bpd: float, year: int) -> float:
    """Barrels in a year at a steady rate of ``bpd`` barrels per day (leap years have 366 days).

    >>> bpd_to_barrels_per_year(1_000_000, 2024), bpd_to_barrels_per_year(1_000_000, 2023)
    (366000000.0, 365000000.0)
    """
    return convert(bpd, "b/d", "bbl", days=days_in_year(year))


def barrels_per_year_to_bpd(barrels: float, year: int) -> float:
    """The steady daily rate that adds up to ``barrels`` in a year.

    >>> round(barrels_per_year_to_bpd(533e6, 2024))  # UANI: Iranian oil to China, 2024
    1456284
    """
    return convert(barrels, "bbl", "b/d", days=days_in_year(year))


def mt_to_mbd(million_tonnes: float, period: str, factor: float = BARRELS_PER_TONNE) -> float:
    """Customs tonnage over a period (million tonnes) as million barrels per day.

    >>> round(mt_to_mbd(553.4, "2024"), 2), round(mt_to_mbd(553.4, "2024", REUTERS_BARRELS_PER_TONNE), 2)
    (11.08, 11.04)
    >>> round(mt_to_mbd(49.29, "2024-01/2024-09"), 2)  # 'Malaysian' crude, Jan-Sep 2024
    1.32
    """
    return convert(million_tonnes, "Mt", "mb/d", days=days_in_period(period), factor=factor)


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
    volume_mbd = _number("volume_mbd", volume_mbd)
    brent_usd = _number("brent_usd", brent_usd)
    discount_usd = _number("discount_usd", discount_usd)
    days = _number("days", days, allow_zero=False)
    share = _number("share", share)
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
    return 100 * _number("value_usd_bn", value_usd_bn) / _number("gdp_usd_bn", gdp_usd_bn, allow_zero=False)


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
    threshold_pct = _number("threshold_pct", threshold_pct)
    return threshold_pct / 100 * _number("gdp_usd_bn", gdp_usd_bn, allow_zero=False) / per_mbd


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
    reported = _number("partner_reported_mbd", partner_reported_mbd)
    return reported - _number("origin_supply_mbd", origin_supply_mbd)


# --- the data, as the notebook uses it -----------------------------------------------------------

def _lo_hi(df: pd.DataFrame, value: str, low: str, high: str) -> tuple[pd.Series, pd.Series]:
    lo = df[low].fillna(df[value]).astype(float)
    hi = df[high].fillna(df[value]).astype(float)
    return lo, hi


def annual_export_range(year: int) -> tuple[float, float]:
    """Lowest and highest full-year estimate of Iran's exports for a year, across trackers (mb/d).

    Bounds count at their stated value ("more than 1.59" counts as 1.59).

    >>> annual_export_range(2023)
    (1.29, 1.59)
    """
    df = data.load("oil_export_estimates")
    df = df[(df["year"] == _year(year)) & (df["period_kind"] == "year")]
    if df.empty:
        raise ValueError(f"no full-year export estimate for {year}; years with one: "
                         + ", ".join(map(str, sorted(set(data.load('oil_export_estimates').query(
                             "period_kind == 'year'")['year'])))))
    lo, hi = _lo_hi(df, "exports_mbd", "low_mbd", "high_mbd")
    return float(lo.min()), float(hi.max())


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
    imports = imports[(imports["year"] == _year(year)) & (imports["period_kind"] == "year")]
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
    [['UANI', 91.0]]
    """
    df = data.load("oil_china_share").copy()
    df["low"], df["high"] = _lo_hi(df, "share_pct", "low_pct", "high_pct")
    if year is not None:
        df = df[df["year"] == _year(year)]
    return df


def discount_share_pct(brent_usd: float, discount_usd: float) -> float:
    """The discount as a percentage of the Brent price ("how deep is deep?").

    >>> round(discount_share_pct(82.49, 13), 1), round(discount_share_pct(80.52, 2.5), 1)
    (15.8, 3.1)
    """
    return 100 * _number("discount_usd", discount_usd) / _number("brent_usd", brent_usd, allow_zero=False)


def brent(year: int) -> float:
    """Brent's annual average price (USD per barrel), EIA.

    >>> brent(2024)
    80.52
    """
    df = data.load("oil_prices")
    row = df[(df["series"] == "brent-annual-average") & (df["year"] == _year(year))]
    if row.empty:
        raise ValueError(f"no Brent average for {year}; the table covers 2015-2024")
    return float(row["value_usd_per_bbl"].iloc[0])


def gdp_values(year: int) -> list[float]:
    """Every published value of Iran's GDP for a year (billion US dollars, all vintages), sorted.

    >>> gdp_values(2023)
    [401.5, 404.63]
    """
    df = data.load("oil_economy")
    keep = (df["series"] == "gdp-current-usd") & (df["year"] == _year(year)) & (df["bound"] != "lower-bound")
    df = df[keep]
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


# --- the baseline explorer: "quadrupled?" ---------------------------------------------------------

BASELINE_TRACKERS = [("Kpler", "Kpler"), ("UANI", "UANI"), ("Any tracker", "any")]
# Four starts keep the handout's precomputed views (tracker x start x end = 24) within its size budget.
BASELINE_STARTS = [("2020", "2020"), ("2022", "2022"), ("Mar 2023 (the deal)", "2023-03"), ("2023", "2023")]
BASELINE_ENDS = [("2024", "2024"), ("Nov-Dec 2024", "2024-11/2024-12")]
_LABEL = {v: lbl for lbl, v in BASELINE_STARTS + BASELINE_ENDS}
_TRACKER_NAME = {"not named": "an unnamed tracker"}


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
    if tracker not in [v for _, v in BASELINE_TRACKERS]:
        allowed = ", ".join(v for _, v in BASELINE_TRACKERS)
        raise ValueError(f"unknown tracker {tracker!r}; allowed: {allowed}")
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


def period_text(period: str) -> str:
    """A period key in words: '2023', 'Mar 2023', 'Jan-Jul 2023', 'Nov 2024-Jan 2025'.

    >>> period_text("2023-01/2023-07"), period_text("2023-03"), period_text("2024")
    ('Jan-Jul 2023', 'Mar 2023', '2024')
    """
    start, end = period_bounds(period)
    if len(period) == 4:
        return period
    if start.month == end.month and start.year == end.year:
        return start.strftime("%b %Y")
    if start.year == end.year:
        return f"{start:%b}-{end:%b %Y}"
    return f"{start:%b %Y}-{end:%b %Y}"


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


def _ratio_text(lo: float, hi: float, upper_bound: bool) -> str:
    if upper_bound:
        return f"at most x{hi:.1f}"
    if f"{lo:.1f}" == f"{hi:.1f}":
        return f"x{lo:.1f}"
    return f"x{lo:.1f} to x{hi:.1f}"


def render_baseline(tracker: str, start: str, end: str) -> Figure:
    """The 'quadrupled?' view: tracked Iranian crude to China at a start and an end period.

    >>> from helpers import plots
    >>> plots.title_of(render_baseline("any", "2020", "2024"))
    '2020 to 2024 (Kpler, then UANI): x4.5, quadrupled'
    """
    for name, value, options in (("start", start, BASELINE_STARTS), ("end", end, BASELINE_ENDS)):
        if value not in [v for _, v in options]:
            raise ValueError(f"unknown {name} {value!r}; allowed: " + ", ".join(v for _, v in options))
    a, b = tracked_level(tracker, start), tracked_level(tracker, end)
    who = "any tracker" if tracker == "any" else tracker
    fig, ax = plots.new_figure(8, 4.8)
    ax.set_ylabel("Iranian crude to China (million b/d)")
    if a is None or b is None:
        missing = _LABEL[start] if a is None else _LABEL[end]
        ax.text(0.5, 0.5, f"No {who} figure for {missing} in the kit's sources.\n"
                "Choose another tracker or period.", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_ylim(0, 2)
        title = f"No {who} figure for {missing}: choose another tracker or period"
        searched = china_flow("tracked-iranian-crude-to-china", annual_only=False)
        if tracker != "any":
            searched = searched[searched["reporter"] == tracker]
        return plots.finish(fig, title=title,
                            source=data.cite_rows(searched, max_cited=plots.EXPLORER_MAX_CITED,
                                                  tables=["oil_china_flows"]),
                            alt=f"Empty chart for {who}, {_LABEL[start]} to {_LABEL[end]}: the kit has no "
                                f"{who} estimate of Iranian crude to China for {missing}.")
    lo, hi = b.low / a.high, b.high / a.low
    verdict = quadrupled_verdict(lo, hi, upper_bound=b.upper_bound)
    for x, lv in ((0, a), (1, b)):
        periods = ", ".join(dict.fromkeys(period_text(p) for p in lv.rows["period"]))
        colour = plots.PALETTE[x]
        if lv.upper_bound:
            ax.bar(x, lv.high, width=0.5, color="white", edgecolor=colour, hatch="//", linewidth=1.5,
                   label=f"{periods}: below {lv.high:.2f} mb/d (an upper bound)")
            continue
        ax.bar(x, lv.low, width=0.5, color=colour, edgecolor="black", linewidth=0.6,
               label=f"{periods}: {lv.low:.2f}" + ("" if lv.high == lv.low else f" to {lv.high:.2f}")
               + " mb/d")
        if lv.high > lv.low:  # the range as a lighter block above the low value, not a false midpoint
            ax.bar(x, lv.high - lv.low, bottom=lv.low, width=0.5, color=colour, alpha=0.35,
                   edgecolor="black", linewidth=0.6, linestyle="--")
    four = f"{QUADRUPLED * a.low:.2f}" + ("" if a.high == a.low else f" to {QUADRUPLED * a.high:.2f}")
    ax.axhspan(QUADRUPLED * a.low, QUADRUPLED * a.high + 0.01, color=plots.OKABE_ITO["vermillion"],
               alpha=0.25)
    ax.axhline(QUADRUPLED * a.low, color=plots.OKABE_ITO["vermillion"], linestyle="--",
               label=f"four times the start: {four} mb/d")
    ax.set_xticks([0, 1], [_LABEL[start], _LABEL[end]])
    ax.set_ylim(0, max(QUADRUPLED * a.high, b.high) * 1.15)
    ax.legend(loc="center")
    trackers = ", then ".join(dict.fromkeys(_TRACKER_NAME.get(t, t) for t in a.trackers + b.trackers))
    ratio = _ratio_text(lo, hi, b.upper_bound)
    title = f"{_LABEL[start]} to {_LABEL[end]} ({trackers}): {ratio}, {verdict}"
    a_text, b_text = (("below " if lv.upper_bound else "") + f"{lv.low:.2f}"
                      + ("" if lv.low == lv.high else f" to {lv.high:.2f}") for lv in (a, b))
    alt = (f"Bar chart ({who}): Iranian crude reaching China was {a_text} million barrels a day in "
           f"{_LABEL[start]} and {b_text} in {_LABEL[end]} ({trackers}); the ratio is {ratio}, against a "
           "dashed line at four times the start.")
    rows = pd.concat([a.rows, b.rows])
    source = data.cite_rows(rows, max_cited=plots.EXPLORER_MAX_CITED, tables=["oil_china_flows"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def baseline_explorer():
    """The 'quadrupled?' explorer: tracker x start x end = 3 x 4 x 2 = 24 views.

    >>> baseline_explorer().view_count()
    24
    """
    from helpers.widgets import Explorer

    return Explorer(
        "Quadrupled? Choose the tracker and the baseline",
        render_baseline,
        {"tracker": BASELINE_TRACKERS, "start": BASELINE_STARTS, "end": BASELINE_ENDS},
        default={"tracker": "any", "start": "2023-03", "end": "2024"},
        description="Tracked Iranian crude reaching China at the start and end, and four times the start.",
    )


# --- the revenue calculator: "more than 5% of the economy" ----------------------------------------

# A documented sample of the continuous inputs; every value is a published figure:
# exports 1.60 mb/d (UANI, 2024) and 1.29 (Nikkei Asia, 2023, the lowest 2023-24 estimate); China's share
# 82% (UANI, 2023) and 91% (UANI, 2024); Brent's 2020 and 2024 averages (EIA); discounts of $2.50 (the
# middle of Nov 2024's $2-3), $6 (2024 to August) and $13 (2023). 1.70 mb/d (the highest 2024 report) is
# left out to keep 24 views for the handout's size budget: at 2024 prices its verdicts are those of 1.60.
# Labels stay within 14 characters, so JupyterLab shows toggle buttons; each control's default comes first
# or is a toggle, so one key press moves to another view.
REVENUE_EXPORTS = [("1.60 (UANI)", 1.60), ("1.29 (Nikkei)", 1.29)]
REVENUE_SHARES = [("82% (2023)", 0.82), ("91% (2024)", 0.91)]
REVENUE_BRENT = [("$41.96 (2020)", 41.96), ("$80.52 (2024)", 80.52)]
REVENUE_DISCOUNTS = [("$2.50 (Nov 24)", 2.5), ("$6 (2024)", 6.0), ("$13 (2023)", 13.0)]
#: GDP compared with: the World Bank's 2023 value and the only 2024 value found (billion USD).
REVENUE_GDP = (401.5, 436.91)
REVENUE_DAYS = 366  # a 2024 year


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


def _revenue_rows(exports_mbd: float, china_share: float, brent_usd: float,
                  discount_usd: float) -> pd.DataFrame:
    """The data rows behind one state of the revenue calculator (for its source line)."""
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


def render_revenue(exports_mbd: float, china_share: float, brent_usd: float, discount_usd: float) -> Figure:
    """The revenue calculator: Iran's sales to China as a share of GDP, against the 5% claim.

    >>> from helpers import plots
    >>> plots.title_of(render_revenue(1.60, 0.91, 80.52, 6))
    'Sales to China of $39.7 bn are 9.1-9.9% of GDP: above the 5% claim'
    """
    r = revenue_range(exports_mbd, china_share, brent_usd, discount_usd)
    lo, hi = r["pct_low"], r["pct_high"]
    verdict = revenue_verdict(lo, hi)
    fig, ax = plots.new_figure(8, 3.6)
    colour = plots.PALETTE[0]
    ax.barh([0], [lo], height=0.5, color=colour, edgecolor="black", linewidth=0.6)
    ax.barh([0], [hi - lo], left=lo, height=0.5, color=colour, alpha=0.35, edgecolor="black",
            linewidth=0.6, linestyle="--")
    ax.text(hi + 0.15, 0, f"{lo:.1f}-{hi:.1f}%", va="center")
    red = plots.OKABE_ITO["vermillion"]
    ax.axvline(CLAIM_GDP_SHARE_PCT, color=red, linestyle="--", linewidth=3)
    ax.text(CLAIM_GDP_SHARE_PCT + 0.1, 0.33, "the article: 'more than 5%'", color=red, va="bottom")
    ax.set_yticks([0], [f"sales to China\n(GDP ${REVENUE_GDP[0]:g}-{REVENUE_GDP[1]:g} bn)"])
    ax.set_ylim(-0.45, 0.6)
    ax.set_xlim(0, max(12.5, hi * 1.15))
    ax.set_xlabel("Share of Iran's GDP (%)")
    ax.grid(axis="x")
    price = brent_usd - discount_usd
    title = f"Sales to China of ${r['revenue_usd_bn']:.1f} bn are {lo:.1f}-{hi:.1f}% of GDP: {verdict}"
    alt = (f"Bar chart: {exports_mbd:g} mb/d exported, {china_share:.0%} to China, at ${brent_usd:g} Brent "
           f"less ${discount_usd:g} (${price:.2f} a barrel) for {REVENUE_DAYS} days is "
           f"${r['revenue_usd_bn']:.1f} bn, {lo:.1f} to {hi:.1f} percent of GDP (the bar's solid part is the "
           "share of the larger GDP, its light part reaches the share of the smaller), against a dashed line "
           "at 5 percent.")
    rows = _revenue_rows(exports_mbd, china_share, brent_usd, discount_usd)
    source = data.cite_rows(rows, max_cited=plots.EXPLORER_MAX_CITED, tables=[
        "oil_export_estimates", "oil_china_share", "oil_prices", "oil_economy"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def revenue_explorer():
    """The revenue calculator: exports x share x Brent x discount = 2 x 2 x 2 x 3 = 24 views.

    >>> revenue_explorer().view_count()
    24
    """
    from helpers.widgets import Explorer

    return Explorer(
        "More than 5% of the economy? A revenue calculator",
        render_revenue,
        {"exports_mbd": REVENUE_EXPORTS, "china_share": REVENUE_SHARES, "brent_usd": REVENUE_BRENT,
         "discount_usd": REVENUE_DISCOUNTS},
        default={"exports_mbd": 1.60, "china_share": 0.91, "brent_usd": 80.52, "discount_usd": 6.0},
        description="Iran's exports x China's share x (Brent - discount) x 366 days, as a share of GDP.",
    )


# --- the notebook's figures ----------------------------------------------------------------------

_MEASURE_STYLE = {  # measure -> (colour, marker, legend label)
    "crude": (plots.OKABE_ITO["blue"], "o", "crude"),
    "crude+condensate": (plots.OKABE_ITO["orange"], "s", "crude + condensate"),
    "oil-all": (plots.OKABE_ITO["bluish_green"], "^", "all oil"),
    "seaborne-oil": (plots.OKABE_ITO["reddish_purple"], "D", "seaborne oil"),
    "unstated": (plots.OKABE_ITO["black"], "X", "not stated"),
}


def _draw_estimate(ax, x, row, value: str, low: str, high: str, colour: str, marker: str, *,
                   filled: bool = True, size: float = 9) -> None:
    """One published estimate: a marker, a range bar (no false midpoint), or a bound with an arrow."""
    face = colour if filled else "white"
    if row["bound"] == "range":
        ax.errorbar(x, (row[low] + row[high]) / 2, yerr=(row[high] - row[low]) / 2, fmt="none",
                    ecolor=colour, elinewidth=4, capsize=6, alpha=0.8)
        return
    y = row[value]
    if pd.isna(y):  # a bound given only in the low/high column
        y = row[low] if row["bound"] == "lower-bound" else row[high]
    if row["bound"] in ("lower-bound", "upper-bound"):
        arrow = 0.08 * (1 if row["bound"] == "lower-bound" else -1) * ax.get_ylim()[1]
        ax.annotate("", xy=(x, y + arrow), xytext=(x, y),
                    arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.8})
    ax.plot([x], [y], marker=marker, markersize=size, color=colour, markerfacecolor=face, linestyle="none")


def plot_tracker_estimates() -> Figure:
    """Every published estimate of Iran's exports, 2015-2024: one marker per estimate, no line.

    >>> from helpers import plots
    >>> plots.title_of(plot_tracker_estimates())
    'Estimates of the same year disagree: 2023 ran from 1.29 to more than 1.59 mb/d'
    """
    df = data.load("oil_export_estimates")
    fig, ax = plots.new_figure(10, 7.5)
    ax.set_ylim(0, 3.8)
    for _, row in df.iterrows():
        colour, marker, _label = _MEASURE_STYLE[row["measure"]]
        annual = row["period_kind"] == "year"
        _draw_estimate(ax, period_midpoint(row["period"]), row, "exports_mbd", "low_mbd", "high_mbd",
                       colour, marker, filled=annual, size=10 if annual else 7)
    for measure, (colour, marker, label) in _MEASURE_STYLE.items():
        if measure in set(df["measure"]):
            ax.plot([], [], marker=marker, color=colour, linestyle="none", markersize=9, label=label)
    ax.plot([], [], marker="o", color="grey", markerfacecolor="white", linestyle="none",
            label="month or part-year")
    ax.errorbar([], [], yerr=[], fmt="none", ecolor="grey", elinewidth=4, label="published range")
    ax.legend(loc="upper center", ncols=4, fontsize=11)
    ax.set_ylabel("Iran's oil exports (million b/d)")
    lo, hi = annual_export_range(2023)
    title = f"Estimates of the same year disagree: 2023 ran from {lo:.2f} to more than {hi:.2f} mb/d"
    alt = (f"Scatter chart of {len(df)} published estimates of Iran's oil exports, 2015-2024, by measure; "
           f"no line "
           f"joins them. Exports fell from about 2.5 mb/d in 2017 to under 0.4 in 2020 and rose to "
           f"1.55-1.70 in "
           f"2024. In September 2020 three trackers ranged from 0.4 to 1.5 mb/d; for 2023 estimates ran from "
           f"{lo:.2f} (crude) to more than {hi:.2f} (crude and condensate).")
    source = data.cite_rows(df, max_cited=plots.MAX_CITED, tables=["oil_export_estimates"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def plot_production_exports() -> Figure:
    """Production (OPEC, BP) and the range of export estimates, with the sanctions on the same axis.

    >>> from helpers import plots
    >>> print(plots.title_of(plot_production_exports()))
    Sanctions cut Iran's output from 3.81 (2017) to 1.99 mb/d (2020); by 2024: 3.26
    """
    years = range(2015, 2025)
    opec = production_series("opec-secondary-sources").reindex(years)  # a missing year breaks the line
    bp = production_series("bp-statistical-review").reindex(years)
    fig, ax = plots.new_figure(10, 8)
    ax.plot(opec.index, opec.values, marker="o", color=plots.OKABE_ITO["blue"],
            label="production, crude (OPEC)")
    ax.plot(bp.index, bp.values, marker="s", linestyle="--", color=plots.OKABE_ITO["orange"],
            label="production, crude + condensate (BP)")
    exp = data.load("oil_export_estimates")
    exp = exp[exp["period_kind"] == "year"]
    lo, hi = _lo_hi(exp, "exports_mbd", "low_mbd", "high_mbd")
    spans = pd.DataFrame({"year": exp["year"], "lo": lo, "hi": hi}).groupby("year")
    spans = spans.agg({"lo": "min", "hi": "max"})
    ax.bar(spans.index, spans["hi"] - spans["lo"] + 0.04, bottom=spans["lo"] - 0.02, width=0.35,
           color=plots.OKABE_ITO["bluish_green"], alpha=0.7, label="exports: range of full-year estimates")
    events = sanction_events()
    shown = ["sanctions-lifted", "sanctions-reimposed", "waivers-ended", "diplomatic"]
    events = events[events["kind"].isin(shown)
                    & (events["date"] < pd.Timestamp("2025-01-01"))]
    for _, ev in events.iterrows():
        x = ev["date"].year + (ev["date"].day_of_year - 1) / 365.25 - 0.5  # year ticks mark mid-year
        ax.axvline(x, color="grey", linestyle=plots.LINESTYLES[3], linewidth=1.2)
        ax.text(x - 0.03, 4.9, _EVENT_SHORT.get(ev["event_id"], ev["event_id"]), fontsize=10, rotation=90,
                ha="right", va="top", color="#333333")
    ax.set_ylim(0, 5)
    ax.set_xlim(2014.4, 2024.6)
    ax.set_xticks(range(2015, 2025))
    ax.set_ylabel("Million barrels per day")
    ax.legend(loc="lower left", fontsize=11)
    gap = (bp - opec).dropna()
    title = (f"Sanctions cut Iran's output from {opec[2017]:.2f} (2017) to {opec[2020]:.2f} mb/d (2020); "
             f"by 2024: {opec[2024]:.2f}")
    alt = (f"Line chart, 2015-2024: OPEC's crude production series fell from {opec[2017]:.2f} million b/d in "
           f"2017 to {opec[2020]:.2f} in 2020 and rose to {opec[2024]:.2f} in 2024; BP's "
           f"crude-and-condensate "
           f"series runs {gap.min():.2f}-{gap.max():.2f} higher. Bars show the range of full-year export "
           "estimates. Dotted lines mark "
           "Implementation Day (Jan 2016), the US withdrawal (May 2018), oil sanctions (Nov 2018), the end "
           "of "
           "waivers (May 2019) and the Beijing deal (Mar 2023).")
    prod = data.load("oil_production")
    prod = prod[prod["series"].isin(["opec-secondary-sources", "bp-statistical-review"])
                & (prod["period"].str.len() == 4)]
    rows = pd.concat([prod, exp, events])
    source = data.cite_rows(rows, max_cited=plots.MAX_CITED,
                            tables=["oil_production", "oil_export_estimates", "oil_sanction_events"])
    return plots.finish(fig, title=title, source=source, alt=alt)


_EVENT_SHORT = {
    "implementation-day": "sanctions lifted",
    "us-withdrawal": "US exits deal",
    "us-oil-sanctions": "US oil sanctions",
    "waivers-end": "waivers end",
    "beijing-deal": "Beijing deal",
    "shandong-ban": "Shandong port ban",
    "un-snapback": "UN snapback",
}


_TRACKER_COLOURS = [plots.OKABE_ITO[c] for c in ("blue", "orange", "bluish_green", "sky_blue",
                                                    "reddish_purple", "black")]


def plot_china_share() -> Figure:
    """China's share of Iran's exports by tracker and year, ranges and bounds as published.

    >>> from helpers import plots
    >>> print(plots.title_of(plot_china_share()))
    Since 2023 every tracker puts China's share at 80% or more; UANI: 91% in 2024
    """
    df = china_share()
    fig, ax = plots.new_figure(9, 6)
    ax.set_ylim(0, 105)
    trackers = list(dict.fromkeys(df["tracker"]))
    for i, tracker in enumerate(trackers):
        colour, marker = _TRACKER_COLOURS[i % len(_TRACKER_COLOURS)], plots.MARKERS[i % 8]
        for _, row in df[df["tracker"] == tracker].iterrows():
            x = row["year"] + (i - len(trackers) / 2) * 0.05
            _draw_estimate(ax, x, row, "share_pct", "low_pct", "high_pct", colour, marker)
        ax.plot([], [], marker=marker, color=colour, linestyle="none", label=tracker)
    ax.axhline(90, color=plots.OKABE_ITO["vermillion"], linestyle="--", label="the article: 'more than 90%'")
    ax.set_xticks(sorted(set(df["year"])))
    ax.set_ylabel("China's share of Iran's oil exports (%)")
    ax.legend(loc="lower right", ncols=2)
    recent = df[df["year"] >= 2023]
    floor = int(recent["low"].min())
    uani = float(df[(df["year"] == 2024) & (df["tracker"] == "UANI")]["share_pct"].iloc[0])
    title = f"Since 2023 every tracker puts China's share at {floor}% or more; UANI: {uani:.0f}% in 2024"
    alt = (f"Chart of China's share of Iran's oil exports by tracker, 2019-2024: 50-70% (US officials, "
           f"2019), "
           f"more than half (EIA, 2020), 85-95% (a Kpler analyst, 2021), 70.8% (UANI, 2022), 80-90% for 2023 "
           f"and {uani:.0f}% (UANI) for 2024, against a dashed line at 90%.")
    source = data.cite_rows(df, max_cited=plots.MAX_CITED, tables=["oil_china_share"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def plot_malaysia() -> Figure:
    """China's customs imports 'from Malaysia' and 'from Iran' against Malaysia's own production.

    >>> from helpers import plots
    >>> print(plots.title_of(plot_malaysia()))
    China's 'Malaysian' imports exceed Malaysia's output since 2022: 1.40 vs 0.51 mb/d (2024)
    """
    fig, ax = plots.new_figure(10, 7)
    years = range(2015, 2025)
    imports = china_flow("customs-imports-from-malaysia")
    prod = china_flow("malaysia-production")
    prod = prod[prod["reporter"] != "not named"]
    iran = china_flow("customs-imports-from-iran")
    spans = imports.groupby("year").agg(lo=("low", "min"), hi=("high", "max"))
    ax.bar(spans.index - 0.18, spans["lo"], width=0.36, color=plots.OKABE_ITO["orange"],
           label="China's customs: crude 'from Malaysia'")
    gap = spans["hi"] - spans["lo"]
    ax.bar(spans.index[gap > 0] - 0.18, gap[gap > 0], bottom=spans["lo"][gap > 0], width=0.36,
           color=plots.OKABE_ITO["orange"], alpha=0.35, edgecolor="black", linestyle="--",
           label="where reports disagree")
    ax.bar(iran["year"] + 0.18, iran["value_mbd"], width=0.36, color=plots.OKABE_ITO["blue"], hatch="..",
           label="China's customs: crude 'from Iran'")
    for reporter, style in (("BP", "-"), ("Energy Institute", "--")):
        p = prod[prod["reporter"] == reporter].sort_values("year")
        ax.plot(p["year"], p["value_mbd"], color="black", linestyle=style, marker="o",
                label=f"Malaysia's own production ({reporter})")
    ax.set_xticks(list(years))
    ax.set_ylabel("Million barrels per day")
    ax.legend(loc="upper left")
    m24 = float(imports.set_index("year").loc[2024, "value_mbd"])
    p24 = float(prod[(prod["year"] == 2024)]["value_mbd"].min())
    title = (f"China's 'Malaysian' imports exceed Malaysia's output since 2022: {m24:.2f} vs {p24:.2f} mb/d "
             "(2024)")
    alt = (f"Bar chart, 2015-2024: China's customs imports of crude 'from Iran' fell from 0.62 million b/d "
           f"(2016-2017) to almost zero from 2021, while imports 'from Malaysia' rose from about 0.18 (2018) "
           f"to {m24:.2f} (2024); Malaysia's own production, a line, fell from 0.66 to about {p24:.2f}.")
    rows = pd.concat([imports, prod, iran])
    source = data.cite_rows(rows, max_cited=plots.EXPLORER_MAX_CITED, tables=["oil_china_flows"])
    return plots.finish(fig, title=title, source=source, alt=alt)


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


def plot_revenue_history() -> Figure:
    """Iran's crude-and-condensate export revenue (EIA) as a share of GDP, 2018-2024, against 5%.

    >>> from helpers import plots
    >>> plots.title_of(plot_revenue_history())
    'Oil export revenue has exceeded 5% of GDP every year since 2022 (9.8% in 2024)'
    """
    df = revenue_history()
    fig, ax = plots.new_figure(9, 6)
    colour = plots.OKABE_ITO["blue"]
    ax.bar(df.index, df["pct_low"], width=0.55, color=colour, label="EIA revenue / GDP")
    extra = df["pct_high"] - df["pct_low"]
    ax.bar(df.index, extra, bottom=df["pct_low"], width=0.55, color=colour, alpha=0.35, edgecolor="black",
           linestyle="--", label="range over published GDP values")
    ax.axhline(CLAIM_GDP_SHARE_PCT, color=plots.OKABE_ITO["vermillion"], linestyle="--", linewidth=2.5,
               label="the article: 'more than 5%'")
    ax.set_xticks(df.index)
    ax.set_ylim(0, df["pct_high"].max() * 1.12)
    ax.set_ylabel("Revenue as a share of GDP (%)")
    ax.legend(loc="upper right")
    since = streak_above_claim(df)
    title = (f"Oil export revenue has exceeded 5% of GDP every year since {since} "
             f"({df.loc[2024, 'pct_low']:.1f}% in 2024)")
    parts = ", ".join(f"{y}: {r.pct_low:.1f}" + ("" if round(r.pct_low, 1) == round(r.pct_high, 1)
                                                 else f"-{r.pct_high:.1f}") + "%" for y, r in df.iterrows())
    alt = (f"Bar chart of EIA's crude-and-condensate export revenue as a share of Iran's GDP: {parts}; "
           f"dashed line at 5%.")
    econ = data.load("oil_economy")
    rows = econ[econ["series"].isin(["oil-export-revenue-crude-condensate", "gdp-current-usd"])
                & (econ["year"] >= 2018) & (econ["bound"] != "lower-bound")]
    source = data.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["oil_economy"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def plot_sanctions_timeline() -> Figure:
    """Tanker designations, fleet counts and the Shandong port ban on one timeline, 2022-2025.

    >>> from helpers import plots
    >>> print(plots.title_of(plot_sanctions_timeline()))
    Tanker blacklists grew in 2024; Shandong's port ban came four days before the article
    """
    from helpers import article

    ev = sanction_events()
    ev = ev[(ev["date"] >= pd.Timestamp("2022-01-01")) & (ev["date"] <= pd.Timestamp("2025-01-31"))]
    fig, ax = plots.new_figure(10, 6.5)
    styles = {"tanker-designation": (plots.OKABE_ITO["blue"], "o", "designation (vessels)"),
              "designation-count": (plots.OKABE_ITO["orange"], "s", "tankers designated over a period"),
              "fleet-size": (plots.OKABE_ITO["bluish_green"], "^", "shadow-fleet tankers counted")}
    for kind, (colour, marker, label) in styles.items():
        sub = ev[ev["kind"] == kind]
        y = sub["vessels"].fillna(sub["tankers"]).astype(float)
        ax.vlines(sub["date"], 1, y, color=colour, linewidth=1.5)
        ax.plot(sub["date"], y, marker=marker, color=colour, linestyle="none", markersize=10, label=label)
        for d, v in zip(sub["date"], y, strict=True):
            ax.annotate(f"{v:.0f}", (d, v), textcoords="offset points", xytext=(6, 4), fontsize=11)
    ax.set_yscale("log")
    ax.set_ylim(8, 800)
    published = pd.Timestamp(article.metadata()["published"])
    ban = ev[ev["kind"] == "port-ban"]["date"].iloc[0]
    for date, label, style, ha, y in ((ban, f"Shandong port ban ({ban.day} {ban:%b}) ", plots.LINESTYLES[1],
                                       "right", 600),
                                      (published, f" the article ({published.day} {published:%b})",
                                       plots.LINESTYLES[3], "left", 600)):
        ax.axvline(date, color="black", linestyle=style, linewidth=1.5)
        ax.text(date, y, label, ha=ha, fontsize=11)
    ax.set_xlim(pd.Timestamp("2022-10-01"), pd.Timestamp("2025-06-30"))
    deal = ev[ev["event_id"] == "beijing-deal"]["date"].iloc[0]
    ax.axvline(deal, color="grey", linestyle=plots.LINESTYLES[3])
    ax.text(deal, 600, " Beijing deal", fontsize=11, color="#333333")
    ax.set_ylabel("Vessels (log scale)")
    ax.legend(loc="center", bbox_to_anchor=(0.42, 0.45))
    days = (published - ban).days
    words = {4: "four"}.get(days, str(days))
    title = f"Tanker blacklists grew in 2024; Shandong's port ban came {words} days before the article"
    alt = ("Timeline, 2022 to January 2025, log scale: the US sanctioned 16 tankers in 2022 and 20 vessels "
           "in "
           "March 2023; Israel 18 tankers in August 2024; the US 23 vessels on 11 October 2024, 21 on 3 "
           "December "
           "2024 and 183 on 10 January 2025; UANI counted 98 tankers sanctioned by 28 October 2024; about "
           "380 "
           "tankers carried Iranian oil in January 2025. Vertical lines mark the Beijing deal (10 March "
           "2023), "
           f"the Shandong port ban ({ban.day} January 2025) and the article ({published.day} January 2025).")
    source = data.cite_rows(ev, max_cited=plots.MAX_CITED, tables=["oil_sanction_events"])
    return plots.finish(fig, title=title, source=source, alt=alt)
