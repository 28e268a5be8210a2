"""The handouts' navigation: previous and next links, a contents list, the glossary page, links between notebooks.

A notebook links another as ``NN-slug.ipynb`` (optionally ``#Section-anchor``) and the glossary as
``glossary.csv`` (its path in the data folder, e.g. ``../helpers/data/glossary.csv#teapot-refinery``):
both open in JupyterLab, and :func:`rewrite_links` turns them into ``NN-slug.html`` and
``glossary.html`` in the handouts. A glossary entry's anchor is :func:`term_anchor` of its term.

>>> rewrite_links('<a href="03-iranian-oil-flows.ipynb#Summary">03</a>')
'<a href="03-iranian-oil-flows.html#Summary">03</a>'
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from helpers import citation, codebook, data, lessons
from helpers.build import pipeline

GLOSSARY_PAGE = "glossary.html"
_NOTEBOOK_LINK = re.compile(r'href="(\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb(#[^"]*)?"')
_GLOSSARY_LINK = re.compile(r'href="(?:[^"#]*/)?glossary\.csv(#[^"]*)?"')
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)
CSS = (Path(__file__).resolve().parent.parent / "templates" / "handout" / "navigation.css").read_text(
    encoding="utf-8")


def rewrite_links(page: str) -> str:
    """A page whose links to notebooks (``.ipynb``) and to ``glossary.csv`` point at their handout pages.

    >>> rewrite_links('<a href="../helpers/data/glossary.csv#mb-d">mb/d</a>')
    '<a href="glossary.html#mb-d">mb/d</a>'
    """
    page = _NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', page)
    return _GLOSSARY_LINK.sub(lambda m: f'href="{GLOSSARY_PAGE}{m.group(1) or ""}"', page)


def contents(page: str) -> list[tuple[str, str]]:
    """The page's ``##`` sections as (anchor, title), in order.

    >>> contents('<h2 id="A-b">A b<a class="anchor-link" href="#A-b">¶</a></h2>')
    [('A-b', 'A b')]
    """
    return [(anchor, html.unescape(re.sub(r"<[^>]+>", "", title)).strip()) for anchor, title in _H2.findall(page)]


def _link(o: lessons.Outline | None, rel: str) -> str:
    if o is None:
        return ""
    label = "Previous" if rel == "prev" else "Next"
    return (f'<a rel="{rel}" href="{o.slug}.html">{label}: {html.escape(o.number)} · '
            f'{html.escape(o.title)}</a>')


def bar(outlines: list[lessons.Outline], slug: str) -> str:
    """The line of links at the top and bottom of a handout: previous, index, glossary, next.

    >>> '<a rel="next" href="01-reading-the-source.html">' in bar(lessons.outline(), "00-start-here")
    True
    """
    slugs = [o.slug for o in outlines]
    k = slugs.index(slug)
    prev = outlines[k - 1] if k > 0 else None
    nxt = outlines[k + 1] if k + 1 < len(outlines) else None
    parts = [_link(prev, "prev"), '<a href="index.html">All notebooks</a>',
             f'<a href="{GLOSSARY_PAGE}">Glossary</a>', _link(nxt, "next")]
    return '<nav class="handout-nav" aria-label="Notebooks">' + " ".join(p for p in parts if p) + "</nav>"


def with_navigation(page: str, outlines: list[lessons.Outline], slug: str) -> str:
    """A handout page with its links rewritten, the navigation bar above and below, and its contents list."""
    page = rewrite_links(page)
    items = "".join(f'<li><a href="#{a}">{html.escape(t)}</a></li>' for a, t in contents(page))
    toc = f'<nav class="handout-contents" aria-label="Contents"><p class="handout-contents-title"><strong>Contents</strong></p><ol>{items}</ol></nav>'
    top = bar(outlines, slug)
    # The contents list goes after the cell with the learning goals (else after the first cell).
    goals = page.find("What you will learn")
    after = page.find('<div class="jp-Cell ', goals if goals > 0 else page.find('<div class="jp-Cell ') + 1)
    if items and after > 0:
        page = page[:after] + toc + "\n" + page[after:]
    page = page.replace("<main>", "<main>\n" + top, 1)
    page = page.replace("</main>", top.replace('aria-label="Notebooks"', 'aria-label="Notebooks (end)"')
                        + "\n</main>", 1)
    return page.replace("</head>", f"<style>\n{CSS}</style>\n</head>", 1)


def term_anchor(term: str) -> str:
    """The anchor of a glossary entry: its term in lower case, runs of other characters as '-'.

    >>> term_anchor("mb/d"), term_anchor("Verified-secondary"), term_anchor("T40.4")
    ('mb-d', 'verified-secondary', 't40-4')
    """
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def glossary_page(outlines: list[lessons.Outline], edition: str) -> str:
    """The glossary as its own page: the verdict codebook, then every term of ``helpers/data/glossary.csv``,
    its definition and where it is taught."""
    table = data.load("glossary")
    titles = {o.number: (o.slug, f"notebook {o.number}") for o in outlines}
    sources = data.sources()
    entries = []
    for row in table.sort_values("term", key=lambda s: s.str.lower()).itertuples():
        slug, title = titles.get(str(row.notebook), (None, None))
        cited = [(citation.name(sid), sources.loc[sid]) for sid in row.source_id.split(";")]
        entries.append({
            "term": row.term, "anchor": term_anchor(row.term), "kind": row.kind, "definition": row.definition,
            "slug": slug, "notebook": title,
            "sources": [{"named": named, "title": s["title"], "url": s["url"]} for named, s in cited],
        })
    return pipeline.render_page("glossary", edition=edition, entries=entries, nav_css=CSS,
                                rules=codebook.RULES, predictions=codebook.PREDICTIONS)
