"""Questions for notebook 05 (checking the claims). The two verdicts are graded (``grading/nb05.py``).

Every exercise asks a student to decide: which reading of a quoted number is right (C3), the verdict
for "quadrupled" and the periods that settle it (C16), the firmer problem with "55 types" (C37), the
verdict for a share credited to a tracker that counts lower (C17), and a correction note. Each wrong
option is a misconception from the teaching notes, with its own feedback.
"""

from helpers import claims
from helpers.exercises import Choice, CorrectionNote, GradedVerdict


def _all_ids() -> tuple[str, ...]:
    return tuple(claims.claims()["claim_id"])


def _settled() -> dict[str, str]:
    """The ledger's verdict of every claim it settled (all but the unverifiable ones)."""
    df = claims.claims()
    df = df[df["verdict"] != "unverifiable"]
    return dict(zip(df["claim_id"], df["verdict"], strict=True))


QUESTIONS = {
    "nb05-c3-reading": Choice(
        expected="b",
        options={
            "a": "Several US officials said 90% (Blinken at a Senate hearing among them): the number is "
                 "quoted correctly. Look at what it is a share of.",
            "b": "",
            "c": "The 45% counts something else (the producer's headquarters); it does not make the 90% "
                 "import share false. A sourced number on the wrong denominator is not refuted.",
            "d": "A sourced number is not yet a true claim: the sentence says 'used in Russia's war effort', "
                 "and the 90% counts imports by the country that shipped them.",
        },
        hint="Compare what the sentence says the 90% measures with the measured_by of the 90% row.",
    ),
    # Graded: the verdicts and their rows are in grading/nb05.py (instructor-only); here the form only.
    "nb05-c16-verdict": GradedVerdict(verdicts=claims.VERDICTS),
    "nb05-c37-problem": Choice(
        expected="b",
        options={
            "a": "The count is close, and an official said 'more than 50': a third action the kit has not "
                 "found could explain 2. Is the number the firmest problem?",
            "b": "",
            "c": "'More than 50' backs the size of the count, not what kind of control it was. Read the "
                 "sentence again: does it describe domestic scheduling?",
        },
        hint="Compare what the sentence says China did with what the 2024 actions were.",
    ),
    "nb05-c17-verdict": GradedVerdict(verdicts=claims.VERDICTS),
    "nb05-correction-note": CorrectionNote(
        claims=_all_ids, verdicts=claims.VERDICTS, min_words=120, max_words=180, ledger=_settled
    ),
}
