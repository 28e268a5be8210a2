"""The facts notebook 04 rests on: final counts per year, overlap of categories, dated controls, seizures."""

import pandas as pd
import pytest

from helpers import data

FINAL_ALL = {
    1999: 16849, 2000: 17415, 2001: 19394, 2002: 23518, 2003: 25785, 2004: 27424, 2005: 29813,
    2006: 34425, 2007: 36010, 2008: 36450, 2009: 37004, 2010: 38329, 2011: 41340, 2012: 41502,
    2013: 43982, 2014: 47055, 2015: 52404, 2016: 63632, 2017: 70237, 2018: 67367, 2019: 70630,
    2020: 91799, 2021: 106699, 2022: 107941, 2023: 105007, 2024: 79384,
}
FINAL_T404 = {
    1999: 730, 2000: 782, 2001: 957, 2002: 1295, 2003: 1400, 2004: 1664, 2005: 1742, 2006: 2707,
    2007: 2213, 2008: 2306, 2009: 2946, 2010: 3007, 2011: 2666, 2012: 2628, 2013: 3105, 2014: 5544,
    2015: 9580, 2016: 19413, 2017: 28466, 2018: 31335, 2019: 36359, 2020: 56516, 2021: 70601,
    2022: 73838, 2023: 72776, 2024: 47735,
}
TABLES = ["fent_overdose_deaths", "fent_controls_timeline", "fent_cbp_seizures", "fent_supply_indicators"]


@pytest.fixture(scope="module")
def deaths():
    return data.load("fent_overdose_deaths")


def final(deaths, category):
    d = deaths[(deaths["vintage"] == "final") & (deaths["drug_category"] == category)]
    return dict(zip(d["year"].astype(int), d["deaths"], strict=True))


@pytest.mark.parametrize("name", TABLES)
def test_tables_load_cite_fent_sources_and_have_known_statuses(name):
    df = data.load(name)
    assert len(df) > 0
    assert set(df["status"]) <= set(data.STATUSES)
    for sid in df["source_id"]:
        assert all(part.startswith("fent-") for part in sid.split(";"))
    urls = data.sources().loc[[p for s in df["source_id"] for p in s.split(";")], "url"]
    assert urls.str.startswith("https://").all()
    derived = df[df["status"] == "derived"]
    assert derived["note"].notna().all()


def test_final_counts_per_year_are_pinned(deaths):
    assert final(deaths, "all_drugs") == FINAL_ALL
    assert final(deaths, "t40_4") == FINAL_T404


def test_2024_choices_from_corrections(deaths):
    row = deaths[(deaths["vintage"] == "final") & (deaths["year"] == 2024)].set_index("drug_category")
    assert row.loc["all_drugs", "deaths"] == 79384  # one of 79,384 / 79,385, cited consistently
    assert "79,385" in row.loc["all_drugs", "note"]
    assert bool(row.loc["t40_4", "one_extract"]) is True  # 47,735 rests on one extract
    assert row.loc["t40_4", "aadr_status"] == "derived"
    assert row.loc["t40_4", "aadr_per_100k"] == round(22.2 * (1 - 0.356), 1)
    assert deaths[deaths["drug_category"] != "t40_4"]["one_extract"].sum() == 0


def test_final_and_provisional_are_separate_rows_with_their_release(deaths):
    fin = deaths[deaths["vintage"] == "final"]
    prov = deaths[deaths["vintage"] == "provisional"]
    assert fin["release"].isna().all() and fin["provisional_kind"].isna().all()
    assert prov["release"].notna().all() and prov["provisional_kind"].notna().all()
    assert not fin.duplicated(subset=["year", "drug_category"]).any()
    p23 = prov[(prov["year"] == 2023) & (prov["drug_category"] == "all_drugs") & (prov["qualifier"] == "exact")]
    assert dict(zip(p23["release"], p23["deaths"], strict=True)) == {"2024-05": 107543, "2025-05": 110037}
    # the 2023 final counts are the NCHS final ones (corrections.md), never the provisional ones
    assert final(deaths, "all_drugs")[2023] == 105007 and final(deaths, "t40_4")[2023] == 72776


def test_drug_categories_overlap_so_their_sum_exceeds_the_total(deaths):
    fin = deaths[deaths["vintage"] == "final"]
    y2017 = fin[fin["year"] == 2017].set_index("drug_category")["deaths"]
    parts = int(y2017[["t40_4", "t40_1", "rx_opioids", "t40_5"]].sum())
    assert parts == 74919 and parts > y2017["all_drugs"] == 70237
    prov = deaths[(deaths["vintage"] == "provisional") & (deaths["release"] == "2025-05") & (deaths["year"] == 2024)]
    p = prov.set_index("drug_category")["deaths"]
    assert int(p[["t40_4", "t43_6", "t40_5"]].sum()) == 100052 > p["all_drugs"] == 80391
    # and every category is at most the total in its year
    tot = fin[fin["drug_category"] == "all_drugs"].set_index("year")["deaths"]
    for _, r in fin[(fin["drug_category"] != "all_drugs") & fin["deaths"].notna()].iterrows():
        assert r["deaths"] <= tot[r["year"]]


def test_rates_and_units(deaths):
    assert data.load("fent_overdose_deaths").attrs["units"]["deaths"] == "deaths"
    rows = deaths[deaths["deaths"].isna()]
    assert rows["aadr_per_100k"].notna().all()  # a row without a count has a rate
    fin = deaths[(deaths["vintage"] == "final") & (deaths["drug_category"] == "all_drugs")].set_index("year")
    assert fin.loc[2022, "aadr_per_100k"] == 32.6 and fin.loc[2023, "aadr_per_100k"] == 31.3


def test_timeline_says_which_date_it_uses():
    t = data.load("fent_controls_timeline")
    sep = t[t["event_id"] == "chn-2024-09-precursors"].set_index("date_kind")["date"]
    assert sep.to_dict() == {"dated": pd.Timestamp("2024-08-02"), "published": pd.Timestamp("2024-08-05"),
                             "effective": pd.Timestamp("2024-09-01")}
    # corrections to common premises: China's piperidone control came in 2025, after the UN's in 2024
    pip = t[t["substances"].fillna("").str.contains("4-piperidone")]
    assert pip.set_index("jurisdiction")["date"].to_dict() == {
        "UN": pd.Timestamp("2024-03-19"), "CHN": pd.Timestamp("2025-07-20")}
    ifs = t[t["event_id"].str.contains("ifs")].sort_values("date")
    assert ifs["date"].dt.year.tolist() == [2020, 2020, 2023]
    assert t.set_index(["event_id", "date_kind"]).loc[("chn-2024-07-nps", "effective"), "substance_count"] == 46


def test_cbp_totals_and_shares():
    s = data.load("fent_cbp_seizures")
    cur = s[s["data_file"].str.startswith("nationwide")].set_index(["fiscal_year", "scope"])["pounds"]
    assert cur[(2022, "all_cbp")] == 14699.88 and cur[(2023, "all_cbp")] == 27022.86
    assert cur[(2024, "all_cbp")] == 21889.21 and cur[(2025, "all_cbp")] == 12027.28
    for fy in (2023, 2024, 2025):
        assert cur[(fy, "ofo")] + cur[(fy, "usbp")] == pytest.approx(cur[(fy, "all_cbp")], abs=0.011)
    assert round(cur[(2023, "southwest_border")] / cur[(2023, "all_cbp")] * 100, 1) == 98.9
    assert round(cur[(2024, "southwest_border")], 2) == 21148.15
    old = s[s["data_file"] == "reported Mar 2021"]
    assert old["pounds"].tolist() == [4776.0]


def test_supply_indicators_keep_units_and_periods_apart():
    ind = data.load("fent_supply_indicators")
    units = ind.set_index("indicator")["unit"].to_dict()
    assert units["dea_fentanyl_seized"] == "pounds" and units["nss_swb_fentanyl_seized"] == "kilograms"
    pills = ind[ind["indicator"] == "pills_with_lethal_dose"]
    assert set(pills["period_type"]) == {"lab-year", "fiscal-year"}
    lag = ind[ind["indicator"] == "un_to_china_lag"].iloc[0]
    start, end = pd.Timestamp("2022-03-16"), pd.Timestamp("2024-09-01")
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    assert lag["value"] == months == 29
