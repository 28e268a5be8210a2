"""The kit's lessons as data: the notebooks' order, titles, goals and time, read from the notebooks.

Used by the map in ``00-start-here``, the handout index and the notebook lint
(``helpers.build.lint``), so the three can never disagree.  Also the outline of a
new article's notebook (:func:`new_article_cells`), which notebook 05 shows and
``make new-article`` writes.

>>> nb = outline()[0]
>>> nb.number, nb.slug
('00', '00-start-here')
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR

TEMPLATE_LABELS = ("**What you will learn**", "**Time**", "**Before you start**")
CLOSING_SECTIONS = (
    "What the article got right, and what it did not",
    "Summary",
    "Going further",
    "Sources",
)
TEMPLATE_SECTIONS = tuple(f"## {title}" for title in CLOSING_SECTIONS)
_NAME = re.compile(r"^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")


@dataclass(frozen=True)
class Outline:
    """One notebook's place in the course: number, slug, title, goals, time and file."""

    number: str
    slug: str
    title: str
    goals: tuple[str, ...]
    time: str
    path: Path


def paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks in teaching order (by their NN- prefix).

    >>> paths()[0].name
    '00-start-here.ipynb'
    """
    found = sorted(folder.glob("*.ipynb"))
    bad = [p.name for p in found if not _NAME.match(p.name)]
    if bad:
        raise ValueError(f"notebook names must look like 'NN-kebab-title.ipynb': {', '.join(bad)}")
    return found


class _Cell:
    """A notebook cell read with the json module: nbformat (and the jsonschema stack it pulls in)
    costs seconds to import, too much for notebook 00's map of the notebooks."""

    def __init__(self, raw: dict):
        self.cell_type = raw.get("cell_type", "")
        src = raw.get("source", "")
        self.source = "".join(src) if isinstance(src, list) else src
        self.metadata = raw.get("metadata", {})


def read(path: Path):
    """A notebook read with the json module: ``.cells`` with ``cell_type``, ``source``, ``metadata``."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))

    class _Notebook:
        cells = [_Cell(c) for c in raw.get("cells", [])]

    return _Notebook


def markdown_cells(nb) -> list[str]:
    """The sources of a notebook's Markdown cells, in order (``nb`` from nbformat or :func:`read`)."""
    return ["".join(c.source) for c in nb.cells if c.cell_type == "markdown"]


def _after_label(text: str, label: str) -> str:
    """The text that follows a bold label, up to the next bold label or heading."""
    start = text.find(label)
    if start < 0:
        return ""
    rest = text[start + len(label):]
    stop = re.search(r"\n\s*\*\*[A-Z]|\n#", rest)
    return (rest[: stop.start()] if stop else rest).strip(" :\n")


def read_outline(path: Path) -> Outline:
    """Title, learning goals and time of one notebook.

    >>> read_outline(paths()[0]).title
    'Start here'
    """
    nb = read(path)
    md = "\n\n".join(markdown_cells(nb))
    h1 = re.search(r"^# (\d{2}) · (.+)$", md, re.M)
    if not h1:
        raise ValueError(f"{path.name}: no '# NN · Title' heading")
    goals_text = _after_label(md, TEMPLATE_LABELS[0])
    # Whole items and whole paragraphs: a line break inside a goal or the time never cuts it short.
    items = re.split(r"^\s*(?:[-*]|\d+\.)\s+", goals_text, flags=re.M)[1:]
    goals = tuple(" ".join(item.split()) for item in items)
    time = _after_label(md, TEMPLATE_LABELS[1]).split("\n\n")[0]
    return Outline(
        number=h1.group(1),
        slug=path.stem,
        title=h1.group(2).strip(),
        goals=goals,
        time=" ".join(time.split()),
        path=path,
    )


def outline(folder: Path = NOTEBOOKS_DIR) -> list[Outline]:
    """Every notebook's outline, in teaching order.

    >>> [o.number for o in outline()][:1]
    ['00']
    """
    return [read_outline(p) for p in paths(folder)]


# The outline is plain data; nbformat is imported only to write the notebook file (importing it
# costs about 2 s: its schema validator compiles a grammar), so a notebook that shows the outline
# (05 does) does not pay for it.


def markdown_text(text: str) -> str:
    """Plain text made safe to put in a notebook's Markdown: HTML escaped, ``$`` escaped (no maths).

    >>> markdown_text('<script>alert(1)</script> costs $70 & "more"')
    '&lt;script&gt;alert(1)&lt;/script&gt; costs \\\\$70 &amp; "more"'
    """
    return html.escape(text, quote=False).replace("$", "\\$")


def _md(source: str, tags: tuple[str, ...] = ()) -> dict:
    return {"cell_type": "markdown", "source": source, "tags": list(tags)}


def _code(source: str, tags: tuple[str, ...] = (), skill: str | None = None) -> dict:
    cell = {"cell_type": "code", "source": source.strip("\n"), "tags": list(tags)}
    return cell | ({"skill": skill} if skill else {})


#: The answer place after each **Question:** (DESIGN §8): a response cell, then a model answer.
RESPONSE_TEXT = "*Write your answer here.*"
MODEL_ANSWER_TEXT = "**Model answer.** *(Instructor: list the points a good answer makes.)*"


def _answer_place() -> list[dict]:
    return [_md(RESPONSE_TEXT, ("response",)), _md(MODEL_ANSWER_TEXT, ("model-answer",))]


def new_article_cells(number: str, name: str, headline: str, outlet: str, first: str) -> list[dict]:
    """A new article's notebook in the kit's template, as plain cells (type, source, tags).

    ``make new-article`` writes it (``helpers.build.scaffold``); notebook 05 shows it.

    >>> outline = new_article_cells("10", "x", "A headline", "An outlet", "First paragraph.")
    >>> outline[0]["source"].splitlines()[0], outline[-1]["tags"]
    ('# 10 · Checking a new article', ['hide-input'])
    """
    md = _md
    headline, outlet, first = (markdown_text(s) for s in (headline, outlet, first))
    return [
        md(f"# {number} · Checking a new article\n\n"
           f"*{headline}* ({outlet}). This notebook applies the kit's method to it: number the "
           "paragraphs, find the claims, decide which data could check each one.\n\n"
           f"> **P1:** {first}"),
        md("**What you will learn**\n- Number an article's paragraphs and quote them exactly.\n"
           "- Tell statistics, events, attributions and opinions apart.\n"
           "- Record each claim with the evidence that could settle it.\n\n"
           "**Time**\nabout 45 minutes: 15 reading, 30 recording claims.\n\n"
           "**Before you start**\nNotebooks 00 and 01, and the capstone (05)."),
        _code("from IPython.display import HTML, Markdown\n\n"
              "from helpers import article, bibliography, data, plots\nfrom helpers.checks import check\n\n"
              "plots.use_style()"),
        md("## The article, paragraph by paragraph\n\nParagraph *N* is line *N* of the seed file."),
        _code(f'paragraphs = article.paragraphs("{name}")\nlen(paragraphs)'),
        md("**Question:** which paragraph carries the article's main claim?"),
        *_answer_place(),
        md("## Recording the claims\n\nThe ledger `seeds/" + name + ".claims.csv` starts empty. Add one row "
           "per checkable claim, with the paragraph's exact words (the kit checks them)."),
        _code(f'claims = article.claims("{name}")\nclaims'),
        md("### Your turn\n\nHow many paragraphs does the article have?"),
        _code(f'n_paragraphs = ...\ncheck("nb{number}-paragraphs", n_paragraphs)', ("exercise",), "lookup"),
        _code(f'n_paragraphs = len(article.paragraphs("{name}"))\n'
              f'check("nb{number}-paragraphs", n_paragraphs)', ("solution",)),
        md("**Question:** which of the claims could public data settle, and which only a reporter could?"),
        *_answer_place(),
        md("## What the article got right, and what it did not\n\nFill in once the claims have verdicts."),
        md("## Summary\n- The article, numbered and quoted exactly.\n- A ledger of its claims.\n\n"
           "## Going further\n- Build a dataset for one claim (README: how to add a dataset).\n\n## Sources"),
        _code("Markdown(bibliography.markdown())", ("hide-input",)),
    ]
