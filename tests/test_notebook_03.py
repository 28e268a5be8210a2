"""Notebook 03 follows the kit's template (DESIGN section 4): structure, tags, exercises, no outputs."""

from pathlib import Path

import nbformat
import pytest

from helpers import tags
from helpers.exercises.nb03 import QUESTIONS

NB = Path(__file__).resolve().parent.parent / "notebooks" / "03-iranian-oil-flows.ipynb"
TAGS = tags.ALLOWED


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NB, as_version=4)


def test_committed_without_outputs_and_with_the_kernel(nb):
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["kernelspec"]["display_name"] == "Python 3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_template_order(nb):
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    h1 = [line for s in md for line in s.splitlines() if line.startswith("# ")]
    assert h1 == ["# 03 · Iranian oil flows: following barrels that official statistics do not show"]
    assert "> P11:" in nb.cells[0].source
    for label in ("**What you will learn**", "**Time**", "**Before you start**"):
        assert label in nb.cells[1].source
    assert nb.cells[2].source.splitlines()[-1] == "plots.use_style()"
    heads = [line for s in md for line in s.splitlines() if line.startswith("## ")]
    assert heads[-4:] == ["## What the article got right, and what it did not", "## Summary",
                          "## Going further", "## Sources"]
    assert nb.cells[-1].metadata["tags"] == ["hide-input"] and "sources_markdown" in nb.cells[-1].source


def test_tags_and_cell_length(nb):
    for cell in nb.cells:
        assert set(cell.metadata.get("tags", [])) <= TAGS
        if cell.cell_type == "code":
            assert cell.source.count("\n") + 1 <= 15


def test_every_section_has_an_exercise_and_ends_with_a_question(nb):
    sections, current = [], None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            current = {"title": cell.source.splitlines()[0], "cells": []}
            sections.append(current)
        elif current is not None:
            current["cells"].append(cell)
    for sec in sections[:-3]:  # all but Summary, Going further, Sources
        tags = [t for c in sec["cells"] for t in c.metadata.get("tags", [])]
        assert "exercise" in tags and "solution" in tags, sec["title"]
        last_md = [c for c in sec["cells"] if c.cell_type == "markdown"][-1]
        assert last_md.source.startswith("**Question:**"), sec["title"]


def test_exercises_use_known_questions_and_solutions_end_in_check(nb):
    used = set()
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "exercise" in tags or "solution" in tags:
            last = cell.source.strip().splitlines()[-1]
            assert last.startswith('check("nb03-'), last
            qid = last.split('"')[1]
            assert qid in QUESTIONS
            used.add(qid)
    assert used == set(QUESTIONS) and len(QUESTIONS) >= 4


def test_widget_cells_ignore_output(nb):
    for cell in nb.cells:
        if "widgets.show(" in cell.source:
            assert cell.metadata.get("tags") == ["nbval-ignore-output"]
