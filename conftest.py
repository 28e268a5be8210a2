"""Test-wide set-up: no network (here and in every kernel the tests start), no display."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent
GUARD_DIR = ROOT / "tests" / "netguard"

# Child processes (xdist workers, nbval's kernels) import the guard through sitecustomize.
os.environ["CHOKEPOINTS_NETGUARD"] = "1"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(GUARD_DIR)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
)
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(GUARD_DIR))
import netguard  # noqa: E402  (this process: install the guard now)

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
