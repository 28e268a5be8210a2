"""Chokepoints: helper modules for the teaching kit.

Modules: ``data`` (the one loader), ``plots`` (figure style and source lines),
``checks`` (exercise self-checks), ``article`` (the seed article by paragraph).
Importing the package has no side effects.
"""

__version__ = "0.1.0"
