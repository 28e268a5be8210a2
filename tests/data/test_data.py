"""helpers.data: every table loads; every bad input gets one clear error naming file, row and column."""

import shutil

import pandas as pd
import pytest

from helpers import citation, data, paths

DEMO_CSV = """\
item,value,share_pct,day,flag,kind,source_id,status,note
a,1,10.5,2024-01-31,true,x,article-s1-westhawaii,verified,
b,2,20.0,2024-02-29,false,y,article-s1-westhawaii,derived,value of a plus 1
"""
DEMO_TOML = """
[demo]
file = "demo.csv"
title = "Demo"
description = "A table made by the tests."
key = ["item"]
sha256 = ""

[demo.columns]
item = { type = "str" }
value = { type = "int", min = 0, unit = "count" }
share_pct = { type = "float", min = 0, max = 100, unit = "%" }
day = { type = "date" }
flag = { type = "bool" }
kind = { type = "str", allowed = ["x", "y"] }
source_id = { type = "str" }
status = { type = "str" }
note = { type = "str", nullable = true }
"""


@pytest.fixture()
def kit(tmp_path, monkeypatch):
    """A copy of the data folder plus a demo table; returns a function that rewrites the demo CSV."""
    folder = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, folder)
    (folder / "demo.csv").write_text(DEMO_CSV)
    with (folder / "catalogue.toml").open("a") as fh:
        fh.write(DEMO_TOML)
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    monkeypatch.setattr(data, "CATALOGUE_FILE", folder / "catalogue.toml")
    monkeypatch.setattr(data, "SOURCES_FILE", folder / "sources.csv")
    monkeypatch.setattr(data, "_loaded", [])
    for f in (data._catalogue, data._load, data.sources):
        f.cache_clear()
    data.update_checksums()

    def write(csv_text: str, *, fix_checksum: bool = True) -> None:
        (folder / "demo.csv").write_text(csv_text)
        if fix_checksum:
            data.update_checksums()
        data._load.cache_clear()

    yield write
    for f in (data._catalogue, data._load, data.sources):
        f.cache_clear()


def test_every_table_in_the_catalogue_loads_with_its_citation():
    for name in data.tables():
        df = data.load(name)
        assert len(df) > 0
        assert citation.cite(name).startswith("Source")
        assert set(df["status"]) <= set(data.STATUSES)


def test_checksums_in_the_catalogue_match_the_files():
    for name in data.tables():
        entry = data._catalogue()[name]
        assert data.sha256(paths.DATA_DIR / entry["file"]) == entry["sha256"], name


def test_demo_loads_with_types(kit):
    df = data.load("demo")
    assert str(df["value"].dtype) == "Int64"
    assert str(df["share_pct"].dtype) == "Float64"
    assert df["day"].iloc[1] == pd.Timestamp("2024-02-29")
    assert df["flag"].tolist() == [True, False]
    assert df.attrs["units"] == {"value": "count", "share_pct": "%"}


def test_load_returns_a_copy_so_callers_cannot_corrupt_the_cache(kit):
    df = data.load("demo")
    df.loc[0, "item"] = "changed"
    assert data.load("demo").loc[0, "item"] == "a"


def test_unknown_table_lists_the_tables():
    with pytest.raises(data.DataError, match=r"unknown table 'nope'.*article_copies"):
        data.load("nope")


def test_missing_file(kit):
    (paths.DATA_DIR / "demo.csv").unlink()
    with pytest.raises(data.DataError, match=r"demo\.csv: file not found"):
        data.load("demo")


def test_checksum_mismatch_says_how_to_fix(kit):
    kit(DEMO_CSV.replace("10.5", "10.6"), fix_checksum=False)
    with pytest.raises(data.DataError, match=r"checksum mismatch.*--update-checksums"):
        data.load("demo")


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        ("a,1,", "a,one,", r"row 1 \(line 2\), column 'value': 'one' is not a whole number"),
        ("10.5", "10,5", r"row 1 \(line 2\): 10 fields, but the header has 9; quote a value"),
        ("20.0", "twenty", r"row 2 \(line 3\), column 'share_pct': 'twenty' is not a number"),
        ("2024-01-31", "31/01/2024", r"column 'day': '31/01/2024' is not an ISO date; allowed: YYYY-MM-DD"),
        ("2024-02-29", "2023-02-29", r"column 'day': '2023-02-29' is not a real date"),
        ("true", "yes", r"column 'flag': 'yes' is not a boolean; allowed: true, false"),
        (",x,", ",z,", r"column 'kind': 'z' is not allowed; allowed: x, y"),
        ("a,1,", "a,-1,", r"column 'value': -1 is below the minimum 0"),
        ("20.0", "120.0", r"column 'share_pct': 120.0 is above the maximum 100"),
        (",verified,", ",checked,", r"column 'status': 'checked' is not allowed; allowed: verified, "),
        ("value of a plus 1", "", r"row 2 \(line 3\), column 'note': a derived row must give its formula"),
        ("a,1,10.5,2024-01-31,true,x,article-s1-westhawaii", "a,1,10.5,2024-01-31,true,x,nobody",
         r"column 'source_id': 'nobody' is not in helpers/data/sources.csv|'nobody' is not in"),
        ("b,2,", "a,2,", r"row 2 \(line 3\), column 'item': duplicate key \('a',\)"),
        ("a,1,", " a,1,", r"column 'item': ' a' has leading or trailing spaces"),
        ("a,1,10.5", ",1,10.5", r"row 1 \(line 2\), column 'item': empty, but the column may not be empty"),
    ],
)
def test_bad_values_name_file_row_and_column(kit, old, new, pattern):
    assert old in DEMO_CSV
    kit(DEMO_CSV.replace(old, new, 1))
    with pytest.raises(data.DataError, match=pattern) as err:
        data.load("demo")
    assert "demo.csv" in str(err.value)


def test_missing_and_extra_columns(kit):
    kit(DEMO_CSV.replace("flag,", "flags,"))
    with pytest.raises(data.DataError, match=r"missing columns \['flag'\]; columns not in the catalogue \['flags'\]"):
        data.load("demo")


def test_empty_table(kit):
    kit(DEMO_CSV.splitlines()[0] + "\n")
    with pytest.raises(data.DataError, match="the table has no rows"):
        data.load("demo")


def test_catalogue_needs_the_required_columns(kit):
    path = data.CATALOGUE_FILE
    path.write_text(path.read_text().replace('status = { type = "str" }\n', ""))
    data._catalogue.cache_clear()
    with pytest.raises(data.DataError, match="every table needs the columns source_id, status, note; missing status"):
        data.load("demo")


def test_catalogue_rejects_unknown_types_and_keys(kit):
    path = data.CATALOGUE_FILE
    path.write_text(path.read_text().replace('flag = { type = "bool" }', 'flag = { type = "boolean" }'))
    data._catalogue.cache_clear()
    with pytest.raises(data.DataError, match="column 'flag': type 'boolean' is not one of str, int"):
        data.load("demo")
    path.write_text(path.read_text().replace('flag = { type = "boolean" }', 'flag = { type = "bool", units = "x" }'))
    data._catalogue.cache_clear()
    with pytest.raises(data.DataError, match=r"column 'flag': unknown keys \['units'\]"):
        data.load("demo")


def test_catalogue_that_is_not_toml(kit):
    data.CATALOGUE_FILE.write_text("[demo\n")
    data._catalogue.cache_clear()
    with pytest.raises(data.DataError, match="catalogue.toml: not valid TOML"):
        data.load("demo")


def test_sources_need_a_web_address_and_unique_ids(kit):
    path = data.SOURCES_FILE
    original = path.read_text()
    path.write_text(original.replace("https://www.westhawaiitoday.com", "www.westhawaiitoday.com", 1))
    data.update_checksums()
    with pytest.raises(data.DataError, match=r"sources.csv, row 1 \(line 2\), column 'url'.*not a web address"):
        data.sources()
    lines = original.splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n")
    data.update_checksums()
    with pytest.raises(data.DataError, match="'article-s1-westhawaii' is used by an earlier row"):
        data.sources()


def test_sources_dates_are_iso(kit):
    path = data.SOURCES_FILE
    path.write_text(path.read_text().replace(",2025-01-11,", ",11 Jan 2025,", 1))
    data.update_checksums()
    with pytest.raises(data.DataError, match="column 'published': '11 Jan 2025' is not a date"):
        data.sources()


def test_bibliography_defaults_to_the_tables_loaded():
    from helpers import bibliography

    data.load("article_copies")
    bib = bibliography.table()
    assert "article-s1-westhawaii" in bib.index
    assert bib.loc["article-s1-westhawaii", "tables"].split(", ").count("article_copies") == 1


def test_update_checksums_reports_only_changed_tables(kit):
    assert data.update_checksums() == []
    kit(DEMO_CSV.replace("10.5", "11.5"), fix_checksum=False)
    assert data.update_checksums() == ["demo"]


# The adversarial review's loader probes (../shared/reviews/reliability-2026-12.md, section 1).


def test_d5_a_byte_order_mark_is_named_with_the_fix(kit):
    kit("\ufeff" + DEMO_CSV)
    with pytest.raises(data.DataError, match=r"demo\.csv: starts with a byte-order mark \(BOM\).*save it as CSV UTF-8 without BOM"):
        data.load("demo")


def test_d19_sources_with_a_byte_order_mark(kit):
    path = data.SOURCES_FILE
    path.write_text("\ufeff" + path.read_text())
    data.update_checksums()
    with pytest.raises(data.DataError, match=r"sources\.csv: starts with a byte-order mark"):
        data.sources()


@pytest.mark.parametrize("column", ["note", "kind"])
def test_d9b_d9c_a_column_named_twice_is_refused(kit, column):
    # the column repeated in the header and in every row, as a careless copy-paste leaves it
    lines = DEMO_CSV.splitlines()
    at = lines[0].split(",").index(column)
    twice = [",".join([*fields, fields[at]]) for fields in (line.split(",") for line in lines)]
    kit("\n".join(twice) + "\n")
    with pytest.raises(data.DataError, match=rf"demo\.csv: the header names column '{column}' 2 times \(columns {at + 1}, 10\); each column may appear once"):
        data.load("demo")


def test_d12_a_whole_number_too_large_names_file_row_and_column(kit):
    kit(DEMO_CSV.replace("b,2,", "b,99999999999999999999,"))
    with pytest.raises(data.DataError, match=r"demo\.csv, row 2 \(line 3\), column 'value': '99999999999999999999' is too large for a whole-number column; allowed: -9223372036854775807 to 9223372036854775807"):
        data.load("demo")


def test_d13b_a_float_that_overflows_to_infinity_is_refused(kit):
    kit(DEMO_CSV.replace("20.0", "1e400"))
    with pytest.raises(data.DataError, match=r"row 2 \(line 3\), column 'share_pct': '1e400' is too large to be a number"):
        data.load("demo")


@pytest.mark.parametrize(("text", "row"), [(DEMO_CSV + "\n", 3), (DEMO_CSV.replace("\nb,", "\n\nb,"), 2)])
def test_d14_a_blank_line_is_named_as_a_blank_line(kit, text, row):
    kit(text)
    with pytest.raises(data.DataError, match=rf"demo\.csv, row {row} \(line {row + 1}\): a blank line; delete it") as err:
        data.load("demo")
    assert "quote a value" not in str(err.value)


@pytest.mark.parametrize("bad", [["article_copies"], ("article_copies",), None, 3])
def test_d16b_a_table_name_that_is_not_a_string(bad):
    with pytest.raises(TypeError, match=r"a table name is a string, got \w+ .*load\('article_copies'\), or \[load\(n\) for n in names\]"):
        data.load(bad)
    with pytest.raises(TypeError, match="a table name is a string"):
        citation.cite(bad)


def test_d18_sources_csv_is_checksummed_like_the_tables(kit):
    path = data.SOURCES_FILE
    path.write_text(path.read_text().replace(",West Hawaii Today,", ",Some Blog,", 1))
    data.sources.cache_clear()
    data._load.cache_clear()
    with pytest.raises(data.DataError, match=r"sources\.csv: checksum mismatch.*--update-checksums"):
        data.load("article_copies")
    assert data.update_checksums() == ["sources.csv"]
    assert "read in copies at Some Blog (2025-01-11)" in citation.cite("article_copies")


def test_the_catalogue_records_the_checksum_of_sources_csv():
    assert data._catalogue()[data.SOURCES_SHA256] == data.sha256(data.SOURCES_FILE)
    assert data.SOURCES_SHA256 not in data.tables()


def test_allowed_reads_the_vocabulary_from_the_catalogue():
    assert data.allowed("article_claims", "verdict") == (
        "supported", "partly-supported", "not-supported", "unverifiable", "opinion")
    with pytest.raises(data.DataError, match=r"table 'article_claims' has no column 'verdicts'; its columns: claim_id"):
        data.allowed("article_claims", "verdicts")
    with pytest.raises(data.DataError, match=r"column 'note' lists no allowed values; the columns that do: claim_type"):
        data.allowed("article_claims", "note")
