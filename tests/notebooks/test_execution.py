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
