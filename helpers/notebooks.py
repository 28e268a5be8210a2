"""The kit's notebooks as data: order, titles, goals and time, read from the notebooks themselves.

Used by the map in ``00-start-here``, the handout index and the notebook lint,
so the three can never disagree.

>>> nb = outline()[0]
>>> nb.number, nb.slug
('00', '00-start-here')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
ALLOWED_TAGS = frozenset(
    {"hide-input", "remove-cell", "exercise", "solution", "raises-exception", "nbval-ignore-output"}
)
TEMPLATE_LABELS = ("**What you will learn**", "**Time**", "**Before you start**")
TEMPLATE_SECTIONS = (
    "## What the article got right, and what it did not",
    "## Summary",
    "## Going further",
    "## Sources",
)
_NAME = re.compile(r"^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")


@dataclass(frozen=True)
class Outline:
    number: str
    slug: str
    title: str
    goals: tuple[str, ...]
    time: str
    path: Path


def paths(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The notebooks in teaching order (by their NN- prefix).

    >>> paths()[0].name
    '00-start-here.ipynb'
    """
    found = sorted(folder.glob("*.ipynb"))
    bad = [p.name for p in found if not _NAME.match(p.name)]
    if bad:
        raise ValueError(f"notebook names must look like 'NN-kebab-title.ipynb': {', '.join(bad)}")
    return found


def _markdown(nb) -> list[str]:
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
    nb = nbformat.read(path, as_version=4)
    md = "\n\n".join(_markdown(nb))
    h1 = re.search(r"^# (\d{2}) · (.+)$", md, re.M)
    if not h1:
        raise ValueError(f"{path.name}: no '# NN · Title' heading")
    goals_text = _after_label(md, TEMPLATE_LABELS[0])
    goals = tuple(
        m.group(1).strip() for m in re.finditer(r"^\s*(?:[-*]|\d+\.)\s+(.+)$", goals_text, re.M)
    )
    time = _after_label(md, TEMPLATE_LABELS[1]).splitlines()
    return Outline(
        number=h1.group(1),
        slug=path.stem,
        title=h1.group(2).strip(),
        goals=goals,
        time=time[0].strip() if time else "",
        path=path,
    )


def outline(folder: Path = NOTEBOOK_DIR) -> list[Outline]:
    """Every notebook's outline, in teaching order.

    >>> [o.number for o in outline()][:1]
    ['00']
    """
    return [read_outline(p) for p in paths(folder)]
