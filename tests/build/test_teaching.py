"""Teaching notes: every notebook has them, their plans add up and fit the notebook, answers cover exercises."""

import re

import nbformat
import pytest

from helpers import lessons
from helpers.build import teaching

OUTLINES = lessons.outline()
IDS = [o.slug for o in OUTLINES]


def sections_of(path) -> dict[str, str]:
    md = "\n\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    parts = re.split(r"^## (.+)$", md, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


@pytest.mark.parametrize("outline", OUTLINES, ids=IDS)
def test_plans_add_up_and_name_real_sections(outline):
    notes = teaching.read(outline.path)
    sections = sections_of(outline.path)
    for length, rows in notes.plans.items():
        assert sum(m for m, _, _ in rows) == length, f"the {length}-minute plan adds up to {sum(m for m, _, _ in rows)}"
        for minutes, segment, what in rows:
            assert minutes > 0 and what
            assert segment in sections or segment in teaching.FREE_SEGMENTS, f"unknown segment {segment!r}"


@pytest.mark.parametrize("outline", OUTLINES, ids=IDS)
def test_plans_leave_time_to_read_every_section(outline):
    """Each teaching section gets at least the minutes a student needs to read its prose."""
    notes = teaching.read(outline.path)
    sections = sections_of(outline.path)
    for length, rows in notes.plans.items():
        planned = {}
        for minutes, segment, _ in rows:
            planned[segment] = planned.get(segment, 0) + minutes
        for title, text in sections.items():
            if title in lessons.CLOSING_SECTIONS:
                continue
            if length == min(teaching.PLAN_LENGTHS) and title.endswith("(optional)") and title not in planned:
                continue  # the shortest plan is the core: an optional section may be left for homework
            assert title in planned, f"the {length}-minute plan leaves out section {title!r}"
            assert planned[title] >= teaching.reading_minutes(text), (length, title)


@pytest.mark.parametrize("outline", OUTLINES, ids=IDS)
def test_prompts_misconceptions_and_model_answers(outline):
    notes = teaching.read(outline.path)
    assert 3 <= len(notes.prompts) <= 5
    for prompt in notes.prompts:
        assert len(prompt.points) >= 2, f"prompt {prompt.question!r} needs the points a good answer makes"
    assert len(notes.misconceptions) >= 2
    nb = nbformat.read(outline.path, as_version=4)
    asked = set()
    for cell in nb.cells:
        if "exercise" in cell.metadata.get("tags", []):
            asked |= set(re.findall(r'check\("([a-z0-9-]+)"', cell.source))
    assert asked and asked <= set(notes.model_answers), f"no model answer for {asked - set(notes.model_answers)}"


def test_the_capstone_has_a_rubric():
    capstone = [o for o in OUTLINES if o.number == "05"]
    for o in capstone:
        assert "|" in teaching.read(o.path).rubric


def test_missing_notes_and_sections_are_named(tmp_path):
    nb = tmp_path / "09-x.ipynb"
    nb.write_text("{}")
    with pytest.raises(FileNotFoundError, match="09-x.notes.md is missing"):
        teaching.read(nb)
    (tmp_path / "09-x.notes.md").write_text("# Notes\n\n## Lesson plan: 50 minutes\n\n| 5 | Opening | x |\n")
    with pytest.raises(ValueError, match="missing Lesson plan: 90 minutes, Discussion prompts"):
        teaching.read(nb)
