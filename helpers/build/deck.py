"""The default slide plan of a deck: goals first, one slide per section and its first figure, summary last.

A notebook whose cells carry ``slideshow`` metadata gets exactly what its author set
(DESIGN §5); one without any gets the plan here, which gives 12–20 slides:

1. the title and the learning goals;
2. the article's paragraph the notebook examines (the rest of the title cell);
3. each ``##`` section's opening cell, then the section's first figure on a slide of its own;
4. while the deck is shorter than :data:`MIN_SLIDES`, further cells in rounds (each section's first
   ``###`` part, then its other figures and parts, then its prose), never more than :data:`MAX_SLIDES`;
5. the Summary last (Going further and Sources stay in the handout).

Code is hidden on every slide unless the cell's metadata asks for it with ``"slide_code": true``.

>>> from nbformat.v4 import new_markdown_cell, new_notebook
>>> nb = new_notebook(cells=[new_markdown_cell("# 09 · T\\n\\nHook."), new_markdown_cell("**What you will learn**"),
...                          new_markdown_cell("## A"), new_markdown_cell("## Summary")])
>>> [s.kind for s in plan(nb)]
['goals', 'hook', 'section', 'summary']
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import nbformat

from helpers import lessons, tags

MIN_SLIDES = 12
MAX_SLIDES = 20
#: Sections the handout keeps and the deck leaves out (they are lists of links and references).
LEFT_OUT = ("Going further", "Sources")
SUMMARY = "Summary"
SHOW_CODE = "slide_code"
_SKIP_TAGS = tags.removed_in("slides")


@dataclass(frozen=True)
class Slide:
    """One slide of the default plan: what it shows and the cells on it (indices into the notebook)."""

    kind: str  # goals, hook, section, figure, part, prose, summary
    cells: tuple[int, ...]


def authored(nb: nbformat.NotebookNode) -> bool:
    """Whether the notebook's author set slide breaks (any cell with ``slideshow`` metadata).

    >>> from nbformat.v4 import new_markdown_cell, new_notebook
    >>> authored(new_notebook(cells=[new_markdown_cell("x", metadata={"slideshow": {"slide_type": "slide"}})]))
    True
    """
    return any("slide_type" in c.metadata.get("slideshow", {}) for c in nb.cells)


def _is_figure(cell) -> bool:
    if cell.cell_type != "code" or _SKIP_TAGS & set(cell.metadata.get("tags", [])):
        return False
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "image/png" in data or "image/svg+xml" in data or 'class="explorer"' in str(data.get("text/html", "")):
            return True
    return False


def _heading(cell) -> str | None:
    m = re.match(r"^(#{1,3}) (.+)", cell.source) if cell.cell_type == "markdown" else None
    return f"{m.group(1)} {m.group(2).strip()}" if m else None


def plan(nb: nbformat.NotebookNode) -> list[Slide]:
    """The default slides of a notebook, in order (see the module docstring)."""
    goals = next((i for i, c in enumerate(nb.cells)
                  if c.cell_type == "markdown" and lessons.TEMPLATE_LABELS[0] in c.source), None)
    title = next((i for i, c in enumerate(nb.cells) if (_heading(c) or "").startswith("# ")), None)
    opening: list[Slide] = []
    if title is not None:
        opening.append(Slide("goals", (title,) if goals is None or goals == title else (title, goals)))
        if nb.cells[title].source.strip().count("\n"):
            opening.append(Slide("hook", (title,)))
    sections: list[tuple[str, int, list[int]]] = []  # (title, heading cell, the section's other cells)
    for i, cell in enumerate(nb.cells):
        head = _heading(cell)
        if head and head.startswith("## "):
            sections.append((head[3:], i, []))
        elif sections:
            sections[-1][2].append(i)
    summary = [s for s in sections if s[0] == SUMMARY]
    body = [s for s in sections if s[0] not in LEFT_OUT and s[0] != SUMMARY]
    extras = [[] for _ in body]  # per section, the cells that may get a slide, in order of priority
    for k, (_name, _i, rest) in enumerate(body):
        figures = [i for i in rest if _is_figure(nb.cells[i])]
        parts = [i for i in rest if (_heading(nb.cells[i]) or "").startswith("### ")
                 and not _SKIP_TAGS & set(nb.cells[i].metadata.get("tags", []))]
        prose = [i for i in rest if nb.cells[i].cell_type == "markdown" and i not in parts
                 and not _SKIP_TAGS & set(nb.cells[i].metadata.get("tags", []))
                 and not nb.cells[i].source.lstrip().startswith("**Question")]
        extras[k] = [("figure", f) for f in figures[:1]] + [("part", p) for p in parts[:1]] + \
            [("figure", f) for f in figures[1:]] + [("part", p) for p in parts[1:]] + [("prose", p) for p in prose]
    chosen: list[set[int]] = [set() for _ in body]
    fixed = len(opening) + len(body) + len(summary)
    # Round 0 (every section's first figure) always; later rounds only while the deck is short.
    for rnd in range(max((len(e) for e in extras), default=0)):
        if rnd and fixed + sum(map(len, chosen)) >= MIN_SLIDES:
            break
        for k, options in enumerate(extras):
            if rnd < len(options) and fixed + sum(map(len, chosen)) < MAX_SLIDES:
                chosen[k].add(rnd)
    slides = list(opening)
    for k, (_name, head, _rest) in enumerate(body):
        slides.append(Slide("section", (head,)))
        slides += sorted((Slide(kind, (i,)) for r, (kind, i) in enumerate(extras[k]) if r in chosen[k]),
                         key=lambda s: s.cells[0])
    slides += [Slide("summary", (s[1],)) for s in summary]
    return slides


def with_default_slides(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose cells carry the :func:`plan`'s slideshow metadata (and hidden code)."""
    nb = copy.deepcopy(nb)
    slides = plan(nb)
    role = {i: "skip" for i in range(len(nb.cells))}
    title_slides = [s for s in slides if s.kind in ("goals", "hook")]
    for s in slides:
        if s.kind in ("goals", "hook"):
            continue
        role[s.cells[0]] = "slide"
        for i in s.cells[1:]:
            role[i] = "-"
    cells = []
    for i, cell in enumerate(nb.cells):
        if title_slides and i == title_slides[0].cells[0]:
            # The title cell serves two slides: its heading over the goals, then the article's paragraph.
            head, _, hook = cell.source.partition("\n")
            cells.append(_md(head, "slide", "deck-title"))
            cells += [_with_role(nb.cells[j], "-") for j in title_slides[0].cells[1:]]
            if len(title_slides) > 1:
                cells.append(_md(hook.strip(), "slide", "deck-hook"))
            continue
        if any(i in s.cells[1:] for s in title_slides):
            continue
        if role[i] != "skip":  # left out, not hidden: the deck carries only what it shows
            cells.append(_with_role(cell, role[i]))
            if cell.cell_type == "markdown":  # a cell that runs on into Going further stops before it
                cells[-1].source = re.split(r"\n#{1,2} (?:%s)\b" % "|".join(LEFT_OUT), cells[-1].source)[0]
    nb.cells = cells
    return nb


def with_authored_slides(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with the author's slide breaks; tagged cells skipped, code hidden unless asked for.

    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> cell = new_code_cell("1", metadata={"slideshow": {"slide_type": "slide"}, "slide_code": True})
    >>> with_authored_slides(new_notebook(cells=[cell])).cells[0].metadata["tags"]
    []
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        skip = _SKIP_TAGS & set(cell.metadata.get("tags", []))
        cells.append(_with_role(cell, "skip" if skip else None))
        cells[-1].metadata.setdefault("tags", [])
    nb.cells = cells
    return nb


def _md(source: str, role: str, cell_id: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source, metadata={"slideshow": {"slide_type": role}})
    cell.id = cell_id  # fixed, so two builds give the same bytes
    return cell


def _with_role(cell, role: str | None):
    cell = copy.deepcopy(cell)
    if role is not None:
        cell.metadata["slideshow"] = {"slide_type": role}
    if cell.cell_type == "code" and not cell.metadata.get(SHOW_CODE):
        cell.metadata["tags"] = sorted(set(cell.metadata.get("tags", [])) | {tags.HIDE_INPUT})
    return cell
