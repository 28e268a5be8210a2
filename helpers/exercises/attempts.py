"""How many wrong tries a student has made at each question, kept in the kernel for the session.

The hint of a question comes with the second wrong try, not the first (DESIGN §8): the first
try says what is off and leaves the student to think.

>>> reset(); record("nb00-themes"), record("nb00-themes"), count("nb00-themes")
(1, 2, 2)
>>> reset(); count("nb00-themes")
0
"""

from __future__ import annotations

from collections import Counter

_WRONG: Counter[str] = Counter()

#: The wrong try that first shows a question's hint.
HINT_FROM_TRY = 2


def record(question_id: str) -> int:
    """Count one more wrong try at ``question_id``; return the number of wrong tries so far."""
    _WRONG[question_id] += 1
    return _WRONG[question_id]


def count(question_id: str) -> int:
    """The number of wrong tries at ``question_id`` in this kernel."""
    return _WRONG[question_id]


def reset() -> None:
    """Forget every try (a new session, or a test)."""
    _WRONG.clear()
