"""Imported by Python at start-up when this folder is on PYTHONPATH: installs the network guard."""

import netguard  # noqa: F401
