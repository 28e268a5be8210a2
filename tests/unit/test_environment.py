"""environment.yml (conda, Binder) and pyproject.toml name the same packages and lower bounds."""

import re
import tomllib

import yaml

from helpers.paths import ROOT


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


IMPORT_NAMES = {"pyyaml": "yaml", "pytest-xdist": "xdist", "ipykernel": "ipykernel"}


def test_every_package_environment_yml_names_is_importable_here():
    import importlib

    for name in conda_packages():
        importlib.import_module(IMPORT_NAMES.get(name, name.replace("-", "_")))


def test_check_environment_reports_all_ok(capsys):
    import helpers

    report = helpers.check_environment()
    assert all(s.ok for s in report.values())
    assert "Everything the kit needs is installed." in capsys.readouterr().out


def test_check_environment_names_a_missing_package_and_the_fix(monkeypatch, capsys):
    from importlib import metadata

    from helpers import environment

    real = metadata.version

    def fake(name):
        if name == "pycountry":
            raise metadata.PackageNotFoundError(name)
        return "1.0" if name == "pandas" else real(name)

    monkeypatch.setattr(environment.metadata, "version", fake)
    report = environment.check()
    out = capsys.readouterr().out
    assert not report["pycountry"].ok and report["pycountry"].problem == "missing"
    assert report["pandas"].problem == "too old (need >=2.2)"
    assert "Not ready: pandas is too old (need >=2.2), pycountry is missing" in out
    assert "Fix it with: make setup" in out


def test_check_environment_when_the_kit_itself_is_not_installed(monkeypatch):
    from importlib import metadata

    import pytest

    from helpers import environment

    def fake(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(environment.metadata, "requires", fake)
    with pytest.raises(RuntimeError, match=r"the kit itself \(chokepoints\) is not installed.*make setup"):
        environment.check()


def test_no_notebook_reads_files_outside_the_repo():
    import re

    import nbformat

    from helpers import lessons

    for path in lessons.paths():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert not re.search(r"open\(|read_csv\(|Path\(|\.\./", cell.source), (path.name, cell.source[:80])
