"""Where the kit's files live: the data, the seeds, the notebooks and the build folder, found once.

Two ways to run the kit, one answer for each folder:

- **from a checkout** (``make setup``, ``pip install -e .``): the package sits in the repository, so
  ``ROOT`` is the checkout and the seeds are its ``seeds/`` folder (DESIGN §2: never edited);
- **installed** (``pip install .``, a wheel, a hub image): the package sits in ``site-packages`` with
  the tables in ``helpers/data/`` and a copy of the seeds in ``helpers/seeds/`` (the build step in
  ``setup.py`` puts it there). Notebooks and the build folder are then looked for in the current folder,
  or in ``$CHOKEPOINTS_ROOT`` if it is set.

>>> DATA_DIR.name, SEEDS_DIR.name
('data', 'seeds')
>>> (DATA_DIR / "catalogue.toml").is_file() and any(SEEDS_DIR.glob("*.toml"))
True
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
#: JupyterLab's settings folder for the kit (``overrides.json``): ``make lab``, the class server, Binder.
LAB_SETTINGS_DIR = PACKAGE_DIR / "jupyterlab"
ROOT_ENV = "CHOKEPOINTS_ROOT"


def checkout(package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The repository checkout the package runs from, or None for an installed package.

    A checkout is the folder above the package that holds ``seeds/`` and ``notebooks/`` (a copy of
    those three folders, as the scaffold's tests make, counts too).

    >>> checkout(Path("/nowhere/site-packages/helpers")) is None
    True
    >>> (checkout() / "notebooks").is_dir()  # the tests run from a checkout
    True
    """
    parent = package_dir.parent
    if (parent / "seeds").is_dir() and (parent / "notebooks").is_dir():
        return parent
    return None


def seeds_dir(package_dir: Path = PACKAGE_DIR) -> Path:
    """The seed folder: the copy shipped inside an installed package first, else the checkout's ``seeds/``.

    An installed package built without its seeds gets the shipped path, which does not exist:
    ``helpers.article`` then says so, and the tables still load.

    >>> seeds_dir() == (checkout() or PACKAGE_DIR) / "seeds"
    True
    >>> seeds_dir(Path("/nowhere/site-packages/helpers"))
    PosixPath('/nowhere/site-packages/helpers/seeds')
    """
    shipped = package_dir / "seeds"
    root = checkout(package_dir)
    return root / "seeds" if root is not None and not shipped.is_dir() else shipped


def shown(path: Path) -> str:
    """A path as error messages show it: relative to the checkout (or to site-packages) when inside it.

    >>> shown(DATA_DIR / "sources.csv")
    'helpers/data/sources.csv'
    >>> shown(Path("/tmp/x.csv"))
    '/tmp/x.csv'
    """
    for base in (ROOT, PACKAGE_DIR.parent):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


ROOT = checkout() or Path(os.environ.get(ROOT_ENV) or Path.cwd()).resolve()
SEEDS_DIR = seeds_dir()
NOTEBOOKS_DIR = ROOT / "notebooks"
BUILD_DIR = ROOT / "build"
