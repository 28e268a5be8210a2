"""The handouts: both editions, the right cells removed, alt text kept, offline in a real browser."""

import filecmp
import html
import re

import nbformat
import pytest

from helpers import lessons, paths
from helpers.build import handouts

OUTLINES = lessons.outline()
SLUGS = [o.slug for o in OUTLINES]
MAX_BYTES = 2_000_000


def text_of(page) -> str:
    """The visible text of a page: tags stripped (code is split into pygments spans), entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


def main_text(page) -> str:
    """The visible text of a page's notebook (its <main>), without the stylesheet and script."""
    body = page.read_text()
    return html.unescape(re.sub(r"<[^>]+>", "", body[body.index("<main"):body.index("</main>")]))


def test_both_editions_and_the_index_are_written(built):
    for edition_dir in (built, built / "student"):
        index = (edition_dir / "index.html").read_text()
        for o in OUTLINES:
            assert (edition_dir / f"{o.slug}.html").exists()
            assert f'href="{o.slug}.html"' in index
            first_words = re.sub(r"[`*]", "", o.goals[0]).split()[:3]
            assert " ".join(first_words) in html.unescape(re.sub(r"<[^>]+>", "", index))


def test_solutions_only_in_the_instructor_edition(built):
    solution = 'theme_of_p18 = "fentanyl controls"'
    assert solution in text_of(built / "00-start-here.html")
    assert solution not in text_of(built / "student" / "00-start-here.html")
    assert "theme_of_p18 = ..." in text_of(built / "student" / "00-start-here.html")


@pytest.mark.parametrize("slug", SLUGS)
def test_no_solution_source_reaches_the_student_edition(built, slug):
    nb = nbformat.read(paths.NOTEBOOKS_DIR / f"{slug}.ipynb", as_version=4)
    student = text_of(built / "student" / f"{slug}.html")
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            assert cell.source.strip() not in student


def test_teaching_notes_only_in_the_instructor_edition(built):
    from helpers.build import teaching

    guide = text_of(built / "instructor-guide.html")
    for o in OUTLINES:
        notes = teaching.read(o.path)
        secrets = [p.question for p in notes.prompts] + [m[:60] for m in notes.misconceptions]
        secrets += [a[:60] for a in notes.model_answers.values()]
        instructor = text_of(built / f"{o.slug}.html")
        student = text_of(built / "student" / f"{o.slug}.html") + text_of(built / "student" / "index.html")
        for s in secrets:
            plain = re.sub(r"[*`]", "", s)
            assert plain not in student, f"teaching note in the student edition: {plain!r}"
            assert plain in instructor and plain in guide, f"teaching note missing: {plain!r}"
    assert not (built / "student" / "instructor-guide.html").exists()


def test_remove_cell_assertions_are_gone_and_hide_input_shows_output_only(built):
    page = text_of(built / "00-start-here.html")
    assert "assert len(copies) == 5" not in page
    assert "bibliography.markdown" not in page  # the Sources cell is hide-input
    assert "westhawaiitoday.com" in page  # ...but its output is there


@pytest.mark.parametrize("slug", SLUGS)
def test_every_image_has_alt_text_and_pages_are_small(built, slug):
    for page in (built / f"{slug}.html", built / "student" / f"{slug}.html"):
        text = page.read_text()
        imgs = re.findall(r"<img [^>]*>", text)
        for img in imgs:
            alt = re.search(r'alt="([^"]*)"', img)
            assert alt and alt.group(1).strip(), img[:120]
        assert page.stat().st_size < MAX_BYTES, f"{page.name}: {page.stat().st_size} bytes"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_explorer_has_a_handout_view(built, slug):
    nb = nbformat.read(paths.NOTEBOOKS_DIR / f"{slug}.ipynb", as_version=4)
    shown = sum(c.source.count("widgets.show(") for c in nb.cells if c.cell_type == "code")
    # The HTML sanitiser may reorder attributes (aria-label before class), so match any order.
    page = (built / f"{slug}.html").read_text()
    assert len(re.findall(r'<figure\b[^>]*\bclass="explorer"', page)) == shown


def test_no_external_scripts_or_styles(built):
    for page in built.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'<script[^>]+src="(?!data:)', text), page
        assert not re.search(r'<link[^>]+href="https?:', text), page
        assert "cdnjs" not in text and "unpkg" not in text, page


def test_two_builds_give_the_same_bytes(built, tmp_path):
    handouts.build(tmp_path, ["00-start-here"], cache=None)  # a second execution, not the shared one
    assert filecmp.cmp(built / "00-start-here.html", tmp_path / "00-start-here.html", shallow=False)


def test_unknown_notebook_or_edition_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown notebooks \\['nope'\\]"):
        handouts.build(tmp_path, ["nope"])
    with pytest.raises(ValueError, match="unknown edition 'teacher'; editions: instructor, student"):
        handouts.exporter("teacher")


# --- in a real browser, offline -------------------------------------------------------------


# --- accessibility (axe-core in Chromium), alt text, structure, narrow screens ---------------

GENERIC_ALT = {"chart", "a chart", "figure", "a figure", "plot", "a plot", "image", "graph", "a graph"}


@pytest.mark.parametrize("slug", SLUGS)
def test_alt_text_states_a_finding_and_is_never_repeated(built, slug):
    page = (built / f"{slug}.html").read_text()
    alts = [html.unescape(a) for a in re.findall(r'<img [^>]*alt="([^"]*)"', page)]
    figure_alts = [a for a in alts if a]
    for alt in figure_alts:
        assert alt.strip().lower().rstrip(".") not in GENERIC_ALT, alt
        assert len(alt.split()) >= 6, f"alt text too short to state a finding: {alt!r}"
    # An explorer's views differ, so their alt texts differ; a repeat means a figure says nothing new.
    assert len(figure_alts) == len(set(figure_alts)), "duplicated alt text"




@pytest.mark.parametrize("slug", SLUGS)
def test_student_handout_shows_prompts_and_answer_boxes_never_stub_feedback(built, slug):
    """Issue 22 item 1: each exercise shows its prompt and an empty answer box; no ✗ for an unanswered stub."""
    original = nbformat.read(paths.NOTEBOOKS_DIR / f"{slug}.ipynb", as_version=4)
    exercises = sum("exercise" in c.metadata.get("tags", []) for c in original.cells)
    responses = sum("response" in c.metadata.get("tags", []) for c in original.cells)
    page = (built / "student" / f"{slug}.html").read_text()
    text = main_text(built / "student" / f"{slug}.html")
    assert page.count('class="answer-box"') == exercises + responses
    assert "ellipsis" not in text and "Not answered yet" not in text and "✗" not in text
    assert "✓" not in text  # the solutions' ticks are the instructor's


@pytest.mark.parametrize("slug", SLUGS)
def test_instructor_handout_shows_the_solution_tick_not_the_stub_feedback(built, slug):
    text = main_text(built / f"{slug}.html")
    assert "✓" in text and "ellipsis" not in text and "Not answered yet" not in text


def synthetic() -> nbformat.NotebookNode:
    """An exercise with its stub's feedback, a solution, a Question with a response and a model answer."""
    v4 = nbformat.v4
    return v4.new_notebook(cells=[
        v4.new_markdown_cell("**Your turn.** How far apart are the two estimates?"),
        v4.new_code_cell("answer = ...\ncheck('nb03-x', answer)", metadata={"tags": ["exercise"]},
                         outputs=[v4.new_output("stream", text="Not answered yet: replace the ...")]),
        v4.new_code_cell("answer = 0.3\ncheck('nb03-x', answer)", metadata={"tags": ["solution"]},
                         outputs=[v4.new_output("stream", text="✓ Correct.")]),
        v4.new_markdown_cell("**Question:** which number would you quote?"),
        v4.new_markdown_cell("*Write your answer here.*", metadata={"tags": ["response"]}),
        v4.new_markdown_cell("A good answer gives a **range**.", metadata={"tags": ["model-answer"]}),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def test_model_answers_fold_for_students_and_open_for_instructors():
    student = handouts.render(synthetic(), "student", "t")
    instructor = handouts.render(synthetic(), "instructor", "t")
    body = student[student.index("<main"):]
    assert '<details class="model-answer">\n<summary>Compare with a model answer</summary>' in body
    assert "A good answer gives a <strong>range</strong>" in body
    assert body.count('class="answer-box"') == 2 and "Write your answer here" in body
    assert "Not answered yet" not in body and "✓ Correct." not in body
    body = instructor[instructor.index("<main"):]
    assert re.search(r'<details class="model-answer" open(="")?>\n<summary>Model answer</summary>', body)
    assert "answer-box" not in body and "✓ Correct." in body and "Not answered yet" not in body
