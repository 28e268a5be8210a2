"""Figures and explorers for Iranian oil flows (notebook 03): four finished figures and two explorers.

The numbers come from ``helpers.oil`` and ``helpers.oil_units``; this module only draws them.

>>> from helpers import plots
>>> plots.title_of(china_share_figure())
"In 2024, trackers put China's share of Iran's oil exports at 77% (Kpler) to 91% (UANI)"
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers import citation, data, oil, oil_units, plots
from helpers.widgets import Explorer

# --- the notebook's figures ----------------------------------------------------------------------

_MEASURE_STYLE = {  # measure -> (colour, marker, legend label)
    "crude": (plots.OKABE_ITO["blue"], "o", "crude"),
    "crude+condensate": (plots.OKABE_ITO["orange"], "s", "crude + condensate"),
    "oil-all": (plots.OKABE_ITO["bluish_green"], "^", "all oil"),
    "seaborne-oil": (plots.OKABE_ITO["reddish_purple"], "D", "seaborne oil"),
    "unstated": (plots.OKABE_ITO["black"], "X", "not stated"),
}


def _draw_estimate(ax, x, row, value: str, low: str, high: str, colour: str, marker: str, *,
                   points: dict, filled: bool = True, size: float = 9) -> None:
    """One published estimate: a marker, a range bar (no false midpoint), or a bound with an arrow.

    Markers are collected in ``points`` by style and drawn by :func:`_draw_points`, one artist per style."""
    face = colour if filled else "white"
    if row["bound"] == "range":
        ax.errorbar(x, (row[low] + row[high]) / 2, yerr=(row[high] - row[low]) / 2, fmt="none",
                    ecolor=colour, elinewidth=4, capsize=6, alpha=0.8)
        return
    y = row[value]
    if pd.isna(y):  # a bound given only in the low/high column
        y = row[low] if row["bound"] == "lower-bound" else row[high]
    if row["bound"] in ("lower-bound", "upper-bound"):
        arrow = 0.08 * (1 if row["bound"] == "lower-bound" else -1) * ax.get_ylim()[1]
        ax.annotate("", xy=(x, y + arrow), xytext=(x, y),
                    arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.8})
    points.setdefault((colour, marker, face, size), []).append((x, y))


def _draw_points(ax, points: dict) -> None:
    """The markers :func:`_draw_estimate` collected: one artist per style, not one per estimate."""
    for (colour, marker, face, size), xy in points.items():
        xs, ys = zip(*xy, strict=True)
        ax.plot(xs, ys, marker=marker, markersize=size, color=colour, markerfacecolor=face, linestyle="none")


def tracker_estimates_figure() -> Figure:
    """Every published estimate of Iran's exports, 2015-2024: one marker per estimate, no line.

    >>> plots.title_of(tracker_estimates_figure())
    'Estimates of the same year disagree: 2023 ran from 1.29 to more than 1.59 mb/d'
    """
    df = data.load("oil_export_estimates")
    fig, ax = plots.new_figure(10, 7.5)
    ax.set_ylim(0, 3.8)
    marks: dict = {}
    for _, row in df.iterrows():
        colour, marker, _label = _MEASURE_STYLE[row["measure"]]
        annual = row["period_kind"] == "year"
        _draw_estimate(ax, oil_units.period_midpoint(row["period"]), row, "exports_mbd", "low_mbd",
                       "high_mbd", colour, marker, points=marks, filled=annual, size=10 if annual else 7)
    _draw_points(ax, marks)
    for measure, (colour, marker, label) in _MEASURE_STYLE.items():
        if measure in set(df["measure"]):
            ax.plot([], [], marker=marker, color=colour, linestyle="none", markersize=9, label=label)
    ax.plot([], [], marker="o", color="grey", markerfacecolor="white", linestyle="none",
            label="month or part-year")
    ax.errorbar([], [], yerr=[], fmt="none", ecolor="grey", elinewidth=4, label="published range")
    ax.legend(loc="upper center", ncols=4, fontsize=11)
    # Yearly ticks set here: matplotlib's automatic date locator costs more than the rest of the axis.
    mids = df["period"].map(oil_units.period_midpoint)
    years = range(mids.min().year, mids.max().year + 2)
    ax.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in years], [str(y) for y in years])
    ax.set_ylabel("Iran's oil exports (million b/d)")
    lo, hi = oil.annual_export_range(2023)
    title = f"Estimates of the same year disagree: 2023 ran from {lo:.2f} to more than {hi:.2f} mb/d"
    alt = (f"Scatter chart of {len(df)} published estimates of Iran's oil exports, 2015-2024, by measure; "
           f"no line "
           f"joins them. Exports fell from about 2.5 mb/d in 2017 to under 0.4 in 2020 and rose to "
           f"1.55-1.70 in "
           f"2024. In September 2020 three trackers ranged from 0.4 to 1.5 mb/d; for 2023 estimates ran from "
           f"{lo:.2f} (crude) to more than {hi:.2f} (crude and condensate).")
    source = citation.cite_rows(df, max_cited=plots.MAX_CITED, tables=["oil_export_estimates"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def production_exports_figure() -> Figure:
    """Production (OPEC, BP) and the range of export estimates, with the sanctions on the same axis.

    >>> print(plots.title_of(production_exports_figure()))
    Sanctions cut Iran's output from 3.81 (2017) to 1.99 mb/d (2020); by 2024: 3.26
    """
    years = range(2015, 2025)
    opec = oil.production_series("opec-secondary-sources").reindex(years)  # a missing year breaks the line
    bp = oil.production_series("bp-statistical-review").reindex(years)
    fig, ax = plots.new_figure(10, 8)
    ax.plot(opec.index, opec.values, marker="o", color=plots.OKABE_ITO["blue"],
            label="production, crude (OPEC)")
    ax.plot(bp.index, bp.values, marker="s", linestyle="--", color=plots.OKABE_ITO["orange"],
            label="production, crude + condensate (BP)")
    exp = data.load("oil_export_estimates")
    exp = exp[exp["period_kind"] == "year"]
    spans = oil.annual_export_spans()
    ax.bar(spans.index, spans["hi"] - spans["lo"] + 0.04, bottom=spans["lo"] - 0.02, width=0.35,
           color=plots.OKABE_ITO["bluish_green"], alpha=0.7, label="exports: range of full-year estimates")
    events = oil.sanction_events()
    shown = ["sanctions-lifted", "sanctions-reimposed", "waivers-ended", "diplomatic"]
    events = events[events["kind"].isin(shown)
                    & (events["date"] < pd.Timestamp("2025-01-01"))]
    for _, ev in events.iterrows():
        x = ev["date"].year + (ev["date"].day_of_year - 1) / 365.25 - 0.5  # year ticks mark mid-year
        ax.axvline(x, color="grey", linestyle=plots.LINESTYLES[3], linewidth=1.2)
        ax.text(x - 0.03, 4.9, _EVENT_SHORT.get(ev["event_id"], ev["event_id"]), fontsize=10, rotation=90,
                ha="right", va="top", color="#333333")
    ax.set_ylim(0, 5)
    ax.set_xlim(2014.4, 2024.6)
    ax.set_xticks(range(2015, 2025))
    ax.set_ylabel("Million barrels per day")
    ax.legend(loc="lower left", fontsize=11)
    gap = (bp - opec).dropna()
    title = (f"Sanctions cut Iran's output from {opec[2017]:.2f} (2017) to {opec[2020]:.2f} mb/d (2020); "
             f"by 2024: {opec[2024]:.2f}")
    alt = (f"Line chart, 2015-2024: OPEC's crude production series fell from {opec[2017]:.2f} million b/d in "
           f"2017 to {opec[2020]:.2f} in 2020 and rose to {opec[2024]:.2f} in 2024; BP's "
           f"crude-and-condensate "
           f"series runs {gap.min():.2f}-{gap.max():.2f} higher. Bars show the range of full-year export "
           "estimates. Dotted lines mark "
           "Implementation Day (Jan 2016), the US withdrawal (May 2018), oil sanctions (Nov 2018), the end "
           "of "
           "waivers (May 2019) and the Beijing deal (Mar 2023).")
    prod = data.load("oil_production")
    prod = prod[prod["series"].isin(["opec-secondary-sources", "bp-statistical-review"])
                & (prod["period"].str.len() == 4)]
    rows = pd.concat([prod, exp, events])
    source = citation.cite_rows(rows, max_cited=plots.MAX_CITED,
                            tables=["oil_production", "oil_export_estimates", "oil_sanction_events"])
    return plots.finish(fig, title=title, source=source, alt=alt)


_EVENT_SHORT = {
    "implementation-day": "sanctions lifted",
    "us-withdrawal": "US exits deal",
    "us-oil-sanctions": "US oil sanctions",
    "waivers-end": "waivers end",
    "beijing-deal": "Beijing deal",
    "shandong-ban": "Shandong port ban",
    "un-snapback": "UN snapback",
}


_TRACKER_COLOURS = [plots.OKABE_ITO[c] for c in ("blue", "orange", "bluish_green", "sky_blue",
                                                    "reddish_purple", "black")]


def china_share_figure() -> Figure:
    """China's share of Iran's exports by tracker and year, ranges and bounds as published.

    >>> print(plots.title_of(china_share_figure()))
    In 2024, trackers put China's share of Iran's oil exports at 77% (Kpler) to 91% (UANI)
    """
    df = oil.china_share()
    fig, ax = plots.new_figure(9, 6)
    ax.set_ylim(0, 105)
    trackers = list(dict.fromkeys(df["tracker"]))
    marks: dict = {}
    for i, tracker in enumerate(trackers):
        colour, marker = _TRACKER_COLOURS[i % len(_TRACKER_COLOURS)], plots.MARKERS[i % 8]
        for _, row in df[df["tracker"] == tracker].iterrows():
            x = row["year"] + (i - len(trackers) / 2) * 0.05
            _draw_estimate(ax, x, row, "share_pct", "low_pct", "high_pct", colour, marker, points=marks)
        ax.plot([], [], marker=marker, color=colour, linestyle="none", label=tracker)
    _draw_points(ax, marks)
    ax.axhline(90, color=plots.OKABE_ITO["vermillion"], linestyle="--", label="the article: 'more than 90%'")
    ax.set_xticks(sorted(set(df["year"])))
    ax.set_ylabel("China's share of Iran's oil exports (%)")
    ax.legend(loc="lower right", ncols=2)
    latest = int(df["year"].max())
    points = df[(df["year"] == latest) & df["share_pct"].notna()].sort_values("share_pct")
    low, high = points.iloc[0], points.iloc[-1]
    span = f"{low['share_pct']:.0f}% ({low['tracker']}) to {high['share_pct']:.0f}% ({high['tracker']})"
    title = f"In {latest}, trackers put China's share of Iran's oil exports at {span}"
    alt = (f"Chart of China's share of Iran's oil exports by tracker, 2019-{latest}: 50-70% (US officials, "
           f"2019), "
           f"more than half (EIA, 2020), 85-95% (a Kpler analyst, 2021), 70.8% (UANI, 2022), 80-90% for 2023 "
           f"and {span} for {latest}, against a dashed line at 90%.")
    source = citation.cite_rows(df, max_cited=plots.MAX_CITED, tables=["oil_china_share"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def malaysia_figure() -> Figure:
    """China's customs imports 'from Malaysia' and 'from Iran' against Malaysia's own production.

    >>> print(plots.title_of(malaysia_figure()))
    China's 'Malaysian' imports exceed Malaysia's output since 2022: 1.40 vs 0.51 mb/d (2024)
    """
    fig, ax = plots.new_figure(10, 7)
    years = range(2015, 2025)
    imports = oil.china_flow("customs-imports-from-malaysia")
    prod = oil.china_flow("malaysia-production")
    prod = prod[prod["reporter"] != "not named"]
    iran = oil.china_flow("customs-imports-from-iran")
    spans = imports.groupby("year").agg(lo=("low", "min"), hi=("high", "max"))
    ax.bar(spans.index - 0.18, spans["lo"], width=0.36, color=plots.OKABE_ITO["orange"],
           label="China's customs: crude 'from Malaysia'")
    gap = spans["hi"] - spans["lo"]
    ax.bar(spans.index[gap > 0] - 0.18, gap[gap > 0], bottom=spans["lo"][gap > 0], width=0.36,
           color=plots.OKABE_ITO["orange"], alpha=0.35, edgecolor="black", linestyle="--",
           label="where reports disagree")
    ax.bar(iran["year"] + 0.18, iran["value_mbd"], width=0.36, color=plots.OKABE_ITO["blue"], hatch="..",
           label="China's customs: crude 'from Iran'")
    for reporter, style in (("BP", "-"), ("Energy Institute", "--")):
        p = prod[prod["reporter"] == reporter].sort_values("year")
        ax.plot(p["year"], p["value_mbd"], color="black", linestyle=style, marker="o",
                label=f"Malaysia's own production ({reporter})")
    ax.set_xticks(list(years))
    ax.set_ylabel("Million barrels per day")
    ax.legend(loc="upper left")
    m24 = float(imports.set_index("year").loc[2024, "value_mbd"])
    p24 = float(prod[(prod["year"] == 2024)]["value_mbd"].min())
    title = (f"China's 'Malaysian' imports exceed Malaysia's output since 2022: {m24:.2f} vs {p24:.2f} mb/d "
             "(2024)")
    alt = (f"Bar chart, 2015-2024: China's customs imports of crude 'from Iran' fell from 0.62 million b/d "
           f"(2016-2017) to almost zero from 2021, while imports 'from Malaysia' rose from about 0.18 (2018) "
           f"to {m24:.2f} (2024); Malaysia's own production, a line, fell from 0.66 to about {p24:.2f}.")
    rows = pd.concat([imports, prod, iran])
    source = citation.cite_rows(rows, max_cited=plots.EXPLORER_MAX_CITED, tables=["oil_china_flows"])
    return plots.finish(fig, title=title, source=source, alt=alt)



# --- the baseline explorer: "quadrupled?" ---------------------------------------------------------

_TRACKER_LABEL = {"any": "Any tracker"}  # a control's label; other trackers show their own name
_TRACKER_NAME = {"not named": "an unnamed tracker"}  # a tracker in a sentence
_PERIOD_NOTE = {"2023-03": " (the deal)"}  # the month of the Beijing deal (oil_sanction_events)


def period_label(period: str) -> str:
    """A period key as the baseline explorer writes it: in words, with the deal's month marked.

    >>> period_label("2023-03"), period_label("2024-11/2024-12")
    ('Mar 2023 (the deal)', 'Nov-Dec 2024')
    """
    return oil_units.period_text(period) + _PERIOD_NOTE.get(period, "")


def baseline_controls() -> dict[str, list[tuple[str, str]]]:
    """The baseline explorer's controls: (label, value) pairs built from ``oil.BASELINE_*``.

    >>> baseline_controls()["start"][2]
    ('Mar 2023 (the deal)', '2023-03')
    """
    return {"tracker": [(_TRACKER_LABEL.get(t, t), t) for t in oil.BASELINE_TRACKERS],
            "start": [(period_label(p), p) for p in oil.BASELINE_STARTS],
            "end": [(period_label(p), p) for p in oil.BASELINE_ENDS]}


def _ratio_text(lo: float, hi: float, upper_bound: bool) -> str:
    if upper_bound:
        return f"at most x{hi:.1f}"
    if f"{lo:.1f}" == f"{hi:.1f}":
        return f"x{lo:.1f}"
    return f"x{lo:.1f} to x{hi:.1f}"


def render_baseline(tracker: str, start: str, end: str) -> Figure:
    """The 'quadrupled?' view: tracked Iranian crude to China at a start and an end period.

    >>> plots.title_of(render_baseline("any", "2020", "2024"))
    '2020 to 2024 (Kpler, then UANI): x4.5, quadrupled'
    """
    return update_baseline(plots.new_figure(8, 4.8)[0], tracker, start, end)


def update_baseline(fig: Figure, tracker: str, start: str, end: str) -> Figure:
    """Draw the 'quadrupled?' view on ``fig`` (a figure :func:`render_baseline` made), replacing the last.

    >>> fig = render_baseline("any", "2020", "2024")
    >>> update_baseline(fig, "UANI", "2023", "2024") is fig, plots.title_of(fig)[:16]
    (True, '2023 to 2024 (UA')
    """
    for name, value, options in (("start", start, oil.BASELINE_STARTS), ("end", end, oil.BASELINE_ENDS)):
        if value not in options:
            raise ValueError(f"unknown {name} {value!r}; allowed: " + ", ".join(options))
    start_label, end_label = period_label(start), period_label(end)
    a, b = oil.tracked_level(tracker, start), oil.tracked_level(tracker, end)
    who = "any tracker" if tracker == "any" else tracker
    ax = fig.axes[0]
    plots.clear_axes(ax)
    ax.set_ylabel("Iranian crude to China (million b/d)")
    if a is None or b is None:
        missing = start_label if a is None else end_label
        ax.text(0.5, 0.5, f"No {who} figure for {missing} in the kit's sources.\n"
                "Choose another tracker or period.", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_ylim(0, 2)
        title = f"No {who} figure for {missing}: choose another tracker or period"
        searched = oil.china_flow("tracked-iranian-crude-to-china", annual_only=False)
        if tracker != "any":
            searched = searched[searched["reporter"] == tracker]
        return plots.finish(fig, title=title,
                            source=citation.cite_rows(searched, max_cited=plots.EXPLORER_MAX_CITED,
                                                  tables=["oil_china_flows"]),
                            alt=f"Empty chart for {who}, {start_label} to {end_label}: the kit has no "
                                f"{who} estimate of Iranian crude to China for {missing}.")
    lo, hi = b.low / a.high, b.high / a.low
    verdict = oil.quadrupled_verdict(lo, hi, upper_bound=b.upper_bound)
    for x, lv in ((0, a), (1, b)):
        periods = ", ".join(dict.fromkeys(oil_units.period_text(p) for p in lv.rows["period"]))
        colour = plots.PALETTE[x]
        if lv.upper_bound:
            ax.bar(x, lv.high, width=0.5, color="white", edgecolor=colour, hatch="//", linewidth=1.5,
                   label=f"{periods}: below {lv.high:.2f} mb/d (an upper bound)")
            continue
        ax.bar(x, lv.low, width=0.5, color=colour, edgecolor="black", linewidth=0.6,
               label=f"{periods}: {lv.low:.2f}" + ("" if lv.high == lv.low else f" to {lv.high:.2f}")
               + " mb/d")
        if lv.high > lv.low:  # the range as a lighter block above the low value, not a false midpoint
            ax.bar(x, lv.high - lv.low, bottom=lv.low, width=0.5, color=colour, alpha=0.35,
                   edgecolor="black", linewidth=0.6, linestyle="--")
    four_low, four_high = oil.QUADRUPLED * a.low, oil.QUADRUPLED * a.high
    four = f"{four_low:.2f}" + ("" if a.high == a.low else f" to {four_high:.2f}")
    ax.axhspan(four_low, four_high + 0.01, color=plots.OKABE_ITO["vermillion"], alpha=0.25)
    ax.axhline(four_low, color=plots.OKABE_ITO["vermillion"], linestyle="--",
               label=f"four times the start: {four} mb/d")
    ax.set_xticks([0, 1], [start_label, end_label])
    ax.set_ylim(0, max(four_high, b.high) * 1.15)
    ax.legend(loc="center").set_in_layout(False)  # inside the axes: nothing for the layout to measure
    trackers = ", then ".join(dict.fromkeys(_TRACKER_NAME.get(t, t) for t in a.trackers + b.trackers))
    ratio = _ratio_text(lo, hi, b.upper_bound)
    title = f"{start_label} to {end_label} ({trackers}): {ratio}, {verdict}"
    a_text, b_text = (("below " if lv.upper_bound else "") + f"{lv.low:.2f}"
                      + ("" if lv.low == lv.high else f" to {lv.high:.2f}") for lv in (a, b))
    alt = (f"Bar chart ({who}): Iranian crude reaching China was {a_text} million barrels a day in "
           f"{start_label} and {b_text} in {end_label} ({trackers}); the ratio is {ratio}, against a "
           "dashed line at four times the start.")
    rows = pd.concat([a.rows, b.rows])
    source = citation.cite_rows(rows, max_cited=plots.EXPLORER_MAX_CITED, tables=["oil_china_flows"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def baseline_explorer() -> Explorer:
    """The 'quadrupled?' explorer: tracker x start x end = 3 x 4 x 2 = 24 views.

    >>> baseline_explorer().view_count()
    24
    """
    return Explorer(
        "Quadrupled? Choose the tracker and the baseline",
        render_baseline,
        baseline_controls(),
        default={"tracker": "any", "start": "2023-03", "end": "2024"},
        description="Tracked Iranian crude reaching China at the start and end, and four times the start.",
        update=update_baseline,
    )


# --- the revenue calculator: "more than 5% of the economy" ----------------------------------------

def _usd(value: float) -> str:
    return f"${value:.2f}" if value % 1 else f"${value:.0f}"


def _period_short(period: str) -> str:
    # A month as "Nov 24"; any other period by its first year. Labels stay within 14 characters, so
    # JupyterLab shows toggle buttons.
    start, end = oil_units.period_bounds(period)
    return f"{start:%b %y}" if (start.year, start.month) == (end.year, end.month) else str(start.year)


def revenue_controls() -> dict[str, list[tuple[str, float]]]:
    """The revenue calculator's controls: (label, value) pairs built from ``oil.REVENUE_*``.

    >>> revenue_controls()["discount_usd"]
    [('$2.50 (Nov 24)', 2.5), ('$6 (2024)', 6.0), ('$13 (2023)', 13.0)]
    """
    return {
        "exports_mbd": [(f"{p.value:.2f} ({p.by})", p.value) for p in oil.REVENUE_EXPORTS_MBD],
        "china_share": [(f"{p.value:.0%} ({p.period})", p.value) for p in oil.REVENUE_CHINA_SHARES],
        "brent_usd": [(f"${p.value:.2f} ({p.period})", p.value) for p in oil.REVENUE_BRENT_USD],
        "discount_usd": [(f"{_usd(p.value)} ({_period_short(p.period)})", p.value)
                         for p in oil.REVENUE_DISCOUNTS_USD],
    }


def render_revenue(exports_mbd: float, china_share: float, brent_usd: float, discount_usd: float) -> Figure:
    """The revenue calculator: Iran's sales to China as a share of GDP, against the 5% claim.

    >>> plots.title_of(render_revenue(1.60, 0.91, 80.52, 6))
    'Sales to China of $39.7 bn are 9.1-9.9% of GDP: above the 5% claim'
    """
    return update_revenue(plots.new_figure(8, 3.6)[0], exports_mbd, china_share, brent_usd, discount_usd)


def update_revenue(fig: Figure, exports_mbd: float, china_share: float, brent_usd: float,
                   discount_usd: float) -> Figure:
    """Draw the revenue calculator's view on ``fig`` (a figure :func:`render_revenue` made).

    >>> fig = render_revenue(1.60, 0.91, 80.52, 6)
    >>> update_revenue(fig, 1.60, 0.91, 80.52, 13) is fig
    True
    """
    r = oil.revenue_range(exports_mbd, china_share, brent_usd, discount_usd)
    lo, hi = r["pct_low"], r["pct_high"]
    verdict = oil.revenue_verdict(lo, hi)
    ax = fig.axes[0]
    plots.clear_axes(ax)
    colour = plots.PALETTE[0]
    ax.barh([0], [lo], height=0.5, color=colour, edgecolor="black", linewidth=0.6)
    ax.barh([0], [hi - lo], left=lo, height=0.5, color=colour, alpha=0.35, edgecolor="black",
            linewidth=0.6, linestyle="--")
    ax.text(hi + 0.15, 0, f"{lo:.1f}-{hi:.1f}%", va="center")
    red = plots.OKABE_ITO["vermillion"]
    ax.axvline(oil.CLAIM_GDP_SHARE_PCT, color=red, linestyle="--", linewidth=3)
    ax.text(oil.CLAIM_GDP_SHARE_PCT + 0.1, 0.33, "the article: 'more than 5%'", color=red, va="bottom")
    ax.set_yticks([0], [f"sales to China\n(GDP ${oil.REVENUE_GDP[0]:g}-{oil.REVENUE_GDP[1]:g} bn)"])
    ax.set_ylim(-0.45, 0.6)
    ax.set_xlim(0, max(12.5, hi * 1.15))
    ax.set_xlabel("Share of Iran's GDP (%)")
    ax.grid(True, axis="x")  # True, not a toggle: the figure may be drawn again
    price = brent_usd - discount_usd
    title = f"Sales to China of ${r['revenue_usd_bn']:.1f} bn are {lo:.1f}-{hi:.1f}% of GDP: {verdict}"
    alt = (f"Bar chart: {exports_mbd:g} mb/d exported, {china_share:.0%} to China, at ${brent_usd:g} Brent "
           f"less ${discount_usd:g} (${price:.2f} a barrel) for {oil.REVENUE_DAYS} days is "
           f"${r['revenue_usd_bn']:.1f} bn, {lo:.1f} to {hi:.1f} percent of GDP (the bar's solid part is the "
           "share of the larger GDP, its light part reaches the share of the smaller), against a dashed line "
           "at 5 percent.")
    rows = oil.revenue_rows(exports_mbd, china_share, brent_usd, discount_usd)
    source = citation.cite_rows(rows, max_cited=plots.EXPLORER_MAX_CITED, tables=[
        "oil_export_estimates", "oil_china_share", "oil_prices", "oil_economy"])
    return plots.finish(fig, title=title, source=source, alt=alt)


def revenue_explorer() -> Explorer:
    """The revenue calculator: exports x share x Brent x discount = 2 x 2 x 2 x 3 = 24 views.

    >>> revenue_explorer().view_count()
    24
    """
    return Explorer(
        "More than 5% of the economy? A revenue calculator",
        render_revenue,
        revenue_controls(),
        default={"exports_mbd": 1.60, "china_share": 0.91, "brent_usd": 80.52, "discount_usd": 6.0},
        description="Iran's exports x China's share x (Brent - discount) x 366 days, as a share of GDP.",
        update=update_revenue,
    )


