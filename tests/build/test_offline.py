"""The handouts stay self-contained by construction: the build refuses what would load from outside the page.

One test per case of the reliability review's H1 (Markdown), H2 (outputs) and H5 (a source title).
"""

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import bibliography, lessons
from helpers.build import handouts, offline, pipeline

H1_MARKDOWN = {
    "script": "Text <script>fetch('https://x.org')</script>",
    "http image": '<img src="http://example.com/t.png" alt="t">',
    "markdown image": "![chart](https://example.com/c.png)",
    "iframe": '<iframe src="https://example.com/embed"></iframe>',
    "stylesheet": '<link rel="stylesheet" href="https://example.com/s.css">',
    "css url": '<div style="background:url(http://example.com/bg.png)">x</div>',
    "onerror": '<img src="data:image/png;base64,AA==" alt="x" onerror="alert(1)">',
    "css import": "<style>@import 'https://example.com/s.css';</style>",
    "protocol-relative": '<img src="//example.com/t.png" alt="t">',
}


@pytest.mark.parametrize("case", H1_MARKDOWN)
def test_h1_markdown_that_loads_or_runs_is_refused_naming_notebook_and_cell(case):
    nb = new_notebook(cells=[new_markdown_cell("# 09 · X"), new_markdown_cell(H1_MARKDOWN[case])])
    with pytest.raises(offline.HandoutNotSelfContained, match=r"^09-x\.ipynb, cell 2 \(markdown\): (loads|runs)"):
        offline.check(nb, "09-x.ipynb")


def html_output(text, mime="text/html"):
    return new_output("display_data", data={mime: text, "text/plain": "<IPython.core.display.HTML object>"})


@pytest.mark.parametrize(("mime", "text"), [
    ("text/html", '<img src="http://example.com/t.png"><script>alert(1)</script>'),
    ("text/html", "<script>alert(1)</script>"),
    ("image/svg+xml", '<svg><image href="https://example.com/t.png"/></svg>'),
    ("text/markdown", "![t](https://example.com/t.png)"),
])
def test_h2_an_output_that_loads_or_runs_is_refused(mime, text):
    cell = new_code_cell("HTML(...)", outputs=[html_output(text, mime)])
    nb = new_notebook(cells=[new_markdown_cell("# 09 · X"), cell])
    with pytest.raises(offline.HandoutNotSelfContained, match=r"09-x\.ipynb, cell 2 \(code\)"):
        offline.check(nb, "09-x.ipynb")


def test_links_to_sources_and_embedded_figures_are_fine():
    nb = new_notebook(cells=[
        new_markdown_cell('See <a href="https://example.org/report">the report</a> and [EIA](https://eia.gov).'),
        new_code_cell("fig", outputs=[html_output('<img src="data:image/png;base64,AA==" alt="a chart">')]),
    ])
    offline.check(nb, "09-x.ipynb")  # no error


def test_the_handout_build_fails_on_such_a_cell(monkeypatch, tmp_path):
    bad = new_notebook(cells=[new_markdown_cell("# 00 · Start here"), new_markdown_cell("![x](https://x.org/x.png)")])
    monkeypatch.setattr(pipeline, "execute", lambda path, cache=None: bad)
    with pytest.raises(offline.HandoutNotSelfContained, match=r"00-start-here\.ipynb, cell 2 \(markdown\)"):
        handouts.build(tmp_path, [lessons.outline()[0].slug])
    assert not list(tmp_path.rglob("00-start-here.html"))


def test_h5_a_source_title_with_markup_is_escaped_and_passes_the_check():
    source = {"publisher": "P <b>", "title": '<img src="http://example.com/t.png">', "published": "2025",
              "url": "https://example.com/a", "accessed": "2026-11", "tables": "t"}
    line = bibliography.entry(source)
    assert "<img" not in line and "&lt;img" in line and "<b>" not in line
    # What the notebook's Sources cell would display: escaped text, nothing loaded.
    out = new_code_cell("Markdown(...)", outputs=[html_output(line, "text/markdown")])
    offline.check(new_notebook(cells=[out]), "09-x.ipynb")


def test_every_real_sources_section_is_escaped():
    text = bibliography.markdown(["article_copies", "glossary"])
    assert text.count("\n") >= 5 and "<img" not in text and "<script" not in text
