"""Zero to JupyterHub (issue 21 item 8): deploy/z2jh/config.yaml is valid Helm values for the chart, as
helm checks them (merged over the chart's defaults, validated against its values schema, offline), and
gives what the one-machine class gives; the image installs the kit as a package, not editable."""

import copy
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from classroom.users import name_problem

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "z2jh"
FIXTURES = Path(__file__).parent / "fixtures" / "z2jh"


def merged(over: dict, base: dict) -> dict:
    """``over`` merged into a copy of ``base`` as helm merges values: nested keys merged, ``over`` wins."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        out[key] = merged(value, out[key]) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load((DEPLOY / "config.yaml").read_text())


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = yaml.safe_load((FIXTURES / "values.schema.yaml").read_text())
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="module")
def defaults() -> dict:
    return yaml.safe_load((FIXTURES / "values.yaml").read_text())


def test_the_schema_ships_with_its_licence():
    assert "BSD 3-Clause" in (FIXTURES / "LICENSE").read_text()


def test_config_is_valid_chart_values(config, validator, defaults):
    errors = [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(merged(config, defaults))]
    assert errors == []


def test_a_misspelt_key_is_refused(config, validator, defaults):
    wrong = merged({"singleuser": {"memroy": {"limit": "1G"}}}, merged(config, defaults))
    assert any("memroy" in e.message for e in validator.iter_errors(wrong))


def test_students_log_in_with_their_own_password_and_the_kits_names(config):
    hub = config["hub"]["config"]
    assert hub["JupyterHub"]["authenticator_class"] == "firstuseauthenticator"
    assert hub["FirstUseAuthenticator"]["create_users"] is True
    pattern = re.compile(hub["Authenticator"]["username_pattern"])
    # (JupyterHub lower-cases a name before it checks the pattern, as the kit's own hub does.)
    for name in ("maria-g", "a", "x" * 24, "1abc", "x" * 25, "a_b", "maria@uni.edu", "-a", ""):
        assert bool(pattern.fullmatch(name)) == (name_problem(name) == ""), name


def test_lab_opens_without_terminals_and_idle_servers_are_culled(config):
    user = config["singleuser"]
    assert user["defaultUrl"] == "/lab"
    assert user["cmd"][0] == "jupyterhub-singleuser"
    assert "--ServerApp.terminals_enabled=False" in user["cmd"]
    assert config["cull"]["enabled"] is True and config["cull"]["timeout"] > 0


def test_nbgitpuller_pulls_the_student_repository_into_each_home(config):
    command = " ".join(config["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"])
    clone = config["singleuser"]["extraEnv"]["CHOKEPOINTS_ROOT"]
    assert re.search(rf"gitpuller \S+chokepoints-students main {re.escape(clone)}\b", command), command
    assert clone.startswith(config["singleuser"].get("storage", {}).get("homeMountPath", "/home/jovyan"))


def _bytes(size: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([KMG]?)", str(size)).groups()
    return float(number) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}[unit]


def test_memory_is_sized_from_the_measured_class(config):
    """The guarantee covers the most a student took in the load test (benchmarks/classroom.md)."""
    rows = re.findall(r"^\| (\d+) \|[^|]+\|[^|]+\| ([\d.]+) GB \|", (ROOT / "benchmarks" / "classroom.md").read_text(),
                      flags=re.M)
    assert rows, "benchmarks/classroom.md has no load-test rows"
    per_student = max(float(gb) * 1e9 / int(n) for n, gb in rows)
    memory, cpu = config["singleuser"]["memory"], config["singleuser"]["cpu"]
    assert per_student <= _bytes(memory["guarantee"]) < _bytes(memory["limit"])
    assert 0 < cpu["guarantee"] < cpu["limit"]


def test_the_image_installs_the_kit_as_a_package_from_a_pinned_base():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)$", dockerfile, flags=re.M).group(1)
    assert re.fullmatch(r"quay\.io/jupyter/[a-z-]+-notebook:\d{4}-\d{2}-\d{2}", base), base
    installs = [line for line in dockerfile.splitlines() if "pip install" in line]
    assert installs and all(" -e " not in line and "--editable" not in line for line in installs)
    assert any("/tmp/chokepoints" in line and "nbgitpuller" in line for line in installs)
    assert "build/student-repo" in dockerfile  # built from the student edition, never the kit's checkout


def test_the_readme_gives_it_commands_and_sizing(config):
    readme = (ROOT / "README.md").read_text()
    for command in ("helm repo add jupyterhub https://hub.jupyter.org/helm-chart/", "helm repo update",
                    "helm upgrade --cleanup-on-fail --install chokepoints jupyterhub/jupyterhub --namespace "
                    "chokepoints --create-namespace --values deploy/z2jh/config.yaml"):
        assert command in readme, command
    assert config["singleuser"]["image"]["name"] in readme  # the placeholder IT replaces
    user = config["singleuser"]
    rows = re.findall(r"^\| (\d+) GB \| (\d+) \| ([\d.]+) \|$", readme, flags=re.M)
    assert rows, "README has no sizing table"
    for memory, students, cpus in rows:  # the table follows the guarantees in config.yaml
        assert int(students) == int(float(memory) * 1e9 // _bytes(user["memory"]["guarantee"]))
        assert float(cpus) == pytest.approx(int(students) * user["cpu"]["guarantee"])
