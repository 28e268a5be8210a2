"""The slide decks: structure from the notebook, reveal.js inlined, offline in a real browser."""

import re

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell

from helpers import lessons
from helpers.build import slides

SLUGS = [o.slug for o in lessons.outline()]


def tagged(tag):
    cell = new_code_cell("x = 1")
    cell.metadata["tags"] = [tag]
    return cell


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (new_markdown_cell("# 02 · Dual-use goods"), "slide"),
        (new_markdown_cell("## Rerouting"), "slide"),
        (new_markdown_cell("### Your turn"), "subslide"),
        (new_markdown_cell("Prose"), "subslide"),
        (new_code_cell("x = 1"), "-"),
        (tagged("remove-cell"), "skip"),
        (tagged("solution"), "skip"),
        (tagged("exercise"), "skip"),
        (tagged("hide-input"), "-"),
    ],
)
def test_slide_type_follows_structure_and_tags(cell, expected):
    assert slides.slide_type(cell) == expected


def test_explicit_slide_metadata_wins():
    cell = new_markdown_cell("## A heading that should not start a slide")
    cell.metadata["slideshow"] = {"slide_type": "fragment"}
    assert slides.slide_type(cell) == "fragment"


@pytest.mark.parametrize("slug", SLUGS)
def test_deck_is_self_contained(decks, slug):
    text = (decks / f"{slug}.html").read_text()
    assert "Reveal.initialize" in text
    assert not re.search(r'<script[^>]+src="', text)
    assert not re.search(r'<link[^>]+href="', text)
    assert "fonts.googleapis" not in text and "unpkg" not in text
    assert "@import url(" not in text


