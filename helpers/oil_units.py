"""Units and periods for oil volumes: tonnes, barrels and barrels a day, and the days in a period.

China's customs report tonnes, trackers report barrels per day. :data:`BARRELS_PER_TONNE` (7.33)
is S&P Global Platts' factor for crude ("using a 7.33 conversion factor", Platts via Hellenic
Shipping News, 2019-07-30; source ``oil-platts-2019-07``, table ``oil_conversion_factors``).
Reuters uses 7.3 (:data:`REUTERS_BARRELS_PER_TONNE`). :func:`convert` moves between amounts
(``bbl``, ``M bbl``, ``t``, ``Mt`` ...) and rates (``b/d``, ``kb/d``, ``mb/d``) over a period
whose length in days is given, leap years included (:func:`days_in_year`, :func:`days_in_period`).
Periods are written as keys: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM/YYYY-MM``.

>>> round(convert(553.4, "Mt", "mb/d", days=days_in_period("2024")), 2)  # China's 2024 imports
11.08
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

from helpers.arithmetic import number

#: Barrels per tonne of crude: S&P Global Platts' factor, as in "using a 7.33 conversion factor"
#: (Platts via Hellenic Shipping News, 2019-07-30; sources.csv ``oil-platts-2019-07``).
BARRELS_PER_TONNE = 7.33
#: The factor Reuters uses for China's customs data ("tonne=7.3 barrels"; ``oil-aog-2021-01``).
REUTERS_BARRELS_PER_TONNE = 7.3

# unit -> (kind, size in barrels or tonnes, or barrels per day)
_AMOUNT_BBL = {"bbl": 1.0, "kbbl": 1e3, "M bbl": 1e6}
_AMOUNT_T = {"t": 1.0, "kt": 1e3, "Mt": 1e6}
_RATE = {"b/d": 1.0, "kb/d": 1e3, "mb/d": 1e6}
UNITS = tuple(_AMOUNT_BBL) + tuple(_AMOUNT_T) + tuple(_RATE)

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:/(\d{4})-(\d{2}))?$")


def level(name: str, value: object, *, allow_zero: bool = True) -> float:
    """A volume, a price, a share or a GDP, checked: a finite number, zero or more (more than zero
    without ``allow_zero``).

    >>> level("brent_usd", 80.52)
    80.52
    >>> level("days", 0, allow_zero=False)
    Traceback (most recent call last):
    ...
    ValueError: days must be more than zero; got 0 (volumes, prices and GDP cannot be negative)
    """
    return number(name, value, minimum=0, strictly=not allow_zero,
                  why="volumes, prices and GDP cannot be negative")


def year_number(year: object) -> int:
    """A year, checked: a whole number between 1900 and 2100.

    >>> year_number(2024)
    2024
    >>> year_number("2024")
    Traceback (most recent call last):
    ...
    ValueError: year must be a whole number between 1900 and 2100, got '2024'
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
        raise ValueError(f"year must be a whole number between 1900 and 2100, got {year!r}")
    return year


# --- conversions ---------------------------------------------------------------------------------

def days_in_year(year: int) -> int:
    """365, or 366 in a leap year.

    >>> days_in_year(2024), days_in_year(2023), days_in_year(1900)
    (366, 365, 365)
    """
    return 366 if calendar.isleap(year_number(year)) else 365


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
    value = level("value", value)
    factor = level("factor (barrels per tonne)", factor, allow_zero=False)
    is_rate = {u: u in _RATE for u in (from_unit, to_unit)}
    if is_rate[from_unit] != is_rate[to_unit]:
        if days is None:
            raise ValueError(
                f"converting {from_unit} to {to_unit} needs days= (the length of the period); "
                "e.g. days=days_in_year(2024)"
            )
        days = level("days", days, allow_zero=False)
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


def mt_to_mbd(million_tonnes: float, period: str, factor: float = BARRELS_PER_TONNE) -> float:
    """Customs tonnage over a period (million tonnes) as million barrels per day.

    >>> round(mt_to_mbd(553.4, "2024"), 2), round(mt_to_mbd(553.4, "2024", REUTERS_BARRELS_PER_TONNE), 2)
    (11.08, 11.04)
    >>> round(mt_to_mbd(49.29, "2024-01/2024-09"), 2)  # 'Malaysian' crude, Jan-Sep 2024
    1.32
    """
    return convert(million_tonnes, "Mt", "mb/d", days=days_in_period(period), factor=factor)
