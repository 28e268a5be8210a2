"""Notebook lint: every notebook follows the template (DESIGN §4) and the tag vocabulary (§5)."""

import copy

import nbformat
import pytest

from helpers import lessons
from helpers.build import lint

PATHS = lessons.paths()
IDS = [p.stem for p in PATHS]


def test_there_are_notebooks_in_teaching_order():
    assert PATHS, "no notebooks found"
    numbers = [p.name[:2] for p in PATHS]
    assert numbers == sorted(set(numbers)), "two notebooks share a number"
    assert numbers[0] == "00"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_follows_the_template(path):
    assert lint.lint(path) == []


def broken(tmp_path, change) -> list[str]:
    """Lint a copy of notebook 00 after ``change(nb)``."""
    nb = nbformat.read(PATHS[0], as_version=4)
    nb = copy.deepcopy(nb)
    change(nb)
    path = tmp_path / PATHS[0].name
    nbformat.write(nb, path)
    return lint.lint(path)


def first(nb, kind="code"):
    return next(c for c in nb.cells if c.cell_type == kind)


def setup_cell(nb):
    return [c for c in nb.cells if c.cell_type == "code"][1]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda nb: nb.cells.append(nbformat.v4.new_markdown_cell("# 00 · Again")), "2 H1 headings"),
        (lambda nb: setattr(first(nb), "outputs", [nbformat.v4.new_output("stream", text="x")]), "stored outputs"),
        (lambda nb: first(nb).metadata.update(tags=["hide"]), "unknown tags ['hide']"),
        (lambda nb: nb.metadata.kernelspec.update(name="python2"), "kernelspec is not python3"),
        (lambda nb: setattr(setup_cell(nb), "source", setup_cell(nb).source + "\nx = 1"),
         "set-up cell does more than import and style: x = 1"),
        (lambda nb: setattr(first(nb, "markdown"), "source", first(nb, "markdown").source + "\n## Extra\nNo question."),
         "section 'Extra' does not end in a **Question:**"),
        (lambda nb: nb.cells.__setitem__(slice(None), [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])
                                                        and "exercise" not in c.metadata.get("tags", [])]), "no exercise"),
        (lambda nb: setattr(first(nb), "source", "\n".join(["x = 1"] * 16)), "code cell longer than 15 lines"),
        (lambda nb: setattr(first(nb), "source", "import urllib.request"), "code that reaches outside the repo"),
        (lambda nb: setattr(first(nb, "markdown"), "source", "# 00 · Start here\nIt costs $60 to $70."),
         "unescaped $ signs"),
        (lambda nb: nb.cells.pop(), "the Sources section is not a hide-input cell"),
    ],
)
def test_lint_catches_each_departure(tmp_path, change, problem):
    problems = broken(tmp_path, change)
    assert any(problem in p for p in problems), problems
