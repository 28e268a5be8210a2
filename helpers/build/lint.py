"""The notebook lint: every way a notebook departs from the kit's template (DESIGN §4) and tags (§5).

The template's labels and closing sections come from ``helpers.lessons``, the tags and skills from
``helpers.tags``. ``python -m helpers.build.lint --fix notebooks/NN-....ipynb`` hides the source and
output of every ``remove-cell`` in JupyterLab (the one fix the lint can make by itself).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

from helpers import lessons, tags

#: The metadata that hides a remove-cell (an assertion) in JupyterLab: no source, no output.
HIDDEN = {"source_hidden": True, "outputs_hidden": True}


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def skill_problems(cells: list) -> list[str]:
    """Every exercise cell names its skill (``"skill": "judge" | "compute" | "lookup"`` in its metadata).

    >>> from nbformat.v4 import new_code_cell
    >>> skill_problems([new_code_cell("answer = ...", metadata={"tags": ["exercise"], "skill": "guess"})])
    ["exercise cell 0 has skill 'guess'; allowed: judge, compute, lookup (set metadata 'skill')"]
    """
    problems = []
    for i, c in enumerate(cells):
        if tags.EXERCISE not in _tags(c):
            continue
        skill = c.metadata.get(tags.SKILL_KEY)
        allowed = ", ".join(tags.SKILLS)
        if skill is None:
            problems.append(f"exercise cell {i} has no skill; set metadata 'skill' to one of: {allowed}")
        elif skill not in tags.SKILLS:
            problems.append(f"exercise cell {i} has skill {skill!r}; allowed: {allowed} (set metadata 'skill')")
    return problems


def hidden_problems(cells: list) -> list[str]:
    """Every remove-cell has its source and output hidden in JupyterLab (fix: ``lint --fix``).

    >>> from nbformat.v4 import new_code_cell
    >>> hidden_problems([new_code_cell("assert 1", metadata={"tags": ["remove-cell"]})])
    ['remove-cell 0 is visible in JupyterLab: set metadata jupyter.source_hidden and outputs_hidden ...']
    """
    return [f"remove-cell {i} is visible in JupyterLab: set metadata jupyter.source_hidden and "
            "outputs_hidden (python -m helpers.build.lint --fix NOTEBOOK)"
            for i, c in enumerate(cells)
            if tags.REMOVE_CELL in _tags(c) and any(c.metadata.get("jupyter", {}).get(k) is not v
                                                     for k, v in HIDDEN.items())]


def _names(source: str) -> tuple[set[str], set[str]]:
    """The names a cell's code stores (assigns, imports, defines) and the names it reads first."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(), set()
    stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    stored |= {a.asname or a.name.split(".")[0] for n in ast.walk(tree)
               if isinstance(n, ast.Import | ast.ImportFrom) for a in n.names}
    stored |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    local = {n.id for comp in ast.walk(tree) if isinstance(comp, ast.comprehension)
             for n in ast.walk(comp.target) if isinstance(n, ast.Name)}  # a comprehension's own names
    return stored - local, read - local


def dependency_problems(cells: list) -> list[str]:
    """No cell the student edition keeps reads a name that only a remove-cell (which it drops) defines.

    >>> from nbformat.v4 import new_code_cell
    >>> dependency_problems([new_code_cell("s = 1", metadata={"tags": ["remove-cell"]}), new_code_cell("s + 1")])
    ["cell 1 reads 's', which only remove-cell 0 defines: the student edition drops it ..."]
    """
    dropped = tags.removed_in("student edition")
    only_hidden: dict[str, int] = {}
    problems = []
    for i, c in enumerate(cells):
        if c.cell_type != "code":
            continue
        stored, read = _names(c.source)
        if tags.REMOVE_CELL in _tags(c):
            only_hidden.update(dict.fromkeys(stored, i))
            continue
        if not _tags(c) & dropped:
            problems += [f"cell {i} reads {name!r}, which only remove-cell {only_hidden[name]} defines: the "
                         "student edition drops it (define it in a shown cell)"
                         for name in sorted(read & only_hidden.keys())]
        for name in stored:
            only_hidden.pop(name, None)
    return problems


def fix(path: Path) -> int:
    """Hide the source and output of every remove-cell of ``path`` in JupyterLab; return how many changed.

    Writes the notebook the way the kit stores them (indent 1, UTF-8, a trailing newline).
    """
    nb = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for c in nb["cells"]:
        if tags.REMOVE_CELL in c.get("metadata", {}).get("tags", []):
            jupyter = c["metadata"].setdefault("jupyter", {})
            if any(jupyter.get(k) is not v for k, v in HIDDEN.items()):
                jupyter.update(HIDDEN)
                changed += 1
    if changed:
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Lint notebooks (all by default); ``--fix`` first hides every remove-cell. Exit 1 on a problem."""
    parser = argparse.ArgumentParser(prog="python -m helpers.build.lint", description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebook files (default: every lesson)")
    parser.add_argument("--fix", action="store_true", help="hide the source and output of every remove-cell")
    args = parser.parse_args(argv)
    failed = False
    for path in args.notebooks or lessons.paths():
        if args.fix:
            print(f"{path}: {fix(path)} remove-cell(s) hidden")
        for problem in lint(path):
            failed = True
            print(f"{path}: {problem}")
    return 1 if failed else 0


def lint(path: Path) -> list[str]:
    """Every way a notebook departs from the kit's template (DESIGN §4–5); [] when it follows it.

    >>> [p for p in lint(lessons.paths()[0]) if "H1" in p]
    []
    """
    import nbformat

    problems: list[str] = []
    nb = nbformat.read(path, as_version=4)
    problems += skill_problems(nb.cells) + hidden_problems(nb.cells) + dependency_problems(nb.cells)
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
    if not after or "bibliography.markdown" not in after[0].source or tags.HIDE_INPUT not in _tags(after[0]):
        problems.append("the Sources section is not a hide-input cell calling bibliography.markdown()")
    if re.search(r"(?<!\\)\$[^$\n]+(?<!\\)\$", md):
        problems.append("a pair of unescaped $ signs in Markdown renders as maths in JupyterLab; "
                        "write USD, or escape as \\$")
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
