"""Figures and the timeline explorer for notebook 06, after the article (draws; reads ``helpers.after``).

Each figure's title states its finding, computed from the data; uncertain figures show their range.

>>> from helpers import plots
>>> plots.title_of(trade_figure())
'China–Russia trade fell 6.8% in 2025, its first fall since 2020'
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers import after, citation, data, plots
from helpers.widgets import Explorer

_KIND_MARKERS = {
    "sanction": ("o", 0), "tariff": ("s", 1), "court-ruling": ("D", 3), "export-control": ("^", 2),
    "drug-control": ("v", 4), "law": ("P", 5), "policy": ("X", 7), "diplomacy": ("*", 6),
    "market-response": ("<", 7),
}


def trade_figure() -> Figure:
    """China's total trade with Russia, 2019-2025, with 2025 (after the article) set apart."""
    totals = after.trade_totals()
    change = after.trade_change(2024, 2025)
    falls = [y for y in totals.index[1:] if y < 2025 and totals[y] < totals[y - 1]]
    since = f", its first fall since {max(falls)}" if falls else ""
    fig, ax = plots.new_figure(9, 5)
    colours = [plots.PALETTE[1] if y == 2025 else plots.PALETTE[0] for y in totals.index]
    bars = ax.bar(totals.index, totals.to_numpy(), color=colours)
    bars[-1].set_hatch("//")
    for y, v in totals.items():
        ax.text(y, v + 4, f"{v:.0f}", ha="center", fontsize=12)
    ax.set_xticks(list(totals.index), [str(y) if y < 2025 else "2025\n(after the article)"
                                       for y in totals.index])
    ax.set_ylabel("Total trade, USD bn")
    ax.set_ylim(0, totals.max() * 1.15)
    rows = pd.concat([data.load("china_russia_trade").query("flow == 'total'"),
                      data.load("after_china_russia_trade").query("flow == 'total' and period == '2025'")])
    return plots.finish(
        fig, title=f"China–Russia trade fell {abs(change):.1f}% in 2025{since}",
        source=citation.cite_rows(rows, max_cited=plots.MAX_CITED,
                              tables=["china_russia_trade", "after_china_russia_trade"]),
        alt="Bar chart of China's total trade with Russia in USD bn: "
            + ", ".join(f"{y} {v:.1f}" for y, v in totals.items())
            + f". 2025, after the article, is hatched: {change:.1f}% on 2024.")


def oil_figure() -> Figure:
    """Tracker estimates of China's intake of Iranian oil in 2025, by period; a lower bound drawn as one."""
    est = after.oil_estimates("china-imports-iran")
    fig, ax = plots.new_figure(9, 4.8)
    labels = []
    for i, r in enumerate(est.itertuples(index=False)):
        colour = plots.PALETTE[0] if r.measured_by == "Kpler" else plots.PALETTE[1]
        ax.barh(i, r.value, color=colour, hatch="//" if r.bound == "lower-bound" else "")
        mark = "more than " if r.bound == "lower-bound" else ""
        ax.text(r.value + 0.02, i, f"{mark}{r.value:.2f}", va="center", fontsize=12)
        labels.append(f"{r.measured_by}, {r.period_start:%d %b}-{r.period_end:%d %b %Y}")
    ax.set_yticks(range(len(est)), labels)
    ax.set_xlabel("China's intake of Iranian oil, million barrels a day")
    ax.set_xlim(0, est["value"].max() * 1.3)
    ax.grid(axis="x", color="#d0d0d0")
    ax.grid(axis="y", visible=False)
    year = est.set_index("indicator_id").loc["kpler-2025", "value"]
    return plots.finish(
        fig, title=f"China kept taking Iranian oil through 2025: about {year:.2f} million barrels a day "
                   "on average (Kpler)",
        source=citation.cite_rows(est, max_cited=plots.MAX_CITED, tables=["after_oil_indicators"]),
        alt="Horizontal bars of tracker estimates of China's intake of Iranian oil in million barrels a day: "
            + "; ".join(f"{lbl}: {v:.2f}" + (" (lower bound)" if b == "lower-bound" else "")
                        for lbl, v, b in zip(labels, est["value"], est["bound"], strict=True)) + ".")


def tariff_figure() -> Figure:
    """The US 'fentanyl' tariff rate on imports from China over time, ending at the Supreme Court's ruling."""
    steps = after.tariff_steps()
    ruling = pd.Timestamp(steps["until"].iloc[-1])
    fig, ax = plots.new_figure(9, 4.6)
    for i, r in enumerate(steps.itertuples(index=False)):
        start, end = pd.Timestamp(r.in_force), pd.Timestamp(r.until)
        ax.fill_between([start, end], 0, r.rate_pct, color=plots.PALETTE[0], alpha=0.85, step="pre",
                        linewidth=0)
        ax.text(start + (end - start) / 2, r.rate_pct + 1, f"{r.rate_pct:.0f}%", ha="center", fontsize=12)
        if i == 0:
            ax.axvline(pd.Timestamp(r.signed), color="#777777", linestyle=":", linewidth=1)
    ax.axvline(ruling, color=plots.PALETTE[3], linewidth=2.5)
    ax.text(ruling, 23, " Supreme Court:\n IEEPA does not\n authorise tariffs", color="#000000", fontsize=11,
            va="top")
    ax.set_xlim(pd.Timestamp("2025-01-01"), pd.Timestamp(data.as_of()))
    ax.set_ylim(0, 25)
    ax.set_ylabel("Additional duty, %")
    ticks = pd.date_range("2025-01-01", pd.Timestamp(data.as_of()), freq="6MS")
    ax.set_xticks(ticks, [f"{t:%b %Y}" for t in ticks])
    rates = ", then ".join(f"{r:.0f}%" for r in steps["rate_pct"])
    acts = data.load("after_actions")
    rows = acts[acts["event_id"].isin(steps["event_id"]) | (acts["kind"] == "court-ruling")]
    return plots.finish(
        fig, title=f"The 'fentanyl' tariff on China: {rates}, until the Supreme Court ruled the law used "
                   "allows no tariffs",
        source=citation.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["after_actions"]),
        alt="Step chart of the additional US duty on imports from China over fentanyl: "
            + "; ".join(f"{r.rate_pct:.0f}% from {r.in_force} ({r.legal_act})" for r in steps.itertuples())
            + f"; a vertical line marks the Supreme Court ruling of {ruling.date()}.")


def deaths_figure() -> Figure:
    """US overdose deaths: final calendar years to 2024, then provisional 12-month counts, marked as such."""
    final = data.load("fent_overdose_deaths").query(
        "vintage == 'final' and drug_category == 'all_drugs' and year >= 2019").sort_values("year")
    prov = after.deaths_12_months()
    fig, ax = plots.new_figure(9, 5)
    x_final = [pd.Timestamp(year=int(y), month=12, day=31) for y in final["year"]]
    ax.plot(x_final, final["deaths"].astype(float) / 1000, color=plots.PALETTE[0], marker="o",
            label="Final, calendar year")
    d = prov["deaths"].astype(float) / 1000
    lo = (prov["deaths"] - prov["low"].fillna(prov["deaths"])).astype(float) / 1000
    hi = (prov["high"].fillna(prov["deaths"]) - prov["deaths"]).astype(float) / 1000
    ax.errorbar(prov["period_end"], d, yerr=[lo, hi], color=plots.PALETTE[1], marker="s",
                markerfacecolor="white", linestyle="--", capsize=4, label="Provisional, 12 months ending")
    ax.set_ylabel("Overdose deaths, thousands")
    ax.set_xlabel("End of the 12 months counted (a calendar year ends on 31 December)")
    ax.set_ylim(0, 125)
    ax.legend(loc="lower left")
    latest = prov.iloc[-1]
    rows = pd.concat([final, prov])
    return plots.finish(
        fig, title=f"Overdose deaths kept falling: about {latest['deaths']:,} in the 12 months to "
                   f"{latest['period_end']:%B %Y} (provisional)",
        source=citation.cite_rows(rows, max_cited=plots.MAX_CITED,
                              tables=["fent_overdose_deaths", "after_overdose_deaths"]),
        alt="Line chart of US drug overdose deaths in thousands. Final calendar years: "
            + ", ".join(f"{int(y)} {v:,}" for y, v in zip(final["year"], final["deaths"], strict=True))
            + ". Provisional 12-month counts (open squares, dashed, with rounding ranges): "
            + ", ".join(f"to {p:%b %Y} {v:,}"
                        for p, v in zip(prov["period_end"], prov["deaths"], strict=True))
            + ".")


def render_timeline(theme: str = "all", kind: str = "all") -> Figure:
    """One view of the timeline explorer: dated actions after the article, one row per theme.

    >>> from helpers import plots
    >>> plots.title_of(render_timeline("fentanyl", "tariffs"))
    'Fentanyl: 8 dated steps on tariffs and the ruling, Jan 2025 to Dec 2026'
    """
    return update_timeline(plots.new_figure(9, 4.4)[0], theme, kind)


def update_timeline(fig: Figure, theme: str = "all", kind: str = "all") -> Figure:
    """Draw the timeline explorer's view on ``fig`` (a figure :func:`render_timeline` made).

    >>> fig = render_timeline()
    >>> update_timeline(fig, "fentanyl", "tariffs") is fig, plots.title_of(fig)[:9]
    (True, 'Fentanyl:')
    """
    themes = list(after.THEMES) if theme == "all" else [theme]
    kinds = list(after.KINDS) if kind == "all" else list(after.KIND_GROUPS[kind])
    tl = after.timeline(themes, kinds)
    ax = fig.axes[0]
    plots.clear_axes(ax)
    rows = list(after.THEMES)
    for k, g in tl.groupby("kind"):
        marker, colour = _KIND_MARKERS[str(k)]
        ax.plot(g["date"], [rows.index(t) for t in g["theme"]], linestyle="none", marker=marker,
                markersize=10, color=plots.PALETTE[colour], label=after.KINDS[str(k)], alpha=0.85)
    ax.set_yticks(range(len(rows)), [after.THEMES[t] for t in rows])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    start, end = pd.Timestamp("2025-01-01"), pd.Timestamp(data.as_of())
    ax.set_xlim(start, end)
    ticks = pd.date_range(start, end, freq="6MS")
    ax.set_xticks(ticks, [f"{t:%b %Y}" for t in ticks])
    ax.grid(axis="x", color="#e0e0e0")
    if len(tl):
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4, fontsize=11)
    who = "All three themes" if theme == "all" else after.THEMES[theme]
    what = {"all": "", "sanctions": " on sanctions", "tariffs": " on tariffs and the ruling",
            "controls": " on controls and laws"}[kind]
    title = f"{who}: {len(tl)} dated step{'s' if len(tl) != 1 else ''}{what}, {start:%b %Y} to {end:%b %Y}"
    src = (citation.cite_rows(tl, max_cited=plots.EXPLORER_MAX_CITED, tables=sorted(tl["table"].unique()))
           if len(tl) else "Source: kit table after_actions (no rows in this selection).")
    alt = (f"Timeline of dated steps{what} after the article ({who.lower()}), {start:%b %Y} to {end:%b %Y}, "
           "one row per theme: "
           + ("; ".join(f"{d.date()} {after.THEMES[t]}, {after.KINDS[k]}: {w}"
                        for d, t, k, w in tl[["date", "theme", "kind", "what"]].itertuples(index=False))
              or "none") + ".")
    return plots.finish(fig, title=title, source=src, alt=alt)


_THEME_OPTIONS = [("All themes", "all"), *((label, theme) for theme, label in after.THEMES.items())]
_KIND_OPTIONS = [("All kinds", "all"), ("Sanctions", "sanctions"), ("Tariffs and ruling", "tariffs"),
                 ("Controls and laws", "controls")]


def timeline_explorer() -> Explorer:
    """The timeline across the three themes, 2025 to the as-of date, filtered by theme and kind of action.

    >>> timeline_explorer().view_count()
    16
    """
    return Explorer(
        "After the article: a timeline across the three themes",
        render_timeline,
        {"theme": _THEME_OPTIONS, "kind": _KIND_OPTIONS},
        description="Choose a theme and a kind of action. A date on a timeline is context, not a cause.",
        update=update_timeline,
    )
