"""Questions for notebook 06 (after the article). Expected answers are computed from the data."""

from helpers import after, fentanyl
from helpers.exercises import Choice, Items, Mapping, Number

# Statements for the Supreme Court exercise; the letters are the answer.
RULING_STATEMENTS = {
    "a": "The law the fentanyl tariff was imposed under (IEEPA) was held not to authorise tariffs",
    "b": "China's export licences for 13 precursor chemicals (from 10 November 2025) lapse",
    "c": "The tariff was still in force from February 2025 until the ruling: the dates in the timeline stand",
    "d": "The HALT Fentanyl Act of July 2025 falls with the tariff",
    "e": "The ruling settles whether importers get their duties back",
    "f": "The ruling shows whether the tariff helped reduce overdose deaths",
}

# The three claims students re-check, and how the later evidence bears on each (from the ledger).
RECHECKED = ("C10", "C14", "C26")


def _bears() -> dict:
    u = after.claim_updates().set_index("claim_id")
    return {c: u.loc[c, "bears"] for c in RECHECKED}


def _reading() -> str:
    """'b' while 2025 fell far below the 2021-2024 average pace (else the question is void).

    >>> _reading()
    'b'
    """
    change, pace = after.trade_change(2024, 2025), after.average_growth(2021, 2024)
    assert change < 0 < pace - 10, (change, pace)
    return "b"


def _months_at_20() -> float:
    step = after.tariff_steps().query("rate_pct == 20").iloc[0]
    return fentanyl.months_between(str(step["in_force"]), str(step["until"]))


QUESTIONS = {
    "nb06-trade-2025": Number(
        expected=lambda: after.trade_change(2024, 2025),
        unit="% change in total trade, 2024 to 2025",
        rel_tol=0.01,
        hint="Use the two levels (USD bn), not the published rate: (2025 - 2024) / 2024 x 100.",
    ),
    "nb06-trade-reading": Choice(
        expected=_reading,
        options={
            "a": "Look at the two levels: 2025 is below 2024, so the growth did not carry on.",
            "b": "",
            "c": "Total trade in value mixes oil prices, cars and everything else; dual-use goods are a "
                 "small part of it, and a fall in the total cannot show what happened to them.",
            "d": "2025 is the first fall since 2020, and far below the 2021-2024 pace: more than noise.",
        },
        hint="First ask which way trade moved (the levels), then what a total in value can and cannot show.",
    ),
    "nb06-tariff-months": Number(
        expected=_months_at_20,
        unit="whole months",
        rel_tol=0.0,
        abs_tol=0.5,
        hint="From the day the 20% rate took effect to the day the 10% rate took effect.",
    ),
    "nb06-ruling": Items(
        expected=("a", "c"),
        hint="The ruling is about one US law and the tariffs imposed under it; ask of each statement whether "
             "it is about that law.",
    ),
    "nb06-bears": Mapping(
        expected=_bears,
        labels=("confirmed-later", "prediction-failed", "overtaken", "weakens", "context"),
        hint="Ask whether the claim was a prediction, a statement of fact at the time, or a number someone "
             "measured.",
    ),
}
