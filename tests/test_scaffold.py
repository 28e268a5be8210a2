"""make new-article: the scaffold writes a seed, an empty ledger and a notebook that passes lint and runs."""

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers import notebooks, scaffold

ROOT = Path(__file__).resolve().parent.parent
TEXT = "A first paragraph costs $5.\nA second paragraph says 40% of chips came from X.\nA third one.\n"


@pytest.fixture()
def kit(tmp_path):
    """A copy of the kit's package, seeds and notebooks, so the scaffold never touches the repo."""
    for folder in ("helpers", "seeds", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "article.txt").write_text(TEXT)
    return tmp_path


def make(kit, name="new-chips"):
    return scaffold.new_article(name, kit / "article.txt", outlet="Example Times",
                                headline="Chips and more", published="2026-11-01", root=kit)


def test_scaffold_writes_every_file_and_the_notebook_passes_lint(kit):
    files = make(kit)
    assert files["notebook"].name == "10-new-chips.ipynb"
    assert files["seed"].read_text() == TEXT
    assert files["claims"].read_text().startswith("claim_id,paragraph,words")
    assert notebooks.lint(files["notebook"]) == []


def test_scaffolded_notebook_runs_with_its_own_seed_and_questions(kit):
    files = make(kit)
    nb = nbformat.read(files["notebook"], as_version=4)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(kit), os.environ.get("PYTHONPATH", "")]))
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(files["notebook"].parent)}})
    client.execute(env=env)
    outputs = "".join(str(o.get("data", o.get("text", ""))) for c in nb.cells for o in c.get("outputs", []))
    assert "✓ Correct." in outputs  # the solution's self-check, computed from the new seed
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]


def test_scaffold_refuses_bad_names_dates_and_overwrites(kit):
    with pytest.raises(ValueError, match="lower-case words joined by dashes"):
        make(kit, "New Chips")
    with pytest.raises(ValueError, match="must be an ISO date"):
        scaffold.new_article("x", kit / "article.txt", outlet="o", headline="h", published="1 Nov", root=kit)
    make(kit)
    (kit / "notebooks" / "10-new-chips.ipynb").rename(kit / "notebooks" / "11-new-chips.ipynb")
    with pytest.raises(FileExistsError, match="not overwriting"):
        make(kit)


def test_the_outline_is_built_without_importing_nbformat():
    """Notebook 05 shows the outline; nbformat (about 2 s to import) is needed only to write the file."""
    import subprocess
    import sys

    code = ("import sys\nfrom helpers import scaffold\n"
            "cells = scaffold.cells('10', 'x', 'A headline', 'An outlet', 'First.')\n"
            "assert cells[0]['source'].startswith('# 10'), cells[0]\n"
            "print('nbformat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=scaffold.ROOT).stdout.strip()
    assert out == "False"


def test_the_written_notebook_has_the_outline_cells():
    outline = scaffold.cells("10", "x", "A headline", "An outlet", "First.")
    nb = scaffold.notebook("10", "x", "A headline", "An outlet", "First.")
    assert [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells] == [
        (c["cell_type"], c["source"], c["tags"]) for c in outline]
