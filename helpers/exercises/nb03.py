"""Questions for notebook 03 (Iranian oil flows). Expected values are computed from the data.

Five of the eight ask a student to decide (issue 18): a reading of two tracker figures, the verdicts
on "more than 90%" and "quadrupled" with the rows that settle them, a reading of the Malaysia mirror
and a reading of the Shandong port notice. Each wrong option is a misconception of the teaching notes.

The two verdicts are graded: their answers are in ``grading/nb03.py``.

>>> QUESTIONS["nb03-c17-verdict"].verdicts == VERDICTS
True
"""

from helpers import data, oil, oil_units
from helpers.exercises import Choice, GradedVerdict, Number

VERDICTS = data.allowed("article_claims", "verdict")
#: Which verdict on C27 each option of ``nb03-port-ban-reading`` stands for.
PORT_BAN_OPTIONS = {"supported": "a", "partly-supported": "b", "not-supported": "c", "unverifiable": "d"}


def _tracker_reading() -> str:
    """Option "c" (both can be right) holds while the 2023 full-year rows count different things."""
    rows = data.load("oil_export_estimates").query("year == 2023 and period_kind == 'year'")
    assert rows["measure"].nunique() > 1 and (rows["bound"] == "lower-bound").any(), rows
    return "c"


def _output_fall_pct() -> float:
    opec = oil.production_series("opec-secondary-sources")
    return (opec[2020] / opec[2017] - 1) * 100


def _china_imports_2024() -> float:
    total = oil.china_flow("china-crude-imports-total").set_index("year")
    return oil_units.mt_to_mbd(float(total.loc[2024, "value_mt"]), "2024")


def _mirror_reading() -> str:
    """Option "b" (at least the gap is relabelled oil) holds if China gets more than Malaysia produces."""
    assert min(oil.malaysia_gap(2024)) > 0
    return "b"


def _port_ban_reading() -> str:
    verdict = data.load("article_claims").set_index("claim_id").loc["C27", "verdict"]
    return PORT_BAN_OPTIONS[verdict]


QUESTIONS = {
    "nb03-tracker-readings": Choice(
        expected=_tracker_reading,
        options={
            "a": "Neither need be wrong: the two count different things (crude only, or crude and "
                 "condensate), and the EIA's figure is a 'more than'.",
            "b": "An average mixes crude with crude and condensate, and a bound with a point: it is a "
                 "number no tracker published.",
            "c": "",
            "d": "A 'more than' is a bound, not a better estimate; the two differ mostly in what they "
                 "count, not in how many ships they see.",
        },
        hint="Read the measure and bound columns of the two rows.",
    ),
    "nb03-china-imports-2024": Number(
        expected=_china_imports_2024, unit="mb/d", abs_tol=0.005, rel_tol=0.0,
        hint="Million tonnes x barrels per tonne / days in 2024 (a leap year).",
    ),
    # Graded: the verdicts and their rows are in grading/nb03.py (instructor-only); here the form only.
    "nb03-c17-verdict": GradedVerdict(verdicts=VERDICTS),
    "nb03-quadrupled-verdict": GradedVerdict(verdicts=VERDICTS),
    "nb03-mirror-reading": Choice(
        expected=_mirror_reading,
        options={
            "a": "A customs zero is what was declared, not what arrived: China records more crude "
                 "'from Malaysia' than Malaysia produces.",
            "b": "",
            "c": "The gap is a lower bound: Malaysia's own crude does not all go to China, and the EIA "
                 "names other labels too.",
            "d": "Malaysia's own customs recorded exports of crude and products far below what China "
                 "records from it: the missing barrels are not Malaysian output.",
        },
        hint="Compare the 'from Malaysia' bar with Malaysia's production, and think of what else the "
             "gap leaves out.",
    ),
    "nb03-output-fall": Number(
        expected=_output_fall_pct, unit="%", abs_tol=0.5, rel_tol=0.0,
        hint="Use OPEC's secondary-source series for 2017 and 2020; a fall is a negative change.",
    ),
    "nb03-break-even-volume": Number(
        expected=lambda: oil.break_even_volume_mbd(5, 436.91, oil.brent(2024), 6, days=366),
        unit="mb/d", abs_tol=0.01, rel_tol=0.0,
        hint="Revenue = volume x (Brent - discount) x days; set it equal to 5% of GDP and solve for volume.",
    ),
    "nb03-port-ban-reading": Choice(
        expected=_port_ban_reading,
        options={
            "a": "The notice is one port company's, owned by the province; there was no national ban, "
                 "and the foreign ministry still called the US sanctions illegal.",
            "b": "",
            "c": "A ban dated before the prediction does not make the prediction false: part of what "
                 "was predicted was already happening.",
            "d": "A prediction can be checked against what happened: the timeline holds the port "
                 "notice, its author and its date.",
        },
        hint="Read the actor and the date of the port-ban row, and the date of the prediction.",
    ),
}
