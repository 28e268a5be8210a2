"""Question types for the self-checks: Number, Choice, Items, Mapping and CorrectionNote.

Each type's ``feedback(answer)`` returns a :class:`~helpers.exercises.feedback.Feedback` that names
what is off (type, units, order of magnitude, sign, direction, how many items) without giving the
answer away.  Expected values may be callables, evaluated on first use, so that answers are computed
from the data rather than typed in.

>>> Choice(expected="b", options=("a", "b")).feedback("a").ok
False
>>> q = Number(expected=110.97, unit="USD bn", rel_tol=0.01)
>>> print(q.feedback(110970))
✗ Not yet: about 1,000 times too large. Check the units (USD bn).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from helpers.exercises.feedback import OK, Feedback, no


def _resolve(value):
    return value() if callable(value) else value


def _is_number(x: object) -> bool:
    try:
        import numpy as np

        if isinstance(x, np.generic):
            x = x.item()
    except ImportError:  # pragma: no cover
        pass
    return isinstance(x, int | float) and not isinstance(x, bool)


@dataclass(frozen=True)
class Number:
    """A numeric answer with a tolerance; feedback names units, magnitude, sign or direction.

    >>> q = Number(expected=4.0, rel_tol=0.05, unit="times")
    >>> print(q.feedback(-4))
    ✗ Not yet: the sign is wrong.
    >>> print(q.feedback(3.0))
    ✗ Not yet: too low (off by more than the 5% allowed).
    >>> print(q.feedback("4"))
    ✗ Expected a number (times), got str '4'. Remove the quotes.
    """

    expected: float | Callable[[], float]
    unit: str = ""
    rel_tol: float = 0.01
    abs_tol: float = 0.0
    kind: str = "number"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        unit = f" ({self.unit})" if self.unit else ""
        if isinstance(answer, str):
            return no(f"Expected a number{unit}, got str {answer!r}. Remove the quotes.")
        if not _is_number(answer):
            return no(f"Expected a number{unit}, got {type(answer).__name__}.")
        answer = float(answer)
        if math.isnan(answer):
            return no("The answer is NaN (not a number): a value is missing somewhere.")
        expected = float(_resolve(self.expected))
        if math.isclose(answer, expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return OK
        hint = f" {self.hint}" if self.hint else ""
        if expected != 0 and answer != 0 and (answer > 0) != (expected > 0):
            return no(f"Not yet: the sign is wrong.{hint}")
        if expected != 0 and answer != 0:
            ratio = abs(answer / expected)
            for factor, word in ((1e9, "1,000,000,000"), (1e6, "1,000,000"), (1e3, "1,000"),
                                 (100, "100")):
                if math.isclose(ratio, factor, rel_tol=0.05):
                    return no(f"Not yet: about {word} times too large. Check the units{unit}.{hint}")
                if math.isclose(ratio, 1 / factor, rel_tol=0.05):
                    return no(f"Not yet: about {word} times too small. Check the units{unit}.{hint}")
            if ratio > 10 or ratio < 0.1:
                return no(f"Not yet: the order of magnitude is off.{hint}")
        direction = "too high" if answer > expected else "too low"
        allowed = f"{self.rel_tol:.0%}" if self.rel_tol else f"{self.abs_tol:g}"
        return no(f"Not yet: {direction} (off by more than the {allowed} allowed).{hint}")


@dataclass(frozen=True)
class Choice:
    """One answer out of named options.

    >>> print(Choice(expected="b", options=("a", "b")).feedback("c"))
    ✗ 'c' is not one of the choices: 'a', 'b'.
    """

    expected: str | Callable[[], str]
    options: tuple[str, ...]
    kind: str = "choice"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        choices = ", ".join(repr(o) for o in self.options)
        if not isinstance(answer, str):
            return no(f"Expected one of {choices} (a string), got {type(answer).__name__}.")
        if answer.strip().lower() not in [o.lower() for o in self.options]:
            return no(f"{answer!r} is not one of the choices: {choices}.")
        if answer.strip().lower() == str(_resolve(self.expected)).lower():
            return OK
        hint = f" {self.hint}" if self.hint else ""
        return no(f"Not yet: {answer!r} is a possible answer, but not this one.{hint}")


def _as_items(answer: object) -> list | None:
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
        return None
    return list(answer)


@dataclass(frozen=True)
class Items:
    """A collection of items; ``ordered=True`` when the order matters.

    >>> q = Items(expected=("C2", "C3", "C16"))
    >>> print(q.feedback(["C2", "C3"]))
    ✗ Not yet: 2 of 3 right, 1 missing.
    >>> print(Items(expected=(1, 2, 3), ordered=True).feedback([2, 1, 3]))
    ✗ Not yet: the right items, in the wrong order.
    """

    expected: tuple | Callable[[], tuple]
    ordered: bool = False
    kind: str = "items"
    hint: str = ""
    normalise: Callable[[object], object] = field(default=lambda x: x)

    def feedback(self, answer: object) -> Feedback:
        items = _as_items(answer)
        if items is None:
            return no(f"Expected a list of items, got {type(answer).__name__}.")
        got = [self.normalise(i) for i in items]
        want = [self.normalise(i) for i in _resolve(self.expected)]
        hint = f" {self.hint}" if self.hint else ""
        if len(set(map(repr, got))) != len(got):
            return no(f"Not yet: some items appear twice.{hint}")
        if self.ordered and got == want:
            return OK
        if sorted(map(repr, got)) == sorted(map(repr, want)):
            return no(f"Not yet: the right items, in the wrong order.{hint}") if self.ordered else OK
        right = sum(1 for g in got if g in want)
        missing = len(want) - right
        extra = len(got) - right
        parts = [f"{right} of {len(want)} right"]
        if missing:
            parts.append(f"{missing} missing")
        if extra:
            parts.append(f"{extra} that should not be there")
        return no("Not yet: " + ", ".join(parts) + "." + hint)


@dataclass(frozen=True)
class Mapping:
    """A label for each key (e.g. claim id -> type); feedback counts the wrong labels.

    >>> q = Mapping(expected={"C3": "statistic", "C4": "event"}, labels=("statistic", "event"))
    >>> print(q.feedback({"C3": "statistic", "C4": "statistic"}))
    ✗ Not yet: 1 of 2 labelled right.
    """

    expected: dict | Callable[[], dict]
    labels: tuple[str, ...]
    kind: str = "mapping"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        if not isinstance(answer, dict):
            return no(f"Expected a dict like {{'C3': ...}}, got {type(answer).__name__}.")
        want = _resolve(self.expected)
        missing = [k for k in want if k not in answer]
        if missing:
            return no(f"Not yet: no label for {', '.join(map(str, missing))}.")
        unknown = [k for k in answer if k not in want]
        if unknown:
            return no(f"Not yet: {', '.join(map(str, unknown))} is not part of this exercise.")
        bad = [v for v in answer.values() if v not in self.labels]
        if bad:
            return no(f"{bad[0]!r} is not a label; labels: {', '.join(map(repr, self.labels))}.")
        right = sum(answer[k] == v for k, v in want.items())
        if right == len(want):
            return OK
        hint = f" {self.hint}" if self.hint else ""
        return no(f"Not yet: {right} of {len(want)} labelled right.{hint}")


_NOTE_KEYS = ("claim", "verdict", "evidence", "note")


@dataclass(frozen=True)
class CorrectionNote:
    """A structured piece of writing: a claim id, a verdict, its evidence and a note of about N words.

    Checks the structure, never the wording: the claim is one of ``claims``, the verdict one of
    ``verdicts``, the evidence names something to check (at least ``min_evidence_words`` words),
    and the note has ``min_words`` to ``max_words`` words and names the claim id.

    >>> q = CorrectionNote(claims=("C16",), verdicts=("supported", "not-supported"),
    ...                    min_words=3, max_words=10)
    >>> print(q.feedback({"claim": "C16", "verdict": "wrong", "evidence": "oil_china_flows, notebook 03",
    ...                   "note": "C16 overstates growth."}))
    ✗ 'wrong' is not a verdict; verdicts: 'supported', 'not-supported'.
    >>> print(q.feedback({"claim": "C16", "verdict": "not-supported",
    ...                   "evidence": "oil_china_flows, notebook 03", "note": "C16 overstates the growth."}))
    ✓ Correct.
    """

    claims: tuple[str, ...] | Callable[[], tuple[str, ...]]
    verdicts: tuple[str, ...]
    min_words: int = 120
    max_words: int = 180
    min_evidence_words: int = 3
    kind: str = "correction-note"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        if not isinstance(answer, dict):
            return no(f"Expected a dict with the keys {', '.join(_NOTE_KEYS)}, got {type(answer).__name__}.")
        missing = [k for k in _NOTE_KEYS if not isinstance(answer.get(k), str) or not answer[k].strip()]
        if missing:
            return no(f"Not yet: fill in {', '.join(missing)} (text in quotes).")
        allowed = _resolve(self.claims)
        if answer["claim"] not in allowed:
            return no(f"{answer['claim']!r} is not a claim of this exercise; claims: {', '.join(allowed)}.")
        if answer["verdict"] not in self.verdicts:
            return no(f"{answer['verdict']!r} is not a verdict; verdicts: "
                       + ", ".join(map(repr, self.verdicts)) + ".")
        if len(answer["evidence"].split()) < self.min_evidence_words:
            return no("Not yet: the evidence should name a table, a function or a source a reader can "
                       "check.")
        words = len(answer["note"].split())
        if not self.min_words <= words <= self.max_words:
            return no(f"Not yet: the note has {words} words; aim for {self.min_words} to {self.max_words}.")
        if answer["claim"] not in answer["note"]:
            return no(f"Not yet: name the claim ({answer['claim']}) in the note so the editor can find it.")
        return OK
