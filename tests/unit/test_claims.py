"""Unit tests for helpers.claims (filters, counts, ranking) and helpers.figures.claims (render functions, explorers)."""

from __future__ import annotations

import html
import itertools
import re

import pandas as pd
import pytest

from helpers import article, citation, claims, data, plots, widgets
from helpers.figures import claims as claims_figures

THEME_OPTIONS = (claims.ALL, *claims.THEMES)
TYPE_OPTIONS = (claims.ALL, *claims.CLAIM_TYPES)
VERDICT_OPTIONS = (claims.ALL, *claims.VERDICTS)
STAGE_OPTIONS = (claims.ALL, *claims.STAGES)


# --- filters -------------------------------------------------------------------------------------

def test_no_filter_gives_all_claims_in_order():
    df = claims.claims()
    assert df["claim_id"].tolist() == [f"C{i}" for i in range(1, 38)]


def test_none_means_no_filter():
    assert len(claims.claims(None, None, None, None)) == 37


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"theme": "fentanyl"}, ["C34", "C35", "C36", "C37"]),
        ({"theme": "dual-use", "claim_type": "statistic"}, ["C2", "C3"]),
        ({"claim_type": "attribution"}, ["C12", "C13", "C14", "C25", "C28"]),
        ({"verdict": "not-supported"}, ["C16", "C18"]),
        ({"verdict": "partly-supported", "theme": "dual-use"}, ["C3", "C12"]),
        ({"verdict": "opinion"}, ["C6", "C7"]),
        ({"theme": "fentanyl", "verdict": "unverifiable"}, ["C35"]),
        ({"stage": "final", "theme": "dual-use"}, ["C1", "C2", "C3", "C12", "C13"]),
        ({"stage": "first"}, []),
        ({"theme": "fentanyl", "claim_type": "attribution"}, []),
    ],
)
def test_filters_hand_checked(kwargs, expected):
    assert claims.claims(**kwargs)["claim_id"].tolist() == expected


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"theme": "tariffs"}, "theme"),
        ({"claim_type": "opinion"}, "claim type"),
        ({"verdict": "true"}, "verdict"),
        ({"stage": "last"}, "stage"),
        ({"theme": 3}, "theme"),
        ({"theme": "Fentanyl"}, "theme"),
    ],
)
def test_bad_filter_values_say_what_is_allowed(kwargs, name):
    with pytest.raises(ValueError, match=rf"unknown {name} .*; allowed: All, "):
        claims.claims(**kwargs)


def test_label():
    assert claims.label("partly-supported") == "partly supported"
    assert claims.label("opinion-prediction") == "opinion or prediction"
    assert claims.label("event") == "event"


# --- counts and ranking --------------------------------------------------------------------------

def test_counts_type_by_theme_hand_counted():
    table = claims.counts()
    assert table.index.tolist() == list(claims.CLAIM_TYPES)
    assert table.columns.tolist() == list(claims.THEMES)
    assert table.sum(axis=1).to_dict() == {
        "statistic": 9, "event": 15, "attribution": 5, "opinion-prediction": 8,
    }
    assert table.sum(axis=0).to_dict() == {"dual-use": 5, "iran-oil": 11, "fentanyl": 4, "diplomacy": 17}
    assert table.loc["attribution", "fentanyl"] == 0  # zero cells are kept


def test_counts_by_notebook_and_stage():
    table = claims.counts("checked_in", "verdict_stage")
    assert table.loc["01-reading-the-source"].to_dict() == {"first": 0, "final": 22}
    theme_notebooks = ["02-dual-use-goods", "03-iranian-oil-flows", "04-fentanyl-controls"]
    assert int(table.loc[theme_notebooks, "final"].sum()) == 15
    assert int(table["first"].sum()) == 0  # notebook 05 made every verdict final


@pytest.mark.parametrize(("rows", "columns"), [("words", "theme"), ("theme", "colour"), ("theme", "theme")])
def test_counts_bad_columns(rows, columns):
    with pytest.raises(ValueError, match="count by"):
        claims.counts(rows, columns)


def test_errata_ranked_meaning_first_then_paragraph():
    ranked = claims.errata_ranked()
    flags = ranked["changes_meaning"].astype(bool).tolist()
    assert flags == sorted(flags, reverse=True)
    assert sum(flags) == 10 and len(flags) == 16
    first = ranked[ranked["changes_meaning"].astype(bool)]["paragraph"].tolist()
    assert first == sorted(first)
    assert ranked.iloc[0]["paragraph"] == 2


def test_source_line():
    line = claims.source_line("article_claims")
    assert line.startswith("Source: the kit's table article_claims (a reading of The New York Times")
    assert line.endswith(citation.rungs(data.load("article_claims"))) and " Rows: " in line
    with pytest.raises(ValueError, match="no source line"):
        claims.source_line("chpl_items")


# --- render_claims over its whole control range --------------------------------------------------

@pytest.mark.parametrize(("theme", "claim_type"), list(itertools.product(THEME_OPTIONS, TYPE_OPTIONS)))
def test_render_claims_every_theme_and_type(theme, claim_type):
    out = claims_figures.render_claims(theme, claim_type)
    expected = claims.claims(theme, claim_type)
    assert isinstance(out, str)
    if expected.empty:
        assert out.startswith('<p class="claims-empty">No claim matches')
        assert "<mark>" not in out
    else:
        assert out.count('<div class="claim"') == len(expected)
        assert out.count("<mark>") == len(expected)
        noun = "claim matches" if len(expected) == 1 else "claims match"
        assert f"<strong>{len(expected)} {noun}</strong>" in out
        for row in expected.itertuples():
            assert f"<mark>{html.escape(row.words)}</mark>" in out
            assert html.escape(claims.NOTEBOOKS[row.checked_in]) in out
            assert html.escape(row.asserted_by) in out


def test_render_claims_empty_result_names_the_filters():
    out = claims_figures.render_claims("fentanyl", "attribution")
    assert "No claim matches" in out
    assert "theme “Fentanyl”" in out and "type “attribution”" in out


@pytest.mark.parametrize("verdict", VERDICT_OPTIONS)
def test_render_claims_every_verdict(verdict):
    out = claims_figures.render_claims(verdict=verdict)
    n = len(claims.claims(verdict=verdict))
    assert out.count('<div class="claim"') == n


def test_render_claims_escapes_html():
    # the evidence of C25 contains apostrophes; raw quotes must not reach the HTML
    out = claims_figures.render_claims("diplomacy", "attribution")
    assert "China&#x27;s firm support" in out
    assert "China's firm support" not in out


def test_render_claims_says_first_or_final():
    assert "final verdict, settled in Notebook 04 · Fentanyl controls" in claims_figures.render_claims("fentanyl")
    assert "final verdict, settled in this notebook" in claims_figures.render_claims("diplomacy")


def test_render_claims_bad_input():
    with pytest.raises(ValueError, match="unknown theme"):
        claims_figures.render_claims("oil")


# --- render_verdicts ------------------------------------------------------------------------------

@pytest.mark.parametrize(("verdict", "stage"), list(itertools.product(VERDICT_OPTIONS, STAGE_OPTIONS)))
def test_render_verdicts_every_combination(verdict, stage):
    table = claims_figures.render_verdicts(verdict, stage)
    assert isinstance(table, pd.DataFrame)
    assert table.columns.tolist() == [
        "claim", "paragraph", "words (seed)", "asserted by", "verdict", "stage", "checked in", "evidence",
    ]
    assert len(table) == len(claims.claims(verdict=verdict, stage=stage))


def test_render_verdicts_empty_table_keeps_columns():
    table = claims_figures.render_verdicts("opinion", "first")
    assert table.empty and len(table.columns) == 8


# --- explorers ------------------------------------------------------------------------------------

def test_claims_explorer_views_and_render():
    ex = claims_figures.claims_explorer()
    assert isinstance(ex, widgets.Explorer)
    assert ex.view_count() == 25 <= widgets.MAX_VIEWS
    assert [v for _, v in ex.controls["theme"]] == list(THEME_OPTIONS)
    assert [v for _, v in ex.controls["claim_type"]] == list(TYPE_OPTIONS)
    for state in ex.states():
        assert widgets.to_html(ex.render_state(state)).startswith(("<div", "<p"))
    assert ex.render_state(ex.default_state()).count('<div class="claim"') == 37


def test_verdicts_explorer_views():
    ex = claims_figures.verdicts_explorer()
    assert ex.view_count() == 6 and list(ex.controls) == ["verdict"]  # no dead "stage" control
    html_out = widgets.to_html(ex.render_state({"verdict": "not-supported"}))
    assert "C16" in html_out and "C18" in html_out


def test_static_html_precomputes_every_claims_view():
    page = widgets.static_html(claims_figures.claims_explorer())
    assert page.count('class="explorer-view"') == 25


# --- figures ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("make", "title"),
    [
        (claims_figures.counts_figure, "Events are the commonest claim: 15 of 37; 9 are statistics"),
        (claims_figures.errata_figure, "10 of the 16 translation errors change what the article says"),
        (claims_figures.verdicts_by_notebook_figure, "Notebook 01 settles 22 of 37 claims; the data notebooks settle 15"),
    ],
)
def test_figures_title_and_alt(make, title):
    fig = make()
    assert plots.title_of(fig) == title
    alt = plots.alt_of(fig)
    assert alt and re.search(r"\d", alt)


def test_highlight_is_what_render_uses():
    row = claims.claims(theme="dual-use", claim_type="statistic").iloc[0]
    marked = article.highlight(int(row["paragraph"]), row["words"])
    assert marked in claims_figures.render_claims("dual-use", "statistic")


def test_render_verdicts_bad_input():
    with pytest.raises(ValueError, match="unknown verdict 'maybe'"):
        claims_figures.render_verdicts("maybe")
    with pytest.raises(ValueError, match="unknown stage 'second'"):
        claims_figures.render_verdicts(stage="second")


def test_every_verdict_has_one_style_and_failing_is_never_green():
    from helpers import plots
    from helpers.figures import claims as claims_figures

    style = claims_figures.VERDICT_STYLE
    assert set(style) == set(claims.VERDICTS)
    assert style["not-supported"][0] != plots.OKABE_ITO["bluish_green"]
    assert style["supported"][0] == plots.OKABE_ITO["bluish_green"]
    assert len({c for c, _ in style.values()}) == len({h for _, h in style.values()}) == len(style)
