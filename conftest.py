"""Test-wide set-up: no network (here and in every kernel the tests start), no display."""

import os
import sys
from pathlib import Path

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
collect_ignore = ["build", ".venv"]
