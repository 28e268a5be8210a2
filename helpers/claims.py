"""The article's claims and errata: filter the ledger, count it, show a claim in its paragraph.

The data are the tables ``article_claims``, ``article_errata`` and ``glossary``
(see ``helpers/data/catalogue.toml``).  Filters take ``"All"`` (or ``None``)
for "no filter"; any other value must be one of the allowed values.

>>> len(claims())
37
>>> claims(theme="fentanyl")["claim_id"].tolist()
['C34', 'C35', 'C36', 'C37']
>>> claims(theme="tariffs")
Traceback (most recent call last):
...
ValueError: unknown theme 'tariffs'; allowed: All, dual-use, iran-oil, fentanyl, diplomacy
"""

from __future__ import annotations

import html
from functools import partial

import pandas as pd
from matplotlib.figure import Figure

from helpers import article, data, plots
from helpers.widgets import Explorer

ALL = "All"
# The vocabularies' one home is the catalogue (helpers/data/catalogue.toml, table article_claims).
THEMES = data.allowed("article_claims", "theme")
CLAIM_TYPES = data.allowed("article_claims", "claim_type")
VERDICTS = data.allowed("article_claims", "verdict")
STAGES = data.allowed("article_claims", "verdict_stage")
NOTEBOOKS = {
    "01-reading-the-source": "Notebook 01 · Reading the source",
    "02-dual-use-goods": "Notebook 02 · Dual-use goods",
    "03-iranian-oil-flows": "Notebook 03 · Iranian oil flows",
    "04-fentanyl-controls": "Notebook 04 · Fentanyl controls",
}
THEME_LABELS = {
    "dual-use": "Dual-use goods",
    "iran-oil": "Iranian oil",
    "fentanyl": "Fentanyl",
    "diplomacy": "Diplomacy",
}
PLURALS = {
    "statistic": "statistics",
    "event": "events",
    "attribution": "attributions",
    "opinion-prediction": "opinions or predictions",
}
TYPE_LABELS = {
    "statistic": "Statistic",
    "event": "Event",
    "attribution": "Attribution",
    "opinion-prediction": "Opinion or prediction",
}


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """None for "no filter", else the value after checking it is allowed."""
    if value is None or value == ALL:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; allowed: {ALL}, " + ", ".join(allowed))
    return value


def label(value: str) -> str:
    """A value as a reader sees it: ``"partly-supported"`` becomes ``"partly supported"``.

    >>> label("opinion-prediction")
    'opinion or prediction'
    """
    return value.replace("opinion-prediction", "opinion or prediction").replace("-", " ")


def claims(theme: str | None = ALL, claim_type: str | None = ALL, verdict: str | None = ALL,
           stage: str | None = ALL) -> pd.DataFrame:
    """The claims ledger, filtered by theme, type, verdict and verdict stage, in claim order.

    >>> claims(claim_type="attribution", theme="dual-use")["claim_id"].tolist()
    ['C12', 'C13']
    >>> claims(verdict="not-supported")["claim_id"].tolist()
    ['C16', 'C18']
    """
    filters = {
        "theme": _choice("theme", theme, THEMES),
        "claim_type": _choice("claim type", claim_type, CLAIM_TYPES),
        "verdict": _choice("verdict", verdict, VERDICTS),
        "verdict_stage": _choice("stage", stage, STAGES),
    }
    df = data.load("article_claims")
    for column, value in filters.items():
        if value is not None:
            df = df[df[column] == value]
    order = df["claim_id"].str[1:].astype(int)
    return df.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def counts(rows: str = "claim_type", columns: str = "theme") -> pd.DataFrame:
    """How many claims fall in each cell of two columns, every category shown (zeros included).

    >>> counts().loc["statistic"].to_dict()
    {'dual-use': 2, 'iran-oil': 4, 'fentanyl': 2, 'diplomacy': 0}
    >>> int(counts("verdict", "verdict_stage").to_numpy().sum())
    37
    """
    categories = {
        "claim_type": CLAIM_TYPES,
        "theme": THEMES,
        "verdict": VERDICTS,
        "verdict_stage": STAGES,
        "checked_in": tuple(NOTEBOOKS),
    }
    for name in (rows, columns):
        if name not in categories:
            raise ValueError(f"cannot count by {name!r}; allowed: " + ", ".join(categories))
    if rows == columns:
        raise ValueError(f"count by two different columns, not {rows!r} twice")
    df = data.load("article_claims")
    table = pd.crosstab(df[rows].astype(str), df[columns].astype(str))
    table = table.reindex(index=list(categories[rows]), columns=list(categories[columns]), fill_value=0)
    table.index.name, table.columns.name = rows, columns
    return table.astype(int)


def errata_ranked() -> pd.DataFrame:
    """The errata, those that change the meaning first, then in paragraph order.

    >>> ranked = errata_ranked()
    >>> bool(ranked["changes_meaning"].iloc[0]), bool(ranked["changes_meaning"].iloc[-1])
    (True, False)
    """
    df = data.load("article_errata")
    df = df.assign(_rank=(~df["changes_meaning"].astype(bool)).astype(int))
    df = df.sort_values(["_rank", "paragraph"], kind="stable").drop(columns="_rank")
    return df.reset_index(drop=True)


def source_line(name: str) -> str:
    """A short source line for a figure drawn from one of the article tables.

    The tables classify the article itself, so the line names the article and says how many
    sources the rows cite (the Sources section lists them all).

    >>> source_line("article_errata")  # doctest: +ELLIPSIS
    "Source: the kit's table article_errata (a reading of The New York Times, 2025-01-10), ..."
    """
    if name not in ("article_claims", "article_errata", "glossary"):
        raise ValueError(f"no source line for {name!r}; allowed: article_claims, article_errata, glossary")
    df = data.load(name)
    ids = {part for sid in df["source_id"] for part in str(sid).split(";")}
    meta = article.metadata()
    return (
        f"Source: the kit's table {name} (a reading of {meta['outlet']}, {meta['published']}), "
        f"checked against {len(ids)} sources listed under Sources."
    )


def _claim_html(row) -> str:
    if row.verdict_stage == "first":
        stage = f"first verdict; {NOTEBOOKS[row.checked_in]} settles it"
    elif row.checked_in == "01-reading-the-source":
        stage = "final verdict, settled in this notebook"
    else:
        stage = f"final verdict, settled in {NOTEBOOKS[row.checked_in]}"
    esc = html.escape
    return (
        f'<div class="claim" style="margin:0 0 1em 0">'
        f"<p><strong>{esc(row.claim_id)}</strong> · {esc(label(row.claim_type))} · "
        f"{esc(THEME_LABELS[row.theme])}</p>"
        f"{article.highlight(int(row.paragraph), row.words)}"
        f"<p><strong>Asserted by:</strong> {esc(row.asserted_by)} · "
        f"<strong>Verdict:</strong> {esc(label(row.verdict))} ({esc(stage)}) · "
        f"<strong>Checked in:</strong> {esc(NOTEBOOKS[row.checked_in])}</p>"
        f"<p><em>Evidence:</em> {esc(row.evidence)}</p></div>"
    )


def _filter_words(theme: str | None, claim_type: str | None, verdict: str | None) -> str:
    parts = []
    if theme not in (None, ALL):
        parts.append(f"theme “{THEME_LABELS[theme]}”")
    if claim_type not in (None, ALL):
        parts.append(f"type “{label(claim_type)}”")
    if verdict not in (None, ALL):
        parts.append(f"verdict “{label(verdict)}”")
    return " and ".join(parts) if parts else "no filter"


def render_claims(theme: str | None = ALL, claim_type: str | None = ALL,
                  verdict: str | None = ALL) -> str:
    """HTML: each matching claim in its paragraph (words highlighted), who asserts it, the
    verdict and the notebook that checks it; a message when nothing matches.

    >>> "<mark>" in render_claims("fentanyl", "statistic")
    True
    >>> render_claims("fentanyl", "attribution")  # doctest: +ELLIPSIS
    '<p class="claims-empty">No claim matches theme “Fentanyl” and type “attribution”...'
    """
    df = claims(theme, claim_type, verdict)
    which = html.escape(_filter_words(theme, claim_type, verdict))
    if df.empty:
        return (
            f'<p class="claims-empty">No claim matches {which}. '
            "Choose “All” for one of the filters to see more.</p>"
        )
    noun = "claim matches" if len(df) == 1 else "claims match"
    head = f'<p class="claims-count"><strong>{len(df)} {noun}</strong> ({which}).</p>'
    return '<div class="claims">' + head + "".join(_claim_html(r) for r in df.itertuples()) + "</div>"


def render_verdicts(verdict: str | None = ALL, stage: str | None = ALL) -> pd.DataFrame:
    """A table of the claims with a given verdict and stage: id, paragraph, words, verdict, evidence.

    >>> render_verdicts("not-supported")["claim"].tolist()
    ['C16', 'C18']
    >>> render_verdicts("opinion", "first").empty
    True
    """
    df = claims(verdict=verdict, stage=stage)
    return pd.DataFrame(
        {
            "claim": df["claim_id"],
            "paragraph": df["paragraph"],
            "words (seed)": df["words"],
            "asserted by": df["asserted_by"],
            "verdict": df["verdict"].map(label),
            "stage": df["verdict_stage"],
            "checked in": df["checked_in"],
            "evidence": df["evidence"],
        }
    )


def _options(values: tuple[str, ...], labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    labels = labels or {v: label(v).capitalize() for v in values}
    return [(ALL, ALL)] + [(labels[v], v) for v in values]


def claims_explorer() -> Explorer:
    """The claims explorer: theme × type (25 views), each claim shown in its paragraph.

    >>> ex = claims_explorer()
    >>> ex.view_count()
    25
    """
    return Explorer(
        title="Claims explorer: the article's claims in their paragraphs",
        render=partial(render_claims, verdict=ALL),
        controls={"theme": _options(THEMES, THEME_LABELS), "claim_type": _options(CLAIM_TYPES, TYPE_LABELS)},
        description="Pick a theme and a type of claim; each claim is highlighted in its paragraph.",
    )


def verdicts_explorer() -> Explorer:
    """The verdicts table: verdict × stage (18 views).

    >>> verdicts_explorer().view_count()
    18
    """
    return Explorer(
        title="Verdicts: which claims hold up, and who settles them",
        render=render_verdicts,
        controls={"verdict": _options(VERDICTS), "stage": _options(STAGES)},
        description="Pick a verdict and a stage ('first': provisional, waiting for a theme notebook).",
    )


def counts_figure() -> Figure:
    """Bar chart: claims per type, stacked by theme (colour and hatch).

    >>> from helpers import plots
    >>> plots.title_of(counts_figure())
    'Events are the commonest claim: 16 of 37; 8 are statistics'
    """
    table = counts("claim_type", "theme")
    totals = table.sum(axis=1)
    fig, ax = plots.new_figure(9.0, 4.8)
    left = pd.Series(0, index=table.index)
    hatches = ["", "//", "..", "xx"]
    y = list(range(len(table)))[::-1]
    for i, theme in enumerate(THEMES):
        ax.barh(y, table[theme], left=left, color=plots.PALETTE[i], hatch=hatches[i],
                edgecolor="white", label=THEME_LABELS[theme])
        left = left + table[theme]
    for yi, total in zip(y, totals, strict=True):
        ax.text(total + 0.2, yi, str(int(total)), va="center")
    ax.set_yticks(y, [TYPE_LABELS[t] for t in table.index])
    ax.set_xlabel("number of claims")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.legend(title="theme", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    top = totals.idxmax()
    title = (
        f"{PLURALS[top].capitalize()} are the commonest claim: {totals[top]} of {totals.sum()}; "
        f"{totals['statistic']} are statistics"
    )
    alt = (
        "Horizontal stacked bars of the article's 37 claims by type, split by theme: "
        + "; ".join(
            f"{TYPE_LABELS[t].lower()} {totals[t]} ("
            + ", ".join(f"{THEME_LABELS[th]} {table.loc[t, th]}" for th in THEMES)
            + ")"
            for t in table.index
        )
        + "."
    )
    return plots.finish(fig, title=title, source=source_line("article_claims"), alt=alt)


def errata_figure() -> Figure:
    """Bar chart: translation errors per kind, split by whether they change the meaning.

    >>> from helpers import plots
    >>> plots.title_of(errata_figure())
    '10 of the 16 translation errors change what the article says'
    """
    df = data.load("article_errata")
    table = pd.crosstab(df["error_kind"].astype(str), df["changes_meaning"].astype(bool))
    table = table.reindex(columns=[True, False], fill_value=0)
    table = table.sort_values([True, False], ascending=True)
    fig, ax = plots.new_figure(9.0, 5.2)
    y = range(len(table))
    ax.barh(y, table[True], color=plots.OKABE_ITO["vermillion"], label="changes the meaning")
    ax.barh(y, table[False], left=table[True], color=plots.OKABE_ITO["sky_blue"], hatch="//",
            edgecolor="white", label="cosmetic")
    ax.set_yticks(list(y), [k.replace("-", " ") for k in table.index])
    ax.set_xlabel("number of errors in the seed")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.legend(loc="lower right")
    changed, total = int(df["changes_meaning"].sum()), len(df)
    alt = (
        f"Horizontal bars of the {total} translation errors by kind; {changed} change the meaning. "
        + "; ".join(
            f"{k.replace('-', ' ')}: {table.loc[k, True]} meaning-changing, {table.loc[k, False]} cosmetic"
            for k in table.index[::-1]
        )
        + "."
    )
    title = f"{changed} of the {total} translation errors change what the article says"
    return plots.finish(fig, title=title, source=source_line("article_errata"), alt=alt)


def verdicts_figure() -> Figure:
    """Bar chart: verdicts per notebook that settles them (stage first or final).

    >>> from helpers import plots
    >>> plots.title_of(verdicts_figure())
    'Notebook 01 settles 22 of 37 claims; the data notebooks settle 15'
    """
    table = counts("checked_in", "verdict")
    fig, ax = plots.new_figure(9.0, 4.8)
    y = list(range(len(table)))[::-1]
    left = pd.Series(0, index=table.index)
    hatches = ["", "//", "xx", "..", "\\\\"]
    for i, verdict in enumerate(VERDICTS):
        ax.barh(y, table[verdict], left=left, color=plots.PALETTE[i], hatch=hatches[i],
                edgecolor="white", label=label(verdict))
        left = left + table[verdict]
    ax.set_yticks(y, [NOTEBOOKS[n].replace("Notebook ", "") for n in table.index])
    ax.set_xlabel("number of claims")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.legend(title="verdict", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    here = int(table.loc["01-reading-the-source"].sum())
    total = int(table.to_numpy().sum())
    title = f"Notebook 01 settles {here} of {total} claims; the data notebooks settle {total - here}"
    alt = (
        "Horizontal stacked bars of the claims per notebook that settles them, split by verdict: "
        + "; ".join(
            f"{NOTEBOOKS[n]}: "
            + ", ".join(f"{label(v)} {table.loc[n, v]}" for v in VERDICTS if table.loc[n, v])
            for n in table.index
        )
        + "."
    )
    return plots.finish(fig, title=title, source=source_line("article_claims"), alt=alt)
