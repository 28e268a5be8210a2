"""Every notebook runs top to bottom (one execution per test run, shared with the handouts and slides).

What nbval's lax mode checked, on the run's shared executions: no cell fails except one tagged
``raises-exception`` (and such a cell does fail: it is there to teach an error). Every explorer
cell shows its figure, and every quoted-number check (``remove-cell``) ran.
"""

import pytest

from helpers import lessons, tags

OUTLINES = lessons.outline()


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def errors(cell) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for o in cell.get("outputs", []) if o.output_type == "error"]


@pytest.mark.parametrize("slug", [o.slug for o in OUTLINES])
def test_notebook_runs_top_to_bottom(executed, slug):
    failed = [(i, c.source.splitlines()[0] if c.source else "", errors(c))
              for i, c in enumerate(code_cells(executed[slug]))
              if errors(c) and tags.RAISES_EXCEPTION not in c.metadata.get("tags", [])]
    assert failed == [], f"{slug}: cells that failed (index, first line, error): {failed}"


@pytest.mark.parametrize("slug", [o.slug for o in OUTLINES])
def test_every_cell_ran_and_taught_errors_do_raise(executed, slug):
    cells = code_cells(executed[slug])
    assert all(c.execution_count for c in cells if c.source.strip()), f"{slug}: a cell did not run"
    teaching = [c for c in cells if tags.RAISES_EXCEPTION in c.metadata.get("tags", [])]
    assert all(errors(c) for c in teaching), f"{slug}: a cell tagged raises-exception did not raise"


def shown_text(cell) -> str:
    return "".join(o.get("text", "") or "".join(o.get("data", {}).get("text/plain", ""))
                   for o in cell.get("outputs", []))


@pytest.mark.parametrize("slug", [o.slug for o in OUTLINES])
def test_every_model_solution_passes_its_own_check(executed, slug):
    """The instructor's solution under each exercise earns a tick, or a plain 'Saved' for a graded one
    (teaching review W9: a solution that the check marks wrong would teach the wrong answer)."""
    solutions = [c for c in code_cells(executed[slug]) if tags.SOLUTION in c.metadata.get("tags", [])]
    assert solutions, f"{slug}: no solution cell"
    wrong = [(c.source.splitlines()[0], shown_text(c)[:120]) for c in solutions
             if "check(" in c.source and not shown_text(c).lstrip().startswith("✓")]
    assert wrong == [], f"{slug}: solutions the check does not accept: {wrong}"
