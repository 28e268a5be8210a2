"""Teaching notes: the instructor's side of each notebook, kept beside it as ``NN-slug.notes.md``.

One file per notebook, in the same folder, with fixed sections:

- ``## Lesson plan: 50 minutes`` and ``## Lesson plan: 90 minutes``: a table
  ``| minutes | segment | what happens |`` whose minutes add up to 50 and 90;
  a segment names a ``##`` section of the notebook, or ``Opening`` / ``Wrap-up``;
- ``## Discussion prompts``: 3–5 numbered prompts, each with the points a good answer makes;
- ``## Misconceptions``: what students get wrong and how the notebook addresses it;
- ``## Model answers``: one bullet or table row per exercise, starting with its question id in backticks;
- ``## Assessment rubric`` (the capstone only).

Only the instructor edition renders them (handouts and ``instructor-guide.html``).

>>> from helpers.paths import NOTEBOOKS_DIR
>>> notes = read(NOTEBOOKS_DIR / "00-start-here.ipynb")
>>> sum(minutes for minutes, _, _ in notes.plans[50])
50
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FREE_SEGMENTS = ("Opening", "Wrap-up")
PLAN_LENGTHS = (50, 90)
WORDS_PER_MINUTE = 200  # a student reading prose on a screen


@dataclass(frozen=True)
class Prompt:
    question: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class Notes:
    path: Path
    title: str
    plans: dict[int, list[tuple[int, str, str]]]
    prompts: list[Prompt]
    misconceptions: list[str]
    model_answers: dict[str, str]
    rubric: str = ""
    markdown: str = field(default="", repr=False)


def notes_path(notebook: Path) -> Path:
    """Where a notebook's teaching notes live.

    >>> notes_path(Path("notebooks/02-dual-use-goods.ipynb")).name
    '02-dual-use-goods.notes.md'
    """
    return notebook.with_name(notebook.stem + ".notes.md")


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _plan(path: Path, body: str, length: int) -> list[tuple[int, str, str]]:
    rows = []
    for line in body.strip().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("minutes", "") or set(cells[0]) <= {"-", ":"}:
            continue
        if not cells[0].isdigit():
            raise ValueError(
                f"{path.name}, {length}-minute plan: {cells[0]!r} is not a whole number of minutes"
            )
        rows.append((int(cells[0]), cells[1], cells[2]))
    if not rows:
        raise ValueError(
            f"{path.name}: the {length}-minute plan has no rows | minutes | segment | what happens |"
        )
    return rows


def read(notebook: Path) -> Notes:
    """Parse a notebook's teaching notes; a missing file or section is an error naming it."""
    path = notes_path(notebook)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: every notebook has teaching notes beside it")
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.M)
    sections = _sections(text)
    needed = [f"Lesson plan: {n} minutes" for n in PLAN_LENGTHS] + [
        "Discussion prompts", "Misconceptions", "Model answers"]
    missing = [s for s in needed if s not in sections]
    if missing or not title:
        raise ValueError(f"{path.name}: missing {', '.join(missing) or 'the # title'}")
    prompts = []
    for block in re.split(r"^\d+\.\s+", sections["Discussion prompts"], flags=re.M)[1:]:
        lines = block.strip().splitlines()
        bullets = (re.match(r"^\s+[-*]\s+(.+)$", ln) for ln in lines[1:])
        points = tuple(m.group(1).strip() for m in bullets if m)
        prompts.append(Prompt(lines[0].strip(), points))
    misconceptions = [
        m.group(1).strip() for m in re.finditer(r"^[-*]\s+(.+)$", sections["Misconceptions"], re.M)
    ]
    answers = _model_answers(sections["Model answers"])
    return Notes(
        path=path,
        title=title.group(1).strip(),
        plans={n: _plan(path, sections[f"Lesson plan: {n} minutes"], n) for n in PLAN_LENGTHS},
        prompts=prompts,
        misconceptions=misconceptions,
        model_answers=answers,
        rubric=sections.get("Assessment rubric", "").strip(),
        markdown=text,
    )


_ANSWER_BULLET = re.compile(r"^[-*]\s+`([a-z0-9-]+)`:?\s*(.+)$", re.M)
_ANSWER_ROW = re.compile(r"^\|\s*`([a-z0-9-]+)`\s*\|(.+)\|\s*$", re.M)


def _model_answers(section: str) -> dict[str, str]:
    """Model answers by question id, from bullets (``- `id`: ...``) or table rows (``| `id` | ... |``).

    >>> _model_answers("- `nb00-a`: b, because ...\\n| `nb00-b` | core | judge | (c) ... |")
    {'nb00-a': 'b, because ...', 'nb00-b': 'core | judge | (c) ...'}
    """
    answers = {m.group(1): m.group(2).strip() for m in _ANSWER_BULLET.finditer(section)}
    answers.update((m.group(1), m.group(2).strip()) for m in _ANSWER_ROW.finditer(section))
    return answers


def reading_minutes(markdown_text: str) -> float:
    """Minutes a student needs to read some prose.

    >>> reading_minutes("word " * 400)
    2.0
    """
    return len(re.findall(r"\S+", markdown_text)) / WORDS_PER_MINUTE


def notes_html(notes: Notes) -> str:
    """The notes' body as HTML, their sections one level down (``###``), without the title."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    body = re.sub(r"^# .+\n", "", notes.markdown, count=1, flags=re.M)
    return markdown2html_mistune(body.replace("\n## ", "\n### "))


def to_html(notes: Notes) -> str:
    """The notes as an HTML section at the end of an instructor handout."""
    return (f'<section class="teaching-notes" aria-label="Teaching notes">'
            f"<h2>Teaching notes (instructor edition)</h2>{notes_html(notes)}</section>")
