"""make new-article: the scaffold writes a seed, a ledger, a notebook that passes lint and runs, and its questions.

The probes S2b, S5–S10 of the reliability review (2026-12) each have a test here."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers import lessons
from helpers.build import lint, scaffold

ROOT = Path(__file__).resolve().parents[2]  # the checkout (tests/build/ is two levels down)
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
    assert lint.lint(files["notebook"]) == []
    assert files["questions"] == kit / "notebooks" / "nb10_questions.py"
    assert not (kit / "helpers" / "exercises" / "nb10.py").exists()  # never into the package


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

    code = ("import sys\nfrom helpers import lessons\n"
            "cells = lessons.new_article_cells('10', 'x', 'A headline', 'An outlet', 'First.')\n"
            "assert cells[0]['source'].startswith('# 10'), cells[0]\n"
            "print('nbformat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=scaffold.ROOT).stdout.strip()
    assert out == "False"


def test_the_written_notebook_has_the_outline_cells():
    outline = lessons.new_article_cells("10", "x", "A headline", "An outlet", "First.")
    nb = scaffold.notebook("10", "x", "A headline", "An outlet", "First.")
    assert [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells] == [
        (c["cell_type"], c["source"], c["tags"]) for c in outline]


# --- the reliability review's probes (S2b, S5–S10) ---------------------------------------------------

def nothing_written(kit):
    return not list((kit / "seeds").glob("new-chips*")) and not list((kit / "notebooks").glob("*new-chips*"))


def test_s2b_a_too_long_name_is_refused_before_anything_is_written(kit):
    with pytest.raises(ValueError, match="is 300 characters long; at most 60 are allowed: shorten it"):
        make(kit, "a" * 300)
    assert not list((kit / "seeds").glob("aaa*"))


@pytest.mark.parametrize(("content", "named"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF"),
    ("A first paragraph.\n".encode("utf-16"), "is UTF-16 text"),
    (b"caf\xe9 au lait\n", "not UTF-8 \\(byte 0xe9 at position 3\\)"),
    ("\ufeffA first paragraph.\n".encode("utf-8"), "byte-order mark"),
])
def test_s5_a_file_that_is_not_utf8_text_is_named_with_the_fix(kit, content, named):
    (kit / "article.txt").write_bytes(content)
    with pytest.raises(ValueError, match=named) as info:
        make(kit)
    assert "UTF-8 text" in str(info.value)
    assert nothing_written(kit)


def test_s6_an_impossible_date_is_refused(kit):
    with pytest.raises(ValueError, match="'2025-02-30' is not a day of the calendar"):
        scaffold.new_article("new-chips", kit / "article.txt", outlet="o", headline="h", published="2025-02-30",
                             root=kit)
    assert nothing_written(kit)


def test_s7_a_newline_in_a_toml_field_is_refused(kit):
    for field in ("headline", "outlet"):
        values = {"outlet": "o", "headline": "h", field: "one\ntwo"}
        with pytest.raises(ValueError, match=f"{field} 'one\\\\ntwo' has a line break"):
            scaffold.new_article("new-chips", kit / "article.txt", published="2026-11-01", root=kit, **values)
    assert nothing_written(kit)


HEADLINE = 'China buys "cheap" Iranian oil at $70 a barrel, not $80 `id -un` <script>alert(1)</script>'


def test_s8_s9_dollars_and_html_in_the_headline_are_escaped_and_the_notebook_passes_lint(kit):
    files = scaffold.new_article("new-chips", kit / "article.txt", outlet="<b>Times</b> & Co", headline=HEADLINE,
                                 published="2026-11-01", root=kit)
    title = nbformat.read(files["notebook"], as_version=4).cells[0].source
    assert "<script>" not in title and "&lt;script&gt;" in title and "&lt;b&gt;Times&lt;/b&gt; &amp; Co" in title
    assert "\\$70" in title and "\\$80" in title
    assert lint.lint(files["notebook"]) == []
    meta = tomllib.loads(files["metadata"].read_text())
    assert meta["headline"] == HEADLINE and meta["outlet"] == "<b>Times</b> & Co"


def test_s10_make_passes_the_headline_without_expanding_it(kit):
    """make new-article with $, quotes and backticks: stored exactly as typed, no command runs."""
    shutil.copy(ROOT / "Makefile", kit / "Makefile")
    (kit / "pyproject.toml").touch()
    (kit / "setup.py").touch()  # the stamp depends on both (Makefile)
    os.utime(kit / "article.txt")  # the stamp is newer than pyproject.toml: make installs nothing
    env = dict(os.environ, PYTHONPATH=str(kit))
    kit_python = [f"PY={sys.executable}", f"STAMP={kit / 'article.txt'}"]  # this venv; nothing to install
    run = subprocess.run(["make", "-s", *kit_python, "new-article", "NAME=new-chips", f"TEXT={kit / 'article.txt'}",
                          "OUTLET=Reuters's $desk", f"HEADLINE={HEADLINE}", "DATE=2026-11-01"],
                         cwd=kit, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    meta = tomllib.loads((kit / "seeds" / "new-chips.toml").read_text())
    assert meta["headline"] == HEADLINE
    assert meta["outlet"] == "Reuters's $desk"
    bad = subprocess.run(["make", "-s", *kit_python, "new-article", "NAME=other", f"TEXT={kit / 'article.txt'}", "OUTLET=o",
                          "HEADLINE=h", "DATE=2025-02-30"], cwd=kit, env=env, capture_output=True, text=True)
    assert bad.returncode != 0 and "'2025-02-30' is not a day of the calendar" in bad.stderr
