"""helpers.trade (HS codes, arithmetic, table helpers) and its figures and CHPL explorer in helpers.figures.trade."""

import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import arithmetic, data, plots, trade, widgets
from helpers.figures import trade as trade_figures


@pytest.fixture(scope="module")
def items():
    return data.load("chpl_items")


@pytest.fixture(scope="module")
def trade_df():
    return data.load("china_russia_trade")


@pytest.fixture(scope="module")
def shift():
    return data.load("intermediary_trade_shift")


@pytest.fixture(scope="module")
def listings():
    return data.load("us_listings")


# --------------------------------------------------------------------------- HS codes
@pytest.mark.parametrize("text", ["854231", "8542.31", "8542 31", "  854231 "])
def test_parse_hs_accepts_plain_dotted_and_spaced_forms(text):
    code = trade.parse_hs(text)
    assert (code.chapter, code.heading, code.subheading, code.dotted) == ("85", "8542", "854231", "8542.31")
    assert str(code) == "854231"


def test_parse_hs_keeps_leading_zeros():
    code = trade.parse_hs("010121")
    assert (code.chapter, code.heading) == ("01", "0101")


@pytest.mark.parametrize("number", [10121, 854231, 8542.31, np.int64(854231), np.float64(854231.0)])
def test_parse_hs_refuses_numbers_and_says_why(number):
    with pytest.raises(TypeError, match=r"is a number .*lose leading zeros.*like '854231' or '8542.31'"):
        trade.parse_hs(number)


@pytest.mark.parametrize("value", [None, ["854231"], b"854231"])
def test_parse_hs_refuses_other_types(value):
    with pytest.raises(TypeError, match=r"Give a six-digit HS code written as a string"):
        trade.parse_hs(value)


@pytest.mark.parametrize("text", ["85423", "8542311", "8542-31", "85.42.31", "abcdef", "", "8542.3"])
def test_parse_hs_refuses_malformed_codes_with_an_example(text):
    with pytest.raises(ValueError, match=r"is not an HS-6 code\. Give .*'854231'.*2 digits chapter"):
        trade.parse_hs(text)


@pytest.mark.parametrize(("text", "pattern"), [
    ("000000", r"chapter 00 does not exist; HS chapters run from 01 to 97"),
    ("980000", r"chapter 98 does not exist"),
    ("990110", r"chapter 99 does not exist"),
    ("770100", r"chapter 77 is reserved"),
])
def test_parse_hs_refuses_chapters_that_do_not_exist(text, pattern):
    with pytest.raises(ValueError, match=pattern):
        trade.parse_hs(text)


# --------------------------------------------------------------------------- arithmetic
def test_growth_pct_by_hand():
    assert trade.growth_pct(50, 75) == 50.0
    assert trade.growth_pct(100, 50) == -50.0
    assert trade.growth_pct(80, 80) == 0.0
    assert round(trade.growth_pct(76.12, 115.49), 2) == 51.72  # (115.49 / 76.12 - 1) * 100


def test_growth_names_are_the_shared_arithmetic():
    """Notebook 02's names; their checks on bad input are tested in test_arithmetic.py."""
    assert trade.growth_pct is arithmetic.pct_change
    with pytest.raises(ValueError, match="before must be more than zero"):
        trade.growth_pct(0, 5)


def test_share_pct_by_hand_and_bad_input():
    assert trade.share_pct(26, 50) == 52.0
    assert trade.share_pct(0, 50) == 0.0
    assert trade.share_pct(50, 50) == 100.0
    with pytest.raises(ValueError, match=r"whole must be above zero \(got 0.0\)"):
        trade.share_pct(1, 0)
    with pytest.raises(ValueError, match=r"part must not be negative \(got -1.0\)"):
        trade.share_pct(-1, 10)
    with pytest.raises(ValueError, match=r"part \(60.0\) is larger than whole \(50.0\): a share cannot exceed"):
        trade.share_pct(60, 50)
    with pytest.raises(TypeError, match="part must be a number"):
        trade.share_pct("26", 50)


def test_base_from_change_by_hand():
    assert round(trade.base_from_change(909, 345), 3) == round(909 / 3.45, 3)
    assert round(trade.base_from_change(-34000, -38), 1) == 89473.7  # 34000 / 0.38
    assert trade.base_from_change(0, 5) == 0.0


@pytest.mark.parametrize(("change", "pct", "pattern"), [
    (909, 0, r"change_pct is 0"),
    (-50, -100, r"cannot fall by 100% or more"),
    (-50, -150, r"cannot fall by 100% or more"),
    (909, -10, r"opposite signs"),
    (-909, 10, r"opposite signs"),
])
def test_base_from_change_bad_input(change, pct, pattern):
    with pytest.raises(ValueError, match=pattern):
        trade.base_from_change(change, pct)


def test_annualise():
    assert trade.annualise(11, 11) == 12.0
    assert trade.annualise(3, 3) == 12.0
    assert trade.annualise(7, 12) == 7.0
    for months in (0, 13, 11.5, True, "11"):
        with pytest.raises(ValueError, match="months must be a whole number from 1 to 12"):
            trade.annualise(5.1, months)


def test_mirror_gap_by_hand():
    g = trade.mirror_gap(22.7, 5.1)
    assert math.isclose(g.gap, 17.6)
    assert math.isclose(g.ratio, 22.7 / 5.1)
    assert math.isclose(g.unrecorded_pct, 17.6 / 22.7 * 100)
    even = trade.mirror_gap(10, 10)
    assert (even.gap, even.ratio, even.unrecorded_pct) == (0.0, 1.0, 0.0)
    assert trade.mirror_gap(4, 5).gap == -1.0  # the partner may record more


@pytest.mark.parametrize(("reported", "mirrored", "pattern"), [
    (0, 5, r"reported must be above zero"),
    (5, 0, r"mirrored must be above zero"),
    (5, -1, r"mirrored must be above zero"),
])
def test_mirror_gap_bad_input(reported, mirrored, pattern):
    with pytest.raises(ValueError, match=pattern):
        trade.mirror_gap(reported, mirrored)


# --------------------------------------------------------------------------- table helpers
def test_chpl_counts(items):
    counts = trade.chpl_counts(items)
    assert list(counts.index) == [*trade.TIERS, "All"]
    assert counts.loc["All"].to_dict() == {"84": 14, "85": 26, "88": 1, "90": 9, "All": 50}
    assert counts.loc["1", "85"] == 4 and counts.loc["4.B", "84"] == 5 and counts.loc["3.B", "88"] == 1


@pytest.mark.parametrize(("view", "n"), [
    ("all", 50), ("tier:1", 4), ("tier:2", 5), ("tier:3.A", 16), ("tier:3.B", 9), ("tier:4.A", 11),
    ("tier:4.B", 5), ("chapter:84", 14), ("chapter:85", 26), ("chapter:88", 1), ("chapter:90", 9),
    ("chapter:93", 0), ("chapter:01", 0),
])
def test_chpl_view_counts(items, view, n):
    assert len(trade.chpl_view(items, view)) == n


@pytest.mark.parametrize("view", ["tier:5", "tier:3", "chapter:8", "chapter:085", "everything", "", None])
def test_chpl_view_rejects_unknown_views(items, view):
    with pytest.raises(ValueError, match=r"unknown view .*use 'all', 'tier:' \+ one of 1, 2, 3.A"):
        trade.chpl_view(items, view)


def test_table_helpers_refuse_the_wrong_table(items, trade_df):
    with pytest.raises(ValueError, match=r"not the chpl_items table: missing columns \['hs6'"):
        trade.chpl_counts(trade_df)
    with pytest.raises(TypeError, match=r"expected the china_russia_trade table"):
        trade.trade_value([1, 2], 2024, "total")
    with pytest.raises(ValueError, match=r"not the us_listings table"):
        trade.listings_for(items)


def test_trade_value(trade_df):
    assert trade.trade_value(trade_df, 2019, "total") == 110.75
    assert trade.trade_value(trade_df, 2022, "imports") == 114.15
    with pytest.raises(ValueError, match=r"no exports value for 2023 is shipped .*2019, 2020, 2022, 2024"):
        trade.trade_value(trade_df, 2023, "exports")
    with pytest.raises(ValueError, match=r"no total row for 2018"):
        trade.trade_value(trade_df, 2018, "total")
    with pytest.raises(ValueError, match=r"flow 'export' is not one of exports, imports, total"):
        trade.trade_value(trade_df, 2024, "export")


def test_trade_growth_by_hand(trade_df):
    assert math.isclose(trade.trade_growth(trade_df, "total", 2021, 2024), (244.81 / 146.887 - 1) * 100)
    assert math.isclose(trade.trade_growth(trade_df, "exports", 2019, 2024), (115.49 / 49.7 - 1) * 100)


def test_growth_check_sets_computed_against_published(trade_df):
    g = trade.growth_check(trade_df)
    assert list(g.index) == [2019, 2020, 2021, 2022, 2023, 2024]
    assert pd.isna(g.loc[2019, "computed_pct"])
    assert (g.loc[2022, "computed_pct"], g.loc[2022, "published_pct"], g.loc[2022, "difference_pts"]) == (
        29.5, 29.3, 0.2)
    assert g.loc[2023, "computed_pct"] == 26.2 and g.loc[2023, "published_pct"] == 26.3


def test_share_summary():
    s = trade.share_summary(data.load("share_claims"))
    assert s.loc[("imports", "dispatch-country"), "claims"] == 7
    assert s.loc[("imports", "dispatch-country"), "highest_pct"] == 90
    assert s.loc[("imports", "producer-headquarters")].tolist() == [2, 45.0, 48.0]
    assert s.loc[("use-in-war-effort", "not-stated"), "claims"] == 1


def test_listings_for_and_the_total(listings):
    rows = trade.listings_for(listings)
    assert list(rows["date"].dt.strftime("%Y-%m-%d")) == [
        "2023-04-12", "2023-10-06", "2024-02-23", "2024-06-12", "2024-08-23", "2024-10-30"]
    assert trade.china_listed_total(rows) == 5 + 42 + 8 + 42 + 11
    sdn = trade.listings_for(listings, instrument="SDN List")
    assert trade.china_listed_total(sdn) == 31 + 12
    with pytest.raises(ValueError, match=r"instrument 'Entity list' is not in the table; it has: Entity List"):
        trade.listings_for(listings, instrument="Entity list")
    with pytest.raises(ValueError, match=r"count_kind 'total' is not in the table"):
        trade.listings_for(listings, count_kind="total")
    with pytest.raises(ValueError, match=r"no rows to add up"):
        trade.china_listed_total(rows.iloc[:0])


def test_country_names():
    assert trade.country_name("KGZ") == "Kyrgyzstan"
    assert trade.country_name("RUS") == "Russian Federation"
    assert trade.country_name("CCA3") == "CCA3"
    with pytest.raises(ValueError, match=r"'XXX' is not an ISO 3166 alpha-3 country code"):
        trade.country_name("XXX")


def test_eu_export_changes(shift):
    e = trade.eu_export_changes(shift)
    assert list(e.index) == ["KGZ", "ARM", "UZB", "KAZ", "GEO", "TUR", "RUS"]
    assert math.isclose(e.loc["KGZ", "base_m"], 909 / 3.45)
    assert math.isclose(e.loc["KGZ", "value_m"], 909 / 3.45 + 909)
    assert math.isclose(e.loc["RUS", "value_m"], 34000 / 0.38 - 34000)


def test_mirror_rows(shift):
    assert trade.mirror_rows(shift, "KGZ", "CHN")["period"] == "2024-01/2024-11"
    with pytest.raises(ValueError, match=r"no single mirror row for KGZ->RUS; the table has: CHN->KGZ"):
        trade.mirror_rows(shift, "KGZ", "RUS")


# --------------------------------------------------------------------------- figures
FIGURES = [
    ("chpl_tiers_figure", "chpl_items", "26 of the 50 CHPL codes are electrical goods from HS chapter 85"),
    ("china_russia_trade_figure", "china_russia_trade", "China–Russia trade grew 67% from 2021 to 2024, to USD 245bn"),
    ("share_claims_figure", "share_claims",
     "Counted by where goods came from, China's share is up to 90%; by producer, 45%"),
    ("eu_exports_figure", "intermediary_trade_shift",
     "EU exports to Kyrgyzstan rose 345% in 2022, but five neighbours gained €9.6bn while Russia lost €34bn"),
    ("listings_figure", "us_listings",
     "5 Russia-related Entity List actions named at least 108 Chinese entities, 27% of 'nearly 400'"),
]


@pytest.mark.parametrize(("name", "table", "title"), FIGURES, ids=[f[0] for f in FIGURES])
def test_figures_state_their_finding_with_source_and_alt_text(name, table, title):
    with plots.style():
        fig = getattr(trade_figures, name)(data.load(table))
    assert isinstance(fig, Figure)
    assert " ".join(plots.title_of(fig).split()) == title
    assert len(plots.alt_of(fig)) > 60
    assert "$" not in plots.title_of(fig)  # a pair of dollar signs would turn into maths
    source = fig._supxlabel.get_text()
    assert source.startswith("Source")


def test_listings_figure_follows_the_claimed_number():
    with plots.style():
        fig = trade_figures.listings_figure(data.load("us_listings"), claimed=216)
    assert " ".join(plots.title_of(fig).split()).endswith("50% of 'nearly 216'")


# --------------------------------------------------------------------------- the explorer
def test_explorer_has_few_views_and_a_default():
    ex = trade_figures.chpl_explorer()
    assert ex.view_count() == 12 <= widgets.MAX_VIEWS
    assert ex.default_state() == {"view": "tier:1"}


def test_explorer_values_are_the_published_views():
    ex = trade_figures.chpl_explorer()
    assert [v for _, v in ex.controls["view"]] == list(trade.CHPL_VIEWS)
    assert [trade.split_view(v)[0] for v in trade.CHPL_VIEWS].count("tier") == len(trade.TIERS)


@pytest.mark.parametrize("state", list(trade_figures.chpl_explorer().states()), ids=lambda s: s["view"])
def test_every_explorer_view_renders(state, items):
    html_text = trade_figures.chpl_explorer().render_state(state)
    rows = trade.chpl_view(items, state["view"])
    assert f": {len(rows)} codes</strong></p>" in html_text
    assert "<h" not in html_text.replace("<hr", "")  # no heading that would break the page's outline
    for code in rows["hs6"]:
        assert trade.parse_hs(code).dotted in html_text
    if state["view"].startswith("tier:"):
        assert "What they go into (BIS):" in html_text
        assert rows["tier_definition"].iloc[0].replace("'", "&#x27;") in html_text


def test_empty_views_say_why():
    text = trade_figures.render_chpl("chapter:93")
    assert "Chapter 93 · Arms and ammunition: 0 codes" in text
    assert "No CHPL code is in chapter 93" in text and "<table" not in text
    other = trade_figures.render_chpl("chapter:01")
    assert "No CHPL code is in chapter 01 (chapter 01)" in other


def test_render_escapes_html():
    text = trade_figures.render_chpl("tier:4.B")
    assert "Parts &amp; accessories" in text and "Parts & accessories" not in text


def test_render_rejects_unknown_views():
    with pytest.raises(ValueError, match="unknown view 'tier:9'"):
        trade_figures.render_chpl("tier:9")


def test_explorer_precomputes_for_the_handout():
    page = widgets.static_html(trade_figures.chpl_explorer())
    assert page.count('class="explorer-view"') == 12
    assert "Tier 3.B · Bearings, optical and navigation equipment" in page
