"""Judgement question types: a verdict with the rows that settle it, and the capstone's correction note.

:class:`Verdict` asks a student to decide (pick a verdict) and to show why (name the rows or ids
that settle it); each wrong verdict gets its own feedback. :class:`CorrectionNote` checks the
structure of a piece of writing, says so, and compares its verdict with the kit's ledger.

>>> q = Verdict(verdict="not-supported", verdicts={"supported": "Read the baseline year again.",
...             "not-supported": ""}, evidence=("2020", "2024"))
>>> print(q.feedback({"verdict": "not-supported", "evidence": ["2024", "2020"]}))
✓ Correct.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from helpers.exercises import forms
from helpers.exercises.feedback import NOT_ANSWERED, OK, STRUCTURE_OK, Feedback, no
from helpers.exercises.questions import resolve


def pair(answer: object, second: str) -> tuple[object, object] | None:
    """``{"verdict": v, second: x}`` or ``(v, x)`` as ``(v, x)``; None for anything else."""
    if isinstance(answer, dict) and set(answer) == {"verdict", second}:
        return answer["verdict"], answer[second]
    if isinstance(answer, tuple | list) and len(answer) == 2:
        return answer[0], answer[1]
    return None


def verdict_and_rows(answer: object, verdicts: tuple[str, ...]) -> tuple[str, object] | Feedback:
    """A verdict answer read as (the verdict picked, its rows), or the feedback on why it cannot be read.

    >>> verdict_and_rows({"verdict": "Not supported", "evidence": [2024]}, ("supported", "not-supported"))
    ('not-supported', [2024])
    >>> print(verdict_and_rows(("maybe", [2024]), ("supported",)))
    ✗ 'maybe' is not a verdict; verdicts: 'supported'.
    """
    if forms.unanswered(answer):
        return NOT_ANSWERED
    both = pair(answer, "evidence")
    if both is None:
        return no("Expected {'verdict': ..., 'evidence': [...]} (or a pair (verdict, rows)), "
                  f"got {type(answer).__name__}.")
    verdict, rows = both
    if forms.unanswered(verdict):  # the stub's verdict, whatever the rows say (e.g. [..., ...])
        return NOT_ANSWERED
    said = forms.label(verdict) if isinstance(verdict, str) else None
    picked = next((v for v in verdicts if said == v.lower()), None)
    if picked is None:
        return no(f"{verdict!r} is not a verdict; verdicts: {', '.join(map(repr, verdicts))}.")
    return picked, rows


@dataclass(frozen=True)
class Verdict:
    """Pick a verdict and the rows (ids) that settle it: ``{"verdict": ..., "evidence": [...]}``.

    ``verdicts`` maps each verdict to the feedback a student gets for picking it wrongly (the
    misconception it stands for; "" for the right one). ``evidence`` is the rows that settle the
    claim; ``enough`` (default: all of them) is how many of them a student must name. Rows that do
    not bear on the claim are named back. A tuple ``(verdict, rows)`` is accepted too.

    >>> q = Verdict(verdict="not-supported", evidence=(2020, 2024),
    ...             verdicts={"supported": "Quadrupled from which year?", "not-supported": ""})
    >>> print(q.feedback(("supported", [2020, 2024])))
    ✗ Not yet: Quadrupled from which year?
    >>> print(q.feedback(("not-supported", [2024, 2019])))
    ✗ Not yet: the verdict is right; the evidence has 1 of the 2 rows that settle it, and 2019 does not.
    """

    verdict: str | Callable[[], str]
    verdicts: dict[str, str]
    evidence: tuple | Callable[[], tuple]
    enough: int | None = None
    normalise: Callable[[object], object] = field(default=lambda x: x)
    kind: str = "verdict"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        read = verdict_and_rows(answer, tuple(self.verdicts))
        if isinstance(read, Feedback):
            return read
        picked, rows = read
        if picked.lower() != str(resolve(self.verdict)).lower():
            why = self.verdicts.get(picked, "")
            if why:
                return no(f"Not yet: {why}")
            return no(f"Not yet: {picked!r} is not the verdict the evidence supports.")
        given = forms.items(rows)
        if given is None or not given or all(forms.unanswered(r) for r in given):
            return no("Not yet: the verdict is right; now name the rows that settle it, as a list.")
        got = {self.normalise(g) for g in given}
        want = {self.normalise(forms.plain(w)) for w in resolve(self.evidence)}
        right = len(got & want)
        extra = sorted(got - want, key=repr)
        needed = len(want) if self.enough is None else self.enough
        if right >= needed and not extra:
            return OK
        parts = f"the evidence has {right} of the {needed} rows that settle it"
        if extra:
            parts += f", and {forms.listing(list(map(forms.shown, extra)))} "
            parts += "does not" if len(extra) == 1 else "do not"
        return no(f"Not yet: the verdict is right; {parts}.")


_NOTE_KEYS = ("claim", "verdict", "evidence", "note")


@dataclass(frozen=True)
class CorrectionNote:
    """A structured piece of writing: a claim id, a verdict, its evidence and a note of about N words.

    Checks the structure, never the wording, and says so ("Structure ready for an editor — this does
    not grade your wording"): the claim is one of ``claims``, the verdict one of ``verdicts``, the
    evidence names something to check (at least ``min_evidence_words`` words), the note has
    ``min_words`` to ``max_words`` words, names the claim id (as a word: C1 is not C10) and is not one
    word repeated. ``ledger`` (claim id -> verdict, for the claims the kit settled) flags a verdict
    that differs from the kit's.

    >>> q = CorrectionNote(claims=("C16",), verdicts=("supported", "not-supported"),
    ...                    min_words=3, max_words=10, ledger={"C16": "not-supported"})
    >>> print(q.feedback({"claim": "C16", "verdict": "wrong", "evidence": "oil_china_flows, notebook 03",
    ...                   "note": "C16 overstates growth."}))
    ✗ 'wrong' is not a verdict; verdicts: 'supported', 'not-supported'.
    >>> print(q.feedback({"claim": "C16", "verdict": "not-supported",
    ...                   "evidence": "oil_china_flows, notebook 03", "note": "C16 overstates the growth."}))
    ✓ Structure ready for an editor — this does not grade your wording.
    """

    claims: tuple[str, ...] | Callable[[], tuple[str, ...]]
    verdicts: tuple[str, ...]
    min_words: int = 120
    max_words: int = 180
    min_evidence_words: int = 3
    ledger: dict[str, str] | Callable[[], dict[str, str]] = field(default_factory=dict)
    kind: str = "correction-note"
    hint: str = ""

    def feedback(self, answer: object) -> Feedback:
        if forms.unanswered(answer):
            return NOT_ANSWERED
        if not isinstance(answer, dict):
            return no(f"Expected a dict with the keys {', '.join(_NOTE_KEYS)}, got {type(answer).__name__}.")
        if answer and all(forms.unanswered(answer.get(k)) for k in _NOTE_KEYS):
            return NOT_ANSWERED
        missing = [k for k in _NOTE_KEYS if not isinstance(answer.get(k), str) or not answer[k].strip()]
        if missing:
            return no(f"Not yet: fill in {', '.join(missing)} (text in quotes).")
        claim = forms.claim_id(answer["claim"])
        allowed = resolve(self.claims)
        if claim not in allowed:
            return no(f"{answer['claim']!r} is not a claim of this exercise; claims: {', '.join(allowed)}.")
        verdict = forms.label(answer["verdict"])
        if verdict not in self.verdicts:
            return no(f"{answer['verdict']!r} is not a verdict; verdicts: "
                      + ", ".join(map(repr, self.verdicts)) + ".")
        if len(answer["evidence"].split()) < self.min_evidence_words:
            return no("Not yet: the evidence should name a table, a function or a source a reader can "
                      "check.")
        words = answer["note"].split()
        if not self.min_words <= len(words) <= self.max_words:
            aim = f"aim for {self.min_words} to {self.max_words}"
            return no(f"Not yet: the note has {len(words)} words; {aim}.")
        if len({w.lower().strip(".,;:") for w in words}) < max(3, len(words) // 5):
            return no("Not yet: the note repeats the same few words; write it for a reader.")
        if not re.search(rf"(?<![A-Za-z0-9]){re.escape(claim)}(?![0-9])", answer["note"], re.IGNORECASE):
            return no(f"Not yet: name the claim ({claim}) in the note so the editor can find it.")
        settled = resolve(self.ledger).get(claim)
        if settled is not None and settled != verdict:
            return no(f"Not yet: your verdict for {claim} differs from the one the kit's ledger reached. "
                      "Check the evidence again; if you still disagree, say why in the note and show the "
                      "rows that support you.")
        return STRUCTURE_OK
