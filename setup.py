"""The build step that ships the seed article inside the package (everything else is in pyproject.toml).

``seeds/`` stays at the repository root (DESIGN §2: the article as given, never edited), but an installed
kit (``pip install .``, a wheel, a hub image) has no repository around it: the build copies ``seeds/``
into the built package as ``helpers/seeds/``, where ``helpers.paths`` looks first. An editable install
(``make setup``) reads the checkout's ``seeds/`` directly, so nothing is copied.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SEEDS = Path(__file__).resolve().parent / "seeds"


class BuildWithSeeds(build_py):
    """build_py, then copy seeds/ into the built package as helpers/seeds/."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not any(SEEDS.glob("*.toml")):
            raise SystemExit(f"{SEEDS} has no seed metadata (*.toml): build from a complete checkout")
        shutil.copytree(SEEDS, Path(self.build_lib) / "helpers" / "seeds", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithSeeds})
