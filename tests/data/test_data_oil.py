"""Data tests for the Iranian-oil tables: they load, cite, and hold the facts notebook 03 rests on."""

import re

import pandas as pd
import pytest

from helpers import data, oil, oil_units, paths

TABLES = {
    "oil_export_estimates": 30, "oil_production": 27, "oil_china_flows": 60, "oil_china_share": 9,
    "oil_prices": 20, "oil_economy": 30, "oil_sanction_events": 16, "oil_tracker_descriptions": 6,
    "oil_conversion_factors": 2,
}


@pytest.mark.parametrize("name, rows", TABLES.items())
def test_table_loads_with_sources(name, rows):
    df = data.load(name)
    assert len(df) == rows
    assert set(df["status"]) <= set(data.STATUSES)
    assert data._catalogue()[name]["theme"] == "iranian-oil"
    src = data.sources()
    for sid in {p for s in df["source_id"] for p in str(s).split(";")}:
        assert sid.startswith(("oil-", "article-")), sid
        assert src.loc[sid, "url"].startswith("https://"), sid
        assert src.loc[sid, "accessed"] in ("2026-11", "2026-12"), sid  # read, or re-read in the December audit


def test_every_oil_source_is_used():
    used = {p for name in TABLES for s in data.load(name)["source_id"] for p in str(s).split(";")}
    oil_sources = {s for s in data.sources().index if s.startswith("oil-")}
    assert oil_sources - used == set()


@pytest.mark.parametrize("name", TABLES)
def test_derived_rows_state_a_formula(name):
    df = data.load(name)
    for note in df.loc[df["status"] == "derived", "note"]:
        assert re.search(r"(/|\bx\b|\+|=)", note) and re.search(r"\d", note), note


def _ranges(name, value, low, high):
    df = data.load(name)
    return df, df[value], df[low], df[high]


@pytest.mark.parametrize("name, value, low, high, has_ranges", [
    ("oil_export_estimates", "exports_mbd", "low_mbd", "high_mbd", True),
    ("oil_china_flows", "value_mbd", "low_mbd", "high_mbd", False),
    ("oil_china_share", "share_pct", "low_pct", "high_pct", True),
    ("oil_prices", "value_usd_per_bbl", "low_usd_per_bbl", "high_usd_per_bbl", True),
    ("oil_economy", "value_usd_bn", "low_usd_bn", "high_usd_bn", True),
])
def test_uncertain_rows_carry_ranges_not_false_points(name, value, low, high, has_ranges):
    df, v, lo, hi = _ranges(name, value, low, high)
    rng = df["bound"] == "range"
    assert rng.any() == has_ranges
    # a published range has no point value, and its ends are ordered
    assert v[rng].isna().all() and lo[rng].notna().all()
    assert (lo[rng & hi.notna()] < hi[rng & hi.notna()]).all()
    both = v.notna() & lo.notna() & hi.notna()
    assert ((lo[both] <= v[both]) & (v[both] <= hi[both])).all()
    # every row has a value, a low end or a bound
    assert (v.notna() | lo.notna() | hi.notna()).all()


def test_trackers_are_separate_rows_never_averaged():
    exp = data.load("oil_export_estimates")
    y2023 = exp.query("year == 2023 and period_kind == 'year'")
    assert sorted(y2023["tracker"]) == ["EIA", "Nikkei Asia", "UANI"]
    assert sorted(y2023["measure"]) == ["crude", "crude+condensate", "oil-all"]
    assert not exp["tracker"].str.contains("average|mean|consensus", case=False).any()
    assert not exp["note"].fillna("").str.contains("average of the trackers", case=False).any()
    # the same tracker and months, re-reported twice: two rows
    k = data.load("oil_china_flows").query("period == '2023-01/2023-07' and reporter == 'Kpler'")
    assert sorted(k["value_mbd"]) == [0.917, 1.1]


def test_export_facts():
    exp = data.load("oil_export_estimates").set_index(["period", "tracker"])
    # corrections: UANI 2024 is 587 M bbl / 366 days = 1.60, not 1.61
    assert exp.loc[("2024", "UANI"), "exports_mbd"] == round(587 / 366, 2) == 1.60
    assert exp.loc[("2023", "UANI"), "exports_mbd"] == round(530 / 365, 2)
    assert exp.loc[("2022", "UANI"), "exports_mbd"] == round(430 / 365, 2)
    assert exp.loc[("2021", "UANI"), "exports_mbd"] == round(430 / 1.033 / 365, 2)
    assert exp.loc[("2024-01/2024-11", "Kpler"), "exports_mbd"] == 1.57
    sep = exp.loc[("2020-09", "three trackers (incl. TankerTrackers)")]
    assert (sep["low_mbd"], sep["high_mbd"], sep["bound"]) == (0.4, 1.5, "range")


def test_production_facts_and_vintages():
    prod = data.load("oil_production")
    opec = oil.production_series("opec-secondary-sources")
    # corrections: OPEC 2023 is 2.884 (ASB 2025), not the older 2.859; +12.9% to 2024
    assert opec[2023] == 2.884 and 2.859 not in set(prod["production_mbd"])
    assert round((opec[2024] / opec[2023] - 1) * 100, 1) == 12.9
    assert (opec[2017], opec[2020], opec[2024]) == (3.813, 1.988, 3.257)
    assert 2016 not in opec.index  # the OPEC value for 2016 was not found: no row, no guess
    # monthly figures carry their vintage
    monthly = prod[prod["period"].str.len() > 4]
    assert list(monthly["vintage"]) == ["OPEC MOMR, Jan 2025"]
    assert monthly["production_mbd"].iloc[0] == 3.314
    # at most two rows per series and year: 2024 year + December, 2020 two vintages, BP 2018 two editions
    assert prod.groupby(["series", "year"]).size().max() == 2


def test_china_flow_facts():
    f = data.load("oil_china_flows")
    tot = f.query("flow == 'china-crude-imports-total'").set_index("year")
    assert (tot.loc[2024, "value_mt"], tot.loc[2024, "value_mbd"]) == (553.4, 11.04)
    assert tot.loc[2023, "value_mbd"] == 11.28
    assert list(tot.index) == list(range(2015, 2025))
    # tonnes and mb/d agree for the customs rows that publish both (Reuters' 7.3 or Platts' 7.33)
    both = f.query("flow == 'china-crude-imports-total'").dropna(subset=["value_mt"])
    for _, row in both.iterrows():
        lo = oil_units.mt_to_mbd(row["value_mt"], row["period"], 7.3)
        hi = oil_units.mt_to_mbd(row["value_mt"], row["period"], 7.33)
        assert lo - 0.1 <= row["value_mbd"] <= hi + 0.1, row["year"]
    # derived tonnage rows convert with the Platts factor and the period's days
    derived = f[(f["status"] == "derived") & f["value_mt"].notna() & f["note"].str.contains("7.33")]
    assert len(derived) >= 5
    for _, row in derived.iterrows():
        mbd = oil_units.mt_to_mbd(row["value_mt"], row["period"])
        assert round(mbd, 2) == pytest.approx(row["value_mbd"], abs=0.006)
    iran = f.query("flow == 'customs-imports-from-iran' and period_kind == 'year'")
    iran = iran.set_index("year")["value_mbd"]
    assert (iran[2016], iran[2019], iran[2023]) == (0.623, 0.295, 0.0)
    assert iran[2020] == round(28.7 / 366, 3)


def test_share_facts():
    s = data.load("oil_china_share").set_index(["period", "tracker"])
    assert s.loc[("2024", "UANI"), "share_pct"] == 91
    assert round(100 * 533 / 587) == 91
    analyst = s.loc[("2021", "Kpler (analyst)")]
    assert (analyst["low_pct"], analyst["high_pct"]) == (85, 95)


def test_price_and_economy_facts():
    brent = {2015: 52.32, 2016: 43.64, 2017: 54.13, 2018: 71.34, 2019: 64.30, 2020: 41.96,
             2021: 70.86,
             2022: 100.93, 2023: 82.49, 2024: 80.52}
    assert {y: oil.brent(y) for y in brent} == brent
    disc = data.load("oil_prices").query("series == 'iran-discount-to-brent'").set_index(["period", "grade"])
    assert disc.loc[("2023", "Iranian crude (delivered China)"), "value_usd_per_bbl"] == 13
    nov = disc.loc[("2024-11", "Iranian Light (delivered China)")]
    assert (nov["low_usd_per_bbl"], nov["high_usd_per_bbl"]) == (2, 3)
    econ = data.load("oil_economy")
    wb = econ.query("series == 'gdp-current-usd' and source_id == 'oil-wb-gdp'")
    wb = wb.set_index("year")["value_usd_bn"]
    assert (wb[2023], wb[2018], len(wb)) == (401.5, 329.7, 9)
    eia = econ.query("series == 'oil-export-revenue-crude-condensate'").set_index("year")["value_usd_bn"]
    assert (eia[2024], eia[2023], eia[2020]) == (43, 42, 5)
    total = econ.query("period == '2021/2023'")["value_usd_bn"].iloc[0]
    assert total == 144  # EIA: $144 bn for 2021-2023, consistent with 37 + 53.5 + 53.5 = 144


def test_event_facts():
    ev = data.load("oil_sanction_events").set_index("event_id")
    day = ev["date"].dt.strftime("%Y-%m-%d")
    assert day["shandong-ban"] == "2025-01-06" and day["beijing-deal"] == "2023-03-10"
    assert day["implementation-day"] == "2016-01-16" and day["us-oil-sanctions"] == "2018-11-05"
    assert (ev.loc["us-2025-01-10", "vessels"], ev.loc["us-2025-01-10", "tankers"]) == (183, 155)
    assert ev.loc["shandong-ban", "kind"] == "port-ban"
    assert "state-owned" in ev.loc["shandong-ban", "actor"]
    # which date is used is always said; month-only dates sit on the first of the month
    month_only = ev[ev["date_kind"] == "reported-in-month"]
    assert (month_only["date"].dt.day == 1).all() and month_only["note"].str.contains("Only the month").all()
    counts = ev[ev["kind"].isin(["tanker-designation", "designation-count", "fleet-size"])]
    assert counts[["vessels", "tankers"]].notna().any(axis=1).all()


def test_kpler_is_placed_in_vienna_only_by_the_article():
    d = data.load("oil_tracker_descriptions")
    vienna = d[d["location_iso3"] == "AUT"]
    assert list(vienna["source_id"]) == ["article-s4-jara"]
    assert set(d["location_iso3"].dropna()) - {"AUT"} == {"FRA", "GBR", "BEL"}


def test_checksums_match():
    for name in TABLES:
        path = paths.DATA_DIR / data._catalogue()[name]["file"]
        assert data.sha256(path) == data._catalogue()[name]["sha256"]


def test_no_false_precision_in_periods():
    for name in ("oil_export_estimates", "oil_china_flows"):
        df = data.load(name)
        for _, row in df.iterrows():
            start, end = oil_units.period_bounds(row["period"])
            assert start.year <= row["year"] <= end.year
            kind = row["period_kind"]
            months = (end.year - start.year) * 12 + end.month - start.month + 1
            assert (kind == "month") == (months == 1) or kind == "part-year", row["period"]
    assert pd.api.types.is_datetime64_any_dtype(data.load("oil_sanction_events")["date"])


def test_countries_are_iso_codes_that_pycountry_knows():
    import pycountry

    flows = data.load("oil_china_flows")
    codes = set(flows["origin_iso3"].dropna()) | set(flows["destination_iso3"].dropna())
    codes |= set(data.load("oil_tracker_descriptions")["location_iso3"].dropna())
    names = {c: pycountry.countries.get(alpha_3=c).name for c in codes}
    assert names["IRN"].startswith("Iran") and names["MYS"] == "Malaysia" and names["CHN"] == "China"
    routes = flows.drop_duplicates("flow").set_index("flow")[["origin_iso3", "destination_iso3"]]
    assert tuple(routes.loc["customs-imports-from-malaysia"]) == ("MYS", "CHN")
    assert tuple(routes.loc["iran-to-malaysian-waters"]) == ("IRN", "MYS")
