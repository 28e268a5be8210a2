"""US overdose deaths, fentanyl-control timelines and the arithmetic a careful reader needs.

Small pure functions over the kit's fentanyl tables (``fent_*``):

- deaths series: :func:`deaths`, :func:`final_series`, :func:`t40_4_share`, :func:`category_ranking`;
- the rule that drug categories overlap: :func:`sum_categories` refuses to add them;
- provisional vs final: :func:`revisions`, :func:`first_count_revision`;
- the controls timeline: :func:`timeline`, :func:`reconcile_count` (the article's "55");
- figures: :func:`render_timeline` and the explorer :func:`timeline_explorer`.

One death certificate can list several drugs (fentanyl *and* cocaine, say), so drug
categories are not slices of a pie: they overlap and never add up to the total.

>>> int(final_series("t40_4")[2023])
72776
>>> round(t40_4_share(2023), 1)
69.3
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib.figure import Figure

from helpers import arithmetic, data, plots

CATEGORIES = {
    "all_drugs": "All drug overdose deaths",
    "t40_4": "Synthetic opioids other than methadone (T40.4: fentanyl, analogues, tramadol)",
    "t40_1": "Heroin (T40.1)",
    "rx_opioids": "Prescription opioids (NIDA grouping)",
    "t40_5": "Cocaine (T40.5)",
    "t43_6": "Psychostimulants such as methamphetamine (T43.6)",
}
SHORT = {
    "all_drugs": "All drugs",
    "t40_4": "Synthetic opioids (T40.4)",
    "t40_1": "Heroin",
    "rx_opioids": "Prescription opioids",
    "t40_5": "Cocaine",
    "t43_6": "Psychostimulants",
}
VINTAGES = ("final", "provisional")
JURISDICTIONS = {"CHN": "China", "UN": "UN (CND)", "USA": "United States", "CHN-USA": "US-China talks"}
MEASURES = ("deaths", "aadr_per_100k")
SCHEDULING_TYPES = ("scheduling-nps", "scheduling-precursor", "scheduling-class")


class OverlappingCategoriesError(ValueError):
    """Raised when drug categories would be added as if a death could belong to only one."""


def _check_category(category: str, allow_all: bool = True) -> None:
    allowed = list(CATEGORIES) if allow_all else [c for c in CATEGORIES if c != "all_drugs"]
    if category not in allowed:
        raise ValueError(f"unknown drug category {category!r}; allowed: {', '.join(allowed)}")


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"year must be a whole number like 2023, not {year!r}")
    return year


def deaths(vintage: str = "final", category: str | None = None) -> pd.DataFrame:
    """The deaths table, filtered to one vintage (and optionally one drug category).

    >>> df = deaths("provisional", "all_drugs")
    >>> sorted(df["release"].unique())
    ['2023-05', '2024-05', '2025-05']
    >>> deaths("early")
    Traceback (most recent call last):
    ...
    ValueError: unknown vintage 'early'; allowed: final, provisional
    """
    if vintage not in VINTAGES:
        raise ValueError(f"unknown vintage {vintage!r}; allowed: {', '.join(VINTAGES)}")
    df = data.load("fent_overdose_deaths")
    out = df[df["vintage"] == vintage]
    if category is not None:
        _check_category(category)
        out = out[out["drug_category"] == category]
    out = out.reset_index(drop=True)
    out.attrs["source"] = data.cite_rows(out) if len(out) else df.attrs["source"]
    return out


def final_series(category: str = "all_drugs", measure: str = "deaths") -> pd.Series:
    """Final (NCHS) deaths or age-adjusted rates of one category, indexed by year.

    Years without a value in the final data are left out.

    >>> s = final_series("all_drugs")
    >>> int(s[2022]), int(s[2024])
    (107941, 79384)
    >>> float(final_series("t40_4", "aadr_per_100k")[2023])
    22.2
    >>> final_series("fentanyl")
    Traceback (most recent call last):
    ...
    ValueError: unknown drug category 'fentanyl'; allowed: all_drugs, t40_4, t40_1, rx_opioids, t40_5, t43_6
    """
    _check_category(category)
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; allowed: {', '.join(MEASURES)}")
    df = deaths("final", category).dropna(subset=[measure])
    s = pd.Series(df[measure].to_numpy(), index=df["year"].astype(int).to_numpy(), name=category)
    s.index.name = "year"
    return s.sort_index()


def t40_4_share(year: int | None = None) -> float | pd.DataFrame:
    """Percentage of final all-drug overdose deaths that involved T40.4, per year.

    This is "involved in", not "caused by only": the same deaths may involve other drugs.
    With a year, the share as a float; without, a table for every year.

    >>> round(t40_4_share(2024), 1)
    60.1
    >>> round(float(t40_4_share().loc[1999, "share_pct"]), 1)
    4.3
    >>> t40_4_share(1990)
    Traceback (most recent call last):
    ...
    ValueError: no final counts for 1990; years available: 1999-2024
    """
    both = pd.concat([final_series("all_drugs"), final_series("t40_4")], axis=1, join="inner")
    both.columns = ["all_drugs", "t40_4"]
    both["share_pct"] = both["t40_4"] / both["all_drugs"] * 100
    if year is None:
        return both
    year = _check_year(year)
    if year not in both.index:
        raise ValueError(
            f"no final counts for {year}; years available: {both.index.min()}-{both.index.max()}"
        )
    return float(both.loc[year, "share_pct"])


def sum_categories(categories: Iterable[str], year: int) -> int:
    """The one sum that is allowed: the all-drug total. Adding drug categories is refused.

    A death involving fentanyl and cocaine is counted in both categories, so their sum
    double-counts it; the total of all drug overdose deaths is its own figure.

    >>> sum_categories(["all_drugs"], 2023)
    105007
    >>> sum_categories(["t40_4", "t40_5"], 2017)
    Traceback (most recent call last):
    ...
    helpers.fentanyl.OverlappingCategoriesError: drug categories overlap: one death can carry several ...
    """
    cats = list(categories)
    if not cats:
        raise ValueError("give at least one category")
    for c in cats:
        _check_category(c)
    if len(cats) > 1 or cats[0] != "all_drugs":
        names = ", ".join(repr(c) for c in cats)
        raise OverlappingCategoriesError(
            f"drug categories overlap: one death can carry several drug codes, so adding {names} "
            "would count some deaths twice; use the 'all_drugs' total instead"
        )
    year = _check_year(year)
    s = final_series("all_drugs")
    if year not in s.index:
        raise ValueError(
            f"no final all-drug count for {year}; years available: {s.index.min()}-{s.index.max()}"
        )
    return int(s[year])


def category_ranking(year: int, vintage: str = "final", release: str | None = None,
                     measure: str = "deaths") -> pd.DataFrame:
    """Drug-specific categories of one year, largest first: which drug is 'leading'?

    Each value is read on its own (never summed). ``release`` picks a provisional release.

    >>> category_ranking(2023, measure="aadr_per_100k")["drug_category"].tolist()
    ['t40_4', 't43_6', 't40_5']
    >>> category_ranking(2024, "provisional", "2025-05")["value"].tolist()
    [48422.0, 29456.0, 22174.0]
    >>> category_ranking(2023, measure="deaths")
    Traceback (most recent call last):
    ...
    ValueError: fewer than two drug categories have deaths for 2023 (final); try measure='aadr_per_100k' ...
    """
    year = _check_year(year)
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; allowed: {', '.join(MEASURES)}")
    df = deaths(vintage)
    df = df[(df["year"] == year) & (df["drug_category"] != "all_drugs") & (df["qualifier"] == "exact")]
    if vintage == "provisional":
        releases = sorted(df["release"].dropna().unique())
        if release not in releases:
            raise ValueError(
                f"release {release!r} has no {year} figures; releases: {', '.join(releases) or 'none'}"
            )
        df = df[df["release"] == release]
    elif release is not None:
        raise ValueError("release applies only to vintage='provisional'")
    df = df.dropna(subset=[measure]).drop_duplicates(subset=["drug_category"], keep="first")
    if len(df) < 2:
        raise ValueError(
            f"fewer than two drug categories have {measure} for {year} ({vintage}); "
            "try measure='aadr_per_100k' or another year or release"
        )
    out = pd.DataFrame({"drug_category": df["drug_category"].astype(str).to_numpy(),
                        "label": [SHORT[c] for c in df["drug_category"]],
                        "value": df[measure].astype(float).to_numpy(),
                        "source_id": df["source_id"].astype(str).to_numpy()})
    return out.sort_values("value", ascending=False).reset_index(drop=True)


def revisions(category: str | None = None) -> pd.DataFrame:
    """Every exact provisional figure next to the final count of the same year and category.

    ``revision`` is final minus provisional (negative: the first count was too high);
    rounded figures ('more than', 'around') are left out. Two sources that disagree
    give two rows.

    >>> r = revisions("all_drugs")
    >>> r[r["year"] == 2023][["release", "provisional", "final", "revision"]].values.tolist()
    [['2024-05', 107543, 105007, -2536], ['2025-05', 110037, 105007, -5030]]
    """
    prov = deaths("provisional", category)
    prov = prov[(prov["qualifier"] == "exact") & prov["deaths"].notna()]
    fin = deaths("final").dropna(subset=["deaths"])[["year", "drug_category", "deaths"]]
    merged = prov.merge(fin, on=["year", "drug_category"], suffixes=("", "_final"))
    out = pd.DataFrame({
        "year": merged["year"].astype(int),
        "drug_category": merged["drug_category"].astype(str),
        "release": merged["release"].astype(str),
        "provisional_kind": merged["provisional_kind"].astype(str),
        "provisional": merged["deaths"].astype(int),
        "final": merged["deaths_final"].astype(int),
        "source_id": merged["source_id"].astype(str),
    })
    out["revision"] = out["final"] - out["provisional"]
    out["revision_pct"] = out["revision"] / out["provisional"] * 100
    return out.sort_values(["drug_category", "year", "release", "provisional_kind"]).reset_index(drop=True)


def first_count_revision(year: int, category: str = "all_drugs") -> float:
    """How far (in %) the first predicted provisional count of a year was from the final count.

    >>> round(first_count_revision(2023), 2)
    -2.36
    >>> round(first_count_revision(2024, "t40_4"), 2)
    -1.42
    >>> first_count_revision(2019)
    Traceback (most recent call last):
    ...
    ValueError: no predicted provisional count of all_drugs for 2019 with a final count; years: 2021, ...
    """
    year = _check_year(year)
    _check_category(category)
    r = revisions(category)
    r = r[r["provisional_kind"] == "predicted"]
    row = r[r["year"] == year].sort_values("release").head(1)
    if row.empty:
        years = ", ".join(str(y) for y in sorted(r["year"].unique()))
        raise ValueError(
            f"no predicted provisional count of {category} for {year} with a final count; years: {years}"
        )
    return float(row["revision_pct"].iloc[0])


def _as_date(value: object, name: str) -> pd.Timestamp:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a year (2024) or a date ('2024-06-01'), not {value!r}")
    if isinstance(value, int):
        if name == "start":
            return pd.Timestamp(year=value, month=1, day=1)
        return pd.Timestamp(year=value, month=12, day=31)
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{name} must be a year (2024) or a date ('2024-06-01'), not {value!r}") from None


def timeline(jurisdictions: Sequence[str] | None = None, start: int | str | None = None,
             end: int | str | None = None, kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows of the controls timeline, filtered by jurisdiction, date range (inclusive) and date kind.

    ``start``/``end`` take a year (whole year) or an ISO date.

    >>> t = timeline(["UN"])
    >>> t["date"].dt.year.tolist()
    [2017, 2022, 2024]
    >>> len(timeline(["CHN"], "2024-08-01", "2024-09-30"))
    3
    >>> timeline(["EU"])
    Traceback (most recent call last):
    ...
    ValueError: unknown jurisdiction 'EU'; allowed: CHN, UN, USA, CHN-USA
    """
    df = data.load("fent_controls_timeline")
    if jurisdictions is not None:
        if isinstance(jurisdictions, str):
            raise ValueError("give jurisdictions as a list, e.g. ['CHN', 'UN']")
        for j in jurisdictions:
            if j not in JURISDICTIONS:
                raise ValueError(f"unknown jurisdiction {j!r}; allowed: {', '.join(JURISDICTIONS)}")
        df = df[df["jurisdiction"].isin(list(jurisdictions))]
    lo = _as_date(start, "start") if start is not None else None
    hi = _as_date(end, "end") if end is not None else None
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start ({lo.date()}) is after end ({hi.date()})")
    if lo is not None:
        df = df[df["date"] >= lo]
    if hi is not None:
        df = df[df["date"] <= hi]
    if kinds is not None:
        allowed = [c.allowed for c in data.columns("fent_controls_timeline") if c.name == "date_kind"][0]
        for k in kinds:
            if k not in allowed:
                raise ValueError(f"unknown date kind {k!r}; allowed: {', '.join(allowed)}")
        df = df[df["date_kind"].isin(list(kinds))]
    return df.sort_values(["date", "event_id"]).reset_index(drop=True)


def reconcile_count(claimed: int = 55, start: str = "2024-06-01", end: str = "2024-12-31",
                    action_types: Sequence[str] = ("scheduling-nps", "scheduling-precursor"),
                    jurisdictions: Sequence[str] = ("CHN",)) -> dict:
    """Add up the substances of the actions that took effect in a window, and compare with a claim.

    Only exact counts are added; class-wide listings cannot be counted. The answer depends on
    the window and on which kinds of action count - which is the lesson.

    >>> r = reconcile_count(55)
    >>> r["total"], r["gap"], r["events"]
    (53, 2, ['chn-2024-07-nps', 'chn-2024-09-precursors'])
    >>> reconcile_count(55, start="2024-01-01", action_types=("scheduling-nps", "scheduling-precursor",
    ...                 "export-licensing"))["total"]
    77
    """
    if isinstance(claimed, bool) or not isinstance(claimed, int) or claimed < 0:
        raise ValueError(f"claimed must be a whole number of substances, not {claimed!r}")
    types = [c.allowed for c in data.columns("fent_controls_timeline") if c.name == "action_type"][0]
    for a in action_types:
        if a not in types:
            raise ValueError(f"unknown action type {a!r}; allowed: {', '.join(types)}")
    rows = timeline(list(jurisdictions), start, end, kinds=["effective"])
    rows = rows[rows["action_type"].isin(list(action_types))]
    counted = rows[rows["count_qualifier"] == "exact"]
    uncounted = rows[rows["count_qualifier"] != "exact"]
    total = int(counted["substance_count"].sum())
    return {
        "claimed": claimed,
        "total": total,
        "gap": claimed - total,
        "events": counted["event_id"].astype(str).tolist(),
        "counts": [int(x) for x in counted["substance_count"]],
        "not_countable": uncounted["event_id"].astype(str).tolist(),
        "table": counted[["event_id", "date", "action", "substance_count", "source_id"]]
        .reset_index(drop=True),
    }


_KIND_STYLE = {  # marker, filled?
    "effective": ("o", True),
    "announced": ("o", False),
    "dated": ("o", False),
    "published": ("o", False),
    "decided": ("s", True),
    "enacted": ("s", True),
    "meeting": ("D", False),
}


def render_timeline(jurisdictions: Sequence[str] = ("CHN", "UN", "USA", "CHN-USA"),
                    start: int = 2013, end: int = 2025) -> Figure:
    """Final overdose deaths (all drugs and T40.4) with the selected control steps beneath them.

    The upper panel draws deaths by year; the lower strip has one row per jurisdiction, with
    effective dates as filled circles and announcement dates as open circles. Dates on a chart
    are context, not causes.

    >>> from helpers import plots
    >>> fig = render_timeline(["UN"], 2015, 2025)
    >>> plots.title_of(fig)
    'UN (CND): 3 steps, 2015-2025; T40.4 deaths highest in 2022'
    >>> render_timeline(["UN"], 2026, 2030)
    Traceback (most recent call last):
    ...
    ValueError: years must lie within 1999-2025 with start <= end; got 2026-2030
    """
    if isinstance(jurisdictions, str):
        raise ValueError("give jurisdictions as a list or tuple, e.g. ('CHN', 'UN')")
    juris = list(jurisdictions)
    if not juris:
        raise ValueError("choose at least one jurisdiction: " + ", ".join(JURISDICTIONS))
    for j in juris:
        if j not in JURISDICTIONS:
            raise ValueError(f"unknown jurisdiction {j!r}; allowed: {', '.join(JURISDICTIONS)}")
    for v in (start, end):
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"start and end are years like 2015, not {v!r}")
    if not (1999 <= start <= end <= 2025):
        raise ValueError(f"years must lie within 1999-2025 with start <= end; got {start}-{end}")

    steps = timeline(juris, start, end)
    n_events = steps["event_id"].nunique()
    all_d = final_series("all_drugs")
    t404 = final_series("t40_4")
    yrs = [y for y in all_d.index if start <= y <= end]

    fig = Figure(figsize=(8.0, 5.2), layout="constrained")
    ax, ax2 = fig.subplots(2, 1, sharex=True, height_ratios=[2.0, 1.3])
    x_of = {y: pd.Timestamp(year=y, month=7, day=1) for y in all_d.index}
    for i, (series, label) in enumerate(((all_d, SHORT["all_drugs"]), (t404, SHORT["t40_4"]))):
        ys = [y for y in series.index if start <= y <= end]
        ax.plot([x_of[y] for y in ys], [series[y] / 1000 for y in ys], color=plots.PALETTE[i],
                marker=plots.MARKERS[i], linestyle=plots.LINESTYLES[i], label=label)
    ax.set_ylabel("Deaths (thousands)")
    highest = max((all_d[y] for y in yrs), default=0) / 1000
    ax.set_ylim(0, highest * 1.45 if highest else 1)  # headroom: the legend sits above the lines
    ax.legend(loc="upper left", ncols=2)

    rows = list(reversed(juris))
    # One artist per jurisdiction and kind of date (not one per step): fewer artists, faster redraws.
    for (j, kind), g in steps.groupby(["jurisdiction", "date_kind"], observed=True):
        marker, filled = _KIND_STYLE[str(kind)]
        colour = plots.PALETTE[2 + list(JURISDICTIONS).index(str(j))]
        ax2.plot(g["date"], [rows.index(j)] * len(g), marker=marker, markersize=8, linestyle="none",
                 color=colour, markerfacecolor=colour if filled else "white", markeredgewidth=1.8)
    for _eid, g in steps.groupby("event_id"):
        if len(g) > 1:
            ax2.plot(g["date"], [rows.index(g["jurisdiction"].iloc[0])] * len(g), color="#777777",
                     linewidth=1, zorder=0)
    ax2.set_yticks(range(len(rows)), [JURISDICTIONS[j] for j in rows])
    ax2.set_ylim(-0.6, len(rows) - 0.4)
    ax2.set_xlim(pd.Timestamp(year=start, month=1, day=1), pd.Timestamp(year=end, month=12, day=31))
    # Fixed yearly ticks: readable at any range, and far cheaper to draw than matplotlib's date locator.
    years = range(start, end + 1, 1 if end - start <= 6 else 2)
    ax2.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in years], [str(y) for y in years])
    ax2.grid(axis="x", color="#e0e0e0")
    ax2.set_xlabel("Date. Filled: in force; open: announced or published; diamond: meeting")

    names = ", ".join(JURISDICTIONS[j] for j in juris) if len(juris) < len(JURISDICTIONS) else "China, UN, US"
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
        f"{d.date()} {JURISDICTIONS[j]} {k}: {a}"
        for d, j, k, a in steps[["date", "jurisdiction", "date_kind", "action"]].itertuples(index=False)
    ) or "none"
    alt = (f"Line chart of final US overdose deaths per year, {start}-{end} (all drugs, and T40.4 synthetic "
           f"opioids), above a strip of dated control steps by {names}. Steps: {alt_steps}.")
    shown = deaths("final").query(f"drug_category in ['all_drugs', 't40_4'] and {start} <= year <= {end}")
    if len(shown) or len(steps):
        src = data.cite_rows(pd.concat([shown, steps]), max_cited=plots.EXPLORER_MAX_CITED,
                             tables=["fent_overdose_deaths", "fent_controls_timeline"])
    else:
        src = "Source: kit tables fent_overdose_deaths, fent_controls_timeline (no rows in this selection)."
    return plots.finish(fig, title=title, source=src, alt=alt)


_TIMELINE_JURIS = [
    ("All", ("CHN", "UN", "USA", "CHN-USA")),
    ("China", ("CHN",)),
    ("UN", ("UN",)),
    ("US and US-China talks", ("USA", "CHN-USA")),
]
# Ranges end in 2025 (the last control step); each view is precomputed for the handout, so the
# number of views is kept small (MAX_VIEWS and the handout size budget).
_TIMELINE_START = [("2013-2025", 2013), ("2021-2025", 2021)]


def timeline_explorer():
    """The timeline explorer: pick who acted and a year range (to 2025); deaths and steps redraw.

    >>> ex = timeline_explorer()
    >>> ex.view_count()
    8
    """
    from helpers.widgets import Explorer

    return Explorer(
        "Fentanyl controls over the deaths series",
        render_timeline,
        {"jurisdictions": _TIMELINE_JURIS, "start": _TIMELINE_START},
        default={"jurisdictions": _TIMELINE_JURIS[0][1], "start": 2013},
        description="Choose who acted and the years to show. A control's date is context, not a cause.",
    )


# The shared arithmetic under the name notebook 04 uses: pct_change(200, 150) == -25.0
pct_change = arithmetic.pct_change


def cbp_series(scope: str = "all_cbp") -> pd.Series:
    """CBP fentanyl seizures (pounds) by fiscal year, from CBP's current files.

    >>> s = cbp_series()
    >>> float(s[2023]), float(s[2025])
    (27022.86, 12027.28)
    >>> cbp_series("mail")
    Traceback (most recent call last):
    ...
    ValueError: unknown scope 'mail'; allowed: all_cbp, ofo, usbp, southwest_border
    """
    scopes = ("all_cbp", "ofo", "usbp", "southwest_border")
    if scope not in scopes:
        raise ValueError(f"unknown scope {scope!r}; allowed: {', '.join(scopes)}")
    df = data.load("fent_cbp_seizures")
    df = df[(df["scope"] == scope) & df["data_file"].str.startswith("nationwide-drugs")]
    s = pd.Series(df["pounds"].astype(float).to_numpy(), index=df["fiscal_year"].astype(int).to_numpy(),
                  name=scope)
    s.index.name = "fiscal_year"
    return s.sort_index()


def render_waves() -> Figure:
    """The three waves: prescription opioids, heroin, then synthetic opioids (T40.4), with all drugs.

    Each line is read on its own: the categories overlap and are not stacked.

    >>> from helpers import plots
    >>> plots.title_of(render_waves())
    'Three waves of overdose deaths: prescription opioids, then heroin, then synthetic opioids'
    """
    fig, ax = plots.new_figure(9.0, 5.2)
    for i, cat in enumerate(("all_drugs", "rx_opioids", "t40_1", "t40_4")):
        s = final_series(cat)
        ax.plot(s.index, s.to_numpy() / 1000, color=plots.PALETTE[i], marker=plots.MARKERS[i],
                linestyle=plots.LINESTYLES[i], markersize=5, label=SHORT[cat])
    ax.set_ylabel("Deaths per year (thousands)")
    ax.set_xlabel("Year (heroin and prescription-opioid lines end in 2017, where the compiled series ends)")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    t = final_series("t40_4")
    rx, her = final_series("rx_opioids"), final_series("t40_1")
    alt = (f"Line chart of US overdose deaths per year, 1999-2024, final data. All drugs rise from "
           f"{final_series('all_drugs')[1999]:,} to a peak of {final_series('all_drugs').max():,} in "
           f"{final_series('all_drugs').idxmax()} and fall to {final_series('all_drugs')[2024]:,} in 2024. "
           f"Prescription opioids rise to {rx.max():,} ({rx.idxmax()}); heroin rises to {her.max():,} "
           f"({her.idxmax()}); synthetic opioids (T40.4) stay near 3,000 until 2013, then rise to "
           f"{t.max():,} in {t.idxmax()} and fall to {t[2024]:,} in 2024. Lines overlap and are not stacked.")
    rows = deaths("final").query("drug_category in ['all_drugs', 'rx_opioids', 't40_1', 't40_4']")
    src = data.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["fent_overdose_deaths"])
    return plots.finish(fig, title="Three waves of overdose deaths: prescription opioids, then heroin, "
                        "then synthetic opioids", source=src, alt=alt)


def render_share() -> Figure:
    """Share of overdose deaths involving T40.4, per year, with the one-half line.

    >>> from helpers import plots
    >>> plots.title_of(render_share())
    'Synthetic opioids (T40.4) were involved in more than half of overdose deaths every year since 2019'
    """
    table = t40_4_share()
    first = int(table[table["share_pct"] > 50].index.min())
    fig, ax = plots.new_figure(9.0, 4.6)
    ax.bar(table.index, table["share_pct"], color=plots.PALETTE[1], edgecolor="#555555", linewidth=0.5)
    ax.axhline(50, color="#333333", linestyle="--", linewidth=1.2)
    ax.text(1999, 52, "one half", fontsize=11)
    ax.set_ylabel("T40.4 share (% of deaths)")
    ax.set_xlabel("Year (final data)")
    ax.set_ylim(0, 100)
    pct = table["share_pct"]
    alt = (f"Bar chart of the share of US overdose deaths that involved synthetic opioids other than "
           f"methadone, 1999-2024: {pct[1999]:.1f}% in 1999, {pct[2013]:.1f}% in 2013, above 50% from "
           f"{first}, {pct[2023]:.1f}% in 2023 and {pct[2024]:.1f}% in 2024.")
    rows = deaths("final").query("drug_category in ['all_drugs', 't40_4']")
    title = ("Synthetic opioids (T40.4) were involved in more than half of overdose deaths every year "
             f"since {first}")
    src = data.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["fent_overdose_deaths"])
    return plots.finish(fig, title=title, source=src, alt=alt)


def render_revisions() -> Figure:
    """Each provisional release of the all-drug count next to the final count, 2021-2024.

    >>> from helpers import plots
    >>> plots.title_of(render_revisions())
    'The first predicted counts of 2022-2024 were 1.3-2.4% above the final counts'
    """
    r = revisions("all_drugs")
    years = sorted(r["year"].unique())
    fig, ax = plots.new_figure(9.0, 5.0)
    fin = final_series("all_drugs")
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
    rows = deaths("provisional", "all_drugs").query("qualifier == 'exact'")
    final = deaths("final", "all_drugs").query("year >= 2021")
    src = data.cite_rows(pd.concat([rows, final]), max_cited=plots.MAX_CITED, tables=["fent_overdose_deaths"])
    title = f"The first predicted counts of 2022-2024 were {lo:.1f}-{hi:.1f}% above the final counts"
    return plots.finish(fig, title=title, source=src, alt=alt)


def render_cbp() -> Figure:
    """CBP fentanyl seizures by fiscal year: all of CBP, with the Southwest border part.

    >>> from helpers import plots
    >>> plots.title_of(render_cbp())
    'CBP fentanyl seizures peaked in FY2023 and fell 55% by FY2025'
    """
    allc, swb = cbp_series("all_cbp"), cbp_series("southwest_border")
    peak = int(allc.idxmax())
    fall = -pct_change(allc[peak], allc.iloc[-1])
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
                        source=data.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["fent_cbp_seizures"]),
                        alt=alt)


def months_between(start: str, end: str) -> int:
    """Whole months from one date to a later one.

    >>> months_between("2022-03-16", "2024-09-01")
    29
    >>> months_between("2024-09-01", "2022-03-16")
    Traceback (most recent call last):
    ...
    ValueError: end (2022-03-16) is before start (2024-09-01)
    """
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if b < a:
        raise ValueError(f"end ({b.date()}) is before start ({a.date()})")
    return (b.year - a.year) * 12 + b.month - a.month - (b.day < a.day)
