"""Explorers: a pure render function plus named, discrete controls (DESIGN §7).

An :class:`Explorer` is data, not a widget: ``render(**state)`` returns a
matplotlib Figure, a DataFrame or an HTML string, and ``controls`` lists the
values each control can take.  A figure explorer also gives ``update(fig, **state)``,
which draws a view on the figure already shown instead of building a new one:
:meth:`Explorer.render_state` keeps one figure and updates it, so moving a control
costs a draw, not a new figure.  :func:`show` turns it into ipywidgets in
JupyterLab; the handout builder (``plots.handout_mode()``) gets every view
precomputed instead, so the page works without a kernel.

>>> def render(tier: str) -> str:
...     return f"<p>tier {tier}</p>"
>>> ex = Explorer("Tiers", render, {"tier": [("Tier 1", "1"), ("Tier 2", "2")]})
>>> ex.render_state(ex.default_state())
'<p>tier 1</p>'
>>> len(list(ex.states()))
2
"""

from __future__ import annotations

import base64
import html
import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure

from helpers import plots

MAX_VIEWS = 40  # keeps a precomputed handout view within the size budget


@dataclass(frozen=True)
class Explorer:
    """A titled render function with discrete controls: ``{name: [(label, value), ...]}``.

    ``update``, for a figure explorer: ``update(fig, **state)`` draws the view ``state`` on ``fig``, a
    figure ``render`` made, and returns it; ``render(**state)`` must give the same image on a new figure.
    """

    title: str
    render: Callable[..., Figure | pd.DataFrame | str]
    controls: dict[str, list[tuple[str, object]]]
    default: dict[str, object] = field(default_factory=dict)
    description: str = ""
    update: Callable[..., Figure] | None = None
    _shown: dict[str, Figure] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.controls:
            raise ValueError(f"explorer {self.title!r} has no controls")
        for name, options in self.controls.items():
            if not options:
                raise ValueError(f"explorer {self.title!r}: control {name!r} has no options")
            for opt in options:
                if not (isinstance(opt, tuple) and len(opt) == 2 and isinstance(opt[0], str)):
                    raise ValueError(
                        f"explorer {self.title!r}: control {name!r} option {opt!r} is not a "
                        "(label, value) pair"
                    )
        for name, value in self.default.items():
            if name not in self.controls:
                raise ValueError(f"explorer {self.title!r}: default for unknown control {name!r}")
            if value not in [v for _, v in self.controls[name]]:
                raise ValueError(
                    f"explorer {self.title!r}: default {value!r} is not an option of {name!r}"
                )
        n = self.view_count()
        if n > MAX_VIEWS:
            raise ValueError(
                f"explorer {self.title!r} has {n} views; at most {MAX_VIEWS} can be precomputed "
                "for the handout (use fewer options)"
            )

    def default_state(self) -> dict[str, object]:
        """The first option of every control, unless a default is given."""
        return {name: self.default.get(name, opts[0][1]) for name, opts in self.controls.items()}

    def view_count(self) -> int:
        n = 1
        for opts in self.controls.values():
            n *= len(opts)
        return n

    def states(self) -> Iterator[dict[str, object]]:
        """Every combination of control values."""
        names = list(self.controls)
        for combo in itertools.product(*(self.controls[n] for n in names)):
            yield {name: value for name, (_, value) in zip(names, combo, strict=True)}

    def render_state(self, state: dict[str, object]) -> Figure | pd.DataFrame | str:
        """The view ``state`` as shown. A figure explorer with ``update`` keeps one figure and redraws
        it in place: the figure returned is the same object each time, holding the latest view.

        >>> from helpers import plots
        >>> def update(fig, year):
        ...     plots.clear_axes(*fig.axes)
        ...     fig.axes[0].bar([0], [year])
        ...     return plots.finish(fig, title=f"In {year}", source="Source: test.", alt="A bar.")
        >>> ex = Explorer("Years", lambda year: update(plots.new_figure()[0], year),
        ...               {"year": [("2023", 2023), ("2024", 2024)]}, update=update)
        >>> first = ex.render_state({"year": 2023})
        >>> ex.render_state({"year": 2024}) is first, plots.title_of(first)
        (True, 'In 2024')
        """
        if self.update is None:
            return self.render(**state)
        fig = self._shown.get("figure")
        if fig is None:
            fig = self._shown["figure"] = self.render(**state)
            return fig
        return self.update(fig, **state)


def to_html(result: Figure | pd.DataFrame | str) -> str:
    """One rendered view as HTML: a PNG with its alt text, a table, or the HTML itself.

    >>> to_html("<b>x</b>")
    '<b>x</b>'
    """
    if isinstance(result, Figure):
        alt = plots.alt_of(result)
        if not alt:
            raise ValueError("the explorer's figure has no alt text; finish it with plots.finish()")
        data = base64.b64encode(plots.png_bytes(result, compact=True)).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
    if isinstance(result, pd.DataFrame):
        return result.to_html(index=False, border=0, classes="explorer-table", escape=True)
    if isinstance(result, str):
        return result
    raise TypeError(
        f"a render function must return a Figure, a DataFrame or an HTML string, not "
        f"{type(result).__name__}"
    )


def mime_bundle(result: Figure | pd.DataFrame | str) -> tuple[dict, dict]:
    """One rendered view as a Jupyter display bundle (data, metadata).

    >>> mime_bundle("<b>x</b>")[0]["text/html"]
    '<b>x</b>'
    """
    if isinstance(result, Figure):
        return plots.mime_bundle(result)
    if isinstance(result, pd.DataFrame):
        return {"text/html": to_html(result), "text/plain": result.to_string()}, {}
    return {"text/html": to_html(result), "text/plain": "(HTML view)"}, {}


def static_html(explorer: Explorer) -> str:
    """Every view precomputed, switched by labelled <select> controls; works without a kernel."""
    uid = "ex-" + uuid.uuid5(uuid.NAMESPACE_URL, explorer.title).hex[:8]
    names = list(explorer.controls)
    default = explorer.default_state()
    views = []
    for state in explorer.states():
        key = "|".join(str([v for _, v in explorer.controls[n]].index(state[n])) for n in names)
        hidden = "" if state == default else " hidden"
        views.append(
            f'<div class="explorer-view" data-key="{key}"{hidden}>'
            f"{to_html(explorer.render_state(state))}</div>"
        )
    selects = []
    for i, name in enumerate(names):
        opts = "".join(
            f'<option value="{j}"{" selected" if v == default[name] else ""}>{html.escape(label)}</option>'
            for j, (label, v) in enumerate(explorer.controls[name])
        )
        selects.append(
            f'<label for="{uid}-{i}">{html.escape(name.replace("_", " ").capitalize())}</label> '
            f'<select id="{uid}-{i}" data-control="{i}">{opts}</select>'
        )
    return (
        f'<figure class="explorer" id="{uid}" role="group" aria-label="{html.escape(explorer.title)}">'
        f"<figcaption><strong>{html.escape(explorer.title)}</strong> "
        f"<span class=\"explorer-hint\">(choose a view; every view was computed in advance)</span>"
        f"</figcaption>"
        f'<div class="explorer-controls">{" ".join(selects)}</div>'
        f'<div class="explorer-views" aria-live="polite">{"".join(views)}</div></figure>'
    )


def show(explorer: Explorer) -> None:
    """Display the explorer: ipywidgets in JupyterLab, precomputed views in a handout build."""
    from IPython.display import HTML, display

    if plots.handout_mode():
        display(HTML(static_html(explorer)))
        return
    display(widget(explorer))


def widget(explorer: Explorer):
    """The ipywidgets version: one dropdown or toggle row per control, an output that redraws."""
    import ipywidgets as w

    out = w.Output()
    pickers = {}
    for name, opts in explorer.controls.items():
        cls = w.ToggleButtons if len(opts) <= 4 and all(len(lbl) <= 14 for lbl, _ in opts) else w.Dropdown
        pickers[name] = cls(
            options=opts,
            value=explorer.default_state()[name],
            description=name.replace("_", " ").capitalize(),
            style={"description_width": "initial"},
        )

    # Each view is drawn once; going back to a view already seen (comparing two trackers, say) is
    # instant. At most MAX_VIEWS views, so the memory is bounded.
    drawn: dict[tuple[int, ...], tuple[dict, dict]] = {}

    def redraw(_change=None) -> None:
        key = tuple(p.index for p in pickers.values())
        if key not in drawn:
            state = {name: p.value for name, p in pickers.items()}
            drawn[key] = mime_bundle(explorer.render_state(state))
        data, metadata = drawn[key]
        # Set the output directly: works with or without a kernel, and replaces the old view at once.
        out.outputs = ({"output_type": "display_data", "data": data, "metadata": metadata},)

    for p in pickers.values():
        p.observe(redraw, names="value")
    redraw()
    return w.VBox([w.HTML(f"<strong>{html.escape(explorer.title)}</strong>"), *pickers.values(), out])
