"""The feedback page ``make grade`` writes for each student: per notebook, each exercise, its status and why.

One self-contained HTML file per student (``build/grades/feedback/<student>.html``, styles inline, no
script, every text escaped), for the instructor to read or hand out. The status words and colours are
the gradebook's; the feedback text is the check's own (a wrong answer's says what is off, never
"correct").

>>> from classroom.grade import Row
>>> html = page("ana", [Row("ana", "00-start-here.ipynb", "nb00-map", "judge", "incorrect", "✗ <b>no</b>")])
>>> "&lt;b&gt;no&lt;/b&gt;" in html and "<b>no</b>" not in html
True
"""

from __future__ import annotations

import re
from html import escape
from itertools import groupby
from pathlib import Path

_COLOURS = {"correct": "#006d4f", "incorrect": "#a33a00", "unanswered": "#555555", "error": "#8a1c7c"}
_WORDS = {"correct": "correct", "incorrect": "not yet right", "unanswered": "not answered", "error": "error"}
_SAFE = re.compile(r"[^A-Za-z0-9._-]")

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;
border-bottom:1px solid #ddd}th{background:#f4f4f4}.status{font-weight:bold;white-space:nowrap}
code{font-size:.95em}p.note{color:#555}
"""


def file_name(student: str) -> str:
    """A student's page name, safe on any file system.

    >>> file_name("ana"), file_name("../x y")
    ('ana.html', '_x_y.html')
    """
    return (_SAFE.sub("_", student).lstrip(".") or "student") + ".html"


def page(student: str, rows: list, collection: str = "") -> str:
    """The HTML page of one student's ``rows`` (:class:`classroom.grade.Row`), grouped by notebook."""
    counts = {s: sum(r.status == s for r in rows) for s in _WORDS}
    summary = ", ".join(f"{n} {_WORDS[s]}" for s, n in counts.items() if n)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Feedback for {escape(student)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Feedback for {escape(student)}</h1>",
        f'<p class="note">{len(rows)} exercises: {escape(summary or "none")}.'
        + (f" Collected {escape(collection)} (UTC)." if collection else "")
        + " Each exercise was run again from your notebook; the feedback says what is off, not the "
        "answer.</p>",
    ]
    for notebook, group in groupby(rows, key=lambda r: r.notebook):
        parts.append(f"<h2>{escape(notebook)}</h2>")
        parts.append('<table><thead><tr><th>Exercise</th><th>Skill</th><th>Status</th><th>Feedback</th></tr>'
                     "</thead><tbody>")
        for r in group:
            colour = _COLOURS.get(r.status, "#222")
            parts.append(
                f"<tr><td><code>{escape(r.exercise)}</code></td><td>{escape(r.skill)}</td>"
                f'<td class="status" style="color:{colour}">{escape(_WORDS.get(r.status, r.status))}</td>'
                f"<td>{escape(r.feedback)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_pages(rows: list, out: Path, collection: str = "") -> list[Path]:
    """One page per student in ``rows`` into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for student, group in groupby(sorted(rows, key=lambda r: r.student), key=lambda r: r.student):
        path = out / file_name(student)
        path.write_text(page(student, list(group), collection), encoding="utf-8")
        written.append(path)
    return written
