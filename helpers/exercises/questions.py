"""Question types for the self-checks: Number, Choice, Items and Mapping (judgement types: ``judgement``).

Each type's ``feedback(answer)`` returns a :class:`~helpers.exercises.feedback.Feedback` that names
what is off (type, units, size, sign, which items) without giving the answer away; equivalent forms
(numpy and pandas values, sets, ``"P6"`` for 6 where a question says so) pass (``forms``).
The hint is not part of it: ``helpers.checks.check`` adds it from the second wrong try.
Expected values may be callables, evaluated on first use, so answers are computed from the data.

>>> Choice(expected="b", options=("a", "b")).feedback("a").ok
False
>>> q = Number(expected=110.97, unit="USD bn", rel_tol=0.01)
>>> print(q.feedback(110970))
✗ Not yet: about 1,000 times too large. Check the units (USD bn).
>>> print(q.feedback(...))
Not answered yet: replace the ... with your answer, then run the cell.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from helpers.exercises import forms
from helpers.exercises.feedback import NOT_ANSWERED, OK, Feedback, no


def resolve(value):
    """A question's expected value: called first if it is a callable.

    >>> resolve(lambda: 3), resolve(4)
    (3, 4)
    """
    return value() if callable(value) else value


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.3g}%"


def _not_a_number(answer: object, unit: str) -> str | None:
    """What is wrong with an answer that is not one plain number (None when it is one)."""
    want = f"Expected a number{unit}"
    kind = type(answer).__name__
    if answer is None:
        return (f"{want}, got None: nothing was assigned. Put the number (or the expression that "
                "gives it) after answer = .")
    if isinstance(answer, str):
        return f"{want}, got str {answer!r}. Remove the quotes."
    if isinstance(answer, bool):
        return f"{want}, got bool {answer} (a yes/no value)."
    if answer is getattr(__import__("sys").modules.get("pandas"), "NA", object()):
        return f"{want}, got pd.NA: the value is missing in the table you used."
    array_like = type(answer).__module__.split(".")[0] in ("numpy", "pandas")
    size = getattr(answer, "size", None) if array_like else None
    if size is not None:
        return f"{want}, got a {kind} of {size} values; the answer is one number."
    if isinstance(answer, list | tuple | set | dict):
        return f"{want}, got a {kind} of {len(answer)} item(s); the answer is one number, not a {kind}."
    if isinstance(answer, complex):
        return f"{want}, got complex {answer}."
    if not isinstance(answer, int | float):
        try:
            float(answer)
        except (TypeError, ValueError):
            return f"{want}, got {kind}."
    return None


def _size(answer: float, expected: float) -> str:
    """How far off, in words, without the answer: 'a little too low (less than 10% off)'."""
    direction = "too high" if answer > expected else "too low"
    if expected == 0:
        return direction
    off = abs(answer - expected) / abs(expected)
    if off < 0.1:
        return f"a little {direction} (less than 10% off)"
    if off <= 0.5:
        return f"{direction} (10% to 50% off)"
    return f"far {direction} (more than 50% off)"


@dataclass(frozen=True)
class Number:
    """A numeric answer with a tolerance; feedback names units, magnitude, sign and how far off.

    ``rel_tol=0`` and ``abs_tol=0`` make an exact count. A one-element Series or array counts as its value.

    >>> q = Number(expected=4.0, rel_tol=0.05, unit="times")
    >>> print(q.feedback(-4))
    ✗ Not yet: the sign is wrong.
    >>> print(q.feedback(3.0))
    ✗ Not yet: too low (10% to 50% off; within 5% counts as right).
    >>> print(Number(expected=8, rel_tol=0, unit="claims").feedback(7))
    ✗ Not yet: too low (10% to 50% off). This is an exact count: it has to match exactly.
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
        if forms.unanswered(answer):
            return NOT_ANSWERED
        unit = f" ({self.unit})" if self.unit else ""
        answer = forms.plain(forms.size_one(answer))
        problem = _not_a_number(answer, unit)
        if problem:
            return no(problem)
        try:
            answer = float(answer)
        except OverflowError:
            return no("Not yet: the order of magnitude is off (the number is far too large).")
        if math.isnan(answer):
            return no("The answer is NaN (not a number): a value is missing somewhere.")
        if math.isinf(answer):
            return no("The answer is infinite: a division by zero somewhere?")
        expected = float(resolve(self.expected))
        if math.isclose(answer, expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return OK
        if expected != 0 and answer != 0 and (answer > 0) != (expected > 0):
            return no("Not yet: the sign is wrong.")
        if expected != 0 and answer != 0:
            ratio = abs(answer / expected)
            for factor, word in ((1e9, "1,000,000,000"), (1e6, "1,000,000"), (1e3, "1,000"),
                                 (100, "100")):
                if math.isclose(ratio, factor, rel_tol=0.05):
                    return no(f"Not yet: about {word} times too large. Check the units{unit}.")
                if math.isclose(ratio, 1 / factor, rel_tol=0.05):
                    return no(f"Not yet: about {word} times too small. Check the units{unit}.")
            if ratio > 10 or ratio < 0.1:
                return no("Not yet: the order of magnitude is off.")
        size = _size(answer, expected)
        if not self.rel_tol and not self.abs_tol:
            return no(f"Not yet: {size}. This is an exact count: it has to match exactly.")
        allowed = [_percent(self.rel_tol)] if self.rel_tol else []
        allowed += [f"±{self.abs_tol:g}"] if self.abs_tol else []
        within = f"within {' or '.join(allowed)} counts as right"
        if size.endswith(")"):
            return no(f"Not yet: {size[:-1]}; {within}).")
        return no(f"Not yet: {size} ({within}).")


def _options(options: tuple[str, ...] | dict[str, str]) -> tuple[str, ...]:
    return tuple(options)


@dataclass(frozen=True)
class Choice:
    """One answer out of named options; ``options`` as a dict gives each wrong option its own feedback.

    Write each wrong option's feedback as the misconception it stands for (from the teaching notes);
    the right option's entry is never shown (leave it "").

    >>> q = Choice(expected="b", options={"a": "That counts loadings, not arrivals.", "b": "", "c": ""})
    >>> print(q.feedback("a"))
    ✗ Not yet: That counts loadings, not arrivals.
    >>> print(q.feedback("d"))
    ✗ 'd' is not one of the choices: 'a', 'b', 'c'.
    """

    expected: str | Callable[[], str]
    options: tuple[str, ...] | dict[str, str]
    kind: str = "choice"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        if forms.unanswered(answer):
            return NOT_ANSWERED
        names = _options(self.options)
        choices = ", ".join(repr(o) for o in names)
        answer = forms.plain(answer)
        if not isinstance(answer, str):
            return no(f"Expected one of {choices} (a string), got {type(answer).__name__}.")
        picked = next((o for o in names if o.lower() == answer.strip().lower()), None)
        if picked is None:
            return no(f"{answer!r} is not one of the choices: {choices}.")
        if picked.lower() == str(resolve(self.expected)).lower():
            return OK
        why = self.options.get(picked, "") if isinstance(self.options, dict) else ""
        if why:
            return no(f"Not yet: {why}")
        return no(f"Not yet: {picked!r} is a possible answer, but not this one.")


@dataclass(frozen=True)
class Items:
    """A collection of items (list, tuple, set, array, Series); ``ordered=True`` when the order matters.

    ``normalise`` maps each item to its plain form (``forms.paragraph``, ``forms.hs_code``,
    ``forms.claim_id``); ``options`` (optional) limits the items, and as a dict gives each wrong
    item its own feedback.

    >>> q = Items(expected=("C2", "C3", "C16"))
    >>> print(q.feedback(["C2", "C3"]))
    ✗ Not yet: 2 of 3 right, 1 missing.
    >>> print(q.feedback(["C2", "C3", "C16", "C9"]))
    ✗ Not yet: 3 of 3 right, 1 that should not be there ('C9').
    >>> print(Items(expected=(1, 2, 3), ordered=True).feedback([2, 1, 3]))
    ✗ Not yet: the right items, in the wrong order.
    """

    expected: tuple | Callable[[], tuple]
    ordered: bool = False
    kind: str = "items"
    hint: str = ""
    normalise: Callable[[object], object] = field(default=lambda x: x)
    options: tuple | dict | None = None

    def feedback(self, answer: object) -> Feedback:
        if forms.unanswered(answer):
            return NOT_ANSWERED
        given = forms.items(answer)
        if given is None:
            return no(f"Expected a list of items like [..., ...], got {type(answer).__name__}.")
        if given and all(forms.unanswered(i) for i in given):
            return NOT_ANSWERED
        got = [self.normalise(forms.plain(i)) for i in given]
        want = [self.normalise(forms.plain(i)) for i in resolve(self.expected)]
        if any(got.count(g) > 1 for g in got):
            return no("Not yet: some items appear twice.")
        if self.options is not None:
            allowed = [self.normalise(o) for o in self.options]
            outside = [g for g in got if g not in allowed]
            if outside:
                return no(f"{forms.shown(outside[0])} is not one of the options: "
                          + ", ".join(map(forms.shown, allowed)) + ".")
        if got == want or (not self.ordered and sorted(map(repr, got)) == sorted(map(repr, want))):
            return OK
        if sorted(map(repr, got)) == sorted(map(repr, want)):
            return no("Not yet: the right items, in the wrong order.")
        right = sum(1 for g in got if g in want)
        extra = [g for g in got if g not in want]
        parts = [f"{right} of {len(want)} right"]
        if len(want) - right:
            parts.append(f"{len(want) - right} missing")
        if extra:
            parts.append(f"{len(extra)} that should not be there ({', '.join(map(forms.shown, extra))})")
        message = "Not yet: " + ", ".join(parts) + "."
        if extra and all(isinstance(g, str) for g in extra) and all(isinstance(w, int) for w in want):
            message += " The items are numbers, not text: remove the quotes."
        if isinstance(self.options, dict):
            whys = {self.normalise(k): v for k, v in self.options.items() if v}
            message += "".join(f" {forms.shown(g)}: {whys[g]}" for g in extra if g in whys)
        return no(message)


@dataclass(frozen=True)
class Mapping:
    """A label for each key (e.g. claim id -> type); feedback names the keys labelled wrong.

    Keys and labels match whatever their case (``"c4"``, ``"Event"``); a dict or a pandas Series.

    >>> q = Mapping(expected={"C3": "statistic", "C4": "event"}, labels=("statistic", "event"))
    >>> print(q.feedback({"C3": "statistic", "C4": "statistic"}))
    ✗ Not yet: 1 of 2 labelled right; look again at C4.
    """

    expected: dict | Callable[[], dict]
    labels: tuple[str, ...]
    kind: str = "mapping"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        if forms.unanswered(answer):
            return NOT_ANSWERED
        if hasattr(answer, "to_dict") and type(answer).__name__ == "Series":
            answer = answer.to_dict()
        if not isinstance(answer, dict):
            return no(f"Expected a dict like {{'C3': ...}}, got {type(answer).__name__}.")
        want = resolve(self.expected)
        if answer and all(forms.unanswered(v) for v in answer.values()):
            return NOT_ANSWERED
        keys = {str(k).strip().lower(): k for k in want}
        given = {}
        for k, v in answer.items():
            if str(k).strip().lower() not in keys:
                return no(f"Not yet: {k} is not part of this exercise.")
            given[keys[str(k).strip().lower()]] = forms.plain(v)
        missing = [k for k in want if k not in given or forms.unanswered(given[k])]
        if missing:
            return no(f"Not yet: no label for {forms.listing([str(k) for k in missing])}.")
        labels = {label.lower(): label for label in self.labels}
        for k, v in given.items():
            if not isinstance(v, str):
                return no(f"The label for {k} should be one text label, got {type(v).__name__}; labels: "
                          + ", ".join(map(repr, self.labels)) + ".")
            if forms.label(v) not in labels:
                return no(f"{v!r} is not a label; labels: {', '.join(map(repr, self.labels))}.")
        wrong = [str(k) for k, v in want.items() if labels[forms.label(given[k])] != v]
        if not wrong:
            return OK
        return no(f"Not yet: {len(want) - len(wrong)} of {len(want)} labelled right; "
                  f"look again at {forms.listing(wrong)}.")
