"""Questions for notebook 04 (fentanyl controls): two computed from the data, five that ask for a decision.

Each wrong option's feedback is a misconception from the teaching notes (04-fentanyl-controls.notes.md);
the expected values (the share, the overlap, C37's verdict and the rows that settle it) come from the tables.
"""

from helpers import claims, fentanyl
from helpers.exercises import Choice, Items, Number, Verdict

#: The kinds of action the notebook's wider count of 2024 adds up (scheduling and export licences).
WIDER = ("scheduling-nps", "scheduling-precursor", "export-licensing")


def _overlap_2017() -> float:
    cats = ["t40_4", "t40_1", "rx_opioids", "t40_5"]
    parts = sum(float(fentanyl.final_series(c)[2017]) for c in cats)
    return parts - float(fentanyl.final_series("all_drugs")[2017])


def _c37_verdict() -> str:
    ledger = claims.claims()
    return ledger.loc[ledger["claim_id"] == "C37", "verdict"].item()


def _c37_evidence() -> tuple[str, ...]:
    """The timeline rows that bear on C37: the actions counted over 2024 (scheduling and export licences),
    the White House's "more than 50", and the first export licences for the United States (November 2025)."""
    counted = fentanyl.reconcile_count(55, start="2024-01-01", action_types=WIDER)["events"]
    tl = fentanyl.timeline()
    gupta = tl.loc[tl["count_qualifier"] == "more-than", "event_id"].tolist()
    later = tl["event_id"].str.endswith("-export") & (tl["date"].dt.year == 2025)
    export = tl.loc[later, "event_id"].tolist()
    return tuple(dict.fromkeys([*counted, *gupta, *export]))


def _event_id(x: object) -> object:
    return x.strip().lower() if isinstance(x, str) else x


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
    "nb04-c37-verdict": Verdict(
        verdict=_c37_verdict,
        verdicts={
            "supported": "More than 50 substances were scheduled, but 55 is untraced, and these were "
                         "domestic scheduling controls, not the export ban the sentence describes.",
            "partly-supported": "",
            "not-supported": "The sourced actions do come close to the number (and the White House said "
                             "'more than 50'): the claim is near the mark, not wrong.",
            "unverifiable": "The number 55 cannot be traced, but the substance (China banned dozens of "
                            "chemicals in 2024) can be checked against dated, counted actions.",
            "opinion": "C37 states a count of China's actions; it is not a view or a prediction.",
        },
        evidence=_c37_evidence,
        enough=2,
        normalise=_event_id,
        hint="Pick the event_id of each action reconcile_count counted, or of the row that gives "
             "'more than 50'.",
    ),
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
