"""Chokepoints: helper modules for the teaching kit.

Modules: ``data`` (the one loader), ``plots`` (figure style and source lines),
``checks`` (exercise self-checks), ``article`` (the seed article by paragraph).
Importing the package has no side effects.
"""

__version__ = "0.1.0"


def check_environment(verbose: bool = True) -> dict:
    """Print the versions the kit needs and what is missing or too old, with the fix.

    >>> helpers_ok = check_environment(verbose=False)
    >>> all(status.ok for status in helpers_ok.values())
    True
    """
    from helpers.environment import check

    return check(verbose=verbose)
