"""Claims figures and explorers (notebook 01): the ledger drawn, and each claim in its paragraph.

The counts and filters come from ``helpers.claims``; this module turns them into charts and HTML.
Notebook 01 writes ``from helpers.figures import claims as claims_figures`` and shows
``claims_figures.counts_figure()``.
"""

from __future__ import annotations

import html
from functools import partial

import pandas as pd
from matplotlib.figure import Figure

from helpers import article, data, plots
from helpers.claims import (
    ALL,
    CLAIM_TYPES,
    NOTEBOOKS,
    THEME_LABELS,
    THEMES,
    VERDICTS,
    claims,
    counts,
    label,
    source_line,
)
from helpers.widgets import Explorer

# Chart and control labels of the claim types (the vocabulary itself is ``helpers.claims.CLAIM_TYPES``).
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

#: One colour and hatch per verdict, for every chart of verdicts: holding up is green, failing is
#: vermillion (never green), and a hatch tells them apart in greyscale.
VERDICT_STYLE = {
    "supported": (plots.OKABE_ITO["bluish_green"], ""),
    "partly-supported": (plots.OKABE_ITO["orange"], "//"),
    "not-supported": (plots.OKABE_ITO["vermillion"], "xx"),
    "unverifiable": ("#999999", ".."),
    "opinion": (plots.OKABE_ITO["reddish_purple"], "\\\\"),
}


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

    >>> from helpers.figures.claims import render_claims
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

    >>> from helpers.figures.claims import render_verdicts
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

    >>> from helpers.figures.claims import claims_explorer
    >>> claims_explorer().view_count()
    25
    """
    return Explorer(
        title="Claims explorer: the article's claims in their paragraphs",
        render=partial(render_claims, verdict=ALL),
        controls={"theme": _options(THEMES, THEME_LABELS), "claim_type": _options(CLAIM_TYPES, TYPE_LABELS)},
        description="Pick a theme and a type of claim; each claim is highlighted in its paragraph.",
    )


def verdicts_explorer() -> Explorer:
    """The verdicts table, one view per verdict (6 views; every verdict in the ledger is final).

    >>> from helpers.figures.claims import verdicts_explorer
    >>> verdicts_explorer().view_count()
    6
    """
    return Explorer(
        title="Verdicts: which claims hold up, and who settles them",
        render=partial(render_verdicts, stage=ALL),
        controls={"verdict": _options(VERDICTS)},
        description="Pick a verdict; each row names the notebook that settles the claim.",
    )


def counts_figure() -> Figure:
    """Bar chart: claims per type, stacked by theme (colour and hatch).

    >>> from helpers import plots
    >>> from helpers.figures.claims import counts_figure
    >>> plots.title_of(counts_figure())
    'Events are the commonest claim: 15 of 37; 9 are statistics'
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
    >>> from helpers.figures.claims import errata_figure
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


def verdicts_by_notebook_figure() -> Figure:
    """Bar chart: verdicts per notebook that settles them (stage first or final).

    >>> from helpers import plots
    >>> from helpers.figures.claims import verdicts_by_notebook_figure
    >>> plots.title_of(verdicts_by_notebook_figure())
    'Notebook 01 settles 22 of 37 claims; the data notebooks settle 15'
    """
    table = counts("checked_in", "verdict")
    fig, ax = plots.new_figure(9.0, 4.8)
    y = list(range(len(table)))[::-1]
    left = pd.Series(0, index=table.index)
    for verdict in VERDICTS:
        colour, hatch = VERDICT_STYLE[verdict]
        ax.barh(y, table[verdict], left=left, color=colour, hatch=hatch, edgecolor="white",
                label=label(verdict))
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
