"""helpers.widgets: explorers as data, the widget wrapper, and the precomputed handout view."""

import pandas as pd
import pytest

from helpers import plots, widgets


def render(tier: str, year: int):
    if tier == "table":
        return pd.DataFrame({"year": [year]})
    fig, ax = plots.new_figure(4, 3)
    ax.bar([0], [year])
    return plots.finish(fig, title=f"Tier {tier} in {year}", source="Source: test.", alt=f"bar {tier} {year}")


def make():
    return widgets.Explorer(
        "Demo", render,
        {"tier": [("Tier 1", "1"), ("Table", "table")], "year": [("2023", 2023), ("2024", 2024)]},
        default={"year": 2024},
    )


def test_states_cover_every_combination_and_default():
    ex = make()
    assert ex.view_count() == 4
    assert len(list(ex.states())) == 4
    assert ex.default_state() == {"tier": "1", "year": 2024}


@pytest.mark.parametrize(
    ("controls", "default", "message"),
    [
        ({}, {}, "has no controls"),
        ({"a": []}, {}, "control 'a' has no options"),
        ({"a": ["x"]}, {}, r"option 'x' is not a \(label, value\) pair"),
        ({"a": [("x", 1)]}, {"b": 1}, "default for unknown control 'b'"),
        ({"a": [("x", 1)]}, {"a": 2}, "default 2 is not an option of 'a'"),
        ({"a": [(str(i), i) for i in range(7)], "b": [(str(i), i) for i in range(7)]}, {}, "49 views"),
    ],
)
def test_bad_explorers_are_refused(controls, default, message):
    with pytest.raises(ValueError, match=message):
        widgets.Explorer("Bad", render, controls, default=default)


def test_static_html_has_every_view_labelled_controls_and_one_visible_view():
    html = widgets.static_html(make())
    assert html.count('class="explorer-view"') == 4
    assert html.count(" hidden>") == 3
    assert '<label for="' in html and html.count("<select") == 2
    assert 'alt="bar 1 2024"' in html
    assert "explorer-table" in html
    assert "http" not in html


def test_to_html_refuses_unknown_results_and_figures_without_alt():
    with pytest.raises(TypeError, match="must return a Figure, a DataFrame or an HTML string"):
        widgets.to_html(42)
    fig, _ = plots.new_figure()
    with pytest.raises(ValueError, match="no alt text"):
        widgets.to_html(fig)


def test_widget_redraws_when_a_control_changes():
    box = widgets.widget(make())
    picker, out = box.children[1], box.children[-1]
    assert "image/png" in out.outputs[0]["data"]
    picker.value = "table"
    assert "image/png" not in out.outputs[0]["data"]
    assert "text/html" in out.outputs[0]["data"]


def test_widget_draws_each_view_once_and_shows_it_again_on_return():
    calls = []
    base = make()

    def counting(**state):
        calls.append(state)
        return base.render(**state)

    ex = widgets.Explorer(base.title, counting, base.controls, default=base.default)
    box = widgets.widget(ex)
    picker, out = box.children[1], box.children[-1]
    first = out.outputs[0]["data"]
    picker.value = "table"
    picker.value = base.default_state()["tier"]
    assert out.outputs[0]["data"] == first
    assert len(calls) == 2  # the default view and the table, each drawn once


def test_show_in_handout_mode_emits_static_html(monkeypatch):
    from helpers import plots

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **k: shown.append(obj))
    monkeypatch.setenv("CHOKEPOINTS_HANDOUT", "1")  # the old switch: no longer read by anything
    widgets.show(make())
    assert not hasattr(shown[0], "data") or 'class="explorer"' not in shown[0].data
    plots.set_handout_mode(True)
    try:
        widgets.show(make())
    finally:
        plots.set_handout_mode(False)
    assert 'class="explorer"' in shown[1].data
