"""Questions for notebook 03 (Iranian oil flows). Expected values are computed from the data."""

from helpers import data, oil, oil_units
from helpers.exercises import Choice, Mapping, Number

VERDICTS = data.allowed("article_claims", "verdict")
SHANDONG_ACTORS = (
    "China's central government",
    "Shandong's provincial government",
    "Shandong Port Group, a company owned by the province",
    "the US Treasury",
)


def _spread_2023() -> float:
    lo, hi = oil.annual_export_range(2023)
    return hi - lo


def _output_fall_pct() -> float:
    opec = oil.production_series("opec-secondary-sources")
    return (opec[2020] / opec[2017] - 1) * 100


def _china_imports_2024() -> float:
    total = oil.china_flow("china-crude-imports-total").set_index("year")
    return oil_units.mt_to_mbd(float(total.loc[2024, "value_mt"]), "2024")


def _quadrupling_start() -> str:
    for start in oil.BASELINE_STARTS:
        a, b = oil.tracked_level("any", start), oil.tracked_level("any", "2024")
        if a is not None and b is not None and b.low / a.high >= oil.QUADRUPLED:
            return start
    raise AssertionError("no start quadruples")


def _malaysia_tonnes() -> float:
    rows = data.load("oil_china_flows").query("period == '2024-01/2024-09'")
    return oil_units.mt_to_mbd(float(rows["value_mt"].iloc[0]), "2024-01/2024-09")


def _shandong_actor() -> str:
    ban = oil.sanction_events("port-ban")
    assert ban["actor"].iloc[0].startswith("Shandong Port Group")
    return SHANDONG_ACTORS[2]


QUESTIONS = {
    "nb03-tracker-spread-2023": Number(
        expected=_spread_2023, unit="mb/d", abs_tol=0.005, rel_tol=0.0,
        hint="Use the full-year rows only; a 'more than' counts at its stated value.",
    ),
    "nb03-output-fall": Number(
        expected=_output_fall_pct, unit="%", abs_tol=0.5, rel_tol=0.0,
        hint="Use OPEC's secondary-source series for 2017 and 2020; a fall is a negative change.",
    ),
    "nb03-china-imports-2024": Number(
        expected=_china_imports_2024, unit="mb/d", abs_tol=0.005, rel_tol=0.0,
        hint="Million tonnes x barrels per tonne / days in 2024 (a leap year).",
    ),
    "nb03-uani-share-2024": Number(
        expected=lambda: 100 * 533 / 587, unit="%", abs_tol=0.1, rel_tol=0.0,
        hint="Barrels to China divided by all barrels exported, as a percentage.",
    ),
    "nb03-quadrupling-baseline": Choice(
        expected=_quadrupling_start,
        options=oil.BASELINE_STARTS,
        hint="Try each start in the explorer with 'Any tracker' and end 2024.",
    ),
    "nb03-malaysia-tonnes": Number(
        expected=_malaysia_tonnes, unit="mb/d", abs_tol=0.005, rel_tol=0.0,
        hint="January to September 2024 has 274 days.",
    ),
    "nb03-malaysia-gap-2024": Number(
        expected=lambda: oil.malaysia_gap(2024)[1], unit="mb/d", abs_tol=0.005, rel_tol=0.0,
        hint="Imports China recorded 'from Malaysia' minus what Malaysia produced.",
    ),
    "nb03-break-even-volume": Number(
        expected=lambda: oil.break_even_volume_mbd(5, 436.91, oil.brent(2024), 6, days=366),
        unit="mb/d", abs_tol=0.01, rel_tol=0.0,
        hint="Revenue = volume x (Brent - discount) x days; set it equal to 5% of GDP and solve for volume.",
    ),
    "nb03-shandong-actor": Choice(
        expected=_shandong_actor, options=SHANDONG_ACTORS,
        hint="Read the actor column of the port-ban row.",
    ),
    "nb03-claim-verdicts": Mapping(
        expected={"C16": "not-supported", "C17": "supported", "C19": "supported"},
        labels=VERDICTS,
        hint="Compare each claim with the figure of its section.",
    ),
}
