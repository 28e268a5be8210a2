"""`pip install .` (not -e) gives a kit that works with no repository around it: tables and seed ship inside."""

import os
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

from helpers import netguard, paths

# Only these names, at the top of the checkout, are not part of the source (generated or local).
NOT_SOURCE_AT_TOP = {".venv", "build", ".git", "classroom-homes"}
NOT_SOURCE_ANYWHERE = {"__pycache__", "node_modules", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints"}

PROBE = """
import helpers
from helpers import article, citation, data, paths
print(helpers.__file__)
print(paths.SEEDS_DIR)
print(len(data.load("article_copies")), citation.cite("article_copies")[:7])
print(article.paragraph(1)[:17])
print(data.allowed("article_claims", "verdict_stage"))
"""


def _ignore(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == paths.ROOT
    return {n for n in names if n in NOT_SOURCE_ANYWHERE or n.endswith(".egg-info")
            or (top and n in NOT_SOURCE_AT_TOP)}


@pytest.mark.slow
def test_pip_install_without_e_works_from_another_folder(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(paths.ROOT, source, ignore=_ignore)
    # A fresh environment that borrows this one's packages (pandas, setuptools, pip: nothing to download).
    # venv's --system-site-packages would borrow the base Python's, which is not where they are.
    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "borrowed-from-the-test-env.pth").write_text("\n".join(sorted(borrowed)) + "\n")

    env = netguard.child_env({k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-index", "--no-deps", "--no-build-isolation", str(source)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run([python, "-c", PROBE], cwd=elsewhere, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    package, seeds, table, first, stages = run.stdout.splitlines()
    installed = Path(site) / "helpers"
    assert Path(package) == installed / "__init__.py"  # not the checkout, not the copy
    assert Path(seeds) == installed / "seeds"  # shipped by setup.py's build step
    assert (installed / "netguard_site" / "sitecustomize.py").is_file()  # the class server's guard
    assert (installed / "seeds" / "burns-interview-2025-01-10.txt").read_bytes() == (
        paths.SEEDS_DIR / "burns-interview-2025-01-10.txt").read_bytes()
    assert table == "5 Sources"
    assert first == "R. Nicholas Burns"
    assert stages == "('first', 'final')"
