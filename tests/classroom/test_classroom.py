"""The class server's parts that need no running hub: ports, settings, the JupyterHub configuration
(checked against JupyterHub's own classes), students' homes, finding and stopping a run's processes,
the explorer the simulated students click, the benchmark table. The hub itself under a login wave is
`make classroom-test`."""

import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_notebook, writes
from traitlets.config import Config

from classroom import config, hub, loadtest, procs, students
from classroom.config import LOOPBACK, MARKER_ENV, SERVICE_SCOPES, Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path):
    return Settings.create(
        tmp_path / "homes", runtime_root=Path("/tmp/crt-test"), service_token=True, netguard=True
    )


@pytest.fixture
def shared(tmp_path):
    """A class on one shared system user (make classroom --shared-user)."""
    return Settings.create(tmp_path / "homes", runtime_root=Path("/tmp/crt-test"), shared_user=True)


def applied(s: Settings) -> Config:
    c = Config()
    config.apply(c, s)
    return c


# -- ports -----------------------------------------------------------------------------------------


def test_free_ports_are_distinct_and_bindable_on_loopback():
    ports = config.free_ports(5)
    assert len(set(ports)) == 5
    for port in ports:
        with socket.socket() as s:
            s.bind((LOOPBACK, port))


def test_a_bound_port_is_not_free():
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        s.listen(1)
        assert not config.port_is_free(s.getsockname()[1])
    assert config.port_is_free(config.free_ports(1)[0])


def test_free_ports_wants_at_least_one():
    with pytest.raises(ValueError, match="at least one"):
        config.free_ports(0)


def test_new_settings_pick_three_distinct_free_loopback_ports(settings):
    ports = {settings.port, settings.hub_port, settings.proxy_api_port}
    assert len(ports) == 3
    assert settings.ip == LOOPBACK
    assert settings.public_url == f"http://127.0.0.1:{settings.port}"


# -- settings --------------------------------------------------------------------------------------


def test_each_run_has_its_own_id_and_secrets(tmp_path):
    a = Settings.create(tmp_path / "a", runtime_root=Path("/tmp/crt-a"), service_token=True)
    b = Settings.create(tmp_path / "b", runtime_root=Path("/tmp/crt-b"), service_token=True)
    assert a.run_id != b.run_id
    assert a.service_token != b.service_token and len(a.service_token) == 64


def test_settings_round_trip_through_a_file_only_the_owner_can_read(settings, tmp_path):
    path = settings.save(tmp_path / "s" / "settings.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Settings.load(path) == settings


def test_runtime_folders_too_long_for_kernel_sockets_are_refused(tmp_path):
    with pytest.raises(ValueError, match="too long for kernel sockets"):
        Settings.create(tmp_path, runtime_root=tmp_path / ("x" * 80))


def test_the_runtime_folder_made_for_a_run_leaves_room_for_kernel_sockets():
    root = hub.runtime_root()
    try:
        config.check_socket_room(root)
        longest = Path(root, "s" * 32, "kernel-" + "0" * 36 + "-ipc-99")
        assert len(str(longest)) <= config.SOCKET_PATH_MAX
    finally:
        root.rmdir()


def test_when_listening_on_all_addresses_the_test_still_talks_to_loopback(tmp_path):
    s = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), ip="0.0.0.0")
    assert s.public_url.startswith("http://0.0.0.0:")
    assert s.local_url.startswith("http://127.0.0.1:")


# -- the JupyterHub configuration ------------------------------------------------------------------


def test_everything_binds_to_loopback(settings):
    c = applied(settings)
    assert c.JupyterHub.bind_url == settings.public_url
    for url in (c.JupyterHub.bind_url, c.JupyterHub.hub_bind_url, c.ConfigurableHTTPProxy.api_url):
        assert url.startswith("http://127.0.0.1:"), url
    assert c.Spawner.ip == LOOPBACK


def test_the_proxy_is_the_one_npm_installed_here(settings):
    c = applied(settings)
    assert c.ConfigurableHTTPProxy.command == [str(ROOT / "classroom/node_modules/.bin/configurable-http-proxy")]


def test_every_file_the_hub_writes_is_in_its_state_folder_inside_the_homes(settings):
    c = applied(settings)
    state = settings.state_dir
    assert state == str(settings.homes / ".hub")
    for value in (
        c.JupyterHub.db_url.removeprefix("sqlite:///"),
        c.JupyterHub.cookie_secret_file,
        c.JupyterHub.pid_file,
        c.ConfigurableHTTPProxy.pid_file,
        c.ClassAuthenticator.dbm_path,
    ):
        assert value.startswith(state + "/"), value
    assert c.StudentSpawner.home_dir_template == str(settings.homes / "{username}")


def test_students_log_in_with_their_own_password_and_get_lab_as_their_own_system_user(settings):
    c = applied(settings)
    assert c.JupyterHub.authenticator_class == "classroom.logins.ClassAuthenticator"
    assert c.ClassAuthenticator.min_password_length == 8
    assert c.JupyterHub.spawner_class == "classroom.isolation.StudentSpawner"
    assert c.Spawner.default_url == "/lab"
    assert c.Spawner.cmd == [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
    assert "--allow-root" not in c.Spawner.args  # servers run as the students, never as root


def test_a_shared_user_class_uses_the_simple_spawner(shared):
    c = applied(shared)
    assert c.JupyterHub.spawner_class == "simple"
    assert c.SimpleLocalProcessSpawner.home_dir_template == str(shared.homes / "{username}")
    assert ("--allow-root" in c.Spawner.args) == (os.geteuid() == 0)


def test_the_pitfalls_of_a_login_wave_are_designed_for(settings):
    c = applied(settings)
    args = c.Spawner.args
    assert "--KernelManager.transport=ipc" in args
    assert "--LabApp.extension_manager=readonly" in args
    assert c.Spawner.start_timeout >= 300 and c.Spawner.http_timeout >= 300
    assert c.JupyterHub.cleanup_servers is True


def test_kernel_sockets_go_to_a_short_runtime_folder_per_student(settings):
    env = applied(settings).Spawner.environment

    class User:
        name = "student-40"

    class Spawner:
        user = User()

    assert env["JUPYTER_RUNTIME_DIR"](Spawner()) == "/tmp/crt-test/student-40"


def test_every_student_process_carries_the_run_marker_and_the_network_guard(settings, tmp_path):
    env = applied(settings).Spawner.environment
    assert env[MARKER_ENV] == settings.run_id
    assert env["CHOKEPOINTS_NETGUARD"] == "1"
    from helpers import netguard

    # the student copy of the kit comes first, then the guard
    assert env["PYTHONPATH"] == f"/tmp/crt-test/.kit:{netguard.SITE_DIR}"
    open_class = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), shared_user=True)
    assert "CHOKEPOINTS_NETGUARD" not in applied(open_class).Spawner.environment
    assert "PYTHONPATH" not in applied(open_class).Spawner.environment


def test_every_students_checks_are_recorded_in_their_own_home(settings):
    env = applied(settings).Spawner.environment

    class User:
        name = "student-07"

    class Spawner:
        user = User()

    assert env["CHOKEPOINTS_ATTEMPTS"](Spawner()) == str(settings.homes / "student-07" / config.ATTEMPTS_FILE)


def test_terminals_are_off_unless_the_instructor_turns_them_on(tmp_path):
    off = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"))
    on = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), terminals=True)
    assert "--ServerApp.terminals_enabled=False" in applied(off).Spawner.args
    assert "--ServerApp.terminals_enabled=False" not in applied(on).Spawner.args


def test_the_service_token_has_exactly_the_scopes_the_load_test_needs(settings):
    c = applied(settings)
    assert c.JupyterHub.services == [{"name": config.SERVICE_NAME, "api_token": settings.service_token}]
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == [config.SERVICE_NAME]
    assert sorted(role["scopes"]) == sorted(SERVICE_SCOPES) == sorted(
        ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]
    )


def test_a_workshop_has_no_service_token_and_an_admin_only_when_asked(tmp_path):
    s = Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x"), admin_user="instructor")
    c = applied(s)
    assert "services" not in c.JupyterHub and "load_roles" not in c.JupyterHub
    assert c.Authenticator.admin_users == {"instructor"}
    assert len(c.ClassAuthenticator.admin_password) >= 32
    plain = applied(Settings.create(tmp_path, runtime_root=Path("/tmp/crt-x")))
    assert "admin_users" not in plain.Authenticator


def test_the_hub_spawns_with_notebooks_copied_into_the_home(shared, tmp_path):
    settings = shared
    c = applied(settings)

    class User:
        name = "student-01"

    class Spawner:
        user = User()
        home_dir = str(tmp_path / "homes" / "student-01")

    c.Spawner.pre_spawn_hook(Spawner())
    names = sorted(p.name for p in (tmp_path / "homes" / "student-01").iterdir())
    assert names == sorted(Path(p).name for p in settings.notebooks)
    assert "00-start-here.ipynb" in names


def _trait_names(cls) -> set[str]:
    return set(cls.class_traits(config=True))


def test_every_setting_names_a_real_jupyterhub_option(settings):
    """traitlets ignores configuration of a misspelt class: check each name against JupyterHub's."""
    from jupyterhub.app import JupyterHub
    from jupyterhub.proxy import ConfigurableHTTPProxy
    from jupyterhub.spawner import SimpleLocalProcessSpawner

    from classroom.isolation import StudentSpawner
    from classroom.logins import ClassAuthenticator

    classes = {
        "JupyterHub": JupyterHub,
        "ConfigurableHTTPProxy": ConfigurableHTTPProxy,
        "ClassAuthenticator": ClassAuthenticator,
        "Authenticator": ClassAuthenticator,
        "SimpleLocalProcessSpawner": SimpleLocalProcessSpawner,
        "StudentSpawner": StudentSpawner,
        "Spawner": StudentSpawner,
    }
    admin = Settings.create(settings.homes, runtime_root=Path("/tmp/crt-x"), admin_user="teacher",
                            service_token=True, shared_user=True)
    for c in (applied(settings), applied(admin)):
        assert set(c) <= set(classes), set(c) - set(classes)
        for section, values in c.items():
            unknown = set(values) - _trait_names(classes[section])
            assert not unknown, f"{section} has no option {unknown}"
    # and the values pass JupyterHub's own validation
    assert ClassAuthenticator(config=applied(admin)).min_password_length == 8
    assert StudentSpawner(config=applied(settings)).http_timeout >= 300


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_lsp's own traits, at import
def test_every_option_passed_to_the_student_servers_exists():
    from jupyter_client.manager import KernelManager
    from jupyter_lsp.manager import LanguageServerManager
    from jupyter_server.serverapp import ServerApp
    from jupyterlab.labapp import LabApp

    classes = {"KernelManager": KernelManager, "LabApp": LabApp, "LanguageServerManager": LanguageServerManager,
               "ServerApp": ServerApp}
    for arg in config.singleuser_args(running_as_root=True):
        if arg == "--allow-root":
            continue
        m = re.fullmatch(r"--(\w+)\.(\w+)=(.*)", arg)
        assert m, arg
        assert m.group(2) in _trait_names(classes[m.group(1)]), arg
    assert LabApp.news_url.from_string("None") is None  # how "--LabApp.news_url=None" is read


def test_jupyterhub_loads_the_committed_config_file(settings, tmp_path, monkeypatch):
    from jupyterhub.app import JupyterHub

    path = settings.save(tmp_path / "settings.json")
    monkeypatch.setenv(config.SETTINGS_ENV, str(path))
    app = JupyterHub()
    app.load_config_file(str(config.CONFIG_FILE))
    assert app.config.JupyterHub.bind_url == settings.public_url
    assert app.config.Spawner.default_url == "/lab"


# -- homes and notebooks ---------------------------------------------------------------------------


def _nb(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(writes(new_notebook(cells=[new_code_cell("1 + 1")])))
    return path


def test_the_lessons_are_notebooks_00_to_02_in_order(tmp_path):
    for name in ("02-dual-use-goods.ipynb", "00-start-here.ipynb", "03-iranian-oil-flows.ipynb",
                 "01-reading-the-source.ipynb", "scratch.ipynb", "1-bad.ipynb"):
        _nb(tmp_path, name)
    assert [p.name for p in config.lesson_notebooks(tmp_path)] == [
        "00-start-here.ipynb", "01-reading-the-source.ipynb", "02-dual-use-goods.ipynb"]
    assert config.lesson_notebooks(tmp_path / "none") == []


def test_the_kits_notebook_00_is_a_lesson():
    assert config.lesson_notebooks()[0].name == "00-start-here.ipynb"


def test_a_home_gets_the_notebooks_once_and_keeps_a_students_work(tmp_path):
    src = [_nb(tmp_path, "00-start-here.ipynb"), _nb(tmp_path, "01-reading-the-source.ipynb")]
    home = tmp_path / "homes" / "student-01"
    assert config.prepare_home(home, src) == ["00-start-here.ipynb", "01-reading-the-source.ipynb"]
    (home / "00-start-here.ipynb").write_text("my work")
    assert config.prepare_home(home, src) == []
    assert (home / "00-start-here.ipynb").read_text() == "my work"


def test_student_names_sort_in_order():
    names = config.student_names(40)
    assert names == sorted(names) and names[0] == "student-01" and names[-1] == "student-40"
    assert config.student_names(100)[0] == "student-001"


# -- processes of a run: found, measured, checked, stopped -----------------------------------------

ORPHAN = """
import subprocess, sys, time
# a child in a session of its own (as JupyterHub starts servers and servers start kernels),
# left behind when this process exits
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True)
print(child.pid, flush=True)
time.sleep(float(sys.argv[1]))
"""


def _marked_env(run_id: str) -> dict:
    return {**os.environ, MARKER_ENV: run_id}


def _wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_a_runs_processes_are_found_even_when_orphaned_and_are_stopped():
    run_id = "test-" + os.urandom(6).hex()
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN, "0"], env=_marked_env(run_id),
                              stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.wait(timeout=10)  # the parent is gone; its child lives on, reparented
    try:
        assert _wait_for(lambda: procs.marked_pids(run_id) == [child])
        assert procs.alive(child)
        assert procs.memory_bytes(child) > 1_000_000
    finally:
        assert procs.terminate(procs.marked_pids(run_id), grace=5) == []  # SIGTERM was enough
    assert procs.marked_pids(run_id) == []
    assert not procs.alive(child)


def test_terminate_kills_what_ignores_sigterm():
    run_id = "test-" + os.urandom(6).hex()
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print(1, flush=True); time.sleep(60)"
    p = subprocess.Popen([sys.executable, "-c", code], env=_marked_env(run_id), stdout=subprocess.PIPE)
    p.stdout.readline()
    assert procs.terminate([p.pid], grace=0.5) == [p.pid]
    assert p.wait(timeout=5) == -9
    assert procs.marked_pids(run_id) == []


def test_stopping_a_hub_ends_what_it_left_behind_and_reports_it(settings):
    """A 'hub' that exits on SIGTERM but leaves a server running: the stop ends it and says so."""
    h = hub.Hub(settings)
    h.proc = subprocess.Popen([sys.executable, "-c", ORPHAN, "60"], env=h.environment(),
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    child = int(h.proc.stdout.readline())
    assert _wait_for(lambda: len(procs.marked_pids(settings.run_id)) == 2)
    left = h.stop(grace=10, linger=0.5)
    assert len(left) == 1 and left[0].startswith(f"{child} ")
    assert procs.marked_pids(settings.run_id) == []
    assert h.proc.returncode is not None


def test_a_clean_stop_reports_nothing(settings):
    h = hub.Hub(settings)
    h.proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], env=h.environment())
    assert h.stop(grace=10) == []
    assert procs.marked_pids(settings.run_id) == []


def test_a_hub_that_cannot_find_its_proxy_says_how_to_install_it(settings, monkeypatch, tmp_path):
    monkeypatch.setattr(hub, "PROXY_COMMAND", tmp_path / "classroom/node_modules/.bin/configurable-http-proxy")
    with pytest.raises(hub.HubError, match="npm ci"):
        hub.Hub(settings).start()


def test_the_memory_sampler_keeps_the_peak():
    run_id = "test-" + os.urandom(6).hex()
    p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], env=_marked_env(run_id))
    try:
        assert _wait_for(lambda: procs.marked_pids(run_id) == [p.pid])
        with procs.MemorySampler(lambda: procs.marked_pids(run_id), interval=0.05) as sampler:
            time.sleep(0.3)
        assert sampler.peak_processes == 1
        assert 1_000_000 < sampler.peak_bytes < 500_000_000
    finally:
        p.kill()
        p.wait()


def test_sockets_open_to_the_network_are_reported_and_loopback_ones_are_not():
    me = os.getpid()
    with socket.socket() as local, socket.socket() as wide:
        local.bind((LOOPBACK, 0))
        local.listen(1)
        wide.bind(("0.0.0.0", 0))
        wide.listen(1)
        mine = procs.listening_sockets([me])[me]
        assert (LOOPBACK, local.getsockname()[1]) in mine
        assert ("0.0.0.0", wide.getsockname()[1]) in mine
        report = procs.not_on_loopback([me])
        assert any(f"0.0.0.0:{wide.getsockname()[1]}" in line for line in report)
        assert not any(f":{local.getsockname()[1]}" in line for line in report)


def test_ipv6_addresses_in_proc_tables_are_read():
    row = "  0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A x x x 0 0 77 1"
    assert procs.parse_listening("h\n" + row) == {77: ("::1", 8080)}
    assert procs.is_loopback("::1")


# -- the simulated students ------------------------------------------------------------------------


def test_the_test_explorer_redraws_when_its_control_changes(monkeypatch):
    """What the load test does through the websocket, here in-process: build, change, compare."""
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    exec(students.TEST_EXPLORER, {})
    (box,) = shown
    control, output = box.children[1], box.children[2]
    before = output.outputs
    control.index = (control.index + 1) % len(control.options)
    assert output.outputs != before
    assert "image/png" in output.outputs[0]["data"]


def test_the_explorer_found_in_widget_messages_is_the_one_the_kit_builds(monkeypatch):
    """find_explorers() reads the widget state that helpers.widgets.widget() really sends."""
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    exec(students.TEST_EXPLORER, {})
    (box,) = shown
    models = {w.model_id: w.get_state() for w in [box, *box.children]}
    assert students.find_explorers(models) == [(box.children[1].model_id, box.children[2].model_id)]


def test_raises_exception_cells_may_fail_and_empty_cells_are_skipped():
    nb = new_notebook(cells=[new_code_cell(""), new_code_cell("x = 1"),
                             new_code_cell("1/0", metadata={"tags": ["raises-exception"]})])
    assert students.code_cells(nb) == [(1, "x = 1", False), (2, "1/0", True)]


def test_a_notebook_run_lists_its_failed_cells():
    run = students.NotebookRun("00-start-here.ipynb", cells=[
        students.CellResult("00-start-here.ipynb", 2, True),
        students.CellResult("00-start-here.ipynb", 5, False, "NameError: x"),
    ])
    assert run.failures == ["00-start-here.ipynb cell 5: NameError: x"]


# -- the report ------------------------------------------------------------------------------------


def _report() -> loadtest.ClassReport:
    r = loadtest.ClassReport(2, ["00-start-here"], hub_start_s=5, servers_s=12.3, notebooks_s=30.1,
                             stop_s=3, peak_bytes=2_900_000_000, peak_processes=9, load_before=1.25)
    ok = loadtest.StudentOutcome("student-01", 10, 28, runs=[students.NotebookRun("00-start-here.ipynb")])
    bad = loadtest.StudentOutcome("student-02", 12.3, 30.1, runs=[students.NotebookRun(
        "00-start-here.ipynb", cells=[students.CellResult("00-start-here.ipynb", 3, False, "KeyError: 'x'")])])
    r.outcomes = [ok, bad]
    return r


def test_a_student_with_a_failed_cell_fails_and_is_named():
    r = _report()
    assert (r.passed, r.failed) == (1, 1)
    assert r.failures == ["student-02: 00-start-here.ipynb cell 3: KeyError: 'x'"]
    assert "failures              1" in r.summary()
    assert r.row("2026-11-28") == "| 2 | 12 s | 30 s | 2.9 GB | 1 | 00 | 1.2 | 2026-11-28 |"


def test_a_student_whose_server_never_came_up_fails():
    r = loadtest.ClassReport(1, ["00-start-here"])
    r.outcomes = [loadtest.StudentOutcome("student-01", problems=["student-01: the server was not up"])]
    assert (r.passed, r.failed) == (0, 1)
    assert "—" in r.row("today")


def test_the_benchmark_table_keeps_other_sections_and_sorts_rows():
    text = "# Benchmarks\n\n## Notebooks\n\nfast\n"
    text = loadtest.update_benchmarks(text, {40: "| 40 | x |"}, intro="How it was measured.")
    text = loadtest.update_benchmarks(text + "\n## Handouts\n\nsmall\n", {10: "| 10 | y |", 40: "| 40 | z |"})
    assert text.startswith("# Benchmarks\n\n## Notebooks\n\nfast\n")
    assert text.count("## Classroom load") == 1 and text.count("| students |") == 1
    assert "How it was measured." in text and text.rstrip().endswith("## Handouts\n\nsmall")
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    assert rows == ["| 10 | y |", "| 40 | z |"]


def test_the_load_test_fails_when_there_is_no_notebook_to_run(tmp_path, capsys):
    assert loadtest.main(["--notebooks", str(tmp_path), "--students", "1"]) == 1
    out = capsys.readouterr()
    assert "no notebook 00, 01 or 02" in out.err
    assert "classroom: 0 passed, 1 failed" in out.out


# -- wiring ----------------------------------------------------------------------------------------


def test_the_proxy_is_pinned_and_locked():
    package = json.loads((ROOT / "classroom/package.json").read_text())
    lock = json.loads((ROOT / "classroom/package-lock.json").read_text())
    pinned = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), "pin an exact version"
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == pinned
    assert "node_modules/" in (ROOT / ".gitignore").read_text().split()


def test_ci_runs_the_class_load_test_after_the_tests():
    lines = [line.strip() for line in (ROOT / ".ci/run").read_text().splitlines()]
    assert lines.index("make classroom-test") > lines.index("make test")
    assert "set -euo pipefail" in lines


def test_jupyterhub_comes_from_the_classroom_extra():
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(r.startswith("jupyterhub>=") for r in meta["optional-dependencies"]["classroom"])


def test_a_home_gets_the_student_edition_without_model_answers(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    exercise, solution = new_code_cell("answer = ..."), new_code_cell("answer = 42")
    exercise.metadata["tags"], solution.metadata["tags"] = ["exercise"], ["solution"]
    src = tmp_path / "00-start-here.ipynb"
    nbformat.write(new_notebook(cells=[exercise, solution]), src)
    home = tmp_path / "homes" / "student-01"
    config.prepare_home(home, [src])
    cells = nbformat.read(home / src.name, as_version=4).cells
    assert [c.source for c in cells] == ["answer = ..."]


def test_the_readme_capacity_table_is_the_measured_one():
    """README's class-size rows are the rows `classroom.loadtest --record` wrote (one home: the benchmark)."""
    from classroom.config import ROOT

    measured = (ROOT / "benchmarks" / "classroom.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| (\d+ s) \| (\d+ s) \| ([\d.]+ GB) \| (\d+) \|$", readme, re.M)
    assert len(rows) == 3
    for row in rows:
        assert "| " + " | ".join(row) + " | " in measured, row
