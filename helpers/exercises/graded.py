"""Graded questions as the student edition sees them: the form of an answer is checked, never its content.

A graded question's expected answer lives only in the instructor's ``grading/`` folder (one module per
notebook, ``grading/nbNN.py``, ``ANSWERS = {"nbNN-...": Verdict(...)}``), which the wheel, the student
repository and the class server's copy of the kit do not ship. In ``helpers/exercises/nbNN.py`` the
question is a :class:`GradedVerdict`: it names the verdicts a student may pick, checks that an answer is a
verdict with a list of rows, and says "Saved: your instructor will grade this one" — never "Correct".
The registry (:func:`helpers.exercises.registry.find`) hands out the instructor's question instead
wherever ``grading/`` is present; ``make grade`` always uses it.

>>> q = GradedVerdict(verdicts=("supported", "not-supported"))
>>> print(q.feedback({"verdict": "Not supported", "evidence": ["2024"]}))
Saved: your instructor will grade this one (this check looks only at the form of your answer).
>>> print(q.feedback(("maybe", ["2024"])))
✗ 'maybe' is not a verdict; verdicts: 'supported', 'not-supported'.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.exercises import forms
from helpers.exercises.feedback import SAVED, Feedback, no
from helpers.exercises.judgement import verdict_and_rows


@dataclass(frozen=True)
class GradedVerdict:
    """The student edition of a graded :class:`~helpers.exercises.judgement.Verdict`: form only.

    The answer is ``{"verdict": ..., "evidence": [...]}`` (or a pair): a verdict out of ``verdicts`` and
    a non-empty list of rows. Anything else gets a ✗ naming what is off in its form.

    >>> q = GradedVerdict(verdicts=("supported", "not-supported"))
    >>> print(q.feedback({"verdict": "supported", "evidence": []}))
    ✗ The verdict is one of the choices; now name the rows that settle it, as a list.
    >>> print(q.feedback({"verdict": ..., "evidence": ...}))
    Not answered yet: replace the ... with your answer, then run the cell.
    """

    verdicts: tuple[str, ...]
    kind: str = "verdict"
    hint: str = ""
    graded: bool = True

    def feedback(self, answer: object) -> Feedback:
        read = verdict_and_rows(answer, self.verdicts)
        if isinstance(read, Feedback):
            return read
        _, rows = read
        given = forms.items(rows)
        if not given or all(forms.unanswered(r) for r in given):
            return no("The verdict is one of the choices; now name the rows that settle it, as a list.")
        return SAVED
