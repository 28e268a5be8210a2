"""The scorecard figure for the evidence theme (notebook 05): every claim's final verdict, by theme and type.

The verdicts come from ``helpers.claims``; this module only draws them.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers import claims, plots
from helpers.figures import claims as claims_figures


def scorecard_figure() -> Figure:
    """Stacked bars: the final verdicts for each theme and type of claim, with a takeaway title.

    >>> plots.title_of(scorecard_figure())
    '20 of 37 claims hold up in full; the 2 that fail are both about Iranian oil'
    """
    ledger = claims.claims()
    table = (ledger.groupby(["theme", "claim_type"])["verdict"].value_counts().unstack(fill_value=0)
             .reindex(columns=list(claims.VERDICTS), fill_value=0))
    fig, ax = plots.new_figure(9.0, 5.6)
    y = list(range(len(table)))[::-1]
    left = pd.Series(0, index=table.index)
    for verdict in claims.VERDICTS:
        colour, hatch = claims_figures.VERDICT_STYLE[verdict]
        ax.barh(y, table[verdict], left=left, color=colour, hatch=hatch, edgecolor="white",
                label=claims.label(verdict))
        left = left + table[verdict]
    ax.set_yticks(y, [f"{claims.THEME_LABELS[t]} · {claims.label(c)}" for t, c in table.index])
    ax.set_xlabel("number of claims")
    ax.grid(axis="y", visible=False)
    ax.legend(title="final verdict", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    counts = ledger["verdict"].value_counts()
    failed = ledger[ledger["verdict"] == "not-supported"]
    themes = failed["theme"].unique()
    tail = (f"both about {claims.THEME_LABELS[themes[0]]}" if len(themes) == 1 else
            "across " + ", ".join(claims.THEME_LABELS[t] for t in themes))
    title = (f"{counts.get('supported', 0)} of {len(ledger)} claims hold up in full; "
             f"the {len(failed)} that fail are {tail}")
    alt = ("Horizontal stacked bars, one per theme and claim type, split by final verdict: "
           + "; ".join(f"{claims.THEME_LABELS[t]} {claims.label(c)}: "
                       + ", ".join(f"{claims.label(v)} {table.loc[(t, c), v]}" for v in claims.VERDICTS
                                   if table.loc[(t, c), v])
                       for t, c in table.index) + ".")
    return plots.finish(fig, title=title, source=claims.source_line("article_claims"), alt=alt)
