"""Self-checks for exercises: the face notebooks call, ``check("nb01-q1", answer)``.

The questions and their expected answers live in ``helpers.exercises`` (one module per
notebook, mostly computed from the data so they cannot drift from it).  Feedback names
what is off (type, units, order of magnitude, sign, size, which items) without giving the
answer away; the question's hint comes with the second wrong try (``helpers.exercises.attempts``
counts them in the kernel), and ``...`` is "Not answered yet", never a try; on a class server each
answered try is recorded (``helpers.exercises.records``).
This module imports only from ``helpers.exercises``.

>>> check("nb00-themes", "tariffs")  # doctest: +ELLIPSIS
✗ 'tariffs' is not one of the choices: ...
"""

from __future__ import annotations

from helpers.exercises import Feedback, attempts, find, records


def question(question_id: str):
    """The question object behind an id like ``"nb02-trade-growth"``.

    >>> question("nb00-themes").kind
    'choice'
    >>> question("nb99-x")
    Traceback (most recent call last):
    ...
    KeyError: "no exercises for notebook 99 (question id 'nb99-x'); notebooks with exercises: 00..."
    """
    return find(question_id)


def check(question_id: str, answer: object) -> Feedback:
    """Check a student's answer to one exercise and say what is off; the hint from the second wrong try.

    >>> check("nb00-themes", "a")
    ✓ Correct.
    >>> check("nb00-themes", ...)
    Not answered yet: replace the ... with your answer, then run the cell.
    """
    q = find(question_id)
    result = q.feedback(answer)
    if not result.answered:  # the stub's ...: neither a try nor a record
        return result
    if not result.ok and attempts.record(question_id) >= attempts.HINT_FROM_TRY:
        result = result.with_hint(q.hint)
    return records.record(question_id, result)
