"""Start and stop a class hub; ``python -m classroom.hub`` is ``make classroom`` (Ctrl-C stops everything).

A hub holds the lock on its homes for as long as it runs (:class:`classroom.homes.HomesLock`): a second
hub on the same homes is refused before it starts anything, so it can neither take over the first
class's proxy nor stop its students' servers (K13).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from classroom import isolation, procs, variables
from classroom.config import (
    CONFIG_FILE,
    LOOPBACK,
    MARKER_ENV,
    NETGUARD_DIR,
    PROXY_COMMAND,
    ROOT,
    SETTINGS_ENV,
    Settings,
    free_ports,
    lesson_notebooks,
    port_is_free,
)
from classroom.homes import HomesInUse, HomesLock, make_homes
from helpers.exercises.registry import GRADING_DIR

# Folders of the kit that hold model answers or graded answers: closed to students' system users while an
# isolated hub runs.
ANSWER_FOLDERS = (ROOT / "notebooks", ROOT / "build", ROOT / GRADING_DIR)


class HubError(RuntimeError):
    """The hub did not start, or did not stop cleanly."""


def _no_proxy_opener() -> urllib.request.OpenerDirector:
    # Never send loopback requests through an HTTP proxy named in the environment.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def runtime_root() -> Path:
    """A new short folder for kernel sockets (Unix socket paths are limited to ~107 characters)."""
    return Path(tempfile.mkdtemp(prefix="crt-", dir="/tmp"))


class Hub:
    """One JupyterHub process (and, through it, the proxy and the student servers) for ``settings``.

    Use as a context manager: leaving it stops the hub and then any process of the run still there.
    """

    def __init__(self, settings: Settings, log: Path | None = None):
        self.settings = settings
        self.state = Path(settings.state_dir)
        self.log_path = log
        self.proc: subprocess.Popen | None = None
        self.leftovers: list[str] = []  # processes that outlived a graceful stop
        self.lock = HomesLock(settings.homes)
        self._reopen: dict[Path, int] = {}

    def check_isolation(self) -> None:
        """As root: every student's system user can run the kit and cannot change it."""
        if os.geteuid() != 0:
            raise HubError(
                "each student's own system user needs the hub to run as root (sudo make classroom); "
                "or start it with --shared-user:\n" + isolation.SHARED_USER_GAPS
            )
        needed = [Path(self.settings.python), Path(sys.prefix), Path(sys.base_prefix), ROOT / "helpers"]
        needed.append(NETGUARD_DIR)
        opened = isolation.open_passage(needed)
        self._reopen.update(opened)
        if opened:
            print("students' system users may pass through (enter, never list) " + ", ".join(map(str, opened))
                  + " while the hub runs, to reach Python and the kit", flush=True)
        problems = isolation.world_problems(needed)
        problems += [f"{p} can be changed by anyone (chmod o-w)" for p in isolation.writable_by_others(
            ROOT / "helpers")]
        if problems:
            raise HubError("students' system users could not run the kit safely:\n  " + "\n  ".join(problems))

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env[MARKER_ENV] = self.settings.run_id
        env[SETTINGS_ENV] = str(self.state / "settings.json")
        if self.settings.netguard:
            env["CHOKEPOINTS_NETGUARD"] = "1"
            env["PYTHONPATH"] = os.pathsep.join(
                [str(NETGUARD_DIR)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
            )
        return env

    def start(self) -> None:
        make_homes(self.settings.homes)
        try:  # first: a second hub on the same homes is refused before it checks or starts anything
            self.lock.acquire(self.settings.public_url + "/")
        except HomesInUse as exc:
            raise HubError(str(exc)) from None
        if not PROXY_COMMAND.exists():
            self.lock.release()
            raise HubError(f"{PROXY_COMMAND} is missing: run `npm ci` in {PROXY_COMMAND.parents[2]}")
        if self.settings.isolated:
            self.check_isolation()
            Path(self.settings.runtime_root).chmod(0o711)
            isolation.student_kit(ROOT, Path(self.settings.kit_copy))
            answers = [p for p in ANSWER_FOLDERS if p.resolve() != self.settings.homes]
            self._reopen.update(isolation.close(answers))
        self.settings.save(self.state / "settings.json")
        out = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115 (closed in stop)
        self._log_file = out
        self.proc = subprocess.Popen(
            [self.settings.python, "-m", "jupyterhub", "-f", str(CONFIG_FILE)],
            cwd=self.state,
            env=self.environment(),
            stdin=subprocess.DEVNULL,  # a tty on stdin makes Jupyter servers ask before stopping
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
            start_new_session=True,  # Ctrl-C reaches us, and we stop the hub in order
            preexec_fn=procs.die_with_parent,
        )

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Wait until the hub answers through the proxy; returns the seconds it took."""
        t0 = time.monotonic()
        opener = _no_proxy_opener()
        # First the hub itself, then through the proxy (asking the proxy before the hub has given it a
        # route only fills the log with errors).
        hub_url = f"http://{LOOPBACK}:{self.settings.hub_port}/hub/api/"
        for url in (hub_url, self.settings.local_url + "/hub/api/"):
            while not self._answers(opener, url):
                if self.proc is None or self.proc.poll() is not None:
                    raise HubError(f"the hub exited while starting:\n{self.log_tail()}")
                if time.monotonic() - t0 > timeout:
                    raise HubError(
                        f"the hub did not answer at {url} within {timeout:.0f} s:\n{self.log_tail()}"
                    )
                time.sleep(0.5)
        return time.monotonic() - t0

    @staticmethod
    def _answers(opener: urllib.request.OpenerDirector, url: str) -> bool:
        try:
            with opener.open(url, timeout=5) as r:
                return r.status == 200 and "version" in json.load(r)
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_path or not self.log_path.exists():
            return "(the hub's log went to the terminal)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, grace: float = 60.0, linger: float = 15.0) -> list[str]:
        """SIGTERM the hub (it stops the student servers and the proxy), wait up to ``grace`` seconds for
        it and up to ``linger`` more for its processes, then end any process of the run still there.
        Returns a line per process that outlived the graceful stop."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.leftovers.append(procs.describe(self.proc.pid) + " (the hub did not stop in time)")
        left = procs.wait_until_gone(self.settings.run_id, timeout=linger)
        self.leftovers += [procs.describe(p) for p in left]
        procs.terminate(left)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
        if self.proc is not None:
            self.proc.wait(timeout=10)
        if getattr(self, "_log_file", None):
            self._log_file.close()
            self._log_file = None
        isolation.reopen(self._reopen)
        self._reopen = {}
        self.lock.release()
        return self.leftovers

    def __enter__(self) -> Hub:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    try:
        env = variables.read(os.environ)  # K1b: a bad CLASSROOM_* value is one clear line, not a traceback
    except variables.SettingError as exc:
        print(f"make classroom: {exc}", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(
        prog="make classroom",
        description="A JupyterHub for a class on this machine: every student gets JupyterLab with the "
        "kit's notebooks in their home. Ctrl-C stops the hub, every student's server and kernel.",
    )
    parser.add_argument(
        "--ip",
        default=env["ip"],
        help="address students connect to (default 127.0.0.1: this machine only; "
        "0.0.0.0 opens it to the network)",
    )
    parser.add_argument("--port", type=variables.port, default=env["port"],
                        help="default 8000 ($CLASSROOM_PORT)")
    parser.add_argument(
        "--homes",
        type=variables.homes,
        default=env["homes"],
        help="the students' homes and the hub's state (default: $CLASSROOM_HOMES, else classroom-homes/ "
        "at the kit's root; kept between runs, never touched by make clean)",
    )
    parser.add_argument(
        "--shared-user",
        action="store_true",
        help="run every student as this system user (no isolation: the only way without root)",
    )
    parser.add_argument("--terminals", action="store_true", help="let students open terminals (default: off)")
    parser.add_argument("--admin", default="instructor", help="the admin user's name ('' for none)")
    parser.add_argument("--spawn-timeout", type=int, default=300)
    args = parser.parse_args(argv)
    if not args.shared_user and os.geteuid() != 0:
        print(
            "make classroom: not running as root, so students cannot have system users of their own.\n"
            "Run it as root (sudo make classroom) for one system user per student, or, for a room you "
            "trust, start it with --shared-user (make classroom ARGS=--shared-user).\n\n"
            + isolation.SHARED_USER_GAPS,
            file=sys.stderr,
        )
        return 2
    if args.shared_user:
        print(isolation.SHARED_USER_GAPS + "\n", flush=True)

    notebooks = lesson_notebooks(numbers=tuple(f"{i:02d}" for i in range(100)))
    if not port_is_free(args.port, LOOPBACK if args.ip in ("0.0.0.0", "") else args.ip):
        print(f"port {args.port} is taken; using a free one (set CLASSROOM_PORT to choose)")
        args.port = free_ports(1)[0]
    runtime = runtime_root()
    hub_port, api_port = free_ports(2)
    settings = Settings.create(
        args.homes.resolve(),
        runtime_root=runtime,
        ports=(args.port, hub_port, api_port),
        ip=args.ip,
        shared_user=args.shared_user,
        terminals=args.terminals,
        admin_user=args.admin or None,
        notebooks=notebooks,
        start_timeout=args.spawn_timeout,
        http_timeout=args.spawn_timeout,
    )
    procs.stop_on_sigterm()
    hub = Hub(settings)
    try:
        try:
            hub.start()
        except HubError as exc:
            print(f"make classroom: {exc}", file=sys.stderr)
            return 2
        hub.wait_ready()
        admin = (
            f"\n  admin:     {settings.admin_users[0]} / {settings.admin_password}  (admin panel: /hub/admin)"
            if settings.admin_users
            else ""
        )
        print(
            f"\nThe class hub is up: {settings.public_url}/\n"
            f"  students:  a new name and a password of their choosing (8 characters or more) on their first "
            f"login; that name and password afterwards{admin}\n"
            f"  isolation: {'NONE (--shared-user)' if settings.shared_user else 'a system user per student'}"
            f"; terminals {'on' if settings.terminals else 'off'}\n"
            f"  notebooks: {', '.join(p.name for p in notebooks)} (copied into each new home)\n"
            f"  homes:     {settings.homes}\n"
            "Ctrl-C stops the hub and every student's server.\n",
            flush=True,
        )
        hub.proc.wait()
        print("the hub exited", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping the hub and every student's server ...", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        left = hub.stop()
        shutil.rmtree(runtime, ignore_errors=True)
        if left:
            print("ended processes that outlived the hub:\n  " + "\n  ".join(left), file=sys.stderr)
        print("stopped.")


if __name__ == "__main__":
    sys.exit(main())
