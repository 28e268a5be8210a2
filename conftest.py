"""Test-wide set-up: no network (here and in every kernel the tests start), no display, one run folder."""

import os
import shutil
import tempfile

from helpers import netguard

# This process, and every child (xdist workers, kernels) through sitecustomize.
os.environ.update(netguard.child_env(os.environ))
os.environ.setdefault("MPLBACKEND", "Agg")
netguard.install()

# One folder per test run, shared by the xdist workers (they inherit the environment set here first):
# each notebook is executed once into it and every test that needs its outputs reads them from it.
RUN_ENV = "CHOKEPOINTS_TEST_RUN"
os.environ.setdefault(RUN_ENV, tempfile.mkdtemp(prefix="chokepoints-test-run-"))

# jupyterhub_config.py is read by JupyterHub, not imported; node_modules holds the proxy from npm.
collect_ignore = ["build", ".venv", "classroom/jupyterhub_config.py", "classroom/node_modules"]


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):  # the controller, after every worker has finished
        shutil.rmtree(os.environ[RUN_ENV], ignore_errors=True)
