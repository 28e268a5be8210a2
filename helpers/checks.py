"""Self-checks for exercises: say whether an answer is right, and what is off if not.

The expected answers live in ``helpers/exercises/nbNN.py`` (one module per
notebook), mostly computed from the data so they cannot drift from it.
Feedback names what is off (type, units, order of magnitude, sign, direction,
how many items) without giving the answer away.

>>> from helpers.exercises import Number
>>> q = Number(expected=110.97, unit="USD bn", rel_tol=0.01)
>>> print(q.feedback(111.0))
✓ Correct.
>>> print(q.feedback(110970))
✗ Not yet: about 1,000 times too large. Check the units (USD bn).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from helpers.records import record

_QID = re.compile(r"^nb(\d{2})-[a-z0-9-]+$")


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``ok`` and a message for the student."""

    ok: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.ok

    def _repr_html_(self) -> str:
        colour = "#006d4f" if self.ok else "#a33a00"
        from html import escape

        return f'<p style="color:{colour};font-weight:bold">{escape(self.message)}</p>'

    def __repr__(self) -> str:
        return self.message


def question(question_id: str):
    """The question object behind an id like ``"nb02-trade-growth"``.

    >>> question("nb00-themes").kind
    'choice'
    >>> question("nb99-x")
    Traceback (most recent call last):
    ...
    KeyError: "no exercises for notebook 99 (question id 'nb99-x'); notebooks with exercises: 00..."
    """
    if not isinstance(question_id, str) or not _QID.match(question_id):
        raise KeyError(
            f"{question_id!r} is not a question id; ids look like 'nb02-trade-growth' "
            "(nb, two digits, a dash, lower-case words)"
        )
    nb = _QID.match(question_id).group(1)
    try:
        module = importlib.import_module(f"helpers.exercises.nb{nb}")
    except ModuleNotFoundError:
        from helpers.exercises import notebooks_with_exercises

        have = ", ".join(notebooks_with_exercises())
        raise KeyError(
            f"no exercises for notebook {nb} (question id {question_id!r}); "
            f"notebooks with exercises: {have}"
        ) from None
    questions = module.QUESTIONS
    if question_id not in questions:
        raise KeyError(
            f"unknown question {question_id!r}; notebook {nb} has: " + ", ".join(sorted(questions))
        )
    return questions[question_id]


def check(question_id: str, answer: object) -> Feedback:
    """Check a student's answer to one exercise and say what is off.

    >>> check("nb00-themes", "fentanyl controls")
    ✓ Correct.
    >>> check("nb00-themes", "tariffs")  # doctest: +ELLIPSIS
    ✗ 'tariffs' is not one of the choices: ...
    """
    return record(question_id, question(question_id).feedback(answer))
