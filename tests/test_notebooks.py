"""Notebook lint: every notebook follows the template (DESIGN §4) and the tag vocabulary (§5)."""

import ast
import re

import nbformat
import pytest

from helpers import notebooks

PATHS = notebooks.paths()
IDS = [p.stem for p in PATHS]
CLOSING = {"What the article got right, and what it did not", "Summary", "Going further", "Sources"}


def load(path):
    return nbformat.read(path, as_version=4)


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_there_are_notebooks_in_teaching_order():
    assert PATHS, "no notebooks found"
    numbers = [p.name[:2] for p in PATHS]
    assert numbers == sorted(set(numbers)), "two notebooks share a number"
    assert numbers[0] == "00"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_valid_nbformat_and_python3_kernel(path):
    nb = load(path)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_exactly_one_h1_matching_the_file_name(path):
    h1 = re.findall(r"^# (.+)$", markdown(load(path)), re.M)
    assert len(h1) == 1, f"{len(h1)} H1 headings"
    assert h1[0].startswith(f"{path.name[:2]} · ")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_template_labels_and_closing_sections(path):
    text = markdown(load(path))
    for label in notebooks.TEMPLATE_LABELS:
        assert label in text, f"missing {label}"
    positions = [text.find(s + "\n") if text.find(s + "\n") >= 0 else text.find(s) for s in notebooks.TEMPLATE_SECTIONS]
    assert all(p >= 0 for p in positions), f"missing one of {notebooks.TEMPLATE_SECTIONS}"
    assert positions == sorted(positions), "closing sections out of order"
    outline = notebooks.read_outline(path)
    assert 3 <= len(outline.goals) <= 5, "3 to 5 learning outcomes"
    assert re.search(r"\d+ minutes", outline.time), "time to complete, in minutes"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_no_stored_outputs(path):
    for cell in load(path).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_only_known_tags(path):
    for cell in load(path).cells:
        unknown = set(cell.metadata.get("tags", [])) - notebooks.ALLOWED_TAGS
        assert not unknown, f"unknown tags {unknown} in cell {cell.source[:60]!r}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_setup_cell_only_imports_and_styles(path):
    code = [c for c in load(path).cells if c.cell_type == "code"]
    # 00 may open with the environment check (issue 8) before its set-up cell.
    first = code[1] if "helpers.check_environment()" in code[0].source else code[0]
    tree = ast.parse(first.source)
    for node in tree.body:
        ok = isinstance(node, ast.Import | ast.ImportFrom) or (
            isinstance(node, ast.Expr) and ast.unparse(node) == "plots.use_style()"
        )
        assert ok, f"set-up cell does more than import and style: {ast.unparse(node)}"
    assert "plots.use_style()" in first.source


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_teaching_section_ends_in_a_question(path):
    sections = re.split(r"^## ", markdown(load(path)), flags=re.M)[1:]
    for section in sections:
        title = section.splitlines()[0].strip()
        if title in CLOSING:
            continue
        assert "**Question:**" in section, f"section {title!r} has no **Question:**"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_exercises_come_with_solutions_and_self_checks(path):
    cells = load(path).cells
    tags = [set(c.metadata.get("tags", [])) for c in cells]
    assert any("exercise" in t for t in tags), "no exercise"
    for i, t in enumerate(tags):
        if "solution" in t:
            assert "exercise" in tags[i - 1], "a solution cell must follow its exercise cell"
            assert "check(" in cells[i].source, "a solution ends in its self-check"
        if "exercise" in t:
            assert "check(" in cells[i].source, "an exercise has a self-check"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_code_cells_are_short(path):
    for cell in load(path).cells:
        if cell.cell_type == "code":
            assert len(cell.source.strip().splitlines()) <= 15, cell.source[:60]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_sources_section_is_generated_from_the_data(path):
    cells = load(path).cells
    idx = max(i for i, c in enumerate(cells) if c.cell_type == "markdown" and "## Sources" in c.source)
    after = [c for c in cells[idx + 1:] if c.cell_type == "code"]
    assert after and "sources_markdown" in after[0].source
    assert "hide-input" in after[0].metadata.get("tags", [])


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_no_network_or_outside_files(path):
    for cell in load(path).cells:
        if cell.cell_type == "code":
            assert not re.search(r"https?://|requests\.|urllib|\.\./\.\.", cell.source), cell.source[:80]
