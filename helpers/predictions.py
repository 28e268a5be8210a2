"""A student's predicted verdicts: written in notebook 00, read back (and scored) in notebook 05.

Before any data, a student predicts a verdict and a confidence (50% to 100%) for the five claims in
:data:`CLAIMS`. :func:`save` writes them to ``my-predictions.json`` in the student's own folder (the
current working directory unless ``folder`` says otherwise: never the repository); :func:`load`
reads them back, or returns ``{}`` when there is no file, so notebook 05 works without them.

The file holds ``{"claims": {"C2": {"verdict": "unverifiable", "confidence": 0.7}, ...}}``;
confidences are fractions (a student may type 70 or 0.7). Nothing here draws.
Notebook 05 scores them (:func:`score`: each against the kit's final verdict; :func:`brier`, the Brier
score; :func:`reliability`, a table by confidence) and, without a saved file, scores :data:`EXAMPLE`, a
reader who trusts the article. The reliability plot is ``helpers.figures.calibration``.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> guess = {c: ("supported", 60) for c in CLAIMS}
>>> save(guess, folder)
✓ Saved 5 predictions in my-predictions.json.
>>> load(folder)["C16"]
{'verdict': 'supported', 'confidence': 0.6}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import claims

#: The five claims a student predicts: one statistic per theme, and both halves of paragraph 11.
CLAIMS = ("C2", "C3", "C16", "C17", "C37")
#: The verdicts a student may predict (the ledger's own).
VERDICTS = claims.VERDICTS
FILE_NAME = "my-predictions.json"
LOWEST, HIGHEST = 0.5, 1.0  # a confidence below 50% would mean another verdict is likelier


@dataclass(frozen=True)
class Saved:
    """What :func:`save` did: the file written (None when nothing was) and a message for the student."""

    path: Path | None
    message: str

    @property
    def ok(self) -> bool:
        return self.path is not None

    def __repr__(self) -> str:
        return self.message


def _folder(folder: Path | str | None) -> Path:
    return Path.cwd() if folder is None else Path(folder)


def _unanswered(value: object) -> bool:
    return value is Ellipsis or (isinstance(value, str) and value.strip() in ("", "..."))


def confidence(value: object) -> float:
    """A confidence as a fraction: 70, "70%", 0.7 all give 0.7; outside 50% to 100% is a ValueError.

    >>> confidence(70), confidence("85%"), confidence(0.5)
    (0.7, 0.85, 0.5)
    >>> confidence(40)
    Traceback (most recent call last):
    ...
    ValueError: confidence 40 is outside 50% to 100%: below 50% another verdict is likelier, so pick that one
    """
    text = str(value).strip().removesuffix("%") if isinstance(value, str) else value
    try:
        number = float(text)
    except (TypeError, ValueError):
        raise ValueError(f"confidence {value!r} is not a number; write a percentage from 50 to 100, "
                         "like 70") from None
    fraction = number / 100 if number > 1 else number
    if not LOWEST <= fraction <= HIGHEST:
        raise ValueError(f"confidence {value!r} is outside 50% to 100%: below 50% another verdict is "
                         "likelier, so pick that one")
    return round(fraction, 4)


def _entry(claim: str, value: object) -> dict | None:
    """One prediction as ``{"verdict", "confidence"}``; None while either half is still ``...``."""
    if isinstance(value, Mapping):
        verdict, conf = value.get("verdict", ...), value.get("confidence", ...)
    elif isinstance(value, tuple | list) and len(value) == 2:
        verdict, conf = value
    else:
        raise ValueError(f"the prediction for {claim} is {value!r}; write (verdict, confidence), "
                         'like ("supported", 70)')
    if _unanswered(verdict) or _unanswered(conf):
        return None
    said = str(verdict).strip().lower().replace(" ", "-")
    if said not in VERDICTS:
        raise ValueError(f"{verdict!r} (for {claim}) is not a verdict; verdicts: {', '.join(VERDICTS)}")
    try:
        fraction = confidence(conf)
    except ValueError as exc:
        raise ValueError(f"{claim}: {exc}") from None
    return {"verdict": said, "confidence": fraction}


def parse(predictions: Mapping) -> dict[str, dict]:
    """The predictions in the file's form, for the claims answered so far (a ValueError names a bad one).

    >>> parse({"C2": ("Unverifiable", 70), "C3": (..., ...)})
    {'C2': {'verdict': 'unverifiable', 'confidence': 0.7}}
    >>> parse({"C99": ("supported", 70)})
    Traceback (most recent call last):
    ...
    ValueError: 'C99' is not one of the claims to predict: C2, C3, C16, C17, C37
    """
    if not isinstance(predictions, Mapping):
        raise ValueError(f"predictions should be a dict like {{'C2': ('supported', 70)}}, got "
                         f"{type(predictions).__name__}")
    parsed = {}
    for key, value in predictions.items():
        claim = str(key).strip().upper()
        if claim not in CLAIMS:
            raise ValueError(f"{key!r} is not one of the claims to predict: {', '.join(CLAIMS)}")
        entry = _entry(claim, value)
        if entry is not None:
            parsed[claim] = entry
    return parsed


def save(predictions: Mapping, folder: Path | str | None = None) -> Saved:
    """Write the five predictions to ``my-predictions.json`` in ``folder`` (default: the current folder).

    Nothing is written until all five claims have a verdict and a confidence; a wrong value is named
    in the message, never raised, so the student can fix the cell and run it again.

    >>> save({"C2": (..., ...)}, "/nonexistent")
    Not saved yet: no prediction for C2, C3, C16, C17, C37. Replace each ... and run the cell again.
    >>> save({"C2": ("true", 70)}, "/nonexistent")  # doctest: +ELLIPSIS
    ✗ Not saved: 'true' (for C2) is not a verdict; verdicts: supported, partly-supported, ...
    """
    try:
        parsed = parse(predictions)
    except ValueError as exc:
        return Saved(None, f"✗ Not saved: {exc}")
    missing = [c for c in CLAIMS if c not in parsed]
    if missing:
        return Saved(None, f"Not saved yet: no prediction for {', '.join(missing)}. Replace each ... and run "
                           "the cell again.")
    path = _folder(folder) / FILE_NAME
    body = {"claims": {c: parsed[c] for c in CLAIMS}}
    path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    return Saved(path, f"✓ Saved {len(CLAIMS)} predictions in {FILE_NAME}.")


def load(folder: Path | str | None = None) -> dict[str, dict]:
    """The saved predictions, claim id -> ``{"verdict", "confidence"}``; ``{}`` when there is no file.

    >>> load("/nonexistent")
    {}
    """
    path = _folder(folder) / FILE_NAME
    if not path.is_file():
        return {}
    fix = f"delete {path} and predict again in notebook 00"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return parse({c: (v["verdict"], v["confidence"]) for c, v in raw["claims"].items()})
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path} is not a predictions file ({exc}); {fix}") from None


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


def checked(predictions: dict) -> dict[str, dict]:
    """Predictions to score, checked: any claim id of the ledger, verdicts and confidences 0-1.

    Takes the file's form (``{"claims": {...}}``) or what :func:`load` returns (claim id -> entry).

    >>> checked({"claims": {"c2": {"verdict": "Supported", "confidence": 0.7}}})
    {'C2': {'verdict': 'supported', 'confidence': 0.7}}
    >>> checked({"claims": {"C2": {"verdict": "supported", "confidence": 70}}})
    Traceback (most recent call last):
    ...
    ValueError: C2: confidence 70 is outside 0 to 1; write a probability, e.g. 0.7 for 70%
    """
    if isinstance(predictions, dict) and predictions and "claims" not in predictions:
        predictions = {"claims": predictions}  # as load() returns them: claim id -> entry
    if not isinstance(predictions, dict) or not isinstance(predictions.get("claims"), dict):
        raise ValueError(f"predictions should be {{'claims': {{claim id: {{...}}}}}}, got "
                         f"{predictions!r:.80}; save them with predictions.save() in notebook 00")
    known = set(claims.claims()["claim_id"])
    checked = {}
    for raw, guess in predictions["claims"].items():
        claim = str(raw).strip().upper()
        if not isinstance(guess, dict):
            raise ValueError(f"{raw!r}: a prediction is {{'verdict': ..., 'confidence': ...}}, "
                             f"got {guess!r}; save them with predictions.save() in notebook 00")
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


def score(predictions: dict) -> pd.DataFrame:
    """One row per prediction: the predicted verdict and confidence, the kit's verdict, whether it was
    right, and the squared error (confidence against 1 if right, 0 if not).

    >>> score({"claims": {"C16": {"verdict": "not-supported", "confidence": 0.8}}}).iloc[0].to_dict()
    {'claim': 'C16', 'predicted': 'not-supported', 'confidence': 0.8, 'verdict': 'not-supported', \
'right': True, 'squared_error': 0.04}
    """
    ledger = claims.claims().set_index("claim_id")["verdict"]
    rows = []
    for claim, guess in checked(predictions).items():
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
