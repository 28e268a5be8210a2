"""helpers.fentanyl and helpers.figures.fentanyl: series, shares, the overlap rule, revisions, timeline,
the '55', the figures and the explorer."""

import pytest

from helpers import fentanyl, plots
from helpers.exercises import nb04
from helpers.figures import fentanyl as fentanyl_figures
from helpers.widgets import MAX_VIEWS, to_html


def test_final_series_values_and_bad_input():
    s = fentanyl.final_series("all_drugs")
    assert list(s.index) == list(range(1999, 2025))
    assert int(s[1999]) == 16849 and int(s[2024]) == 79384
    assert float(fentanyl.final_series("all_drugs", "aadr_per_100k")[2024]) == 23.1
    with pytest.raises(ValueError, match="unknown drug category 'fentanyl'"):
        fentanyl.final_series("fentanyl")
    with pytest.raises(ValueError, match="unknown measure 'rate'"):
        fentanyl.final_series("t40_4", "rate")


def test_deaths_rejects_unknown_vintage_and_category():
    with pytest.raises(ValueError, match="unknown vintage"):
        fentanyl.deaths("first")
    with pytest.raises(ValueError, match="unknown drug category"):
        fentanyl.deaths("final", "opioids")


def test_t40_4_share_hand_computed():
    # 72,776 / 105,007 = 0.69306; 47,735 / 79,384 = 0.60132; 730 / 16,849 = 0.04333
    assert fentanyl.t40_4_share(2023) == pytest.approx(69.306, abs=0.001)
    assert fentanyl.t40_4_share(2024) == pytest.approx(60.132, abs=0.001)
    table = fentanyl.t40_4_share()
    assert table.loc[1999, "share_pct"] == pytest.approx(4.333, abs=0.001)
    assert len(table) == 26
    # the share crosses one half in 2019 and never falls below it afterwards
    assert table[table["share_pct"] > 50].index.min() == 2019
    with pytest.raises(ValueError, match="no final counts for 1998"):
        fentanyl.t40_4_share(1998)
    with pytest.raises(ValueError, match="whole number"):
        fentanyl.t40_4_share("2023")


def test_sum_categories_refuses_every_overlapping_sum():
    assert fentanyl.sum_categories(["all_drugs"], 2022) == 107941
    for cats in (["t40_4", "t40_5"], ["t40_4"], ["all_drugs", "t40_4"], ["rx_opioids", "t40_1", "t40_4", "t40_5"]):
        with pytest.raises(fentanyl.OverlappingCategoriesError, match="overlap"):
            fentanyl.sum_categories(cats, 2017)
    with pytest.raises(ValueError, match="at least one"):
        fentanyl.sum_categories([], 2017)
    with pytest.raises(ValueError, match="unknown drug category"):
        fentanyl.sum_categories(["meth"], 2017)
    with pytest.raises(ValueError, match="no final all-drug count for 2030"):
        fentanyl.sum_categories(["all_drugs"], 2030)


def test_category_ranking_reads_categories_separately():
    r = fentanyl.category_ranking(2023, measure="aadr_per_100k")
    assert r["value"].tolist() == [22.2, 10.6, 8.6]
    r = fentanyl.category_ranking(2023, "provisional", "2024-05")
    assert r["drug_category"].iloc[0] == "t40_4"
    assert "all_drugs" not in set(r["drug_category"])
    with pytest.raises(ValueError, match="release '2019-05'"):
        fentanyl.category_ranking(2023, "provisional", "2019-05")
    with pytest.raises(ValueError, match="only to vintage='provisional'"):
        fentanyl.category_ranking(2023, "final", "2024-05")
    with pytest.raises(ValueError, match="fewer than two"):
        fentanyl.category_ranking(2023)
    with pytest.raises(ValueError, match="unknown measure"):
        fentanyl.category_ranking(2023, measure="share")


def test_revisions_hand_computed():
    r = fentanyl.revisions("all_drugs")
    row = r[(r["year"] == 2022) & (r["release"] == "2023-05") & (r["provisional_kind"] == "predicted")].iloc[0]
    assert row["revision"] == 107941 - 109680
    assert row["revision_pct"] == pytest.approx(-1739 / 109680 * 100)
    # rounded figures ('more than 107,000') never enter a revision
    assert 107000 not in set(r["provisional"])
    # two sources that disagree give two rows for the same year and release
    t = fentanyl.revisions("t40_4")
    assert sorted(t[(t["year"] == 2023) & (t["release"] == "2024-05")]["provisional"]) == [74226, 74702]
    assert fentanyl.first_count_revision(2022) == pytest.approx(-1.5855, abs=1e-3)
    assert fentanyl.first_count_revision(2024) == pytest.approx(-1007 / 80391 * 100)
    with pytest.raises(ValueError, match="no predicted provisional count"):
        fentanyl.first_count_revision(2010)


def test_timeline_filters_and_errors():
    t = fentanyl.timeline(["CHN"], "2024-08-01", "2024-09-30")
    assert t["date_kind"].tolist() == ["dated", "published", "effective"]
    assert t["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-08-02", "2024-08-05", "2024-09-01"]
    assert len(fentanyl.timeline(["UN"], 2025, 2025)) == 0
    assert set(fentanyl.timeline(kinds=["meeting"])["jurisdiction"]) == {"CHN-USA"}
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        fentanyl.timeline(["EU"])
    with pytest.raises(ValueError, match="as a list"):
        fentanyl.timeline("CHN")
    with pytest.raises(ValueError, match="is after end"):
        fentanyl.timeline(start=2025, end=2020)
    with pytest.raises(ValueError, match="start must be a year"):
        fentanyl.timeline(start="soon")
    with pytest.raises(ValueError, match="unknown date kind"):
        fentanyl.timeline(kinds=["signed"])


def test_reconcile_count_depends_on_window_and_kinds():
    r = fentanyl.reconcile_count(55)
    assert (r["total"], r["gap"], r["counts"]) == (53, 2, [46, 7])
    assert list(r["table"]["event_id"]) == ["chn-2024-07-nps", "chn-2024-09-precursors"]
    wide = fentanyl.reconcile_count(55, start="2024-01-01",
                                    action_types=("scheduling-nps", "scheduling-precursor", "export-licensing"))
    assert wide["total"] == 24 + 46 + 7
    later = fentanyl.reconcile_count(55, start="2025-01-01", end="2025-12-31",
                                     action_types=fentanyl.SCHEDULING_TYPES)
    # a class-wide listing cannot be counted, even when a number of named substances comes with it
    assert later["not_countable"] == ["chn-2025-07-nitazenes"]
    assert later["events"] == ["chn-2025-07-piperidones"] and later["total"] == 2
    with pytest.raises(ValueError, match="claimed"):
        fentanyl.reconcile_count(-1)
    with pytest.raises(ValueError, match="unknown action type"):
        fentanyl.reconcile_count(55, action_types=("bans",))


def test_cbp_series_and_pct_change():
    s = fentanyl.cbp_series()
    assert list(s.index) == list(range(2019, 2026))
    assert float(s[2020]) == 4791.06  # the current file, not the earlier 4,776 vintage
    assert fentanyl.pct_change(s[2023], s[2025]) == pytest.approx((12027.28 - 27022.86) / 27022.86 * 100)
    with pytest.raises(ValueError, match="unknown scope"):
        fentanyl.cbp_series("air")
    with pytest.raises(ValueError, match="before must be more than zero"):
        fentanyl.pct_change(0, 1)


def test_timeline_figure_over_the_whole_control_range():
    ex = fentanyl_figures.timeline_explorer()
    assert ex.view_count() <= MAX_VIEWS
    for state in ex.states():
        fig = ex.render_state(state)
        title = plots.title_of(fig)
        n = fentanyl.timeline(list(state["jurisdictions"]), state["start"], 2025)["event_id"].nunique()
        assert n > 0 and (f"{n} steps," in title or f"{n} step," in title)
        assert f"{state['start']}-2025" in title
        assert plots.alt_of(fig).startswith("Line chart of final US overdose deaths")
        assert fig.get_supxlabel().startswith("Sources:")
    html = to_html(ex.render_state(ex.default_state()))
    assert html.startswith("<img") and 'alt="Line chart' in html


def test_timeline_figure_empty_selection_and_bad_input():
    fig = fentanyl_figures.timeline_figure(["UN"], 2025, 2025)
    assert plots.title_of(fig) == "UN (CND): no steps in 2025-2025; no final death counts in these years"
    assert "Steps: none." in plots.alt_of(fig)
    fig = fentanyl_figures.timeline_figure(["UN"], 2018, 2021)
    assert plots.title_of(fig).startswith("UN (CND): no steps in 2018-2021; T40.4 deaths highest in 2021")
    with pytest.raises(ValueError, match="at least one jurisdiction"):
        fentanyl_figures.timeline_figure([], 2015, 2020)
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        fentanyl_figures.timeline_figure(["MEX"], 2015, 2020)
    with pytest.raises(ValueError, match="as a list or tuple"):
        fentanyl_figures.timeline_figure("CHN", 2015, 2020)
    with pytest.raises(ValueError, match="start <= end"):
        fentanyl_figures.timeline_figure(["CHN"], 2020, 2015)
    with pytest.raises(ValueError, match="years like 2015"):
        fentanyl_figures.timeline_figure(["CHN"], "2015", 2020)


def test_timeline_views_keep_a_fixed_layout_that_fits_every_label():
    """A move draws without a layout pass; the layout kept leaves room for every label of every view:
    title above the deaths panel, every jurisdiction's name and the source line inside the figure and
    apart, and the panels where a new figure of the same view puts them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ex = fentanyl_figures.timeline_explorer()
    with plots.style():
        for state in [*ex.states(), {"jurisdictions": ("UN",), "start": 2025}]:
            fig = ex.render_state(state)
            assert fig.get_layout_engine() is None, "a redraw would lay the figure out again"
            renderer = FigureCanvasAgg(fig).get_renderer()
            fig.draw(renderer)
            deaths, steps = (ax.get_tightbbox(renderer) for ax in fig.axes)
            title = fig._suptitle.get_window_extent(renderer)
            source = fig._supxlabel.get_window_extent(renderer)
            assert title.y0 >= deaths.y1 - 1 and title.y1 <= fig.bbox.y1 + 1, state
            assert source.y1 <= steps.y0 + 1 and source.y0 >= -1, state
            assert min(t.get_window_extent(renderer).x0 for t in fig.axes[1].get_yticklabels()) >= 0, state
            fresh = fentanyl_figures.timeline_figure(state["jurisdictions"], state["start"])
            assert [tuple(a.get_position().bounds) for a in fig.axes] == \
                [tuple(a.get_position().bounds) for a in fresh.axes], state


@pytest.mark.parametrize("qid", sorted(nb04.QUESTIONS))
def test_every_question_has_a_computable_answer(qid):
    from helpers.checks import question
    from helpers.exercises import Verdict
    from helpers.exercises.questions import resolve
    q = question(qid)
    expected = ((resolve(q.verdict), list(resolve(q.evidence))) if isinstance(q, Verdict)
                else resolve(q.expected))
    assert q.feedback(expected).ok


def test_question_answers_hand_computed():
    from helpers.checks import check
    assert check("nb04-overlap-2017", 17029 + 28466 + 15482 + 13942 - 70237).ok
    assert check("nb04-share-2023", 69.3).ok
    assert not check("nb04-share-2023", 0.693).ok
    assert not check("nb04-its-needs", ["a", "b", "c"]).ok
    assert check("nb04-its-needs", ("d", "c", "a")).ok


def test_c37_verdict_follows_the_ledger_and_the_timeline():
    from helpers import data
    from helpers.checks import check, question
    q = question("nb04-c37-verdict")
    assert set(q.verdicts) == set(data.allowed("article_claims", "verdict"))
    assert check("nb04-c37-verdict", {"verdict": "Partly-supported",
                                      "evidence": ["chn-2024-07-nps", "chn-2024-09-precursors"]}).ok
    assert check("nb04-c37-verdict", ("partly-supported", ["usa-2024-12-gupta", "CHN-2025-11-EXPORT"])).ok
    wrong = check("nb04-c37-verdict", {"verdict": "supported", "evidence": ["chn-2024-07-nps"]})
    assert not wrong.ok and "export ban" in wrong.message
    unrelated = check("nb04-c37-verdict", {"verdict": "partly-supported", "evidence": ["chn-2019-class"]})
    assert not unrelated.ok and "'chn-2019-class' does not" in unrelated.message


@pytest.mark.parametrize(("qid", "right"), [("nb04-two-counts", "c"), ("nb04-no-cause", "C"),
                                            ("nb04-seizure-reading", " b ")])
def test_each_wrong_reading_gets_its_own_feedback(qid, right):
    from helpers.checks import check, question
    assert check(qid, right).ok
    messages = {check(qid, option).message for option in question(qid).options if option != right.strip().lower()}
    assert len(messages) == len(question(qid).options) - 1


@pytest.mark.parametrize("name, title_start, alt_bit", [
    ("waves_figure", "Three waves of overdose deaths", "fall to 47,735 in 2024"),
    ("revisions_figure", "The first predicted counts of 2022-2024 were 1.3-2.4% above", "2023 105,007"),
    ("cbp_figure", "CBP fentanyl seizures peaked in FY2023 and fell 55% by FY2025", "FY2023 27,023"),
])
def test_section_figures_have_title_alt_and_source(name, title_start, alt_bit):
    fig = getattr(fentanyl_figures, name)()
    assert plots.title_of(fig).startswith(title_start)
    assert alt_bit in plots.alt_of(fig)
    assert fig.get_supxlabel().startswith("Sources:")


def test_revision_title_uses_the_final_count_as_base():
    # 2022: (109,680 - 107,941) / 107,941 = 1.61%; 2023: 2,536 / 105,007 = 2.42%; 2024: 1,007 / 79,384 = 1.27%
    assert "1.3-2.4%" in plots.title_of(fentanyl_figures.revisions_figure())


def test_timeline_labels_are_built_from_the_values():
    assert fentanyl_figures.timeline_controls() == {
        "jurisdictions": [("All", ("CHN", "UN", "USA", "CHN-USA")), ("China", ("CHN",)), ("UN", ("UN",)),
                          ("US and US-China talks", ("USA", "CHN-USA"))],
        "start": [("2013-2025", 2013), ("2021-2025", 2021)],
    }
    assert all(set(group) <= set(fentanyl.JURISDICTIONS) for group in fentanyl.TIMELINE_GROUPS)
    assert fentanyl.timeline()["date"].dt.year.max() == fentanyl.TIMELINE_END


def test_months_between():
    assert fentanyl.months_between("2022-03-16", "2024-09-01") == 29
    assert fentanyl.months_between("2022-03-16", "2024-09-16") == 30
    with pytest.raises(ValueError, match="before start"):
        fentanyl.months_between("2024-01-02", "2024-01-01")
