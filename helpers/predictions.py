"""A student's predicted verdicts (saved by notebook 00, read back by 05) and their calibration score.

Notebook 00 asks for a predicted verdict and a confidence (0 to 1) for a few claims and saves them in
the student's own folder as ``my-predictions.json`` (never in the repository)::

    {"claims": {"C2": {"verdict": "supported", "confidence": 0.7}}}

Notebook 05 loads them, compares each with the kit's final verdict (:func:`score`), and scores the
confidence with the Brier score (:func:`brier`) and a reliability table (:func:`reliability`). Without a
saved file it uses :data:`EXAMPLE`, a reader who trusts the article. Nothing here draws: the
reliability plot is ``helpers.figures.calibration``.

>>> scored = score(EXAMPLE)
>>> scored[["claim", "predicted", "verdict", "right"]].head(2).values.tolist()
[['C3', 'supported', 'partly-supported', False], ['C16', 'supported', 'not-supported', False]]
>>> round(brier(scored), 2)
0.51
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers import claims

FILENAME = "my-predictions.json"

#: Predictions of a reader who trusts the article, used when a student has saved none.
EXAMPLE: dict = {"claims": {
    "C3": {"verdict": "supported", "confidence": 0.8},
    "C16": {"verdict": "supported", "confidence": 0.7},
    "C17": {"verdict": "supported", "confidence": 0.9},
    "C35": {"verdict": "supported", "confidence": 0.6},
    "C37": {"verdict": "partly-supported", "confidence": 0.5},
}}

#: The confidence bins of the reliability table (right edges are inclusive).
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def check(predictions: dict) -> dict[str, dict]:
    """The ``claims`` part of ``predictions``, checked: known claim ids, verdicts and confidences 0-1.

    >>> check({"claims": {"c2": {"verdict": "Supported", "confidence": 0.7}}})
    {'C2': {'verdict': 'supported', 'confidence': 0.7}}
    >>> check({"claims": {"C2": {"verdict": "supported", "confidence": 70}}})
    Traceback (most recent call last):
    ...
    ValueError: C2: confidence 70 is outside 0 to 1; write a probability, e.g. 0.7 for 70%
    """
    if not isinstance(predictions, dict) or not isinstance(predictions.get("claims"), dict):
        raise ValueError(f"predictions should be {{'claims': {{claim id: {{...}}}}}}, got "
                         f"{predictions!r:.80}; save them with predictions.save() in notebook 00")
    known = set(claims.claims()["claim_id"])
    checked = {}
    for raw, guess in predictions["claims"].items():
        claim = str(raw).strip().upper()
        if claim not in known:
            raise ValueError(f"{raw!r} is not a claim id; allowed: C1 to C{len(known)}")
        verdict = str(guess.get("verdict", "")).strip().lower().replace(" ", "-")
        if verdict not in claims.VERDICTS:
            raise ValueError(f"{claim}: {guess.get('verdict')!r} is not a verdict; allowed: "
                             + ", ".join(claims.VERDICTS))
        confidence = guess.get("confidence")
        number = isinstance(confidence, int | float) and not isinstance(confidence, bool)
        if not number or not 0 <= confidence <= 1:
            raise ValueError(f"{claim}: confidence {confidence!r} is outside 0 to 1; write a probability, "
                             "e.g. 0.7 for 70%")
        checked[claim] = {"verdict": verdict, "confidence": float(confidence)}
    return checked


def save(predictions: dict, folder: Path = Path()) -> Path:
    """Write ``predictions`` (checked) to ``my-predictions.json`` in ``folder`` (default: the current one).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save(EXAMPLE, Path(tmp))
    ...     path.name, load(Path(tmp)) == {"claims": check(EXAMPLE)}
    ('my-predictions.json', True)
    """
    path = Path(folder) / FILENAME
    path.write_text(json.dumps({"claims": check(predictions)}, indent=1) + "\n", encoding="utf-8")
    return path


def load(folder: Path = Path()) -> dict | None:
    """The predictions saved in ``folder`` (default: the current one), or None when there are none.

    >>> load(Path("/nonexistent")) is None
    True
    """
    path = Path(folder) / FILENAME
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def score(predictions: dict) -> pd.DataFrame:
    """One row per prediction: the predicted verdict and confidence, the kit's verdict, whether it was
    right, and the squared error (confidence against 1 if right, 0 if not).

    >>> score({"claims": {"C16": {"verdict": "not-supported", "confidence": 0.8}}}).iloc[0].to_dict()
    {'claim': 'C16', 'predicted': 'not-supported', 'confidence': 0.8, 'verdict': 'not-supported', \
'right': True, 'squared_error': 0.04}
    """
    ledger = claims.claims().set_index("claim_id")["verdict"]
    rows = []
    for claim, guess in check(predictions).items():
        right = guess["verdict"] == ledger[claim]
        rows.append({"claim": claim, "predicted": guess["verdict"], "confidence": guess["confidence"],
                     "verdict": ledger[claim], "right": right,
                     "squared_error": round((guess["confidence"] - float(right)) ** 2, 6)})
    order = {c: i for i, c in enumerate(ledger.index)}
    return pd.DataFrame(rows).sort_values("claim", key=lambda s: s.map(order)).reset_index(drop=True)


def brier(scored: pd.DataFrame) -> float:
    """The Brier score: the mean squared error of the confidences (0 is perfect; always 0.5 gives 0.25).

    >>> brier(score({"claims": {"C16": {"verdict": "not-supported", "confidence": 1.0}}}))
    0.0
    """
    if scored.empty:
        raise ValueError("no predictions to score; save some in notebook 00 or use predictions.EXAMPLE")
    return float(scored["squared_error"].mean())


def reliability(scored: pd.DataFrame) -> pd.DataFrame:
    """For each confidence bin with predictions: how many, the mean confidence and the share that were right.

    >>> reliability(score(EXAMPLE))[["bin", "n", "share_right"]].values.tolist()
    [['0.4-0.6', 2, 0.5], ['0.6-0.8', 2, 0.0], ['0.8-1.0', 1, 0.0]]
    """
    labels = [f"{a:.1f}-{b:.1f}" for a, b in zip(BINS, BINS[1:], strict=False)]
    binned = pd.cut(scored["confidence"], BINS, labels=labels, include_lowest=True)
    table = (scored.assign(bin=binned, right=scored["right"].astype(float))
             .groupby("bin", observed=True)
             .agg(n=("claim", "size"), confidence=("confidence", "mean"), share_right=("right", "mean"))
             .reset_index())
    table["bin"] = table["bin"].astype(str)
    return table
