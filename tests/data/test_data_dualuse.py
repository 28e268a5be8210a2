"""The dual-use tables: the facts notebook 02 rests on, and that its prose numbers come from the data."""

import re

import nbformat
import pandas as pd
import pycountry
import pytest

from helpers import data, paths, trade

TABLES = ("chpl_items", "china_russia_trade", "share_claims", "intermediary_trade_shift", "us_listings",
          "prc_dual_use_statements")
NOTEBOOK = paths.NOTEBOOKS_DIR / "02-dual-use-goods.ipynb"


@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads_with_sources_and_statuses(name):
    df = data.load(name)
    assert len(df) > 0
    assert set(df["status"]) <= set(data.STATUSES)
    for sid in df["source_id"]:
        for part in sid.split(";"):
            assert part.startswith("dualuse-") or part == "article-s1-westhawaii", part
    assert data.catalogue().loc[name, "theme"] == "dual-use"


def test_every_dualuse_source_is_used_by_a_table():
    used = {p for name in TABLES for sid in data.load(name)["source_id"] for p in sid.split(";")}
    ours = {s for s in data.sources().index if s.startswith("dualuse-")}
    assert ours - used == set(), "sources nobody cites"
    assert all(data.sources().loc[s, "url"].startswith("https://") for s in ours)
    assert set(data.sources().loc[sorted(ours), "accessed"]) <= {"2026-11", "2026-12"}  # 12: the December audit


# --------------------------------------------------------------------------- the CHPL
def test_chpl_has_fifty_unique_six_character_codes():
    items = data.load("chpl_items")
    assert len(items) == 50 and items["hs6"].is_unique
    assert all(isinstance(c, str) and re.fullmatch(r"\d{6}", c) for c in items["hs6"])
    assert [trade.parse_hs(c).code for c in items["hs6"]] == list(items["hs6"])  # each is a valid HS-6 code
    assert set(items["list_version"]) == {pd.Timestamp("2024-02-23")}


def test_chpl_tier_counts_and_chapters():
    items = data.load("chpl_items")
    assert items["tier"].value_counts().to_dict() == {"3.A": 16, "4.A": 11, "3.B": 9, "2": 5, "4.B": 5, "1": 4}
    chapters = pd.Series([trade.parse_hs(c).chapter for c in items["hs6"]]).value_counts().to_dict()
    assert chapters == {"85": 26, "84": 14, "90": 9, "88": 1}


def test_chpl_tier_one_is_the_four_integrated_circuit_codes():
    items = data.load("chpl_items")
    assert sorted(items[items["tier"] == "1"]["hs6"]) == ["854231", "854232", "854233", "854239"]
    assert set(items[items["tier"] == "4.B"]["hs6"]) == {"845710", "845811", "845891", "845961", "846693"}


def test_chpl_each_tier_has_one_heading_and_definition():
    items = data.load("chpl_items")
    per_tier = items.groupby("tier")[["tier_heading", "tier_definition"]].nunique()
    assert (per_tier == 1).all().all()
    assert items.set_index("hs6").loc["845710", "tier_definition"].startswith("Computer Numerically Controlled")


def test_chpl_mislabelled_semiconductor_codes_are_corrected():
    labels = data.load("chpl_items").set_index("hs6")["description_hs2022"]
    for code in ("854151", "854159"):
        assert "photosensitive" not in labels[code].lower()
        assert labels[code].startswith("Other semiconductor devices")


# --------------------------------------------------------------------------- trade
TOTALS = {2019: 110.75, 2020: 107.76, 2021: 146.887, 2022: 190.27, 2023: 240.11, 2024: 244.81}
SPLITS = {2019: (49.7, 61.05), 2020: (50.58, 57.18), 2022: (76.12, 114.15), 2024: (115.49, 129.32)}


def test_trade_totals_per_year():
    df = data.load("china_russia_trade")
    assert {y: trade.trade_value(df, y, "total") for y in TOTALS} == TOTALS


def test_trade_splits_and_that_they_add_up():
    df = data.load("china_russia_trade")
    for year, (exports, imports) in SPLITS.items():
        assert trade.trade_value(df, year, "exports") == exports
        assert trade.trade_value(df, year, "imports") == imports
        assert abs(exports + imports - TOTALS[year]) < 0.011, year


def test_unconfirmed_splits_are_not_shipped():
    df = data.load("china_russia_trade")
    assert not ((df["year"] == 2021) & (df["flow"] != "total")).any()
    split_2023 = df[(df["year"] == 2023) & (df["flow"] != "total")]
    assert split_2023["value_usd_bn"].isna().all()
    assert split_2023.set_index("flow")["published_growth_pct"].to_dict() == {"exports": 46.9, "imports": 13.0}


def test_published_growth_is_not_chained_onto_levels():
    """GACC's rate for 2023 exports, applied to the 2022 level, is not a level the kit ships."""
    df = data.load("china_russia_trade")
    chained = trade.trade_value(df, 2022, "exports") * 1.469
    assert round(chained, 1) == 111.8
    assert df["value_usd_bn"].dropna().round(1).isin([111.8]).sum() == 0


# --------------------------------------------------------------------------- share claims
def test_share_claims_pin_the_lesson():
    claims = data.load("share_claims").set_index("claim_id")
    assert len(claims) == 12
    assert claims.loc["burns-2025-01", "share_of"] == "use-in-war-effort"
    assert claims.loc["burns-2025-01", "measured_by"] == "not-stated"
    assert claims.loc["us-officials-2024-04-micro", ["share_pct", "period"]].tolist() == [90, "2023"]
    assert claims.loc["kse-2024-01-china-hq", "share_pct"] == 45
    assert claims.loc["kse-2024-01-western-hq", "share_pct"] == 48
    assert claims.loc["carnegie-2024-05", "goods"] == "CHPL goods"


def test_blinken_nato_press_conference_is_dated_18_june_2024():
    claims = data.load("share_claims").set_index("claim_id")
    assert claims.loc["blinken-2024-06-nato", "claim_date"] == "2024-06-18"


def test_share_claim_dates_are_iso_and_ordered_sensibly():
    for d in data.load("share_claims")["claim_date"]:
        assert pd.Timestamp(d[:7] + "-01") <= pd.Timestamp("2025-01-31")


# --------------------------------------------------------------------------- rerouting
def test_country_codes_are_iso_alpha3():
    shift = data.load("intermediary_trade_shift")
    groups = {"EU27", "EU27+GBR", "CCA3", "not stated"}
    for code in set(shift["reporter"]) | set(shift["partner"]):
        assert code in groups or pycountry.countries.get(alpha_3=code) is not None, code


def test_dor_figures_and_the_mirror_gap():
    shift = data.load("intermediary_trade_shift").set_index("shift_id")
    assert shift.loc["dor-eu-kgz-2022", ["change_m", "change_pct"]].tolist() == [909, 345]
    assert shift.loc["dor-eu-rus-2022", ["change_m", "change_pct"]].tolist() == [-34000, -38]
    assert shift.loc["mirror-chn-kgz-2024", "value_m"] == 22700
    assert shift.loc["mirror-kgz-chn-2024", ["value_m", "period"]].tolist() == [5100, "2024-01/2024-11"]


def test_estimates_carry_a_range():
    shift = data.load("intermediary_trade_shift")
    estimates = shift[shift["status"] == "estimate"]
    assert set(estimates["comparison"]) == {"offset", "mirror"}
    assert estimates["share_pct_high"].notna().all()
    both = estimates.dropna(subset=["share_pct_low"])
    assert (both["share_pct_low"] <= both["share_pct_high"]).all()


# --------------------------------------------------------------------------- listings
def test_listings_pin_the_count_against_nearly_400():
    listings = data.load("us_listings")
    rows = trade.listings_for(listings)
    assert trade.china_listed_total(rows) == 108
    with_both = listings.dropna(subset=["total_listed", "china_hk_listed"])
    with_both = with_both[with_both["count_kind"] == "action"]
    assert (with_both["china_hk_listed"] <= with_both["total_listed"]).all()
    by_id = listings.set_index("listing_id")
    assert by_id.loc["cnas-el-2024", ["total_listed", "china_hk_listed"]].tolist() == [520, 263]
    assert by_id.loc["cnas-sdn-2024", ["total_listed", "china_hk_listed"]].tolist() == [3135, 276]


def test_prc_statements():
    s = data.load("prc_dual_use_statements").set_index("statement_id")
    assert len(s) == 5
    assert "lethal" in s.loc["linjian-2024-11-18", "quote"]
    assert s.loc["linjian-2024-12-17-drones", "quote_language"] == "zh"


# --------------------------------------------------------------------------- prose numbers
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOT_DATA = [
    r"`[^`]*`",                                  # code
    r"^\s*#.*$",                                 # headings
    r"^>.*$",                                    # the article, quoted
    r"\bHS-\d\b",
    r"\b[PC]\d+\b",                              # paragraph and claim ids
    rf"\b\d{{1,2}} ({_MONTHS})\b",               # day of a date
    r"\b(19|20)\d{2}[–-]\d{2}\b",                # year ranges like 2022-23
    r"\b(19|20)\d{2}\b",                         # years
    r"\b\d{4}\.\d{2}\b|\b\d{6}\b",               # HS codes
    r"\b([Tt]iers?|[Cc]hapters?|[Hh]eadings?|[Nn]otebooks?|[Pp]aragraphs?) \d+(\.[AB])?( (and|to) \d+)?",
    r"\b\d\.[AB]\b",                             # tier names
    r"^\s*\d+\.\s",                              # list numbering
]


def _prose_numbers(text: str) -> set[float]:
    for pattern in _NOT_DATA:
        text = re.sub(pattern, " ", text, flags=re.M)
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def _literals(source: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", source)}


def test_every_number_in_the_prose_is_asserted_from_the_data():
    cells = nbformat.read(NOTEBOOK, as_version=4).cells
    exempt = ("# 02 · ", "**What you will learn**")
    unchecked = []
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown" or cell.source.startswith(exempt):
            continue
        numbers = _prose_numbers(cell.source)
        if not numbers:
            continue
        asserted: set[float] = set()
        for after in cells[i + 1:]:
            if after.cell_type == "markdown":
                break
            if "remove-cell" in after.metadata.get("tags", []):
                asserted |= _literals(after.source)
        missing = sorted(numbers - asserted)
        if missing:
            unchecked.append((cell.source[:60], missing))
    assert unchecked == [], "numbers in the prose with no assertion after them"


def test_the_prose_number_check_can_fail():
    assert _prose_numbers("China's exports grew 51.7% (tier 3.A, chapter 85, 2024, P2, 18 June)") == {51.7}
