"""Unit tests for helpers.oil, helpers.oil_units and helpers.figures.oil: conversions against hand-computed
values, every bad-input error, both explorers' render functions over their whole control range, and
notebook 03's use of its questions and explorers."""

import math

import pytest
from matplotlib.container import BarContainer, ErrorbarContainer

from helpers import oil, oil_units, plots, widgets
from helpers.figures import oil as oil_figures

# --- conversions, hand-computed ---------------------------------------------------------------


def test_platts_factor_is_the_tables_factor():
    from helpers import data

    factors = data.load("oil_conversion_factors").set_index("factor_id")["barrels_per_tonne"]
    assert oil_units.BARRELS_PER_TONNE == factors["platts"] == 7.33
    assert oil_units.REUTERS_BARRELS_PER_TONNE == factors["reuters"] == 7.3


@pytest.mark.parametrize("year, days", [(2024, 366), (2023, 365), (2000, 366), (2100, 365), (2020, 366)])
def test_days_in_year_handles_leap_years(year, days):
    assert oil_units.days_in_year(year) == days


@pytest.mark.parametrize("period, days", [
    ("2024", 366), ("2023", 365), ("2024-02", 29), ("2023-02", 28), ("2024-06", 30),
    ("2024-01/2024-09", 274),  # 31+29+31+30+31+30+31+31+30
    ("2023-01/2023-07", 212),  # 31+28+31+30+31+30+31
    ("2024-11/2025-01", 92),   # across a year end
])
def test_days_in_period(period, days):
    assert oil_units.days_in_period(period) == days


def test_tonnes_and_barrels():
    assert oil_units.convert(1, "Mt", "M bbl") == pytest.approx(7.33)
    assert oil_units.convert(1, "t", "bbl", factor=7.3) == pytest.approx(7.3)
    assert oil_units.convert(5, "kt", "kbbl") == pytest.approx(36.65)
    assert oil_units.convert(oil_units.convert(260_312, "t", "bbl"), "bbl", "t") == pytest.approx(260_312)


def test_rates_and_amounts():
    assert oil_units.convert(1500, "kb/d", "mb/d") == pytest.approx(1.5)
    assert oil_units.convert(2, "mb/d", "b/d") == pytest.approx(2_000_000)
    # a steady 1 mb/d is 366 M bbl in 2024 and 365 M bbl in 2023
    assert oil_units.convert(1, "mb/d", "M bbl", days=oil_units.days_in_year(2024)) == 366
    assert oil_units.convert(1, "mb/d", "M bbl", days=oil_units.days_in_year(2023)) == 365
    # UANI 2024: 587 M bbl over 366 days = 1.6038 mb/d (not 1.61: 2024 is a leap year)
    assert oil_units.convert(587, "M bbl", "mb/d", days=366) == pytest.approx(587 / 366)
    assert round(oil_units.convert(587, "M bbl", "mb/d", days=366), 2) == 1.60
    assert oil_units.convert(1.46, "mb/d", "M bbl", days=366) == pytest.approx(534.36)


def test_customs_tonnes_to_mbd():
    # China 2024: 553.4 Mt x 7.33 / 366 = 11.0831; with Reuters' 7.3: 11.0377
    assert oil_units.mt_to_mbd(553.4, "2024") == pytest.approx(553.4 * 7.33 / 366)
    assert round(oil_units.mt_to_mbd(553.4, "2024"), 2) == 11.08
    assert round(oil_units.mt_to_mbd(553.4, "2024", oil_units.REUTERS_BARRELS_PER_TONNE), 2) == 11.04
    # 'Malaysian' crude Jan-Sep 2024: 49.29 x 7.33 / 274 = 1.3186
    assert oil_units.mt_to_mbd(49.29, "2024-01/2024-09") == pytest.approx(1.3186, abs=1e-4)
    assert oil_units.convert(1, "mb/d", "Mt", days=365) == pytest.approx(365 / 7.33)


@pytest.mark.parametrize("call, message", [
    (lambda: oil_units.convert(1, "barrels", "t"), "unknown unit 'barrels'"),
    (lambda: oil_units.convert(1, "t", "mbd"), "unknown unit 'mbd'"),
    (lambda: oil_units.convert(-1, "t", "bbl"), "value must be zero or more"),
    (lambda: oil_units.convert(float("nan"), "t", "bbl"), "finite"),
    (lambda: oil_units.convert(float("inf"), "t", "bbl"), "finite"),
    (lambda: oil_units.convert(1, "t", "bbl", factor=0), "factor (barrels per tonne) must be more than zero"),
    (lambda: oil_units.convert(1, "mb/d", "Mt"), "needs days="),
    (lambda: oil_units.convert(1, "Mt", "mb/d", days=0), "days must be more than zero"),
    (lambda: oil_units.days_in_year(2024.0), "whole number"),
    (lambda: oil_units.days_in_year(True), "whole number"),
    (lambda: oil_units.days_in_year(1800), "between 1900 and 2100"),
    (lambda: oil_units.days_in_period("Q1 2024"), "is not YYYY"),
    (lambda: oil_units.days_in_period("2024/2024-02"), "is not YYYY"),
    (lambda: oil_units.days_in_period("2024-13"), "month outside 01-12"),
    (lambda: oil_units.days_in_period("2024-05/2024-02"), "ends before it starts"),
    (lambda: oil_units.days_in_period(2024), "is not YYYY"),
    (lambda: oil_units.mt_to_mbd(-1, "2024"), "value must be zero or more"),
])
def test_conversion_errors(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert message in str(err.value)


@pytest.mark.parametrize("bad", ["12", None, True, [1]])
def test_non_numbers_are_refused(bad):
    with pytest.raises(TypeError, match="must be a number"):
        oil_units.convert(bad, "t", "bbl")


# --- revenue, GDP, mirror gap, ratios ----------------------------------------------------------


def test_revenue_hand_computed():
    # 1 mb/d x $60 x 365 days = $21.9 bn
    assert oil.revenue_usd_bn(1.0, 70, 10) == pytest.approx(21.9)
    assert oil.revenue_usd_bn(1.0, 70, 10, share=0.5) == pytest.approx(10.95)
    assert oil.revenue_usd_bn(1.0, 70, 10, days=366) == pytest.approx(21.96)
    assert oil.revenue_usd_bn(0, 70, 10) == 0
    assert oil.share_of_gdp_pct(21.9, 438) == pytest.approx(5.0)
    assert oil.break_even_volume_mbd(5, 438, 70, 10) == pytest.approx(1.0)
    # 2024: 1.456 mb/d x $74.52 = $108.50 m a day; x 366 days = $39.711 bn
    assert oil.revenue_usd_bn(1.60, 80.52, 6, days=366, share=0.91) == pytest.approx(39.7114, abs=1e-3)


@pytest.mark.parametrize("call, message", [
    (lambda: oil.revenue_usd_bn(-1, 70, 10), "volume_mbd must be zero or more"),
    (lambda: oil.revenue_usd_bn(1, -70, 10), "brent_usd must be zero or more"),
    (lambda: oil.revenue_usd_bn(1, 70, -10), "discount_usd must be zero or more"),
    (lambda: oil.revenue_usd_bn(1, 70, 80), "realised price would be negative"),
    (lambda: oil.revenue_usd_bn(1, 70, 10, share=91), "fraction between 0 and 1"),
    (lambda: oil.revenue_usd_bn(1, 70, 10, days=0), "days must be more than zero"),
    (lambda: oil.share_of_gdp_pct(10, 0), "gdp_usd_bn must be more than zero"),
    (lambda: oil.share_of_gdp_pct(-10, 400), "value_usd_bn must be zero or more"),
    (lambda: oil.break_even_volume_mbd(5, 400, 70, 70), "sells for nothing"),
    (lambda: oil.mirror_gap(-1, 0.5), "partner_reported_mbd must be zero or more"),
    (lambda: oil.mirror_gap(1, -0.5), "origin_supply_mbd must be zero or more"),
    (lambda: oil.growth_ratio(0, 1.46), "before must be more than zero"),
    (lambda: oil.growth_ratio(0.8, -1), "after must be zero or more"),
    (lambda: oil.discount_share_pct(0, 5), "brent_usd must be more than zero"),
])
def test_arithmetic_errors(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert message in str(err.value)


def test_mirror_gap_and_ratio():
    assert oil.mirror_gap(1.4, 0.51) == pytest.approx(0.89)
    assert oil.mirror_gap(0.3, 0.5) == pytest.approx(-0.2)  # no evidence of relabelling
    assert oil.growth_ratio(0.8, 1.46) == pytest.approx(1.825)
    assert oil.growth_ratio(0.324, 1.46) == pytest.approx(4.506, abs=1e-3)
    assert oil.discount_share_pct(80, 8) == pytest.approx(10)


@pytest.mark.parametrize("lo, hi, upper, verdict", [
    (4.5, 4.5, False, "quadrupled"),
    (4.0, 4.0, False, "quadrupled"),
    (3.99, 3.99, False, "not quadrupled"),
    (3.5, 4.2, False, "quadrupled only at the top of the range"),
    (4.0, 4.0, True, "quadrupled at best"),
    (1.2, 1.6, True, "not quadrupled"),
])
def test_quadrupled_verdict(lo, hi, upper, verdict):
    assert oil.quadrupled_verdict(lo, hi, upper_bound=upper) == verdict


@pytest.mark.parametrize("lo, hi, verdict", [
    (9.1, 9.9, "above the 5% claim"), (2.6, 2.8, "below the 5% claim"),
    (4.8, 5.2, "either side of the 5% claim"), (5.0, 5.5, "either side of the 5% claim"),
])
def test_revenue_verdict(lo, hi, verdict):
    assert oil.revenue_verdict(lo, hi) == verdict


def test_period_text_and_midpoint():
    assert oil_units.period_text("2024-11/2025-01") == "Nov 2024-Jan 2025"
    assert oil_units.period_text("2024-11/2024-12") == "Nov-Dec 2024"
    assert str(oil_units.period_midpoint("2024").date()) == "2024-07-01"


# --- data accessors: errors name what is allowed -----------------------------------------------


@pytest.mark.parametrize("call, message", [
    (lambda: oil.production_series("opec"), "allowed: bp-statistical-review"),
    (lambda: oil.china_flow("imports"), "allowed: china-crude-imports-total"),
    (lambda: oil.sanction_events("embargo"), "allowed: designation-count"),
    (lambda: oil.tracked_level("Vortexa", "2023"), "allowed: Kpler, UANI, any"),
    (lambda: oil.annual_export_range(2019), "no full-year export estimate for 2019"),
    (lambda: oil.malaysia_gap(2015), "no full-year figure"),
    (lambda: oil.brent(2014), "no Brent average for 2014"),
    (lambda: oil_figures.render_baseline("any", "2019", "2024"), "unknown start '2019'"),
    (lambda: oil_figures.render_baseline("any", "2020", "2025"), "unknown end '2025'"),
])
def test_accessor_errors(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert message in str(err.value)


def test_malaysia_gap_values():
    lo, hi = oil.malaysia_gap(2024)  # 1.4 - 0.53 and 1.4 - 0.51
    assert (round(lo, 2), round(hi, 2)) == (0.87, 0.89)
    lo, hi = oil.malaysia_gap(2023)  # 0.96 - 0.65 and 1.10 - 0.53
    assert (round(lo, 2), round(hi, 2)) == (0.31, 0.57)


# --- the baseline explorer, over its whole control range ---------------------------------------

# Hand-typed from the research notes, independent of the module: (low, high, upper bound?)
HAND = {
    ("Kpler", "2020"): (0.324, 0.325, False), ("Kpler", "2021"): (0.584, 0.585, False),
    ("Kpler", "2022"): (0.766, 0.770, False), ("Kpler", "2023"): (0.917, 1.1, False),
    ("Kpler", "2024-11/2024-12"): (1.3, 1.3, True),
    ("UANI", "2021"): (0.85, 0.85, False), ("UANI", "2022"): (0.83, 0.83, False),
    ("UANI", "2023"): (1.19, 1.19, False), ("UANI", "2024"): (1.46, 1.46, False),
    ("any", "2020"): (0.324, 0.325, False), ("any", "2021"): (0.584, 0.85, False),
    ("any", "2022"): (0.766, 0.83, False), ("any", "2023-03"): (0.8, 0.8, False),
    ("any", "2023"): (0.917, 1.19, False), ("any", "2024"): (1.46, 1.46, False),
    ("any", "2024-11/2024-12"): (1.3, 1.3, True),
}
LABELS = {"2020": "2020", "2021": "2021", "2022": "2022", "2023-03": "Mar 2023 (the deal)", "2023": "2023",
          "2024": "2024", "2024-11/2024-12": "Nov-Dec 2024"}
BASELINE_STATES = list(oil_figures.baseline_explorer().states())


def test_baseline_explorer_shape():
    ex = oil_figures.baseline_explorer()
    assert ex.view_count() == 24 <= widgets.MAX_VIEWS
    assert ex.default_state() == {"tracker": "any", "start": "2023-03", "end": "2024"}


@pytest.mark.parametrize("state", BASELINE_STATES, ids=lambda s: "-".join(s.values()))
def test_render_baseline_every_state(state):
    fig = oil_figures.render_baseline(**state)
    title, alt = plots.title_of(fig), plots.alt_of(fig)
    assert alt.strip()
    start = HAND.get((state["tracker"], state["start"]))
    end = HAND.get((state["tracker"], state["end"]))
    if start is None or end is None:  # the empty result says what is missing
        missing = LABELS[state["start"]] if start is None else LABELS[state["end"]]
        assert title.startswith(f"No {'any tracker' if state['tracker'] == 'any' else state['tracker']} "
                                f"figure for {missing}")
        return
    lo, hi = end[0] / start[1], end[1] / start[0]
    if hi < 4:
        verdict = "not quadrupled"
    elif end[2]:
        verdict = "quadrupled at best"
    elif lo >= 4:
        verdict = "quadrupled"
    else:
        verdict = "quadrupled only at the top of the range"
    if end[2]:
        ratio = f"at most x{hi:.1f}"
    elif f"{lo:.1f}" == f"{hi:.1f}":
        ratio = f"x{lo:.1f}"
    else:
        ratio = f"x{lo:.1f} to x{hi:.1f}"
    assert title.startswith(f"{LABELS[state['start']]} to {LABELS[state['end']]} (")
    assert title.endswith(f"): {ratio}, {verdict}")
    ax = fig.axes[0]
    if start[1] > start[0] or end[1] > end[0]:  # uncertain values are drawn as a range block
        assert len([c for c in ax.containers if isinstance(c, BarContainer)]) >= 3


def test_render_baseline_known_titles():
    assert plots.title_of(oil_figures.render_baseline("any", "2020", "2024")) == \
        "2020 to 2024 (Kpler, then UANI): x4.5, quadrupled"
    assert plots.title_of(oil_figures.render_baseline("any", "2023-03", "2024")) == \
        "Mar 2023 (the deal) to 2024 (an unnamed tracker, then UANI): x1.8, not quadrupled"
    assert plots.title_of(oil_figures.render_baseline("Kpler", "2023", "2024-11/2024-12")) == \
        "2023 to Nov-Dec 2024 (Kpler): at most x1.4, not quadrupled"


# --- the revenue calculator, over its whole control range --------------------------------------

REVENUE_STATES = list(oil_figures.revenue_explorer().states())


def test_revenue_explorer_shape_and_sample():
    ex = oil_figures.revenue_explorer()
    assert ex.view_count() == 24 <= widgets.MAX_VIEWS
    # the sample is made of published values
    assert [p.value for p in oil.REVENUE_BRENT_USD] == [oil.brent(2020), oil.brent(2024)]
    assert oil.REVENUE_GDP == (401.5, 436.91)


@pytest.mark.parametrize("state", REVENUE_STATES, ids=lambda s: "-".join(map(str, s.values())))
def test_render_revenue_every_state(state):
    fig = oil_figures.render_revenue(**state)
    title, alt = plots.title_of(fig), plots.alt_of(fig)
    price = state["brent_usd"] - state["discount_usd"]
    rev = state["exports_mbd"] * state["china_share"] * price * 366 / 1000
    lo, hi = 100 * rev / 436.91, 100 * rev / 401.5
    verdict = ("above the 5% claim" if lo > 5 else "below the 5% claim" if hi < 5
               else "either side of the 5% claim")
    assert title == f"Sales to China of ${rev:.1f} bn are {lo:.1f}-{hi:.1f}% of GDP: {verdict}"
    assert alt.strip() and f"{lo:.1f} to {hi:.1f} percent" in alt
    ax = fig.axes[0]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [5.0]  # the claim's threshold line
    assert len([c for c in ax.containers if isinstance(c, BarContainer)]) == 2  # low bar + range block


def test_revenue_claim_survives_2024_prices():
    titles = [plots.title_of(oil_figures.render_revenue(**s)) for s in REVENUE_STATES if s["brent_usd"] == 80.52]
    assert all(t.endswith("above the 5% claim") for t in titles)


def test_one_view_as_handout_html():
    html = widgets.to_html(oil_figures.render_baseline("any", "2023-03", "2024"))
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Bar chart' in html


# --- the notebook's figures --------------------------------------------------------------------

FIGURES = {
    "tracker_estimates_figure":
        "Estimates of the same year disagree: 2023 ran from 1.29 to more than 1.59 mb/d",
    "production_exports_figure":
        "Sanctions cut Iran's output from 3.81 (2017) to 1.99 mb/d (2020); by 2024: 3.26",
    "china_share_figure":
        "In 2024, trackers put China's share of Iran's oil exports at 77% (Kpler) to 91% (UANI)",
    "malaysia_figure":
        "China's 'Malaysian' imports exceed Malaysia's output since 2022: 1.40 vs 0.51 mb/d (2024)",
}


@pytest.mark.parametrize("name", FIGURES)
def test_figures_have_title_alt_and_units(name):
    fig = getattr(oil_figures, name)()
    assert plots.title_of(fig) == FIGURES[name]
    assert len(plots.alt_of(fig)) > 80
    ax = fig.axes[0]
    assert any(u in ax.get_ylabel() for u in ("b/d", "barrels per day", "%", "Vessels"))


def test_uncertain_series_are_drawn_as_ranges():
    def errorbars(fig):
        return [c for c in fig.axes[0].containers if isinstance(c, ErrorbarContainer)
                and len(c.lines[2][0].get_segments()) > 0]  # not the legend's empty proxy

    # oil_export_estimates has two range rows (May and Sep 2020); oil_china_share has two (2019, 2021)
    assert len(errorbars(oil_figures.tracker_estimates_figure())) == 2
    assert len(errorbars(oil_figures.china_share_figure())) == 2
    # revenue vs GDP: a range for every year with more than one GDP value
    hist = oil.revenue_history()
    assert math.isclose(hist.loc[2021, "pct_low"], 100 * 19 / 383.44)
    assert math.isclose(hist.loc[2021, "pct_high"], 100 * 19 / 359.1)


def test_every_explorer_view_has_its_own_alt_text():
    # the handout shows each view as an image: a repeated alt text would say nothing new
    alts = [plots.alt_of(oil_figures.render_baseline(**s)) for s in BASELINE_STATES]
    alts += [plots.alt_of(oil_figures.render_revenue(**s)) for s in REVENUE_STATES]
    assert len(alts) == len(set(alts)) == 48


# --- the explorers' controls: labels built from the published values ---------------------------


def test_explorer_labels_are_built_from_the_values():
    baseline = oil_figures.baseline_controls()
    assert baseline == {
        "tracker": [("Kpler", "Kpler"), ("UANI", "UANI"), ("Any tracker", "any")],
        "start": [("2020", "2020"), ("2022", "2022"), ("Mar 2023 (the deal)", "2023-03"), ("2023", "2023")],
        "end": [("2024", "2024"), ("Nov-Dec 2024", "2024-11/2024-12")],
    }
    revenue = oil_figures.revenue_controls()
    assert revenue == {
        "exports_mbd": [("1.60 (UANI)", 1.60), ("1.29 (Nikkei)", 1.29)],
        "china_share": [("82% (2023)", 0.82), ("91% (2024)", 0.91)],
        "brent_usd": [("$41.96 (2020)", 41.96), ("$80.52 (2024)", 80.52)],
        "discount_usd": [("$2.50 (Nov 24)", 2.5), ("$6 (2024)", 6.0), ("$13 (2023)", 13.0)],
    }
    # within 14 characters, so JupyterLab shows toggle buttons
    assert all(len(label) <= 14 for options in revenue.values() for label, _ in options)


def test_published_values_are_the_rows_of_their_periods():
    from helpers import data

    exports = data.load("oil_export_estimates").query("period_kind == 'year'")
    for p in oil.REVENUE_EXPORTS_MBD:
        row = exports[(exports["period"] == p.period) & (exports["exports_mbd"].round(2) == p.value)]
        assert len(row) == 1 and row["tracker"].iloc[0].startswith(p.by), p
    shares = data.load("oil_china_share")
    for p in oil.REVENUE_CHINA_SHARES:
        assert ((shares["period"] == p.period) & (shares["share_pct"] == round(100 * p.value))).sum() == 1, p
    assert [oil.brent(int(p.period)) for p in oil.REVENUE_BRENT_USD] == [p.value for p in oil.REVENUE_BRENT_USD]
    prices = data.load("oil_prices").query("series == 'iran-discount-to-brent'")
    mid = (prices["low_usd_per_bbl"].fillna(prices["value_usd_per_bbl"])
           + prices["high_usd_per_bbl"].fillna(prices["value_usd_per_bbl"])) / 2
    for p in oil.REVENUE_DISCOUNTS_USD:
        assert ((prices["period"] == p.period) & (mid == p.value)).sum() == 1, p
    assert oil.published_value(oil.REVENUE_DISCOUNTS_USD, "2024-11") == 2.5
    with pytest.raises(ValueError, match="no option describes period '2022'"):
        oil.published_value(oil.REVENUE_DISCOUNTS_USD, "2022")


def test_quadrupling_verdict_rests_on_the_explorers_periods():
    from helpers.exercises.registry import answer_key

    start, end = answer_key("nb03-quadrupled-verdict").evidence
    assert start in oil.BASELINE_STARTS and oil.tracked_level("any", end) is not None


# --- notebook 03: its questions and explorers --------------------------------------------------


@pytest.fixture(scope="module")
def nb03():
    import nbformat

    from helpers.paths import NOTEBOOKS_DIR

    return nbformat.read(NOTEBOOKS_DIR / "03-iranian-oil-flows.ipynb", as_version=4)


def test_notebook_03_opens_with_the_claim(nb03):
    assert nb03.cells[0].source.startswith(
        "# 03 · Iranian oil flows: following barrels that official statistics do not show")
    assert "> P11:" in nb03.cells[0].source


def test_notebook_03_uses_every_question_once_checked(nb03):
    from helpers.exercises.nb03 import QUESTIONS

    used = set()
    for cell in nb03.cells:
        if {"exercise", "solution"} & set(cell.metadata.get("tags", [])):
            last = cell.source.strip().splitlines()[-1]
            assert last.startswith('check("nb03-'), last
            used.add(last.split('"')[1])
    assert used == set(QUESTIONS)


def test_notebook_03_explorer_cells_ignore_output(nb03):
    shown = [c for c in nb03.cells if "widgets.show(" in c.source]
    assert len(shown) == 2
    assert all(c.metadata.get("tags") == ["nbval-ignore-output"] for c in shown)
