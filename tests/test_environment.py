"""environment.yml (conda, Binder) and pyproject.toml name the same packages and lower bounds."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _split(requirement: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def pyproject_packages() -> dict[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = meta["optional-dependencies"]
    reqs = meta["dependencies"] + extras["test"] + extras["browser"]
    return dict(_split(r) for r in reqs)


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def conda_packages() -> dict[str, str]:
    out = {}
    for dep in environment()["dependencies"]:
        if isinstance(dep, str):
            name, spec = _split(dep)
            if name not in ("python", "pip"):
                out[name] = spec
    return out


def test_environment_yml_uses_conda_forge_and_python_311():
    env = environment()
    assert env["channels"] == ["conda-forge"]
    assert "python=3.11" in env["dependencies"]


def test_same_packages_and_bounds_in_both_files():
    assert conda_packages() == pyproject_packages()


def test_the_kit_itself_is_installed_by_pip_in_editable_mode():
    pip = [d for d in environment()["dependencies"] if isinstance(d, dict)]
    assert pip == [{"pip": ["-e ."]}]
