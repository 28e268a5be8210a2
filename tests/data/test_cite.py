"""helpers.citation and the Sources section: the original publisher named first, relays as relays,
every line ending with the rungs of its rows; sources.csv names each source's own outlet or host."""

import re

import pandas as pd
import pytest

from helpers import bibliography, citation, data, provenance


def test_cite_rows_names_only_the_sources_of_those_rows():
    copies = data.load("article_copies")
    one = citation.cite_rows(copies[copies["copy_id"] == "s2"])
    assert one == "Source: The New York Times; read in a copy at asian-news.net (2025-01). Rows: 1 from a copy."


@pytest.mark.parametrize(("source_id", "line"), [
    ("dualuse-bis-2024-05-09", "U.S. Department of Commerce, Bureau of Industry and Security, 2024-05-09"),
    ("oil-almonitor-2023-07", "Kpler, reported by Al-Monitor (2023-07)"),
    ("oil-iranpost-2025-05", "Kpler, reported by Reuters (2025-05-19); read in a copy at The Iran Post"),
    ("oil-mudpumps-2025", "U.S. Energy Information Administration (EIA); read in a copy at American Mud Pumps (2025)"),
    ("oil-iranintl-2024-05", "Iran International; read in a copy at wikihow.top (2024-05)"),
])
def test_each_rung_is_named_original_first(source_id, line):
    assert citation.name(source_id) == line


def test_sources_sharing_an_original_are_one_sentence():
    flows = data.load("oil_china_flows")
    line = citation.cite_rows(flows)
    gacc = "General Administration of Customs of the PRC (GACC)"
    assert line.count(gacc) == 1
    # Reuters relayed customs figures in many reports: one name, the count and the span of years.
    assert re.search(r"reported by Reuters \(\d+ reports, 20\d\d-20\d\d\)", line)
    assert "other reports" in line and "other hosts" in line


def test_cite_rows_counts_what_it_does_not_name():
    exports = data.load("oil_export_estimates")
    n = len(data.source_ids(exports))
    line = citation.cite_rows(exports, max_cited=2, tables=["oil_export_estimates"])
    named = sum(len(g.ids) for g in citation._groups(data.source_ids(exports))[:2])
    assert f". {n - named} more sources (table oil_export_estimates), all listed under Sources. Rows: " in line
    assert citation.cite_rows(exports.head(1), max_cited=2) == citation.cite_rows(exports.head(1))
    assert "(tables a, b)" in citation.cite_rows(exports, max_cited=1, tables=["a", "b"])


def test_cite_rows_refuses_no_rows_and_a_zero_limit():
    exports = data.load("oil_export_estimates")
    with pytest.raises(ValueError, match="no rows to cite"):
        citation.cite_rows(exports.head(0))
    with pytest.raises(ValueError, match="max_cited must be 1 or more, got 0"):
        citation.cite_rows(exports, max_cited=0)


def test_a_row_counts_once_by_its_best_source():
    rows = pd.DataFrame({"source_id": ["fent-corgis-opioids;fent-nchs-db457", "fent-corgis-opioids",
                                       "oil-almonitor-2023-07", "oil-almonitor-2023-07;oil-iranpost-2025-05"]})
    assert [provenance.rung(s) for s in rows["source_id"]] == ["publisher", "copy", "report", "report"]
    assert citation.rungs(rows) == "Rows: 1 from the publisher, 2 from reports, 1 from a copy."
    assert citation.rungs(rows.head(1)) == "Rows: 1 from the publisher."


def test_every_table_line_ends_with_the_rungs_of_all_its_rows():
    for name in data.tables():
        df = data.load(name)
        line = citation.cite(name)
        counts = [int(n) for n in re.findall(r"(\d+) from", line.rsplit("Rows: ", 1)[1])]
        assert sum(counts) == len(df), name


def test_with_rungs_adds_the_column_and_leaves_the_table_alone():
    exports = data.load("oil_export_estimates")
    shown = citation.with_rungs(exports)
    assert citation.RUNG_COLUMN not in exports.columns
    assert set(shown[citation.RUNG_COLUMN]) <= set(provenance.KINDS)
    assert shown.attrs["title"] == exports.attrs["title"]
    assert shown[citation.RUNG_COLUMN].tolist() == [provenance.rung(s) for s in exports["source_id"]]


def test_no_publisher_name_of_a_relay_mixes_in_another_outlet():
    # The ladder is in kind and relays; a report's or a copy's publisher is its own outlet or host.
    src = data.sources()
    relays = src[src["kind"] != "publisher"]
    mixed = relays["publisher"].str.contains(
        r"\((?:via|mirrored by|citing|reporting|copy (?:at|on)|reprinted by|reposted by)\b|, citing ")
    assert relays.index[mixed].tolist() == []
    assert src.loc["oil-mudpumps-2025", "publisher"] == "American Mud Pumps"
    assert src.loc["article-s1-westhawaii", "publisher"] == "West Hawaii Today"


def test_the_sources_section_names_the_original_then_the_relays():
    text = bibliography.markdown(["oil_china_share"])
    line = next(x for x in text.splitlines() if "theiranpost.com" in x)
    assert line.startswith("- Kpler, *")
    assert " — reported by Reuters, *" in line and "; read in a copy at The Iran Post, 2025-05-19. <https://" in line
    own = next(x for x in text.splitlines() if "eia.gov/todayinenergy" in x)
    assert " — reported by" not in own and "read in a copy" not in own
    assert bibliography.table(["oil_china_share"]).loc["oil-iranpost-2025-05", "original"] == "orig-kpler"
