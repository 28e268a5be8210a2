"""The kit's one "data as of" date: no row describes, and no source was published, after it; notebook 06 says it."""

import json
import re
from datetime import date

import pandas as pd

from helpers import after, data
from helpers.paths import NOTEBOOKS_DIR

NOTEBOOK_06 = NOTEBOOKS_DIR / "06-after-the-article.ipynb"


def test_as_of_is_a_date_in_the_catalogue_and_not_a_table():
    assert isinstance(data.as_of(), date)
    assert data.KIT_SECTION not in data.tables()


def test_no_row_and_no_source_is_later_than_the_as_of_date():
    late = after.rows_after()
    assert late.empty, "rows after the as-of date (move the date or drop the rows):\n" + late.to_string()


def test_every_date_column_of_every_table_is_checked():
    for name in data.tables():
        rules = after.date_rules(name)
        for col in data.columns(name):
            dated = (col.type == "date" or col.name in ("year", "fiscal_year") + after.PUBLISHED_COLUMNS
                     or col.name.endswith("_date") or (col.pattern or "").startswith("^\\d{4}"))
            if dated:
                assert col.name in rules, f"{name}.{col.name} carries a date the as-of check does not read"


def test_late_rows_catches_each_kind_of_late_date():
    as_of = date(2026, 12, 3)
    df = pd.DataFrame({
        "when": pd.to_datetime(["2026-12-03", "2026-12-04"]),
        "year": [2026, 2025],
        "fiscal_year": [2026, 2027],
        "published": ["2026-12", "2027-01"],
        "event_date": ["2026-11", "2026-12"],
    })
    rules = {"when": "date", "year": "year", "fiscal_year": "fiscal_year", "published": "published",
             "event_date": "partial"}
    late = after.late_rows(df, rules, as_of)
    assert sorted(zip(late["row"], late["column"], strict=True)) == [
        (1, "year"), (2, "event_date"), (2, "fiscal_year"), (2, "published"), (2, "when")]
    assert after.rows_after(date(2025, 6, 30))["table"].str.startswith("after_").any()


def _markdown(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_notebook_06_opens_with_the_catalogue_as_of_date():
    cells = _markdown(NOTEBOOK_06)
    banners = [m.group(0) for c in cells for m in re.finditer(r"Data as of \d{1,2} [A-Z][a-z]+ \d{4}", c)]
    assert banners, "notebook 06 states no 'Data as of' date"
    assert set(banners) == {after.banner()}, f"banner {banners} disagrees with the catalogue's {data.as_of()}"
    assert after.banner() in cells[0], "the banner belongs in the first cell"
