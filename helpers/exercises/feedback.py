"""Feedback: the result of one self-check, an ``ok`` flag and a message for the student.

Four outcomes besides "not yet": ✓ Correct; a structure-only pass that says it does not grade
the wording (never "Correct"); "Not answered yet" for the stub's ``...``; and, for a graded question in
the student edition, "Saved" (its form is right; the instructor grades it, never "Correct").

>>> Feedback(True, "✓ Correct.")
✓ Correct.
>>> bool(no("Not yet: too high."))
False
>>> NOT_ANSWERED.answered
False
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

_COLOURS = {"ok": "#006d4f", "no": "#a33a00", "pending": "#555555"}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``ok``, a message for the student, and whether there was an answer at all.

    >>> print(Feedback(False, "✗ Not yet.")._repr_html_())
    <p style="color:#a33a00;font-weight:bold">✗ Not yet.</p>
    """

    ok: bool
    message: str
    answered: bool = True
    graded_later: bool = False  # a graded question's answer, saved for the instructor (``SAVED``)

    def __str__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.ok

    def _repr_html_(self) -> str:
        pending = self.graded_later or not self.answered
        colour = _COLOURS["ok" if self.ok else "pending" if pending else "no"]
        return f'<p style="color:{colour};font-weight:bold">{escape(self.message)}</p>'

    def __repr__(self) -> str:
        return self.message

    def with_hint(self, hint: str) -> Feedback:
        """The same feedback with a hint after it (the check adds it from the second wrong try).

        >>> no("Not yet: too low.").with_hint("Divide by 365.")
        ✗ Not yet: too low. Hint: Divide by 365.
        """
        if not hint or self.ok:
            return self
        return replace(self, message=f"{self.message} Hint: {hint}")


OK = Feedback(True, "✓ Correct.")
#: A check of structure only passed: it says so, and never says "Correct".
STRUCTURE_OK = Feedback(True, "✓ Structure ready for an editor — this does not grade your wording.")
#: A graded question's answer has the right form; only the instructor's ``make grade`` says if it is right.
SAVED = Feedback(False, "Saved: your instructor will grade this one (this check looks only at the form of "
                 "your answer).", graded_later=True)
NOT_ANSWERED = Feedback(False, "Not answered yet: replace the ... with your answer, then run the cell.",
                        answered=False)


def no(message: str) -> Feedback:
    """A failed check whose message starts with ✗.

    >>> no("Not yet: the sign is wrong.").message
    '✗ Not yet: the sign is wrong.'
    """
    return Feedback(False, "✗ " + message)
