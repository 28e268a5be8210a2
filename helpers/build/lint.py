"""The notebook lint: every way a notebook departs from the kit's template (DESIGN §4) and tags (§5).

The template's labels and closing sections come from ``helpers.lessons``, the tags from ``helpers.tags``.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import lessons, tags


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def lint(path: Path) -> list[str]:
    """Every way a notebook departs from the kit's template (DESIGN §4–5); [] when it follows it.

    >>> lint(lessons.paths()[0])
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
    md = "\n\n".join(lessons.markdown_cells(nb))
    h1 = re.findall(r"^# (.+)$", md, re.M)
    if len(h1) != 1:
        problems.append(f"{len(h1)} H1 headings (the template has exactly one)")
    elif not h1[0].startswith(f"{path.name[:2]} · "):
        problems.append(f"the H1 does not start with '{path.name[:2]} · '")
    problems += [f"missing {label}" for label in lessons.TEMPLATE_LABELS if label not in md]
    found = [md.find(s + "\n") if md.find(s + "\n") >= 0 else md.find(s) for s in lessons.TEMPLATE_SECTIONS]
    problems += [f"missing section {s!r}" for s, at in zip(lessons.TEMPLATE_SECTIONS, found, strict=True) if at < 0]
    if all(at >= 0 for at in found) and found != sorted(found):
        problems.append("closing sections out of order")
    if not problems or "H1" not in " ".join(problems):
        try:
            o = lessons.read_outline(path)
            if not 3 <= len(o.goals) <= 5:
                problems.append(f"{len(o.goals)} learning outcomes (the template has 3 to 5)")
            if not re.search(r"\d+ minutes", o.time):
                problems.append("no time to complete, in minutes")
        except ValueError as exc:
            problems.append(str(exc))
    for section in re.split(r"^## ", md, flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        if title not in lessons.CLOSING_SECTIONS and "**Question:**" not in section:
            problems.append(f"section {title!r} does not end in a **Question:**")
    cells = nb.cells
    code = [c for c in cells if c.cell_type == "code"]
    for c in cells:
        unknown = tags.unknown(_tags(c))
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
    if not any(tags.EXERCISE in _tags(c) for c in cells):
        problems.append("no exercise")
    for i, c in enumerate(cells):
        if tags.SOLUTION in _tags(c) and (i == 0 or tags.EXERCISE not in _tags(cells[i - 1])):
            problems.append("a solution cell must follow its exercise cell")
        if _tags(c) & {tags.SOLUTION, tags.EXERCISE} and "check(" not in c.source:
            problems.append(f"exercise or solution without a self-check: {c.source[:50]!r}")
    sources = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and "## Sources" in c.source]
    after = [c for c in cells[sources[-1] + 1:] if c.cell_type == "code"] if sources else []
    if not after or "sources_markdown" not in after[0].source or tags.HIDE_INPUT not in _tags(after[0]):
        problems.append("the Sources section is not a hide-input cell calling data.sources_markdown()")
    if re.search(r"(?<!\\)\$[^$\n]+(?<!\\)\$", md):
        problems.append("a pair of unescaped $ signs in Markdown renders as maths in JupyterLab; "
                        "write USD, or escape as \\$")
    return problems
