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
        plots.finish(fig, ax, title="Up by a third", source="Source: GACC, 2025.", alt="A rising line.")
        assert ax.get_title(loc="left") == "Up by a third"
        assert plots.title_of(fig) == "Up by a third"
        assert plots.alt_of(fig) == "A rising line."
        assert fig._supxlabel.get_text() == "Source: GACC, 2025."
        assert plots.png_bytes(fig)[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("field", ["title", "source", "alt"])
def test_finish_refuses_empty_fields(field):
    fig, ax = plots.new_figure()
    kwargs = {"title": "t", "source": "s", "alt": "a", field: "  "}
    with pytest.raises(ValueError, match=f"{field} is empty"):
        plots.finish(fig, ax, **kwargs)


def test_show_attaches_alt_text_to_the_image(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    fig, ax = plots.new_figure()
    plots.finish(fig, ax, title="t", source="s", alt="Bars for 2019 to 2024.")
    plots.show(fig)
    (args, kwargs), = shown
    assert kwargs["metadata"] == {"image/png": {"alt": "Bars for 2019 to 2024."}}
    assert set(args[0]) == {"image/png", "text/plain"}


def test_show_refuses_a_figure_without_alt_text():
    fig, _ = plots.new_figure()
    with pytest.raises(ValueError, match="no alt text"):
        plots.show(fig)
