"""The verdict codebook: when to code each verdict, its hard cases, what a verdict grades for a prediction.

One home for the rules that notebooks 01 and 05 and the glossary page show (issue 18, item 8); the
verdicts themselves are the catalogue's vocabulary (``claims.VERDICTS``). Nothing here draws.

>>> [rule.verdict for rule in RULES] == list(claims.VERDICTS)
True
>>> print(markdown().splitlines()[0])
| verdict | code it when | the hard cases |
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers import claims


@dataclass(frozen=True)
class Rule:
    """When one verdict applies, and how to code the cases coders disagree on."""

    verdict: str
    when: str
    hard_cases: str

    @property
    def label(self) -> str:
        """The verdict as prose writes it.

        >>> Rule("partly-supported", "", "").label
        'partly supported'
        """
        return self.verdict.replace("-", " ")


RULES = (
    Rule("supported", "public sources say what the claim says, on the point it turns on",
         "a claim that mixes checkable facts with a call to act (\"China should use its influence\"): code "
         "the facts; the call is the speaker's opinion, recorded in the note"),
    Rule("partly-supported", "the core holds, but a detail the claim states is wrong or stretched: a date, "
         "a scope, a loaded word, another denominator or counter",
         "a real figure about something narrower than the claim says"),
    Rule("not-supported", "sources point the other way on the point the claim turns on",
         "absence of evidence is not enough: there must be evidence of something else (a different date, "
         "place or size)"),
    Rule("unverifiable", "no public source settles it either way",
         "not a polite word for false; a claim that rests only on a lead nobody could confirm is never "
         "supported"),
    Rule("opinion", "a judgement or a prescription, with nothing a source could settle",
         "a judgement with a checkable core (\"communication improved\") is coded on that core"),
)

PREDICTIONS = (
    ("a forecast the speaker makes", "\"China is likely to ban these vessels\"",
     "graded against what happened, once that is known"),
    ("a report of what others expect", "\"he is expected to become foreign minister\"",
     "graded as a report: was the expectation really held, and reported, at the time? Whether it came "
     "true goes in the note"),
)


def rule(verdict: str) -> Rule:
    """The codebook's rule for one verdict.

    >>> rule("unverifiable").when
    'no public source settles it either way'
    >>> rule("false")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: no codebook rule for verdict 'false'; verdicts: supported, partly-supported, ...
    """
    for r in RULES:
        if r.verdict == verdict:
            return r
    raise ValueError(f"no codebook rule for verdict {verdict!r}; verdicts: {', '.join(claims.VERDICTS)}")


def markdown() -> str:
    """The codebook as Markdown: a table of the verdicts, then the two rules for predictions.

    >>> "**partly supported**" in markdown() and "report of what others expect" in markdown()
    True
    """
    rows = ["| verdict | code it when | the hard cases |", "|---|---|---|"]
    rows += [f"| **{r.label}** | {r.when} | {r.hard_cases} |" for r in RULES]
    rows += ["", "A prediction needs one more rule, because its verdict can grade two different things:", ""]
    rows += [f"- **{kind}** ({example}) is {grade}." for kind, example, grade in PREDICTIONS]
    return "\n".join(rows)
