"""The verdict codebook has one rule per verdict, and notebooks 01 and 05 show it from its one home."""

import json

import pytest

from helpers import claims, codebook
from helpers.paths import NOTEBOOKS_DIR


def test_one_rule_per_verdict_in_the_catalogue_order():
    assert [r.verdict for r in codebook.RULES] == list(claims.VERDICTS)
    assert all(r.when and r.hard_cases for r in codebook.RULES)


def test_the_markdown_has_a_row_per_verdict_and_both_prediction_rules():
    rows = [ln for ln in codebook.markdown().splitlines() if ln.startswith("| **")]
    assert len(rows) == len(claims.VERDICTS)
    assert "forecast the speaker makes" in codebook.markdown()


@pytest.mark.parametrize("number", ["01", "05"])
def test_notebooks_render_the_codebook_instead_of_restating_it(number):
    path = next(NOTEBOOKS_DIR.glob(f"{number}-*.ipynb"))
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "Markdown(codebook.markdown())" in code
    assert "| verdict | code it when" not in prose, "the codebook's table is restated in prose"
