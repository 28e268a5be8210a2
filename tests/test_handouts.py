"""The handout builder: both editions, the right cells removed, alt text kept, nothing external."""

import html
import re

import pytest

from helpers import handouts, notebooks

OUTLINES = notebooks.outline()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    handouts.build(out, ["00-start-here"])
    return out


def test_both_editions_and_the_index_are_written(built):
    assert (built / "00-start-here.html").exists()
    assert (built / "student" / "00-start-here.html").exists()
    index = (built / "index.html").read_text()
    assert 'href="00-start-here.html"' in index
    assert "Name the article&#x27;s three themes" in index or "Name the article's three themes" in index


def text_of(page) -> str:
    """The visible text of a page: tags stripped (code is split into pygments spans), entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


def test_solutions_only_in_the_instructor_edition(built):
    solution = 'theme_of_p18 = "fentanyl controls"'
    assert solution in text_of(built / "00-start-here.html")
    assert solution not in text_of(built / "student" / "00-start-here.html")
    assert "theme_of_p18 = ..." in text_of(built / "student" / "00-start-here.html")


def test_remove_cell_assertions_are_gone_and_hide_input_shows_output_only(built):
    page = text_of(built / "00-start-here.html")
    assert "assert len(copies) == 5" not in page
    assert "sources_markdown" not in page  # the Sources cell is hide-input
    assert "westhawaiitoday.com" in page  # ...but its output is there


def test_every_image_has_alt_text_and_no_prompts(built):
    page = (built / "00-start-here.html").read_text()
    imgs = re.findall(r"<img [^>]*>", page)
    assert imgs
    for img in imgs:
        alt = re.search(r'alt="([^"]*)"', img)
        assert alt and alt.group(1).strip(), img[:120]
    assert "jp-InputPrompt" not in page or "In&nbsp;[" not in page


def test_no_external_scripts_or_styles(built):
    for page in built.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'<script[^>]+src="(?!data:)', text), page
        assert not re.search(r'<link[^>]+href="https?:', text), page
        assert "cdnjs" not in text and "unpkg" not in text, page


def test_unknown_notebook_or_edition_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown notebooks \\['nope'\\]"):
        handouts.build(tmp_path, ["nope"])
    with pytest.raises(ValueError, match="unknown edition 'teacher'; editions: instructor, student"):
        handouts.exporter("teacher")
