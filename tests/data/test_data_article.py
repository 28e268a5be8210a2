"""Data checks for the article tables: article_claims, article_errata, glossary.

The ledger of the research notes (shared/research/article.md, section 3) lists claims C1-C37 with a
paragraph each; the notes live outside the repository, so that list is pinned here.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import article, claims, data

# Claim -> paragraph, as in the notes' ledger (section 3).
LEDGER_PARAGRAPHS = {
    "C1": 1, "C2": 2, "C3": 2, "C4": 3, "C5": 3, "C6": 4, "C7": 5, "C8": 6, "C9": 7, "C10": 7,
    "C11": 8, "C12": 8, "C13": 9, "C14": 10, "C15": 10, "C16": 11, "C17": 11, "C18": 11, "C19": 11,
    "C20": 11, "C21": 12, "C22": 12, "C23": 12, "C24": 12, "C25": 13, "C26": 14, "C27": 14, "C28": 14,
    "C29": 15, "C30": 16, "C31": 16, "C32": 17, "C33": 17, "C34": 18, "C35": 18, "C36": 18, "C37": 18,
}
# Claims whose support in the notes is NOT FOUND or UNCONFIRMED only: never 'supported'.
NOT_FOUND = ("C1", "C2", "C9", "C20", "C35")
TERMS = ("HS code", "dual-use", "CHPL", "teapot refinery", "shadow fleet", "ship-to-ship transfer",
         "precursor", "scheduling", "mirror statistic", "vintage", "provisional count", "final count", "mb/d",
         "T40.4", "Entity List", "SDN list", "verified", "verified-secondary", "derived", "estimate",
         "publisher", "report", "copy")
TABLES = ("article_claims", "article_errata", "glossary")


@pytest.fixture(scope="module")
def ledger() -> pd.DataFrame:
    return data.load("article_claims")


@pytest.fixture(scope="module")
def errata() -> pd.DataFrame:
    return data.load("article_errata")


@pytest.fixture(scope="module")
def glossary() -> pd.DataFrame:
    return data.load("glossary")


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_and_cites_known_sources_and_the_article(name):
    """Rows may cite any source (merged ids keep their theme's prefix); the article itself is cited."""
    df = data.load(name)
    assert len(df) > 0
    known = data.sources()
    cited = {part for sid in df["source_id"] for part in sid.split(";")}
    assert cited - set(known.index) == set(), "source ids missing from sources.csv"
    assert all(known.loc[sorted(cited), "url"].str.startswith("https://"))
    copies_of_the_article = set(known.index[known["relays"] == "orig-nyt"])
    assert cited & copies_of_the_article, f"{name} cites no copy of the article"


def test_row_counts(ledger, errata, glossary):
    assert (len(ledger), len(errata), len(glossary)) == (37, 16, 60)


# --- the ledger ------------------------------------------------------------------------------------

def test_ledger_covers_every_claim_of_the_notes(ledger):
    assert set(ledger["claim_id"]) == set(LEDGER_PARAGRAPHS)
    assert ledger["claim_id"].is_unique


def test_ledger_paragraphs_match_the_notes(ledger):
    got = dict(zip(ledger["claim_id"], ledger["paragraph"].astype(int), strict=True))
    assert got == LEDGER_PARAGRAPHS


def test_every_claims_words_occur_in_its_paragraph(ledger):
    for row in ledger.itertuples():
        start, end = article.find(int(row.paragraph), row.words)  # raises on a typo
        assert article.paragraph(int(row.paragraph))[start:end] == row.words


def test_words_are_short_quotations(ledger, errata):
    for text in list(ledger["words"]) + list(errata["seed_text"]):
        assert article.words(text) <= 30, text


@pytest.mark.parametrize(
    ("column", "allowed"),
    [
        ("claim_type", claims.CLAIM_TYPES),
        ("theme", claims.THEMES),
        ("verdict", claims.VERDICTS),
        ("verdict_stage", claims.STAGES),
        ("checked_in", tuple(claims.NOTEBOOKS)),
    ],
)
def test_ledger_values_from_allowed_sets(ledger, column, allowed):
    assert set(ledger[column]) <= set(allowed)
    # the module and the catalogue agree on the allowed values
    catalogue = {c.name: c for c in data.columns("article_claims")}
    assert set(catalogue[column].allowed) == set(allowed)


def test_every_type_and_theme_occurs(ledger):
    assert set(ledger["claim_type"]) == set(claims.CLAIM_TYPES)
    assert set(ledger["theme"]) == set(claims.THEMES)


def test_stage_follows_the_notebook(ledger):
    for row in ledger.itertuples():
        assert row.verdict_stage == "final", row.claim_id  # notebook 05 settled the last ones


def test_theme_notebooks_only_check_their_theme(ledger):
    theme_of = {"02-dual-use-goods": "dual-use", "03-iranian-oil-flows": "iran-oil",
                "04-fentanyl-controls": "fentanyl"}
    for row in ledger.itertuples():
        if row.checked_in in theme_of:
            assert row.theme == theme_of[row.checked_in], row.claim_id


def test_not_found_claims_are_never_supported(ledger):
    verdicts = ledger.set_index("claim_id")["verdict"]
    for cid in NOT_FOUND:
        assert verdicts[cid] == "unverifiable", cid


def test_pinned_verdicts(ledger):
    verdicts = ledger.set_index("claim_id")["verdict"].to_dict()
    assert verdicts["C16"] == "not-supported"  # 'quadrupled': the trackers show less than double
    assert verdicts["C18"] == "not-supported"  # Kpler was founded in Paris
    assert verdicts["C3"] == "partly-supported"  # a share of imports, not of what is used
    assert verdicts["C37"] == "partly-supported"  # 'more than 50' found, '55' not
    assert verdicts["C17"] == "partly-supported"  # UANI 91%, but Kpler, the tracker named, 77% (audit 2026-12)
    assert verdicts["C12"] == "partly-supported"  # notebook 02: denied weapons, not dual-use goods reaching Russia
    assert {verdicts["C6"], verdicts["C7"]} == {"opinion"}


def test_verdict_counts(ledger):
    assert ledger["verdict"].value_counts().to_dict() == {
        "supported": 20, "partly-supported": 8, "unverifiable": 5, "not-supported": 2, "opinion": 2,
    }


def test_evidence_is_one_line_naming_a_source(ledger):
    for row in ledger.itertuples():
        assert "\n" not in row.evidence
        assert re.search(r"\([^)]*[A-Za-z]{3}[^)]*\)", row.evidence), row.claim_id  # "(Publisher ...)"
        assert "notes)" not in row.evidence, row.claim_id  # name the publisher, not the research notes


def test_double_coded_claims_say_which_code_was_used(ledger):
    notes = ledger.set_index("claim_id")["note"]
    for cid in ("C1", "C8", "C14", "C20", "C22", "C28"):
        kinds = "opinion or prediction|attribution|event|statistic"
        mixed = re.search(rf"A mixed claim \(({kinds}) and ({kinds})\); typed by its main part: ({kinds})", notes[cid])
        assert mixed, cid
        assert mixed.group(3) in (mixed.group(1), mixed.group(2)), cid  # typed by one of its two parts


def test_derived_rows_give_a_formula(ledger):
    derived = ledger[ledger["status"] == "derived"]
    assert derived["claim_id"].tolist() == ["C19"]
    assert "Formula" in derived["note"].iloc[0]


# --- errata ----------------------------------------------------------------------------------------

def test_every_seed_text_occurs_in_its_paragraph(errata):
    for row in errata.itertuples():
        article.find(int(row.paragraph), row.seed_text)


def test_errata_meaning_changes_pinned(errata):
    changed = errata[errata["changes_meaning"].astype(bool)]
    assert sorted(set(changed["paragraph"].astype(int))) == [2, 4, 5, 6, 7, 9, 11, 14, 18]
    kinds = dict(zip(errata["seed_text"], errata["error_kind"], strict=True))
    assert kinds["ports. Ta. Reuters"] == "stray-token"
    assert kinds["reflects Beijing's desire to play a leading role"] == "inverted-meaning"
    cosmetic = set(errata.loc[~errata["changes_meaning"].astype(bool), "seed_text"])
    assert "Kupler, a Vienna-based company" in cosmetic


def test_reconstructed_readings_say_so(errata):
    for row in errata.itertuples():
        if row.status == "derived":
            assert row.note.startswith("Reconstructed"), row.seed_text


def test_likely_readings_differ_from_the_seed(errata):
    for row in errata.itertuples():
        assert row.likely_reading != row.seed_text
        assert row.likely_reading not in article.paragraph(int(row.paragraph))


def test_back_translated_quotation_is_flagged(errata):
    quote = errata[errata["error_kind"] == "back-translated-quotation"]
    assert quote["paragraph"].tolist() == [5]
    assert "agents of disorder" in quote["likely_reading"].iloc[0]


# --- glossary --------------------------------------------------------------------------------------

def test_glossary_has_every_term(glossary):
    terms = glossary[glossary["kind"] == "term"]["term"]
    assert set(TERMS) <= set(terms)
    assert len(terms) >= 30


def test_every_entry_names_a_notebook_that_exists(glossary):
    from helpers import lessons

    numbers = {o.number for o in lessons.outline()}
    assert set(glossary["notebook"]) <= numbers


def test_glossary_kinds_and_names(glossary):
    assert set(glossary["kind"]) == {"person", "organisation", "place", "term"}
    assert glossary["term"].is_unique
    for name in ("Lin Jian", "Kpler", "Shandong Port Group", "Houthis", "OFAC", "Zhang Guoqing"):
        assert name in set(glossary["term"])


def test_seed_spellings_occur_in_the_seed(glossary):
    text = "\n".join(article.paragraphs().values())
    for term, spelling in zip(glossary["term"], glossary["seed_spelling"], strict=True):
        if pd.notna(spelling):
            assert spelling in text, term


def test_misspelt_names_are_recorded(glossary):
    spelling = glossary.set_index("term")["seed_spelling"]
    assert spelling["Kpler"] == "Kupler"
    assert spelling["Lin Jian"] == "Lin said. Ken"


def test_definitions_are_one_line(glossary):
    for row in glossary.itertuples():
        assert "\n" not in row.definition and len(row.definition) <= 250, row.term
