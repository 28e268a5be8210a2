"""Test-wide set-up: no network (here and in every kernel the tests start), no display."""

import os
import sys
from pathlib import Path

import pytest

from helpers import netguard

ROOT = Path(__file__).parent

# This process, and every child (xdist workers, nbval's kernels) through sitecustomize.
os.environ.update(netguard.child_env(os.environ))
os.environ.setdefault("MPLBACKEND", "Agg")
netguard.install()
# jupyterhub_config.py is read by JupyterHub, not imported; node_modules holds the proxy from npm.
collect_ignore = ["build", ".venv", "classroom/jupyterhub_config.py", "classroom/node_modules"]


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by playwright (never a downloaded browser).

    Without Chromium a laptop run skips the browser tests and says why; in CI they are mandatory.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    import browsing

    missing = browsing.missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests are mandatory in CI: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(browsing.CHROMIUM), args=browsing.CHROMIUM_ARGS)
        yield b
        b.close()
