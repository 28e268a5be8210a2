"""US overdose deaths, fentanyl-control timelines and the arithmetic a careful reader needs (no drawing).

Small pure functions over the kit's fentanyl tables (``fent_*``):

- deaths series: :func:`deaths`, :func:`final_series`, :func:`t40_4_share`, :func:`category_ranking`;
- the rule that drug categories overlap: :func:`sum_categories` refuses to add them;
- provisional vs final: :func:`revisions`, :func:`first_count_revision`;
- the controls timeline: :func:`timeline`, :func:`reconcile_count` (the article's "55");
- the timeline explorer's values: :data:`TIMELINE_GROUPS`, :data:`TIMELINE_STARTS`;
- seizures: :func:`cbp_series`. The figures are in ``helpers.figures.fentanyl``.

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

from helpers import arithmetic, data

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
#: Who acted, as the timeline explorer offers it: everyone, China, the UN, the US with US-China talks.
TIMELINE_GROUPS = (("CHN", "UN", "USA", "CHN-USA"), ("CHN",), ("UN",), ("USA", "CHN-USA"))
#: First years the timeline explorer offers. Each view is precomputed for the handout, so the number
#: of views is kept small (MAX_VIEWS and the handout size budget).
TIMELINE_STARTS = (2013, 2021)
#: The last year of the timeline: the last control step in the table.
TIMELINE_END = 2025


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
    return out.reset_index(drop=True)


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
