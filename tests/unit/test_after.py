"""helpers.after and its figures: the later tables, the claim-updates ledger, the tariff, the explorer."""

import pandas as pd
import pytest

from helpers import after, data, paths, plots
from helpers.checks import check
from helpers.exercises import nb06
from helpers.figures import after as after_figures
from helpers.widgets import MAX_VIEWS, to_html

AFTER_TABLES = [n for n in data.tables() if n.startswith("after_")]


def test_every_after_table_loads_and_cites_a_later_source():
    assert len(AFTER_TABLES) == 5
    for name in AFTER_TABLES:
        df = data.load(name)
        assert len(df) and df["source_id"].notna().all(), name
        published = df["published"].map(after.partial_date)
        assert (published > after.article_date()).all(), f"{name}: a row published before the article"


def test_trade_2025_from_levels_and_the_published_rate_agree_within_rounding():
    assert after.trade_totals().loc[2025] == 228.1
    assert after.trade_change(2024, 2025) == pytest.approx((228.1 / 244.81 - 1) * 100)
    published = data.load("after_china_russia_trade").query("period == '2025' and flow == 'total'")
    assert abs(after.trade_change(2024, 2025) - published["published_growth_pct"].item()) < 0.2
    # yuan-based rates are never shipped with a dollar level
    rates_only = data.load("after_china_russia_trade").query("growth_basis == 'unstated'")
    assert rates_only["value_usd_bn"].isna().all()


def test_average_growth_is_compounded():
    g = after.average_growth(2021, 2024) / 100
    assert 146.887 * (1 + g) ** 3 == pytest.approx(244.81)
    with pytest.raises(ValueError, match="end must come after start"):
        after.average_growth(2024, 2024)


def test_tariff_steps_have_their_legal_act_and_end_at_the_ruling():
    steps = after.tariff_steps()
    assert steps["rate_pct"].tolist() == [10.0, 20.0, 10.0]
    assert steps["legal_act"].str.contains("14195|14228").all()
    assert (pd.to_datetime(steps["signed"]) < pd.to_datetime(steps["in_force"])).all()
    assert str(steps["until"].iloc[-1]) == "2026-02-20"
    ruling = after.timeline(["fentanyl"], ["court-ruling"]).iloc[0]
    assert "IEEPA" in ruling["what"] and ruling["date"] == pd.Timestamp("2026-02-20")


def test_timeline_merges_the_tables_without_copying_their_facts():
    tl = after.timeline()
    assert set(tl["table"]) == {"after_actions", "fent_controls_timeline", "oil_sanction_events"}
    assert (tl["date"] > after.article_date()).all()
    assert (tl["date"] <= pd.Timestamp(data.as_of())).all()
    assert tl["kind"].isin(list(after.KINDS)).all()
    # one home: China's 2025 controls, the HALT Act and the snapback live in the theme tables only
    acts = data.load("after_actions")["action"].str.lower()
    for words in ("halt", "nitazene", "piperidone", "13 precursor", "snapback"):
        assert not acts.str.contains(words).any(), words
    assert {"usa-2025-07-halt", "chn-2025-11-export", "un-snapback"} <= set(tl["row_id"])
    with pytest.raises(ValueError, match="unknown kind 'ban'"):
        after.timeline(kinds=["ban"])


def test_bounds_and_ranges_are_consistent():
    oil = data.load("after_oil_indicators")
    lower = oil[oil["bound"] == "lower-bound"]
    assert (lower["low"] == lower["value"]).all() and lower["high"].isna().all()
    upper = oil[oil["bound"] == "upper-bound"]
    assert (upper["high"] == upper["value"]).all()
    ranged = oil[oil["bound"] == "range"]
    assert ((ranged["low"] <= ranged["value"]) & (ranged["value"] <= ranged["high"])).all()
    deaths = data.load("after_overdose_deaths")
    rounded = deaths[deaths["qualifier"] == "around"]
    assert ((rounded["low"] < rounded["deaths"]) & (rounded["deaths"] < rounded["high"])).all()
    days = (deaths["period_end"] - deaths["period_start"]).dt.days
    assert days.between(364, 366).all(), "every row is a 12-month period"


def test_deaths_series_takes_december_2024_from_the_fentanyl_table():
    d = after.deaths_12_months()
    dec = d[d["period_end"] == pd.Timestamp("2024-12-31")].iloc[0]
    assert dec["deaths"] == 80391 and "fent-dailyfly-2025-05" in dec["source_id"]
    assert d["period_end"].is_monotonic_increasing


def test_weak_or_unfound_items_stay_out():
    text = "\n".join(p.read_text() for p in paths.DATA_DIR.glob("after_*.csv"))
    for absent in ("68632", "68,632", "2.3 mb/d", "Huangdao"):  # [W] in the audit, no better source found
        assert absent not in text


def test_claim_updates_never_overwrite_the_verdict():
    u = after.claim_updates()
    claims = data.load("article_claims").set_index("claim_id")
    assert (u["verdict_at_publication"].to_numpy() == claims.loc[u["claim_id"], "verdict"].to_numpy()).all()
    assert {"C10", "C14", "C26"} <= set(u["claim_id"])


def test_a_ledger_that_changes_a_verdict_is_refused(monkeypatch):
    real = data.load

    def tampered(name):
        df = real(name)
        if name == "after_claim_updates":
            df.loc[df["claim_id"] == "C10", "verdict_at_publication"] = "not-supported"
        return df

    monkeypatch.setattr(data, "load", tampered)
    with pytest.raises(ValueError, match="u-c10-liu: verdict_at_publication 'not-supported' differs"):
        after.claim_updates()


def test_every_evidence_reference_resolves():
    for refs in data.load("after_claim_updates")["evidence_rows"]:
        for ref in refs.split(";"):
            assert len(after.evidence(ref)) >= 1, ref
    with pytest.raises(ValueError, match="has no column 'colour'"):
        after.evidence("article_claims:colour=red")
    with pytest.raises(ValueError, match="is not a reference"):
        after.evidence("article_claims")


@pytest.mark.parametrize("name", ["trade_figure", "oil_figure", "tariff_figure", "deaths_figure"])
def test_figures_state_a_finding_and_carry_alt_text(name):
    with plots.style():
        fig = getattr(after_figures, name)()
    assert plots.title_of(fig) and len(plots.alt_of(fig)) > 60
    assert any(ch.isdigit() for ch in plots.title_of(fig))


def test_explorer_renders_every_view_with_alt_text():
    ex = after_figures.timeline_explorer()
    assert ex.view_count() <= MAX_VIEWS
    counts = {}
    with plots.style():
        for state in ex.states():
            fig = ex.render_state(state)
            counts[(state["theme"], state["kind"])] = int(plots.title_of(fig).split(": ")[1].split()[0])
            assert plots.alt_of(fig)
        assert "<img" in to_html(ex.render_state(ex.default_state()))
    assert counts[("all", "all")] == len(after.timeline())
    parts = sum(counts[(t, "all")] for t in after.THEMES)
    assert parts == counts[("all", "all")]


def test_exercise_answers_are_computed_and_checked():
    assert check("nb06-trade-2025", after.trade_change(2024, 2025)).ok
    assert not check("nb06-trade-2025", -6.9 * 100).ok
    assert check("nb06-trade-reading", "b").ok
    assert "dual-use goods are a" in check("nb06-trade-reading", "c").message
    assert check("nb06-tariff-months", 8).ok
    assert check("nb06-ruling", ["a", "c"]).ok
    assert check("nb06-bears", {"C10": "prediction-failed", "C14": "overtaken", "C26": "confirmed-later"}).ok
    assert set(nb06.RULING_STATEMENTS) == set("abcdef")
