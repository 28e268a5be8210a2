"""helpers.plots: style only when asked, a colour-blind-safe palette, titles, source lines, alt text."""

import matplotlib as mpl
import pytest

from helpers import plots


def test_importing_changes_no_rcparams():
    import importlib

    before = dict(mpl.rcParams)
    importlib.reload(plots)
    assert dict(mpl.rcParams) == before


def test_style_is_projector_readable_and_scoped():
    before = mpl.rcParams["font.size"]
    with plots.style():
        assert mpl.rcParams["font.size"] >= 12
        assert mpl.rcParams["xtick.labelsize"] >= 12
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][:3] == plots.PALETTE[:3]
    assert mpl.rcParams["font.size"] == before


def test_palette_is_okabe_ito():
    assert plots.PALETTE[:7] == ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"]
    assert len(set(plots.MARKERS)) == len(plots.MARKERS)


def test_finish_sets_title_source_and_alt():
    with plots.style():
        fig, ax = plots.new_figure()
        ax.plot([1, 2], [3, 4])
        plots.finish(fig, title="Up by a third", source="Source: GACC, 2025.", alt="A rising line.")
        assert fig.get_suptitle() == "Up by a third"
        assert plots.title_of(fig) == "Up by a third"
        assert plots.alt_of(fig) == "A rising line."
        assert fig._supxlabel.get_text() == "Source: GACC, 2025."
        assert plots.png_bytes(fig)[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("field", ["title", "source", "alt"])
def test_finish_refuses_empty_fields(field):
    fig, ax = plots.new_figure()
    kwargs = {"title": "t", "source": "s", "alt": "a", field: "  "}
    with pytest.raises(ValueError, match=f"{field} is empty"):
        plots.finish(fig, **kwargs)


def test_show_attaches_alt_text_to_the_image(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    fig, ax = plots.new_figure()
    plots.finish(fig, title="t", source="s", alt="Bars for 2019 to 2024.")
    plots.show(fig)
    (args, kwargs), = shown
    assert kwargs["metadata"] == {"image/png": {"alt": "Bars for 2019 to 2024."}}
    assert set(args[0]) == {"image/png", "text/plain"}


def test_show_refuses_a_figure_without_alt_text():
    fig, _ = plots.new_figure()
    with pytest.raises(ValueError, match="no alt text"):
        plots.show(fig)


def test_long_titles_and_sources_are_wrapped_to_the_figure():
    title = "Exports to China rose for six years in a row while the sanctions tightened, then fell back " * 2
    source = "Source: " + "; ".join(f"Publisher number {i}, A long report title, 2024" for i in range(6))
    with plots.style():
        fig, ax = plots.new_figure(6, 4)
        ax.plot([1, 2], [3, 4])
        plots.finish(fig, title=title, source=source, alt="A line.")
        assert plots.title_of(fig) == title  # the unwrapped title, for tests and alt text
        assert fig.get_suptitle().count("\n") >= 2
        assert fig.get_suptitle().replace("\n", " ") == title.strip()
        assert fig._supxlabel.get_text().replace("\n", " ") == source
        assert outside_the_canvas(fig) == []


def test_a_title_that_fits_is_not_wrapped():
    with plots.style():
        fig, ax = plots.new_figure()
        plots.finish(fig, title="Imports doubled", source="Source: GACC, 2025.", alt="A line.")
        assert fig.get_suptitle() == "Imports doubled"


def test_the_image_is_the_figure_canvas():
    """No tight bounding box: the PNG has exactly the figure's size in pixels (one draw, not two)."""
    import io

    from PIL import Image

    with plots.style():
        fig, ax = plots.new_figure(6, 3)
        plots.finish(fig, title="t", source="s", alt="a")
        image = Image.open(io.BytesIO(plots.png_bytes(fig)))
        assert image.size == (600, 300)


def outside_the_canvas(fig) -> list[str]:
    """What a saved figure would cut off: every axes' drawn extent, the title and the source line
    must lie inside the figure's canvas (1 px tolerance), and no y-axis label may be taller than its axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas_agg = FigureCanvasAgg(fig)
    canvas_agg.draw()  # lays out and draws, as savefig does
    renderer = canvas_agg.get_renderer()
    canvas = fig.bbox
    parts = [(f"axes {i}", ax.get_tightbbox(renderer)) for i, ax in enumerate(fig.axes)]
    parts += [("title", fig._suptitle.get_window_extent(renderer)),
              ("source", fig._supxlabel.get_window_extent(renderer))]
    problems = [f"{name}: {box.bounds} outside {canvas.bounds}" for name, box in parts
                if box.x0 < canvas.x0 - 1 or box.y0 < canvas.y0 - 1 or box.x1 > canvas.x1 + 1
                or box.y1 > canvas.y1 + 1]
    # A y-axis label taller than its axes runs into the title or the panel above it.
    for i, ax in enumerate(fig.axes):
        label = ax.yaxis.label
        if label.get_text() and label.get_window_extent(renderer).height > ax.bbox.height + 1:
            problems.append(f"axes {i}: y label {label.get_text()!r} is taller than the axes")
    return problems


def kit_figures():
    """Every figure the notebooks draw, and every view of every figure explorer."""
    from helpers import data, widgets
    from helpers.figures import claims as claims_figures
    from helpers.figures import evidence as evidence_figures
    from helpers.figures import fentanyl as fentanyl_figures
    from helpers.figures import oil as oil_figures
    from helpers.figures import trade as trade_figures

    yield from [claims_figures.counts_figure, claims_figures.errata_figure,
                claims_figures.verdicts_by_notebook_figure]
    yield from [evidence_figures.scorecard_figure, fentanyl_figures.waves_figure,
                fentanyl_figures.revisions_figure, fentanyl_figures.cbp_figure,
                oil_figures.tracker_estimates_figure, oil_figures.production_exports_figure,
                oil_figures.china_share_figure, oil_figures.malaysia_figure]
    for fn, table in [(trade_figures.chpl_tiers_figure, "chpl_items"),
                      (trade_figures.china_russia_trade_figure, "china_russia_trade"),
                      (trade_figures.share_claims_figure, "share_claims"),
                      (trade_figures.eu_exports_figure, "intermediary_trade_shift"),
                      (trade_figures.listings_figure, "us_listings")]:
        yield lambda fn=fn, table=table: fn(data.load(table))
    for explorer in (fentanyl_figures.timeline_explorer(), oil_figures.baseline_explorer(),
                     oil_figures.revenue_explorer()):
        assert isinstance(explorer, widgets.Explorer)
        for state in explorer.states():
            yield lambda explorer=explorer, state=state: explorer.render_state(state)


def test_every_kit_figure_fits_its_canvas():
    problems = []
    with plots.style():
        for make in kit_figures():
            fig = make()
            problems += [f"{plots.title_of(fig)!r}: {p}" for p in outside_the_canvas(fig)]
    assert problems == []
