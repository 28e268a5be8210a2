"""Imported by Python at start-up when this folder is on PYTHONPATH: installs the kit's network guard.

It runs ``helpers/netguard.py`` from its file rather than importing the ``helpers`` package, so starting
a process never decides which copy of the package that process later imports.
"""

import importlib.util
import os
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "chokepoints_netguard", Path(__file__).resolve().parent.parent / "netguard.py"
)
_guard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_guard)
if os.environ.get(_guard.ENV) == "1":
    _guard.install()
