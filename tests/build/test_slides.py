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




# --- the default plan: 12-20 slides, goals first, summary last, code hidden -------------------------

def top_slides(deck_html: str) -> list[str]:
    """The deck's top-level slides, as HTML (reveal.js nests each slide's sub-slides in one section)."""
    body = deck_html[deck_html.index('<div class="slides">'):]
    return body.split("<section><section>")[1:]


@pytest.mark.parametrize("slug", SLUGS)
def test_deck_has_12_to_20_slides_goals_first_summary_last_and_no_code(decks, executed, slug):
    text = (decks / f"{slug}.html").read_text()
    shown = top_slides(text)
    assert 12 <= len(shown) <= 20, f"{slug}: {len(shown)} slides"
    assert "What you will learn" in shown[0]
    assert "What you will learn" not in "".join(shown[1:])
    if any(c.source.startswith("## Summary") for c in executed[slug].cells):
        assert 'id="Summary"' in shown[-1]
    for left_out in ("Going-further", "Sources"):
        assert f'<h2 id="{left_out}"' not in text
    assert "hl-ipython3" not in text  # no code input on any slide


def test_plan_counts_match_the_decks(decks, executed):
    from helpers.build import deck

    for slug in SLUGS:
        assert len(deck.plan(executed[slug])) == len(top_slides((decks / f"{slug}.html").read_text()))


def test_authored_slide_metadata_gives_exactly_the_authored_deck():
    from nbformat.v4 import new_notebook

    from helpers.build import deck

    cells = [new_markdown_cell("# 09 · T", metadata={"slideshow": {"slide_type": "slide"}}),
             new_markdown_cell("## A"), new_code_cell("print(1)", metadata={"slideshow": {"slide_type": "slide"}}),
             new_code_cell("print(2)", metadata={"slideshow": {"slide_type": "slide"}, "slide_code": True}),
             tagged("solution")]
    nb = slides.with_slide_metadata(new_notebook(cells=cells))
    assert deck.authored(new_notebook(cells=cells))
    assert [c.metadata["slideshow"].get("slide_type") if "slideshow" in c.metadata else None for c in nb.cells] == \
        ["slide", None, "slide", "slide", "skip"]
    assert nb.cells[2].metadata["tags"] == ["hide-input"] and nb.cells[3].metadata["tags"] == []


def test_with_code_gives_the_walkthrough():
    from nbformat.v4 import new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# 09 · T"), new_markdown_cell("Prose"), new_code_cell("x = 1")])
    roles = [c.metadata["slideshow"]["slide_type"] for c in slides.with_slide_metadata(nb, with_code=True).cells]
    assert roles == ["slide", "subslide", "-"]
    assert "hide-input" not in slides.with_slide_metadata(nb, with_code=True).cells[2].metadata.get("tags", [])
