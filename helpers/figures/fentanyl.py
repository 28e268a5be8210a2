"""Figures and explorers for US overdose deaths and fentanyl controls (notebook 04).

The numbers come from ``helpers.fentanyl``; this module only draws them.

>>> plots.title_of(waves_figure())
'Three waves of overdose deaths: prescription opioids, then heroin, then synthetic opioids'
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers import citation, data, fentanyl, plots
from helpers.widgets import Explorer

_KIND_STYLE = {  # marker, filled?
    "effective": ("o", True),
    "announced": ("o", False),
    "dated": ("o", False),
    "published": ("o", False),
    "decided": ("s", True),
    "enacted": ("s", True),
    "meeting": ("D", False),
}


def timeline_figure(jurisdictions: Sequence[str] = fentanyl.TIMELINE_GROUPS[0],
                    start: int = fentanyl.TIMELINE_STARTS[0], end: int = fentanyl.TIMELINE_END) -> Figure:
    """Final overdose deaths (all drugs and T40.4) with the selected control steps beneath them.

    The upper panel draws deaths by year; the lower strip has one row per jurisdiction, with
    effective dates as filled circles and announcement dates as open circles. Dates on a chart
    are context, not causes. This is also the timeline explorer's render function.

    >>> fig = timeline_figure(["UN"], 2015, 2025)
    >>> plots.title_of(fig)
    'UN (CND): 3 steps, 2015-2025; T40.4 deaths highest in 2022'
    >>> timeline_figure(["UN"], 2026, 2030)
    Traceback (most recent call last):
    ...
    ValueError: years must lie within 1999-2025 with start <= end; got 2026-2030
    """
    fig = Figure(figsize=_TIMELINE_SIZE, layout="none")  # laid out by _place, from _layout
    ax, ax2 = fig.subplots(2, 1, sharex=True, height_ratios=_TIMELINE_HEIGHTS)
    # What every view shows: the two deaths lines (their data set by each view), the legend, the labels.
    for i, cat in enumerate(("all_drugs", "t40_4")):
        ax.plot([], [], color=plots.PALETTE[i], marker=plots.MARKERS[i], linestyle=plots.LINESTYLES[i],
                label=fentanyl.SHORT[cat])
    ax.set_ylabel("Deaths (thousands)")
    # Inside the axes, so the layout need not measure it (nor would it change anything).
    ax.legend(loc="upper left", ncols=2).set_in_layout(False)
    ax2.grid(True, axis="x", color="#e0e0e0")
    ax2.set_xlabel("Date. Filled: in force; open: announced or published; diamond: meeting")
    return update_timeline(fig, jurisdictions, start, end)


def update_timeline(fig: Figure, jurisdictions: Sequence[str], start: int, end: int = fentanyl.TIMELINE_END
                    ) -> Figure:
    """Draw the timeline's view on ``fig`` (a figure :func:`timeline_figure` made), replacing the last.

    >>> fig = timeline_figure(["UN"], 2015, 2025)
    >>> update_timeline(fig, ["CHN"], 2021) is fig, plots.title_of(fig)[:9]
    (True, 'China: 8 ')
    """
    if isinstance(jurisdictions, str):
        raise ValueError("give jurisdictions as a list or tuple, e.g. ('CHN', 'UN')")
    juris = list(jurisdictions)
    if not juris:
        raise ValueError("choose at least one jurisdiction: " + ", ".join(fentanyl.JURISDICTIONS))
    for j in juris:
        if j not in fentanyl.JURISDICTIONS:
            raise ValueError(f"unknown jurisdiction {j!r}; allowed: {', '.join(fentanyl.JURISDICTIONS)}")
    for v in (start, end):
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"start and end are years like 2015, not {v!r}")
    if not (1999 <= start <= end <= fentanyl.TIMELINE_END):
        raise ValueError(f"years must lie within 1999-{fentanyl.TIMELINE_END} with start <= end; "
                         f"got {start}-{end}")

    steps = fentanyl.timeline(juris, start, end)
    n_events = steps["event_id"].nunique()
    deaths = _timeline_deaths(fig)
    all_d, t404 = deaths.all_drugs, deaths.t40_4
    yrs = [y for y in all_d.index if start <= y <= end]

    ax, ax2 = fig.axes
    plots.clear_axes(ax2)  # the steps; the deaths lines and the legend stay, with new data
    x_of = {y: pd.Timestamp(year=y, month=7, day=1) for y in all_d.index}
    for line, series in zip(ax.lines, (all_d, t404), strict=True):
        ys = [y for y in series.index if start <= y <= end]
        line.set_data([x_of[y] for y in ys], [series[y] / 1000 for y in ys])
    highest = max((all_d[y] for y in yrs), default=0) / 1000
    ax.set_ylim(0, highest * 1.45 if highest else 1)  # headroom: the legend sits above the lines

    row_of = {j: i for i, j in enumerate(reversed(juris))}
    # One artist per marker shape (not one per step): fewer artists, faster redraws.
    colour_of = {j: plots.PALETTE[2 + i] for i, j in enumerate(fentanyl.JURISDICTIONS)}
    points: dict[str, list[tuple]] = {}
    links: dict[str, list[tuple]] = {}
    for d, j, kind, eid in steps[["date", "jurisdiction", "date_kind", "event_id"]].itertuples(index=False):
        marker, filled = _KIND_STYLE[str(kind)]
        face = colour_of[j] if filled else "white"
        points.setdefault(marker, []).append((d, row_of[j], colour_of[j], face))
        links.setdefault(eid, []).append((mdates.date2num(d), row_of[j]))
    for marker, pts in points.items():
        x, y, edge, face = zip(*pts, strict=True)
        ax2.scatter(x, y, s=64, marker=marker, edgecolors=edge, facecolors=face, linewidths=1.8, zorder=2)
    # The steps of one event, joined: one line broken between events.
    joined = [xy for pts in links.values() if len(pts) > 1 for xy in [*pts, (np.nan, np.nan)]]
    if joined:
        ax2.plot(*zip(*joined, strict=True), color="#777777", linewidth=1, zorder=0)
    ax2.set_yticks(range(len(row_of)), [fentanyl.JURISDICTIONS[j] for j in row_of])
    ax2.set_ylim(-0.6, len(row_of) - 0.4)
    ax2.set_xlim(pd.Timestamp(year=start, month=1, day=1), pd.Timestamp(year=end, month=12, day=31))
    # Fixed yearly ticks: readable at any range, and far cheaper to draw than matplotlib's date locator.
    years = range(start, end + 1, 1 if end - start <= 6 else 3)
    ax2.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in years], [str(y) for y in years])

    everyone = len(juris) >= len(fentanyl.JURISDICTIONS)
    names = "China, UN, US" if everyone else ", ".join(fentanyl.JURISDICTIONS[j] for j in juris)
    if yrs:
        peak = int(t404[[y for y in yrs if y in t404.index]].idxmax())
        tail = f"; T40.4 deaths highest in {peak}"
    else:
        tail = "; no final death counts in these years"
    word = "step" if n_events == 1 else "steps"
    title = f"{names}: {n_events} {word}, {start}-{end}{tail}"
    if n_events == 0:
        title = f"{names}: no steps in {start}-{end}{tail}"
    alt_steps = "; ".join(
        f"{d.date()} {fentanyl.JURISDICTIONS[j]} {k}: {a}"
        for d, j, k, a in steps[["date", "jurisdiction", "date_kind", "action"]].itertuples(index=False)
    ) or "none"
    alt = (f"Line chart of final US overdose deaths per year, {start}-{end} (all drugs, and T40.4 synthetic "
           f"opioids), above a strip of dated control steps by {names}. Steps: {alt_steps}.")
    shown = deaths.rows[deaths.rows["year"].between(start, end)]
    if len(shown) or len(steps):
        src = citation.cite_rows(pd.concat([shown[["source_id"]], steps[["source_id"]]]),
                             max_cited=plots.EXPLORER_MAX_CITED,
                             tables=["fent_overdose_deaths", "fent_controls_timeline"])
    else:
        src = "Source: kit tables fent_overdose_deaths, fent_controls_timeline (no rows in this selection)."
    plots.finish(fig, title=title, source=src, alt=alt)
    _place(fig)
    return fig


_TIMELINE_SIZE = (8.0, 5.2)
_TIMELINE_HEIGHTS = (2.0, 1.3)
#: Where the axes, the title and the source line go, by what the layout depends on (see _layout_key).
_LAYOUTS: dict[tuple, tuple] = {}


def _layout_key(fig: Figure, title_lines: int | None = None) -> tuple:
    """What the timeline's layout depends on: the lines of the title (``title_lines``, or as drawn) and
    of the source line, the deaths panel's tick labels, the style. Not the jurisdictions shown: room is
    kept for every name."""
    ax = fig.axes[0]
    rc = mpl.rcParams
    if title_lines is None:
        title_lines = fig.get_suptitle().count("\n") + 1
    return (tuple(fig.get_size_inches()), title_lines, fig.get_supxlabel().count("\n"),
            tuple(ax.get_yticks()), ax.get_ylim(), ax.get_ylabel(), fig.axes[1].get_xlabel(),
            *(str(rc[k]) for k in ("font.family", "font.size", "axes.labelsize", "xtick.labelsize",
                                   "ytick.labelsize", "axes.titlesize", "figure.dpi")))


def _place(fig: Figure) -> None:
    """Put the timeline's axes, title and source line where :func:`_layout` says, with no layout pass.

    The layout is that of matplotlib's constrained layout for the view's key, kept for the next view
    with the same key: moving a control costs a draw, not a layout, and a view drawn in place is laid
    out exactly as a new figure of it (same key, same layout).
    """
    key = _layout_key(fig)
    if key not in _LAYOUTS:  # once per key and session: the explorer's views have two (1- and 2-line titles)
        _LAYOUTS[key] = _layout(fig, key[1])
    positions, title_y, source_y = _LAYOUTS[key]
    for ax, pos in zip(fig.axes, positions, strict=True):
        ax.set_position(pos)
    fig._suptitle.set_y(title_y)
    fig._supxlabel.set_y(source_y)


def _layout(fig: Figure, title_lines: int) -> tuple:
    """Constrained layout of a stand-in for ``fig``: a title of ``title_lines`` lines, a source line of as
    many lines as ``fig``'s, the same deaths ticks, and every jurisdiction's name on the steps panel (the
    longest labels any view can have), so the result holds for every view with that key."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ax = fig.axes[0]
    stand_in = Figure(figsize=fig.get_size_inches(), layout="constrained")
    FigureCanvasAgg(stand_in)
    top, steps = stand_in.subplots(2, 1, sharex=True, height_ratios=_TIMELINE_HEIGHTS)
    top.set_ylim(ax.get_ylim())
    top.set_yticks(ax.get_yticks())
    top.set_ylabel(ax.get_ylabel())
    names = list(fentanyl.JURISDICTIONS.values())
    steps.set_yticks(range(len(names)), names)
    steps.set_xticks([0.0], ["2000"])  # year labels: all the same height
    steps.set_xlabel(fig.axes[1].get_xlabel())
    x = fig._suptitle.get_position()[0]
    title_size = mpl.rcParams["axes.titlesize"]
    stand_in.suptitle("\n".join(["Ag"] * title_lines), x=x, ha="left",
                      fontsize=title_size, fontweight="bold")
    stand_in.supxlabel("\n".join(["Ag"] * (fig.get_supxlabel().count("\n") + 1)), x=x, ha="left",
                       fontsize=plots.SOURCE_FONTSIZE)
    stand_in.get_layout_engine().execute(stand_in)
    return ([a.get_position() for a in stand_in.axes], stand_in._suptitle.get_position()[1],
            stand_in._supxlabel.get_position()[1])


@dataclass(frozen=True)
class _Deaths:
    """What every view of the timeline draws from the deaths table, whatever the controls say."""

    all_drugs: pd.Series
    t40_4: pd.Series
    rows: pd.DataFrame  # the final rows of both categories, for the source line


_DEATHS: weakref.WeakKeyDictionary[Figure, _Deaths] = weakref.WeakKeyDictionary()


def _timeline_deaths(fig: Figure) -> _Deaths:
    """The deaths a timeline figure shows, read once per figure: an explorer's redraws reuse them."""
    if fig not in _DEATHS:
        final = fentanyl.deaths("final")
        _DEATHS[fig] = _Deaths(fentanyl.final_series("all_drugs"), fentanyl.final_series("t40_4"),
                               final[final["drug_category"].isin(["all_drugs", "t40_4"])])
    return _DEATHS[fig]


_GROUP_LABEL = {  # a control's label for each of fentanyl.TIMELINE_GROUPS
    ("CHN", "UN", "USA", "CHN-USA"): "All",
    ("CHN",): "China",
    ("UN",): "UN",
    ("USA", "CHN-USA"): "US and US-China talks",
}


def timeline_controls() -> dict[str, list[tuple[str, object]]]:
    """The timeline explorer's controls: (label, value) pairs built from ``fentanyl.TIMELINE_*``.

    >>> timeline_controls()["start"]
    [('2013-2025', 2013), ('2021-2025', 2021)]
    """
    return {"jurisdictions": [(_GROUP_LABEL[g], g) for g in fentanyl.TIMELINE_GROUPS],
            "start": [(f"{y}-{fentanyl.TIMELINE_END}", y) for y in fentanyl.TIMELINE_STARTS]}


def timeline_explorer() -> Explorer:
    """The timeline explorer: pick who acted and a year range (to 2025); deaths and steps redraw.

    >>> ex = timeline_explorer()
    >>> ex.view_count()
    8
    """
    return Explorer(
        "Fentanyl controls over the deaths series",
        timeline_figure,
        timeline_controls(),
        default={"jurisdictions": fentanyl.TIMELINE_GROUPS[0], "start": fentanyl.TIMELINE_STARTS[0]},
        description="Choose who acted and the years to show. A control's date is context, not a cause.",
        update=update_timeline,
    )


def waves_figure() -> Figure:
    """The three waves: prescription opioids, heroin, then synthetic opioids (T40.4), with all drugs.

    Each line is read on its own: the categories overlap and are not stacked.

    >>> plots.title_of(waves_figure())
    'Three waves of overdose deaths: prescription opioids, then heroin, then synthetic opioids'
    """
    fig, ax = plots.new_figure(9.0, 5.2)
    for i, cat in enumerate(("all_drugs", "rx_opioids", "t40_1", "t40_4")):
        s = fentanyl.final_series(cat)
        ax.plot(s.index, s.to_numpy() / 1000, color=plots.PALETTE[i], marker=plots.MARKERS[i],
                linestyle=plots.LINESTYLES[i], markersize=5, label=fentanyl.SHORT[cat])
    ax.set_ylabel("Deaths per year (thousands)")
    ax.set_xlabel("Year (heroin and prescription-opioid lines end in 2017, where the compiled series ends)")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    t = fentanyl.final_series("t40_4")
    rx, her = fentanyl.final_series("rx_opioids"), fentanyl.final_series("t40_1")
    alld = fentanyl.final_series("all_drugs")
    alt = (f"Line chart of US overdose deaths per year, 1999-2024, final data. All drugs rise from "
           f"{alld[1999]:,} to a peak of {alld.max():,} in {alld.idxmax()} and fall to {alld[2024]:,} in "
           "2024. "
           f"Prescription opioids rise to {rx.max():,} ({rx.idxmax()}); heroin rises to {her.max():,} "
           f"({her.idxmax()}); synthetic opioids (T40.4) stay near 3,000 until 2013, then rise to "
           f"{t.max():,} in {t.idxmax()} and fall to {t[2024]:,} in 2024. Lines overlap and are not stacked.")
    rows = fentanyl.deaths("final").query("drug_category in ['all_drugs', 'rx_opioids', 't40_1', 't40_4']")
    src = citation.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["fent_overdose_deaths"])
    return plots.finish(fig, title="Three waves of overdose deaths: prescription opioids, then heroin, "
                        "then synthetic opioids", source=src, alt=alt)


def revisions_figure() -> Figure:
    """Each provisional release of the all-drug count next to the final count, 2021-2024.

    >>> plots.title_of(revisions_figure())
    'The first predicted counts of 2022-2024 were 1.3-2.4% above the final counts'
    """
    r = fentanyl.revisions("all_drugs")
    years = sorted(r["year"].unique())
    fig, ax = plots.new_figure(9.0, 5.0)
    fin = fentanyl.final_series("all_drugs")
    ax.scatter(years, [fin[y] / 1000 for y in years], marker="_", s=900, linewidths=3, color="#000000",
               label="Final count (NCHS)", zorder=3)
    releases = sorted(r["release"].unique())
    for i, rel in enumerate(releases):
        for kind, filled in (("predicted", True), ("reported", False)):
            g = r[(r["release"] == rel) & (r["provisional_kind"] == kind)]
            if g.empty:
                continue
            c = plots.PALETTE[i]
            ax.scatter(g["year"] + (i - 1) * 0.12, g["provisional"] / 1000, marker=plots.MARKERS[i], s=70,
                       color=c, facecolors=c if filled else "white", linewidths=1.8,
                       label=f"{kind.capitalize()}, release of {rel}", zorder=4)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlabel("Year of death")
    ax.set_ylabel("Deaths (thousands)")
    ax.legend(loc="lower left", fontsize=10)
    above = []  # how far each first count sat above the final count, as % of the final count
    for y in (2022, 2023, 2024):
        first = r[(r["year"] == y) & (r["provisional_kind"] == "predicted")].sort_values("release").iloc[0]
        above.append((first["provisional"] - first["final"]) / first["final"] * 100)
    lo, hi = min(above), max(above)
    pts = "; ".join(f"{y} release {rel} {k}: {p:,}" for y, rel, k, p in
                    r[["year", "release", "provisional_kind", "provisional"]].itertuples(index=False))
    alt = (f"Dot chart of provisional all-drug overdose death counts by release, against final counts "
           f"(2021 {fin[2021]:,}; 2022 {fin[2022]:,}; 2023 {fin[2023]:,}; 2024 {fin[2024]:,}). "
           f"Provisional: {pts}.")
    rows = fentanyl.deaths("provisional", "all_drugs").query("qualifier == 'exact'")
    final = fentanyl.deaths("final", "all_drugs").query("year >= 2021")
    src = citation.cite_rows(pd.concat([rows, final]), max_cited=plots.MAX_CITED,
                             tables=["fent_overdose_deaths"])
    title = f"The first predicted counts of 2022-2024 were {lo:.1f}-{hi:.1f}% above the final counts"
    return plots.finish(fig, title=title, source=src, alt=alt)


def cbp_figure() -> Figure:
    """CBP fentanyl seizures by fiscal year: all of CBP, with the Southwest border part.

    >>> plots.title_of(cbp_figure())
    'CBP fentanyl seizures peaked in FY2023 and fell 55% by FY2025'
    """
    allc, swb = fentanyl.cbp_series("all_cbp"), fentanyl.cbp_series("southwest_border")
    peak = int(allc.idxmax())
    fall = -fentanyl.pct_change(allc[peak], allc.iloc[-1])
    fig, ax = plots.new_figure(9.0, 4.8)
    ax.bar(allc.index - 0.2, allc.to_numpy() / 1000, width=0.4, color=plots.PALETTE[0], label="All of CBP")
    ax.bar(swb.index + 0.2, swb.to_numpy() / 1000, width=0.4, color=plots.PALETTE[1], hatch="//",
           edgecolor="white", label="Southwest border (part of all)")
    ax.set_xticks(allc.index, [f"FY{y}" for y in allc.index])
    ax.set_ylabel("Fentanyl seized (thousand pounds)")
    ax.legend(loc="upper left")
    alt = ("Bar chart of CBP fentanyl seizures by fiscal year, pounds: "
           + "; ".join(f"FY{y} {v:,.0f} (Southwest border {swb[y]:,.0f})" for y, v in allc.items())
           + ". Seizures measure enforcement, not supply.")
    df = data.load("fent_cbp_seizures")
    rows = df[df["data_file"].str.startswith("nationwide")]
    return plots.finish(fig, title=f"CBP fentanyl seizures peaked in FY{peak} and fell {fall:.0f}% by "
                        f"FY{int(allc.index[-1])}",
                        source=citation.cite_rows(rows, max_cited=plots.MAX_CITED,
                                                  tables=["fent_cbp_seizures"]),
                        alt=alt)
