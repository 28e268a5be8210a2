"""The handouts' navigation: every link in every page resolves, previous/next and contents, the glossary page."""

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import markupsafe
import pytest

from helpers import codebook, data, lessons
from helpers.build import navigation

OUTLINES = lessons.outline()
_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')


def broken_links(page: Path) -> list[str]:
    """Every relative link of ``page`` whose file or anchor does not exist (external links are not followed)."""
    broken = []
    ids = {}
    for href in (html.unescape(h) for h in _HREF.findall(page.read_text(encoding="utf-8"))):
        url = urlparse(href)
        if url.scheme in ("http", "https", "mailto") or href.startswith("data:"):
            continue
        assert not url.scheme, f"{page.name}: unexpected link {href!r}"
        target = page if not url.path else (page.parent / unquote(url.path))
        if not target.is_file():
            broken.append(f"{href} (no file {target.name})")
            continue
        if url.fragment:
            if target not in ids:
                ids[target] = set(_ID.findall(target.read_text(encoding="utf-8")))
            if url.fragment not in ids[target]:
                broken.append(f"{href} (no anchor {url.fragment!r} in {target.name})")
    return broken


def test_the_link_checker_finds_a_broken_file_and_a_broken_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<h2 id="x">X</h2><a href="#x">ok</a><a href="#y">bad</a>'
                                     '<a href="b.html">gone</a><a href="https://example.org">out</a>')
    assert broken_links(tmp_path / "a.html") == ["#y (no anchor 'y' in a.html)", "b.html (no file b.html)"]


def test_every_link_in_every_handout_resolves(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 2 * len(OUTLINES) + 4
    problems = {p.relative_to(built).as_posix(): broken_links(p) for p in pages}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("edition", ["", "student"])
def test_each_handout_has_previous_next_and_a_contents_list(built, edition):
    folder = built / edition
    for k, o in enumerate(OUTLINES):
        page = (folder / f"{o.slug}.html").read_text(encoding="utf-8")
        if k > 0:
            assert f'<a rel="prev" href="{OUTLINES[k - 1].slug}.html">' in page
        if k + 1 < len(OUTLINES):
            assert f'<a rel="next" href="{OUTLINES[k + 1].slug}.html">' in page
        assert 'href="glossary.html"' in page and 'href="index.html"' in page
        toc = re.search(r'<nav class="handout-contents".*?</nav>', page, re.S).group(0)
        headings = re.findall(r'<h2 id="([^"]+)">', page)
        assert re.findall(r'href="#([^"]+)"', toc) == headings and len(headings) >= 4


def test_the_index_gives_goals_and_time_in_full(built):
    text = html.unescape(re.sub(r"<[^>]+>", "", (built / "index.html").read_text(encoding="utf-8")))
    text = " ".join(text.split())
    for o in OUTLINES:
        plain = re.sub(r"[`*]", "", o.time)
        assert plain in text, plain
        assert not plain.endswith(("the", "(", ",")), f"time cut short: {plain!r}"
    # The review's example, cut at a line break before: the whole parenthesis now arrives.
    assert "(reading measured as the notebook's words at 200 a minute" in text
    assert 'href="glossary.html"' in (built / "student" / "index.html").read_text(encoding="utf-8")


def test_the_glossary_page_lists_every_term_with_its_notebook(built):
    table = data.load("glossary")
    for folder in (built, built / "student"):
        page = (folder / "glossary.html").read_text(encoding="utf-8")
        for row in table.itertuples():
            assert f'id="{navigation.term_anchor(row.term)}"' in page, row.term
        assert page.count("Taught in <a href=") == len(table)


def test_notebook_and_glossary_links_are_rewritten_for_the_handouts():
    page = ('<a href="02-dual-use-goods.ipynb">02</a> <a href="04-fentanyl-controls.ipynb#Summary">04</a> '
            '<a href="../helpers/data/glossary.csv#t40-4">T40.4</a> <a href="https://x.org/a.ipynb">ext</a>')
    assert navigation.rewrite_links(page) == (
        '<a href="02-dual-use-goods.html">02</a> <a href="04-fentanyl-controls.html#Summary">04</a> '
        '<a href="glossary.html#t40-4">T40.4</a> <a href="https://x.org/a.ipynb">ext</a>')


def test_a_notebook_link_in_markdown_reaches_the_other_handout(tmp_path):
    from nbformat.v4 import new_markdown_cell, new_notebook

    from helpers.build import handouts

    nb = new_notebook(cells=[new_markdown_cell("# 00 · T"), new_markdown_cell(
        "## One\n\nSee [notebook 03](03-iranian-oil-flows.ipynb) and [mb/d](../helpers/data/glossary.csv#mb-d).")])
    page = navigation.with_navigation(handouts.render(nb, "student", "00 · T"), OUTLINES, OUTLINES[0].slug)
    assert 'href="03-iranian-oil-flows.html"' in page and 'href="glossary.html#mb-d"' in page
    assert ".ipynb" not in " ".join(re.findall(r'href="[^"]*"', page))


def test_the_glossary_page_shows_the_verdict_codebook():
    page = navigation.glossary_page(lessons.outline(), "instructor")
    for rule in codebook.RULES:
        assert f'id="verdict-{rule.verdict}">{rule.label}</th>' in page
        assert str(markupsafe.escape(rule.hard_cases)) in page
    assert "report of what others expect" in page
