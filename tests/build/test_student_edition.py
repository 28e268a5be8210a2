"""The student edition's notebooks: no model answers, and they still run top to bottom."""

import nbformat
import pytest
from nbclient import NotebookClient

from helpers import lessons, paths
from helpers.build import student

OUTLINES = lessons.outline()


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    student.write_student_notebooks(out)
    return out


@pytest.mark.parametrize("outline", OUTLINES, ids=[o.slug for o in OUTLINES])
def test_student_notebook_has_no_solutions_and_keeps_every_exercise(student_dir, outline):
    original = nbformat.read(outline.path, as_version=4)
    student = nbformat.read(student_dir / outline.path.name, as_version=4)
    tags = [set(c.metadata.get("tags", [])) for c in student.cells]
    assert not any("solution" in t for t in tags)
    exercises = sum("exercise" in set(c.metadata.get("tags", [])) for c in original.cells)
    assert sum("exercise" in t for t in tags) == exercises > 0
    solutions = [c.source for c in original.cells if "solution" in c.metadata.get("tags", [])]
    assert not any(s in (c.source for c in student.cells) for s in solutions)


@pytest.mark.parametrize("outline", OUTLINES, ids=[o.slug for o in OUTLINES])
def test_student_notebook_runs_without_errors(student_dir, outline):
    nb = nbformat.read(student_dir / outline.path.name, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(paths.NOTEBOOKS_DIR)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" and "raises-exception" not in c.metadata.get("tags", [])
              for o in c.outputs if o.output_type == "error"]
    assert errors == []
