"""Feedback: the result of one self-check, an ``ok`` flag and a message for the student.

>>> Feedback(True, "✓ Correct.")
✓ Correct.
>>> bool(no("Not yet: too high."))
False
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``ok`` and a message for the student.

    >>> print(Feedback(False, "✗ Not yet.")._repr_html_())
    <p style="color:#a33a00;font-weight:bold">✗ Not yet.</p>
    """

    ok: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.ok

    def _repr_html_(self) -> str:
        colour = "#006d4f" if self.ok else "#a33a00"
        return f'<p style="color:{colour};font-weight:bold">{escape(self.message)}</p>'

    def __repr__(self) -> str:
        return self.message


OK = Feedback(True, "✓ Correct.")


def no(message: str) -> Feedback:
    """A failed check whose message starts with ✗.

    >>> no("Not yet: the sign is wrong.").message
    '✗ Not yet: the sign is wrong.'
    """
    return Feedback(False, "✗ " + message)
