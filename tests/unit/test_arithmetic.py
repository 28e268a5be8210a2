"""helpers.arithmetic: the checked numbers, changes in percent and ratios every theme uses."""

import math

import pytest

from helpers import arithmetic


def test_pct_change_by_hand():
    assert arithmetic.pct_change(50, 75) == 50.0
    assert arithmetic.pct_change(100, 50) == -50.0
    assert arithmetic.pct_change(80, 80) == 0.0
    assert round(arithmetic.pct_change(76.12, 115.49), 2) == 51.72  # (115.49 / 76.12 - 1) * 100
    assert arithmetic.pct_change(27022.86, 12027.28) == pytest.approx(-55.49, abs=0.01)  # CBP FY2023 -> FY2025


def test_ratio_by_hand():
    assert arithmetic.ratio(40, 100) == 2.5
    assert arithmetic.ratio(0.8, 0) == 0.0
    assert arithmetic.ratio(0.324, 1.46) == pytest.approx(4.506, abs=1e-3)


@pytest.mark.parametrize(("call", "error", "pattern"), [
    (lambda: arithmetic.pct_change(0, 5), ValueError,
     r"before must be more than zero; got 0 \(a change in percent from a zero or negative level is undefined\)"),
    (lambda: arithmetic.pct_change(-3, 5), ValueError, r"before must be more than zero; got -3"),
    (lambda: arithmetic.pct_change("76.12", 5), TypeError, r"before must be a number, got str '76.12'"),
    (lambda: arithmetic.pct_change(True, 5), TypeError, r"before must be a number, got bool"),
    (lambda: arithmetic.pct_change(5, None), TypeError, r"after must be a number, got NoneType"),
    (lambda: arithmetic.pct_change(math.nan, 5), ValueError, r"before must be a finite number, got nan"),
    (lambda: arithmetic.pct_change(5, math.inf), ValueError, r"after must be a finite number, got inf"),
    (lambda: arithmetic.ratio(0, 1.46), ValueError, r"before must be more than zero; got 0 \(a ratio to nothing"),
    (lambda: arithmetic.ratio(0.8, -1), ValueError, r"after must be zero or more; got -1 \(levels cannot be"),
])
def test_bad_input_is_refused_with_what_was_wrong(call, error, pattern):
    with pytest.raises(error, match=pattern):
        call()


def test_number_bounds():
    assert arithmetic.number("x", 0, minimum=0) == 0.0
    assert arithmetic.number("x", 2.5, minimum=1, strictly=True) == 2.5
    with pytest.raises(ValueError, match=r"x must be more than zero; got 0$"):
        arithmetic.number("x", 0, minimum=0, strictly=True)
    with pytest.raises(ValueError, match=r"x must be at least 1; got 0.5 \(why\)"):
        arithmetic.number("x", 0.5, minimum=1, why="why")
    with pytest.raises(ValueError, match=r"x must be more than 1; got 1"):
        arithmetic.number("x", 1, minimum=1, strictly=True)
