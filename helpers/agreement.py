"""How far two coders agree on labels (a student's verdicts against the kit's): percent and Cohen's kappa.

Pure functions, nothing drawn: notebook 01's blind-coding exercise codes ten claims with the verdict
codebook, then compares the codes with the kit's ledger. Percent agreement counts the claims coded
alike; Cohen's kappa discounts the agreement two coders would reach by chance, given how often each
uses each label (1 is perfect agreement, 0 is no better than chance, below 0 worse than chance).

>>> mine = {"C1": "supported", "C2": "unverifiable", "C3": "supported", "C4": "opinion"}
>>> kit = {"C1": "supported", "C2": "unverifiable", "C3": "not-supported", "C4": "opinion"}
>>> result = compare(mine, kit)
>>> (result.agreed, result.coded, f"{result.percent:.0f}%", round(result.kappa, 2))
(3, 4, '75%', 0.67)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd


def _unanswered(code: object) -> bool:
    return code is Ellipsis or code is None or (isinstance(code, str) and code.strip() in ("", "..."))


def normalise(code: str) -> str:
    """A label as the ledger writes it: lower case, hyphens for spaces (``"Partly supported"``).

    >>> normalise(" Partly supported "), normalise("NOT-SUPPORTED")
    ('partly-supported', 'not-supported')
    """
    return "-".join(str(code).strip().lower().split())


def percent_agreement(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of items the two coders labelled alike, in percent.

    >>> percent_agreement(["x", "y", "y"], ["x", "y", "x"])
    66.66666666666667
    """
    if len(a) != len(b) or not a:
        raise ValueError(f"two codings of the same items are needed; got {len(a)} and {len(b)} labels "
                         "(give both coders the same, non-empty list of items)")
    return 100 * sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def cohens_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa: (observed agreement - chance agreement) / (1 - chance agreement).

    Chance agreement is the sum, over labels, of the product of the two coders' shares of that
    label. When both coders use one and the same label for every item, chance agreement is 1 and
    kappa is undefined: the function returns 1.0 (they agree, and nothing else was possible).

    >>> cohens_kappa(["x", "y", "x", "y"], ["x", "y", "x", "y"])
    1.0
    >>> cohens_kappa(["x", "x", "y", "y"], ["x", "y", "x", "y"])
    0.0
    """
    observed = percent_agreement(a, b) / 100
    n = len(a)
    count_a, count_b = Counter(a), Counter(b)
    chance = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if chance == 1:
        return 1.0
    return (observed - chance) / (1 - chance)


@dataclass(frozen=True)
class Agreement:
    """One comparison: how many items were coded, how many alike, percent and kappa (None when none)."""

    coded: int
    agreed: int
    percent: float | None
    kappa: float | None
    not_coded: tuple[str, ...]

    def __str__(self) -> str:
        if self.not_coded:
            return (f"Not coded yet: {', '.join(self.not_coded)}.\nReplace each ... with a verdict and "
                    "run the cells again: the kit's verdicts are shown once all are coded.")
        return (f"You agree with the kit on {self.agreed} of {self.coded} claims ({self.percent:.0f}%); "
                f"Cohen's kappa {self.kappa:.2f} (1 = perfect agreement, 0 = no better than chance).")


def compare(mine: Mapping[str, object], kit: Mapping[str, str], labels: Sequence[str] | None = None
            ) -> Agreement:
    """Compare a coder's labels (``{item: label}``) with the kit's, over the items the coder was given.

    Items still at ``...`` are listed as not coded, and nothing is compared until all are coded.
    ``labels`` (optional) are the allowed labels; a label outside them is an error that names it.

    >>> print(compare({"C1": "supported", "C2": ...}, {"C1": "supported", "C2": "x"}))  # doctest: +ELLIPSIS
    Not coded yet: C2.
    Replace each ... with a verdict and run the cells again: ...
    >>> compare({"C1": "maybe"}, {"C1": "supported"}, labels=("supported", "opinion"))
    Traceback (most recent call last):
    ...
    ValueError: 'maybe' (for C1) is not a verdict; allowed: supported, opinion (write one of them in quotes)
    """
    missing = [k for k in mine if k not in kit]
    if missing:
        raise ValueError(f"{', '.join(map(str, missing))} not in the kit's ledger; "
                         "code only the claims given")
    not_coded = tuple(str(k) for k, v in mine.items() if _unanswered(v))
    if not_coded:
        return Agreement(coded=len(mine) - len(not_coded), agreed=0, percent=None, kappa=None,
                         not_coded=not_coded)
    codes = {k: normalise(v) for k, v in mine.items()}
    if labels is not None:
        for k, v in codes.items():
            if v not in labels:
                raise ValueError(f"{mine[k]!r} (for {k}) is not a verdict; allowed: {', '.join(labels)} "
                                 "(write one of them in quotes)")
    a = [codes[k] for k in mine]
    b = [normalise(kit[k]) for k in mine]
    agreed = sum(x == y for x, y in zip(a, b, strict=True))
    return Agreement(coded=len(a), agreed=agreed, percent=percent_agreement(a, b), kappa=cohens_kappa(a, b),
                     not_coded=())


def side_by_side(mine: Mapping[str, object], kit: Mapping[str, str]) -> pd.DataFrame:
    """A table of each item, the coder's label and the kit's; empty until every item is coded.

    >>> side_by_side({"C1": "Supported"}, {"C1": "supported"}).to_dict("records")
    [{'claim': 'C1', 'yours': 'supported', 'kit': 'supported', 'same': True}]
    >>> side_by_side({"C1": ...}, {"C1": "supported"}).empty
    True
    """
    columns = ["claim", "yours", "kit", "same"]
    if any(_unanswered(v) for v in mine.values()):
        return pd.DataFrame(columns=columns)
    rows = [(k, normalise(v), normalise(kit[k])) for k, v in mine.items()]
    return pd.DataFrame([(k, y, t, y == t) for k, y, t in rows], columns=columns)
