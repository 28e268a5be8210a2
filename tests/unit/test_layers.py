"""The package's layers run one way (DESIGN §2): read from the code's own imports, with ``ast``.

Imports inside functions count too: a lazy import is still an arrow.
"""

import ast
from pathlib import Path

import pytest

from helpers import paths

ROOT = paths.ROOT
#: May draw: they (and only they) import matplotlib, ipywidgets, plots, widgets or figures.
PRESENTATION = ("helpers.plots", "helpers.widgets", "helpers.figures", "helpers.build")
DRAWING = ("matplotlib", "ipywidgets", "helpers.plots", "helpers.widgets", "helpers.figures")
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file, as a dotted name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def sources(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py") if "node_modules" not in p.parts)


HELPERS = {module_name(p): p for p in sources("helpers")}
GRAPH = {name: {m for m in imports(p) if m in HELPERS and m != name} for name, p in HELPERS.items()}


def within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph`` (a list of modules that leads back to its first), or None.

    >>> cycle({"a": {"b"}, "b": {"a"}})
    ['a', 'b', 'a']
    >>> cycle({"a": {"b"}, "b": set()}) is None
    True
    """
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return trail[trail.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt, trail + [nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert cycle({"x": {"y"}, "y": {"z"}, "z": {"x"}}) == ["x", "y", "z", "x"]


def test_no_import_cycle_in_the_package():
    # A package's __init__ that lists its modules is not an arrow back from them.
    graph = {n: {m for m in deps if not HELPERS[m].name == "__init__.py" or not n.startswith(m + ".")}
             for n, deps in GRAPH.items()}
    assert cycle(graph) is None


@pytest.mark.parametrize("name", sorted(n for n in HELPERS if not within(n, PRESENTATION)))
def test_computing_modules_never_import_drawing_code(name):
    drawing = sorted(m for m in imports(HELPERS[name]) if within(m, DRAWING))
    assert drawing == [], f"{name} computes and must not draw; it imports {drawing} (move that code to helpers/figures/)"


@pytest.mark.parametrize("name", sorted(n for n in HELPERS if within(n, ("helpers.exercises",))))
def test_exercises_never_import_the_checks_face(name):
    assert "helpers.checks" not in imports(HELPERS[name])


def test_checks_imports_only_the_exercises():
    kit = {m for m in imports(HELPERS["helpers.checks"]) if m.startswith("helpers")}
    assert kit and all(within(m, ("helpers.exercises",)) for m in kit), kit


@pytest.mark.parametrize("path", sources("helpers", "classroom", "benchmarks"), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_outside_build_imports_build_and_nothing_imports_tests(path):
    found = imports(path)
    assert not any(within(m, ("tests",)) for m in found), f"{path.name} imports from tests/"
    name = module_name(path)
    if within(name, ("helpers",)) and not within(name, ("helpers.build",)):
        assert not any(within(m, ("helpers.build",)) for m in found), f"{name} imports helpers.build"


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_small_rooms_with_a_one_line_summary(name):
    path = HELPERS[name]
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES, f"{name} has {len(text.splitlines())} lines (at most {MAX_LINES})"
    doc = ast.get_docstring(ast.parse(text))
    if path.name != "__init__.py" or text.strip():
        assert doc and doc.splitlines()[0].strip(), f"{name} needs a docstring whose first line says what it holds"


def test_the_package_lists_every_module():
    listed = ast.get_docstring(ast.parse((ROOT / "helpers" / "__init__.py").read_text()))
    top = sorted({n.split(".")[1] for n in HELPERS if n.count(".") >= 1})
    missing = [m for m in top if f"``{m}``" not in listed]
    assert missing == [], f"helpers/__init__.py does not list {missing}"
