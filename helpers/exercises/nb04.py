"""Questions for notebook 04 (fentanyl controls): two computed from the data, five that ask for a decision.

Each wrong option's feedback is a misconception from the teaching notes (04-fentanyl-controls.notes.md);
the expected values (the share, the overlap) come from the tables. C37's verdict is graded: its answer
and the rows that settle it are in ``grading/nb04.py``.
"""

from helpers import claims, fentanyl
from helpers.exercises import Choice, GradedVerdict, Items, Number


def _overlap_2017() -> float:
    cats = ["t40_4", "t40_1", "rx_opioids", "t40_5"]
    parts = sum(float(fentanyl.final_series(c)[2017]) for c in cats)
    return parts - float(fentanyl.final_series("all_drugs")[2017])


QUESTIONS = {
    "nb04-share-2023": Number(
        expected=lambda: fentanyl.t40_4_share(2023),
        unit="% of all-drug overdose deaths",
        rel_tol=0.005,
        hint="Use the final 2023 counts: T40.4 deaths divided by all drug overdose deaths, times 100.",
    ),
    "nb04-overlap-2017": Number(
        expected=_overlap_2017,
        unit="deaths",
        rel_tol=0.001,
        hint="Add the four drug categories for 2017, then subtract the all-drug total.",
    ),
    "nb04-two-counts": Choice(
        expected="c",
        options={
            "a": "Provisional is not wrong, only different: a provisional count covers every death that "
                 "occurred in the US, a final count US residents, and each is right for its release.",
            "b": "Later releases of 2023 moved away from the final count, not towards it: look at the "
                 "revisions table again.",
            "c": "",
            "d": "Both numbers are about the same year, 2023: they differ in how the deaths were counted, "
                 "not in how many people died.",
        },
        hint="Find both numbers in the revisions table: which release, and which kind of count, is each?",
    ),
    # Graded: the verdict and its rows are in grading/nb04.py (instructor-only); here the form only.
    "nb04-c37-verdict": GradedVerdict(verdicts=claims.VERDICTS),
    "nb04-no-cause": Choice(
        expected="c",
        options={
            "a": "That credits the controls with the fall: the chart shows two things in the same year, not "
                 "that one caused the other.",
            "b": "'Following' reads as 'because of': the sentence still suggests a cause.",
            "c": "",
            "d": "'Despite' claims the controls did not work, which the chart cannot show either.",
        },
        hint="Look for words that smuggle in a cause: after, following, thanks to, despite, because.",
    ),
    "nb04-its-needs": Items(
        expected=("a", "c", "d"),
        options={
            "a": "",
            "b": "A total of substances ever scheduled says nothing about the trend that the control "
                 "should interrupt.",
            "c": "",
            "d": "",
            "e": "A first provisional figure is the kind of number that gets revised; the argument needs a "
                 "long, consistent series.",
        },
        hint="An interrupted time series compares what happened with the trend that was expected "
             "without the control.",
    ),
    "nb04-seizure-reading": Choice(
        expected="b",
        options={
            "a": "Seizures measure enforcement as well as supply: a rise can mean more fentanyl, or more "
                 "searching.",
            "b": "",
            "c": "A fall after a control is not evidence that the control caused it ('after' is not "
                 "'because of').",
            "d": "The seizures and the deaths are different series: nothing here links one to the other.",
        },
        hint="What does a seizure count measure: the drugs that crossed, or the drugs that were found?",
    ),
}
