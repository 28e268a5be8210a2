"""Graded answers of notebook 03 (instructor-only): the verdicts on "more than 90%" (C17) and "quadrupled".

The student edition does not ship this folder; there the two questions check only the form.

>>> ANSWERS["nb03-c17-verdict"].verdict()
'partly-supported'
"""

from helpers import oil
from helpers.exercises import Verdict
from helpers.exercises.nb03 import VERDICTS


def _c17_verdict() -> str:
    """Supported if every tracker's 2024 share is above 90%, not supported if none is, else partly."""
    above = (oil.china_share(2024)["low"] > 90).tolist()
    return "supported" if all(above) else "not-supported" if not any(above) else "partly-supported"


def _c17_rows() -> tuple[str, ...]:
    return tuple(oil.china_share(2024)["tracker"])


def _c16_verdict() -> str:
    """Supported only if even the most generous reading (highest end over lowest start) quadruples."""
    start, end = oil.tracked_level("any", "2023-03"), oil.tracked_level("any", "2024")
    return "supported" if end.high / start.low >= oil.QUADRUPLED else "not-supported"


def _verdicts(**why: str) -> dict[str, str]:
    """Every verdict label, with the feedback for the wrong ones named in ``why``."""
    return {v: why.get(v.replace("-", "_"), "") for v in VERDICTS}


ANSWERS = {
    "nb03-c17-verdict": Verdict(
        verdict=_c17_verdict, evidence=_c17_rows, normalise=lambda x: str(x).strip().lower(),
        verdicts=_verdicts(
            supported="UANI's share is above 90%, but the article credits Kpler. Is a share from one "
                      "tracker evidence for a claim about another tracker's count?",
            not_supported="One tracker's count for 2024 is above 90%: the claim holds on one count and "
                          "not on the other.",
            unverifiable="The table has 2024 shares, one of them from the tracker the article names: "
                         "the data can settle this.",
            opinion="'More than 90%' is a number with a source and a year: a statistic, not an opinion.",
        ),
        hint="Use the 2024 rows of the share table; name each row by its tracker.",
    ),
    "nb03-quadrupled-verdict": Verdict(
        verdict=_c16_verdict, evidence=("2023-03", "2024"), normalise=lambda x: str(x).strip(),
        verdicts=_verdicts(
            supported="From the baseline the article names, the explorer's bars do not reach the dashed "
                      "line. Which start gives four times, and is it the deal's?",
            partly_supported="The volume rose, but 'quadrupled' is a number: a rise of less than two "
                             "times is not partly four times.",
            unverifiable="The explorer has figures for the deal's month and for 2024: the data can "
                         "settle this.",
            opinion="'Quadrupled' is a ratio with a start and an end: a statistic, not an opinion.",
        ),
        hint="The article's start is the month of the deal (\"2023-03\"); its end is last year.",
    ),
}
