"""Questions for notebook 04 (fentanyl controls). Expected answers are computed from the data."""

from helpers import fentanyl
from helpers.exercises import Items, Number


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
    "nb04-first-revision-2023": Number(
        expected=lambda: fentanyl.first_count_revision(2023),
        unit="% (final minus first provisional, over the provisional)",
        rel_tol=0.02,
        hint="The first count of 2023 is the predicted figure of the May 2024 release.",
    ),
    "nb04-reconcile-55": Number(
        expected=lambda: fentanyl.reconcile_count(55)["total"],
        unit="substances",
        rel_tol=0.0,
        abs_tol=0.5,
        hint="Count only China's scheduling actions that took effect from June to December 2024.",
    ),
    "nb04-its-needs": Items(
        expected=("a", "c", "d"),
        hint="An interrupted time series compares what happened with the trend that was expected "
             "without the control.",
    ),
    "nb04-un-china-lag": Number(
        expected=lambda: fentanyl.months_between("2022-03-16", "2024-09-01"),
        unit="whole months",
        rel_tol=0.0,
        abs_tol=0.5,
        hint="From the UN's decision on 4-AP to the day China's control of it took effect.",
    ),
    "nb04-meetings": Number(
        expected=lambda: len(fentanyl.timeline(kinds=["meeting"])),
        unit="meetings",
        rel_tol=0.0,
        abs_tol=0.5,
        hint="Filter the timeline by date kind.",
    ),
    "nb04-cbp-change": Number(
        expected=lambda: fentanyl.pct_change(fentanyl.cbp_series()[2022], fentanyl.cbp_series()[2023]),
        unit="% change in pounds seized",
        rel_tol=0.01,
        hint="Use all of CBP (scope 'all_cbp'), from FY2022 to FY2023.",
    ),
}
