"""K1b: a bad CLASSROOM_* value stops make classroom (and make collect) with one clear line, not a traceback;
failed logins are kept in the hub's state folder, so a restart does not reset a lock-out."""

import subprocess
import sys
from pathlib import Path

import pytest

from classroom import variables
from classroom.logins import ClassAuthenticator

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "value", "says"), [
    ("CLASSROOM_PORT", "abc", "use a whole number from 1 to 65535"),
    ("CLASSROOM_PORT", "0", "use a whole number from 1 to 65535"),
    ("CLASSROOM_IP", "my-laptop", "use 127.0.0.1 (this machine only) or 0.0.0.0"),
    ("CLASSROOM_HOMES", "", "is set but empty"),
    ("CLASSROOM_HOMES", str(ROOT / "build" / "class"), "inside build/, which make clean deletes"),
])
@pytest.mark.parametrize("module", ["classroom.hub", "classroom.collect"])
def test_a_bad_value_is_one_line_naming_value_rule_and_fix(module, name, value, says):
    env = {"PATH": "/usr/bin:/bin", name: value}
    done = subprocess.run([sys.executable, "-m", module], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and (f"{name}=" in lines[0] or f"{name} is set" in lines[0]), done.stderr
    assert says in lines[0] and ("unset it" in lines[0]), lines[0]


def test_good_values_and_defaults(tmp_path):
    got = variables.read({"CLASSROOM_IP": "0.0.0.0", "CLASSROOM_PORT": "8080", "CLASSROOM_HOMES": str(tmp_path)})
    assert got == {"ip": "0.0.0.0", "port": 8080, "homes": tmp_path.resolve()}
    assert variables.read({}) == {"ip": "127.0.0.1", "port": 8000, "homes": (ROOT / "classroom-homes").resolve()}
    (tmp_path / "file").write_text("x")
    with pytest.raises(variables.SettingError, match="is a file, not a folder"):
        variables.homes(str(tmp_path / "file"))


def test_lockouts_survive_a_restart_of_the_hub(tmp_path):
    kept = tmp_path / "lockouts.json"
    first = ClassAuthenticator(lockout_file=str(kept), free_failures=1, lockout_seconds=60)
    for _ in range(2):
        first.throttles["name"].failed("ana")
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["lockouts-name.json"]  # the address throttle writes its own file on its first failure
    assert (tmp_path / "lockouts-name.json").stat().st_mode & 0o777 == 0o600
    again = ClassAuthenticator(lockout_file=str(kept), free_failures=1, lockout_seconds=60)
    assert 50 < again.throttles["name"].wait("ana") <= 60
    assert again.throttles["name"].wait("ben") == 0
