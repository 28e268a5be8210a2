"""The kit's notebooks as data: order, titles, goals and time, read from the notebooks themselves.

Used by the map in ``00-start-here``, the handout index and the notebook lint,
so the three can never disagree.

>>> nb = outline()[0]
>>> nb.number, nb.slug
('00', '00-start-here')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
ALLOWED_TAGS = frozenset(
    {"hide-input", "remove-cell", "exercise", "solution", "raises-exception", "nbval-ignore-output"}
)
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


class _Cell:
    """A notebook cell read with the json module: nbformat (and the jsonschema stack it pulls in)
    costs seconds to import, too much for notebook 00's map of the notebooks."""

    def __init__(self, raw: dict):
        self.cell_type = raw.get("cell_type", "")
        src = raw.get("source", "")
        self.source = "".join(src) if isinstance(src, list) else src
        self.metadata = raw.get("metadata", {})


def _read(path: Path):
    raw = json.loads(Path(path).read_text(encoding="utf-8"))

    class _Notebook:
        cells = [_Cell(c) for c in raw.get("cells", [])]

    return _Notebook


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
    nb = _read(path)
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


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def lint(path: Path) -> list[str]:
    """Every way a notebook departs from the kit's template (DESIGN §4–5); [] when it follows it.

    >>> lint(paths()[0])
    []
    """
    import ast

    import nbformat

    problems: list[str] = []
    nb = nbformat.read(path, as_version=4)
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        problems.append(f"not valid nbformat: {exc.message}")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append("kernelspec is not python3")
    md = "\n\n".join(_markdown(nb))
    h1 = re.findall(r"^# (.+)$", md, re.M)
    if len(h1) != 1:
        problems.append(f"{len(h1)} H1 headings (the template has exactly one)")
    elif not h1[0].startswith(f"{path.name[:2]} · "):
        problems.append(f"the H1 does not start with '{path.name[:2]} · '")
    problems += [f"missing {label}" for label in TEMPLATE_LABELS if label not in md]
    found = [md.find(s + "\n") if md.find(s + "\n") >= 0 else md.find(s) for s in TEMPLATE_SECTIONS]
    problems += [f"missing section {s!r}" for s, at in zip(TEMPLATE_SECTIONS, found, strict=True) if at < 0]
    if all(at >= 0 for at in found) and found != sorted(found):
        problems.append("closing sections out of order")
    if not problems or "H1" not in " ".join(problems):
        try:
            o = read_outline(path)
            if not 3 <= len(o.goals) <= 5:
                problems.append(f"{len(o.goals)} learning outcomes (the template has 3 to 5)")
            if not re.search(r"\d+ minutes", o.time):
                problems.append("no time to complete, in minutes")
        except ValueError as exc:
            problems.append(str(exc))
    for section in re.split(r"^## ", md, flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        if title not in CLOSING_SECTIONS and "**Question:**" not in section:
            problems.append(f"section {title!r} does not end in a **Question:**")
    cells = nb.cells
    code = [c for c in cells if c.cell_type == "code"]
    for c in cells:
        unknown = _tags(c) - ALLOWED_TAGS
        if unknown:
            problems.append(f"unknown tags {sorted(unknown)} in {c.source[:50]!r}")
        if c.cell_type != "code":
            continue
        if c.outputs or c.execution_count is not None:
            problems.append(f"stored outputs in {c.source[:50]!r}")
        if len(c.source.strip().splitlines()) > 15:
            problems.append(f"code cell longer than 15 lines: {c.source[:50]!r}")
        if re.search(r"https?://|requests\.|urllib|\.\./\.\.", c.source):
            problems.append(f"code that reaches outside the repo: {c.source[:50]!r}")
    if code:
        setup = code[1] if "helpers.check_environment()" in code[0].source and len(code) > 1 else code[0]
        try:
            body = ast.parse(setup.source).body
        except SyntaxError:
            body = []
        for node in body:
            if not (isinstance(node, ast.Import | ast.ImportFrom)
                    or (isinstance(node, ast.Expr) and ast.unparse(node) == "plots.use_style()")):
                problems.append(f"set-up cell does more than import and style: {ast.unparse(node)}")
        if "plots.use_style()" not in setup.source:
            problems.append("set-up cell does not call plots.use_style()")
    if not any("exercise" in _tags(c) for c in cells):
        problems.append("no exercise")
    for i, c in enumerate(cells):
        if "solution" in _tags(c) and (i == 0 or "exercise" not in _tags(cells[i - 1])):
            problems.append("a solution cell must follow its exercise cell")
        if _tags(c) & {"solution", "exercise"} and "check(" not in c.source:
            problems.append(f"exercise or solution without a self-check: {c.source[:50]!r}")
    sources = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and "## Sources" in c.source]
    after = [c for c in cells[sources[-1] + 1:] if c.cell_type == "code"] if sources else []
    if not after or "sources_markdown" not in after[0].source or "hide-input" not in _tags(after[0]):
        problems.append("the Sources section is not a hide-input cell calling data.sources_markdown()")
    if re.search(r"(?<!\\)\$[^$\n]+(?<!\\)\$", md):
        problems.append("a pair of unescaped $ signs in Markdown renders as maths in JupyterLab; "
                        "write USD, or escape as \\$")
    return problems
