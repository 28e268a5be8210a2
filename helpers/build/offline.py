"""The handouts' self-containment rule: no cell may load anything from outside the page.

A handout must open from a USB stick with the network cut, so the build refuses any cell
(Markdown or output) that would load a file: an ``<img>``, ``<script>``, ``<iframe>``, ``<link>``,
``<video>``, ``<audio>``, ``<source>``, ``<embed>`` or ``<object>`` whose address is not a ``data:``
URI, a CSS ``url()`` or ``@import``, and markup that runs code (a ``<script>``, an ``on...=``
handler: the page's one script is the template's). Plain links (``<a href="https://...">``) are fine: nothing is loaded until a
reader follows them.

>>> problems('<p>See <a href="https://example.org">the source</a>.</p>')
[]
>>> problems('<img src="https://example.org/t.png" alt="">')
['loads https://example.org/t.png (img src)']
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nbformat
from nbconvert.filters.markdown_mistune import markdown2html_mistune

#: Elements that load the address in these attributes when the page opens.
LOADING = {
    "img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "frame": ("src",),
    "link": ("href",), "video": ("src", "poster"), "audio": ("src",), "source": ("src", "srcset"),
    "track": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",), "image": ("href",),
    "use": ("href", "xlink:href"),
}
_CSS_URL = re.compile(r"url\(\s*['\"]?(?!data:)([^'\")]+)|@import\s+['\"]?([^'\";\s]+)", re.I)
_OUTPUT_MIMES = ("text/html", "image/svg+xml", "text/markdown")


class HandoutNotSelfContained(ValueError):
    """A notebook cell would make a handout load something from outside the page."""


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip()
            if name in LOADING.get(tag, ()) and value and not value.startswith(("data:", "#")):
                self.found.append(f"loads {value} ({tag} {name})")
            elif name == "style":
                self.found += [f"loads {a or b} (CSS in a style attribute)" for a, b in _CSS_URL.findall(value)]
            elif name.startswith("on"):
                self.found.append(f"runs code ({tag} {name}=)")
        if tag == "script":
            self.found.append("runs code (a <script>)")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found += [f"loads {a or b} (CSS in a <style>)" for a, b in _CSS_URL.findall(data)]


def problems(html: str) -> list[str]:
    """What in a piece of HTML would load from outside the page or run code, one line each.

    >>> problems('<div style="background:url(http://x.org/a.png)">')
    ['loads http://x.org/a.png (CSS in a style attribute)']
    >>> problems('<script>alert(1)</script>')
    ['runs code (a <script>)']
    """
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def cell_problems(cell) -> list[str]:
    """The problems of one cell: its Markdown as rendered, or its outputs (HTML, SVG, Markdown).

    >>> from nbformat.v4 import new_markdown_cell
    >>> cell_problems(new_markdown_cell("![chart](https://example.org/c.png)"))
    ['loads https://example.org/c.png (img src)']
    """
    if cell.cell_type == "markdown":
        return problems(markdown2html_mistune(cell.source))
    found = []
    for out in cell.get("outputs", []):
        for mime in _OUTPUT_MIMES:
            text = out.get("data", {}).get(mime)
            if text:
                text = "".join(text) if isinstance(text, list) else text
                found += problems(markdown2html_mistune(text) if mime == "text/markdown" else text)
    # The kit's own explorers switch views with the page's one inline script (the template's), so
    # no output needs a script of its own.
    return found


def check(nb: nbformat.NotebookNode, name: str) -> None:
    """Refuse a notebook any of whose cells would make its handout load from outside the page.

    >>> from nbformat.v4 import new_markdown_cell, new_notebook
    >>> nb = new_notebook(cells=[new_markdown_cell('<iframe src="https://x.org"></iframe>')])
    >>> try:
    ...     check(nb, "09-x.ipynb")
    ... except HandoutNotSelfContained as e:
    ...     print(str(e)[:64])
    09-x.ipynb, cell 1 (markdown): loads https://x.org (iframe src).
    """
    lines = [f"{name}, cell {i} ({cell.cell_type}): {p}"
             for i, cell in enumerate(nb.cells, start=1) for p in cell_problems(cell)]
    if lines:
        raise HandoutNotSelfContained(
            "; ".join(lines) + ". A handout must open offline: embed the file (a figure output or a "
            "data: URI) or link to it with <a href>.")
