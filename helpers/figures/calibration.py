"""The reliability plot of a student's predicted verdicts (notebook 05): confidence against how often right.

The scoring is in ``helpers.predictions``; this module only draws it.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers import claims, plots, predictions


def reliability_figure(scored: pd.DataFrame, *, example: bool = False) -> Figure:
    """Each confidence bin's mean confidence against the share of its predictions that were right.

    Points on the diagonal are well calibrated; below it, over-confident. ``example`` says in the
    title that the predictions are the kit's example set, not the student's own.

    >>> fig = reliability_figure(predictions.score(predictions.EXAMPLE), example=True)
    >>> plots.title_of(fig)
    'Example predictions: 1 of 5 verdicts right at a mean confidence of 70% (Brier score 0.51)'
    """
    table = predictions.reliability(scored)
    fig, ax = plots.new_figure(6.5, 5.0)
    ax.plot([0, 1], [0, 1], color="#888888", linestyle="--", marker="", label="perfect calibration")
    ax.scatter(table["confidence"], table["share_right"], s=60 + 40 * table["n"], color=plots.PALETTE[0],
               zorder=3, label=f"{'example' if example else 'your'} predictions (size: how many)")
    for row in table.itertuples():
        ax.annotate(f"n={row.n}", (row.confidence, row.share_right), textcoords="offset points",
                    xytext=(8, 6))
    ax.set_xlim(0, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("confidence you gave (mean of the bin)")
    ax.set_ylabel("share of those verdicts that were right")
    ax.legend(loc="upper left")
    right, n = int(scored["right"].sum()), len(scored)
    whose = "Example predictions" if example else "Your predictions"
    title = (f"{whose}: {right} of {n} verdicts right at a mean confidence of "
             f"{scored['confidence'].mean():.0%} (Brier score {predictions.brier(scored):.2f})")
    alt = ("Reliability plot: the diagonal is perfect calibration; "
           + "; ".join(f"confidence {r.bin}: {r.n} prediction(s), {r.share_right:.0%} right"
                       for r in table.itertuples()) + ".")
    whence = "the kit's example set." if example else predictions.FILE_NAME + "."
    source = f"{claims.source_line('article_claims')} Predictions: {whence}"
    return plots.finish(fig, title=title, source=source, alt=alt)
