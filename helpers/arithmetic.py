"""The arithmetic all three themes use, in one place: checked numbers, change in percent, ratios.

Each function refuses input that would otherwise give a wrong answer without a sound (text,
True/False, a missing value, a base of zero) and says what was wrong and what is allowed. The theme
modules give these functions the names their notebooks use (``trade.growth_pct``,
``fentanyl.pct_change``, ``oil.growth_ratio``).

>>> round(pct_change(76.12, 115.49), 1)  # China-Russia trade, 2021 to 2024 (USD bn)
51.7
"""

from __future__ import annotations

import math
import numbers


def number(name: str, value: object, *, minimum: float | None = None, strictly: bool = False,
           why: str = "") -> float:
    """``value`` as a float, refused if it is not a finite number (or is below ``minimum``).

    ``strictly=True`` refuses ``minimum`` itself too; ``why`` is added to that error message.

    >>> number("days", 365)
    365.0
    >>> number("volume_mbd", -1, minimum=0, why="volumes cannot be negative")
    Traceback (most recent call last):
    ...
    ValueError: volume_mbd must be zero or more; got -1 (volumes cannot be negative)
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value} (NaN is a missing value: "
                         "pick a row that has one)")
    if minimum is not None and (value < minimum or (strictly and value == minimum)):
        if minimum == 0:
            need = "more than zero" if strictly else "zero or more"
        else:
            need = f"more than {minimum:g}" if strictly else f"at least {minimum:g}"
        raise ValueError(f"{name} must be {need}; got {value:g}" + (f" ({why})" if why else ""))
    return value


def pct_change(before: float, after: float) -> float:
    """The change from ``before`` to ``after`` in percent (both levels in the same unit).

    >>> pct_change(200, 150)
    -25.0
    >>> pct_change(0, 5)
    Traceback (most recent call last):
    ...
    ValueError: before must be more than zero; got 0 (a change in percent from a zero or negative level ...)
    """
    before = number("before", before, minimum=0, strictly=True,
                    why="a change in percent from a zero or negative level is undefined")
    return (number("after", after) / before - 1) * 100


def ratio(before: float, after: float) -> float:
    """How many times larger ``after`` is than ``before`` (2.0 = doubled, 4.0 = quadrupled).

    Both are levels (volumes, values), so neither may be negative.

    >>> round(ratio(0.324, 1.46), 1)
    4.5
    >>> ratio(0, 1.46)
    Traceback (most recent call last):
    ...
    ValueError: before must be more than zero; got 0 (a ratio to nothing is undefined)
    """
    before = number("before", before, minimum=0, strictly=True, why="a ratio to nothing is undefined")
    return number("after", after, minimum=0, why="levels cannot be negative") / before
