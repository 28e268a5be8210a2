"""Figure explorers redraw their one figure in place, and every view looks as a new figure would."""

import importlib
import inspect
import io
import pkgutil

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

import helpers.figures
from helpers import plots, widgets


def kit_explorers() -> dict[str, widgets.Explorer]:
    """Every ``*_explorer()`` in ``helpers.figures``, by ``module.name``."""
    found = {}
    for info in pkgutil.iter_modules(helpers.figures.__path__):
        module = importlib.import_module(f"helpers.figures.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_explorer") and fn.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = fn()
    return found


EXPLORERS = kit_explorers()
FIGURE_EXPLORERS = {name: ex for name, ex in EXPLORERS.items()
                    if isinstance(ex.render(**ex.default_state()), Figure)}


def pixels(fig: Figure) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(plots.png_bytes(fig))))


def test_the_kit_has_figure_explorers():
    assert {"oil.baseline_explorer", "oil.revenue_explorer", "fentanyl.timeline_explorer",
            "after.timeline_explorer"} <= set(FIGURE_EXPLORERS)


@pytest.mark.parametrize("name", sorted(FIGURE_EXPLORERS))
def test_every_figure_explorer_updates_its_figure(name):
    assert FIGURE_EXPLORERS[name].update is not None, (
        f"{name} builds a new figure on every move; give it update=... (see helpers.widgets.Explorer)")


@pytest.mark.parametrize("name", sorted(FIGURE_EXPLORERS))
def test_a_redraw_keeps_the_figure_and_says_what_a_new_figure_says(name):
    ex = widgets.Explorer(**{k: getattr(FIGURE_EXPLORERS[name], k) for k in
                             ("title", "render", "controls", "default", "description", "update")})
    with plots.style():
        shown = ex.render_state(ex.default_state())
        for state in ex.states():
            fig = ex.render_state(state)
            assert fig is shown, f"{name}: a move made a new figure"
            fresh = ex.render(**state)
            got = (plots.title_of(fig), plots.alt_of(fig), fig.get_suptitle(), fig.get_supxlabel())
            want = (plots.title_of(fresh), plots.alt_of(fresh), fresh.get_suptitle(), fresh.get_supxlabel())
            assert got == want, f"{name} {state}"
            assert len(fig.axes) == len(fresh.axes)
            for a, b in zip(fig.axes, fresh.axes, strict=True):
                assert (len(a.lines), len(a.patches), len(a.texts), len(a.collections)) == \
                    (len(b.lines), len(b.patches), len(b.texts), len(b.collections)), f"{name} {state}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FIGURE_EXPLORERS))
def test_every_view_drawn_in_place_is_pixel_equal_to_a_new_figure(name):
    ex = widgets.Explorer(**{k: getattr(FIGURE_EXPLORERS[name], k) for k in
                             ("title", "render", "controls", "default", "description", "update")})
    different = []
    with plots.style():
        pixels(ex.render_state(ex.default_state()))
        for state in ex.states():
            shown, fresh = pixels(ex.render_state(state)), pixels(ex.render(**state))
            if shown.shape != fresh.shape or not (shown == fresh).all():
                different.append(state)
    assert different == []


def test_clear_axes_leaves_an_axes_a_new_view_can_draw_on():
    with plots.style():
        fig, ax = plots.new_figure()
        ax.bar([0, 1], [5, 9])
        ax.set_ylim(0, 10)
        ax.legend(["x"])
        plots.clear_axes(ax)
        assert (len(ax.lines), len(ax.patches), ax.containers, ax.get_legend()) == (0, 0, [], None)
        ax.plot([0, 1], [100, 200])  # the old limits no longer hold the data
        assert ax.get_ylim()[1] >= 200
        assert ax.lines[0].get_color() == plots.PALETTE[0]  # the colour cycle starts again


def test_png_bytes_equals_matplotlib_savefig():
    with plots.style():
        fig, ax = plots.new_figure(5, 3)
        ax.plot([0, 1], [0, 1])
        plots.finish(fig, title="A line", source="Source: test.", alt="A line.")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        assert (pixels(fig) == np.asarray(Image.open(buf))).all()
