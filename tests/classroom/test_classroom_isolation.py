"""Students kept apart (K8, K9), their work kept (K13, K17) and solutions kept from them (W1, K10).

As root (CI) the kit's real system users are made, probed and removed; without root the hub must refuse
to start unless told --shared-user. `make classroom-test` repeats the probes from a student's kernel on a
real hub."""

import json
import os
import pwd
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from classroom import config, homes, hub, isolation, users
from classroom.config import Settings

ROOT = Path(__file__).resolve().parents[2]


# -- homes outside build/, and one hub at a time ---------------------------------------------------


def test_homes_live_outside_build_and_are_git_ignored(monkeypatch):
    monkeypatch.delenv(homes.HOMES_ENV, raising=False)
    default = homes.default_homes()
    assert default == ROOT / "classroom-homes"
    assert not default.is_relative_to(ROOT / "build")
    assert "/classroom-homes/" in (ROOT / ".gitignore").read_text().split()
    monkeypatch.setenv(homes.HOMES_ENV, "/srv/class-b")
    assert homes.default_homes() == Path("/srv/class-b")


def test_make_clean_never_touches_the_homes():
    """K17: `make clean` was `rm -rf build`, and the homes were in build/."""
    out = subprocess.run(["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "rm -rf build"
    assert "classroom-homes" not in out and "CLASSROOM_HOMES" not in out


HOLD_LOCK = """
import sys, time
from pathlib import Path
from classroom.homes import HomesLock
HomesLock(Path(sys.argv[1])).acquire("http://127.0.0.1:8123/")
print("held", flush=True)
time.sleep(60)
"""


def test_a_second_hub_on_the_same_homes_is_refused_naming_the_first(tmp_path):
    """K13: a second `make classroom` took over the running class."""
    first = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert first.stdout.readline().strip() == "held"
        with pytest.raises(homes.HomesInUse, match=rf"http://127.0.0.1:8123/ \(pid {first.pid}\)"):
            homes.HomesLock(tmp_path).acquire("http://127.0.0.1:9000/")
        s = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), shared_user=True)
        with pytest.raises(hub.HubError, match="already running"):
            hub.Hub(s).start()
    finally:
        first.kill()
        first.wait()
    lock = homes.HomesLock(tmp_path)  # the first hub is gone: its lock went with it
    lock.acquire("http://127.0.0.1:9000/")
    assert lock.holder() == {"url": "http://127.0.0.1:9000/", "pid": os.getpid()}
    lock.release()


def test_the_hubs_state_is_closed_and_homes_cannot_be_listed(tmp_path):
    state = homes.make_homes(tmp_path / "homes")
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "homes").stat().st_mode) == 0o711


# -- without root: only with --shared-user, saying what is missing ---------------------------------


def test_without_root_the_hub_refuses_to_start_unless_told_shared_user(monkeypatch, capsys):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert hub.main(["--homes", "/nonexistent/homes"]) == 2
    err = capsys.readouterr().err
    assert "--shared-user" in err and "read, change and delete every other student's work" in err
    s = Settings.create(Path("/tmp/none"), runtime_root=Path("/tmp/crt-x"))
    with pytest.raises(hub.HubError, match="needs the hub to run as root"):
        hub.Hub(s).check_isolation()


# -- the students' copy of the kit: no solutions -----------------------------------------------------


def test_students_kernels_import_a_kit_whose_notebooks_hold_no_solutions(tmp_path):
    kit = isolation.student_kit(ROOT, tmp_path / ".kit")
    assert (kit / "helpers" / "checks.py").read_text() == (ROOT / "helpers" / "checks.py").read_text()
    assert not list(kit.rglob("*.notes.md")) and not list(kit.rglob("__pycache__"))
    names = sorted(p.name for p in (kit / "notebooks").iterdir())
    assert names == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    for path in (kit / "notebooks").iterdir():
        tags = [t for c in nbformat.read(path, as_version=4).cells for t in c.metadata.get("tags", [])]
        assert "solution" not in tags, path.name
    assert all(not p.stat().st_mode & 0o022 for p in kit.rglob("*"))  # nobody but its owner may change it
    code = "import helpers.paths as p; print(p.NOTEBOOKS_DIR)"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(kit)},
                         capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert out.strip() == str(kit / "notebooks")


def test_passage_through_closed_folders_is_given_and_taken_back(tmp_path):
    closed = tmp_path / "closed"
    (closed / "py").mkdir(parents=True)
    closed.chmod(0o700)
    old = isolation.open_passage([closed / "py"])
    try:
        assert old[closed] == 0o700 and stat.S_IMODE(closed.stat().st_mode) == 0o701
        assert (closed / "py") not in old  # already open
    finally:
        isolation.reopen(old)
    assert stat.S_IMODE(closed.stat().st_mode) == 0o700


# -- as root: a system user per student --------------------------------------------------------------

PROBE = """
ls {other} >/dev/null 2>&1 && echo "read another home: allowed" || echo "read another home: refused"
touch {other}/NOTE 2>/dev/null && echo "write another home: allowed" || echo "write another home: refused"
cat {state}/settings.json >/dev/null 2>&1 && echo "read settings: allowed" || echo "read settings: refused"
touch {kit}/helpers/checks.py 2>/dev/null && echo "write the kit: allowed" || echo "write the kit: refused"
touch {own}/mine && echo "write own home: allowed" || echo "write own home: refused"
"""


def test_each_student_is_a_system_user_of_their_own_who_cannot_reach_the_others(tmp_path):
    if os.geteuid() != 0:  # not skipped: without root the hub refuses (the test above); this is CI's half
        assert not isolation.world_problems([Path(isolation.__file__)])
        return
    class_homes = tmp_path / "homes"
    state = homes.make_homes(class_homes)
    (state / "settings.json").write_text("{}")
    (state / "settings.json").chmod(0o600)
    names = ["probe-a", "probe-b"]
    passage = isolation.open_passage([class_homes])  # pytest's own folders are closed to other users
    try:
        entries = {}
        for name in names:
            home = class_homes / name
            config.prepare_home(home, [])
            entries[name] = users.ensure_system_user(name, home)
            users.own_home(home, entries[name])
        a = entries["probe-a"]
        assert a.pw_name == "ck-probe-a" and a.pw_dir == str(class_homes / "probe-a")
        assert stat.S_IMODE(Path(a.pw_dir).stat().st_mode) == 0o700 and Path(a.pw_dir).stat().st_uid == a.pw_uid
        assert users.ensure_system_user("probe-a", class_homes / "probe-a").pw_uid == a.pw_uid  # made once
        script = PROBE.format(other=class_homes / "probe-b", state=state, kit=ROOT, own=class_homes / "probe-a")
        out = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True, cwd="/",
                             preexec_fn=hub_setuid("probe-a")).stdout
        assert out.split("\n")[:5] == [
            "read another home: refused", "write another home: refused", "read settings: refused",
            "write the kit: refused", "write own home: allowed"], out
        with pytest.raises(PermissionError, match="not made by the kit"):
            users.ensure_system_user("probe-x", tmp_path) if _make_foreign("ck-probe-x") else None
    finally:
        isolation.reopen(passage)
        for name in [*names, "probe-x"]:
            users.remove_system_user(name) if name != "probe-x" else _remove_foreign("ck-probe-x")
    for name in names:
        with pytest.raises(KeyError):
            pwd.getpwnam(users.system_name(name))


def hub_setuid(name):
    from jupyterhub.spawner import set_user_setuid

    return set_user_setuid(users.system_name(name), chdir=False)


def _make_foreign(user):
    subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user], check=True)
    return True


def _remove_foreign(user):
    subprocess.run(["userdel", user], capture_output=True)


def test_settings_json_keeps_no_student_password(tmp_path):
    s = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), admin_user="instructor")
    saved = json.loads(s.save(tmp_path / "s.json").read_text())
    assert "user_password" not in saved and saved["shared_user"] is False and saved["terminals"] is False
