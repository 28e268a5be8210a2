"""The settings of one class-server run, and the JupyterHub configuration made from them.

A run has its own free loopback ports, the class's homes (one folder per student, and ``.hub/``: the
hub's database, password hashes, cookie secret and logs; :mod:`classroom.homes`), a short runtime folder
for the kernels' Unix sockets, the instructor's password and, for the load test, a service token.
:func:`apply` turns the settings into JupyterHub configuration; ``classroom/jupyterhub_config.py`` calls it.

>>> s = Settings.create(Path("/tmp/homes"), runtime_root=Path("/tmp/crt-x"), ports=(8000, 8081, 8001))
>>> s.public_url, s.state_dir
('http://127.0.0.1:8000', '/tmp/homes/.hub')
>>> from traitlets.config import Config
>>> c = Config()
>>> apply(c, s)
>>> c.JupyterHub.hub_bind_url, c.Spawner.default_url
('http://127.0.0.1:8081', '/lab')
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import sys
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from classroom.users import NAME_MAX, check_name
from helpers import netguard, paths
from helpers.exercises.records import ATTEMPTS_ENV

ROOT = Path(__file__).resolve().parent.parent
CLASSROOM_DIR = ROOT / "classroom"
NOTEBOOK_DIR = ROOT / "notebooks"
NETGUARD_DIR = netguard.SITE_DIR
PROXY_COMMAND = CLASSROOM_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
CONFIG_FILE = CLASSROOM_DIR / "jupyterhub_config.py"

SETTINGS_ENV = "CHOKEPOINTS_CLASSROOM_SETTINGS"
# Every process of a run (hub, proxy, student servers, kernels) carries this variable with the run's
# id in its environment: that is how a run finds, measures and stops all of its processes.
MARKER_ENV = "CHOKEPOINTS_CLASSROOM_RUN"

LOOPBACK = "127.0.0.1"
SERVICE_NAME = "classroom-driver"
# One token that can create students, start and stop their servers, and reach every server (REST and
# kernel websocket): what the load test, or an instructor's script, needs.
SERVICE_SCOPES = ("admin:users", "admin:servers", "access:servers", "list:users", "read:users")
# In each home: every check() of that student (helpers.exercises.records writes it).
ATTEMPTS_FILE = ".chokepoints-attempts.jsonl"
STUDENT_AUTHENTICATOR = "classroom.logins.ClassAuthenticator"
STUDENT_SPAWNER = "classroom.isolation.StudentSpawner"
KIT_COPY = ".kit"  # in the runtime folder: the student edition of the kit that isolated kernels import
LESSONS = ("00", "01", "02")  # the notebooks a class works through in the load test
SOCKET_PATH_MAX = 107  # sun_path on Linux is 108 bytes with the final NUL
# What a kernel socket adds to the runtime folder: "/<user>/kernel-<uuid4>-ipc-<n>"
_SOCKET_SUFFIX = len("/kernel-") + 36 + len("-ipc-99")
_NOTEBOOK = re.compile(r"^(\d\d)-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")


def free_ports(n: int, host: str = LOOPBACK) -> list[int]:
    """``n`` distinct ports that are free on ``host`` now (all bound at once while picking).

    >>> a, b, c = free_ports(3)
    >>> len({a, b, c}) == 3 and all(1024 < p < 65536 for p in (a, b, c))
    True
    """
    if n < 1:
        raise ValueError(f"asked for {n} ports; ask for at least one")
    sockets = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((host, 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def port_is_free(port: int, host: str = LOOPBACK) -> bool:
    """Whether ``port`` on ``host`` can be bound now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # as servers bind: a port whose last connections are in TIME_WAIT is free for them
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def lesson_notebooks(folder: Path = NOTEBOOK_DIR, numbers: tuple[str, ...] = LESSONS) -> list[Path]:
    """The notebooks of ``folder`` whose ``NN-`` number is in ``numbers``, in teaching order.

    >>> [p.name for p in lesson_notebooks()][:1]
    ['00-start-here.ipynb']
    """
    found = []
    for path in sorted(folder.glob("*.ipynb")):
        m = _NOTEBOOK.match(path.name)
        if m and m.group(1) in numbers:
            found.append(path)
    return found


def student_names(n: int, prefix: str = "student") -> list[str]:
    """``n`` usernames that sort in order.

    >>> student_names(3)
    ['student-01', 'student-02', 'student-03']
    """
    width = max(2, len(str(n)))
    return [f"{prefix}-{i:0{width}d}" for i in range(1, n + 1)]


def check_socket_room(runtime_root: Path, longest_username: int = NAME_MAX) -> None:
    """Fail early when kernel sockets under ``runtime_root`` would exceed the Unix path limit.

    >>> check_socket_room(Path("/tmp/crt-1a2b3c"))
    >>> check_socket_room(Path("/tmp/" + "x" * 60))
    Traceback (most recent call last):
    ...
    ValueError: the runtime folder /tmp/xxx... is too long for kernel sockets: ...
    """
    longest = len(str(runtime_root)) + 1 + longest_username + _SOCKET_SUFFIX
    if longest > SOCKET_PATH_MAX:
        short = str(runtime_root)[:8] + "..."
        raise ValueError(
            f"the runtime folder {short} is too long for kernel sockets: {longest} characters with a "
            f"{longest_username}-character username, at most {SOCKET_PATH_MAX}; use a folder like /tmp/crt-x"
        )


@dataclass(frozen=True)
class Settings:
    """Everything one hub run needs; saved as JSON (mode 0600: it holds the password and token)."""

    homes_dir: str
    runtime_root: str
    port: int
    hub_port: int
    proxy_api_port: int
    run_id: str
    ip: str = LOOPBACK
    service_token: str | None = None
    admin_password: str | None = None
    admin_users: tuple[str, ...] = ()
    notebooks: tuple[str, ...] = ()
    shared_user: bool = False  # every student as the hub's own system user (no isolation)
    terminals: bool = False  # students may open a terminal
    start_timeout: int = 300
    http_timeout: int = 300
    netguard: bool = False
    log_level: str = "INFO"
    python: str = field(default_factory=lambda: sys.executable)

    @classmethod
    def create(
        cls,
        homes: Path,
        *,
        runtime_root: Path,
        ports: tuple[int, int, int] | None = None,
        ip: str = LOOPBACK,
        service_token: bool = False,
        admin_user: str | None = None,
        notebooks: list[Path] | None = None,
        **options,
    ) -> Settings:
        """New settings: free loopback ports unless given (public, hub, proxy API), fresh secrets."""
        check_socket_room(runtime_root)
        port, hub_port, api_port = ports or free_ports(3)
        return cls(
            homes_dir=str(homes),
            runtime_root=str(runtime_root),
            port=port,
            hub_port=hub_port,
            proxy_api_port=api_port,
            run_id=uuid.uuid4().hex,
            ip=ip,
            service_token=secrets.token_hex(32) if service_token else None,
            admin_password=secrets.token_urlsafe(24) if admin_user else None,
            admin_users=(check_name(admin_user),) if admin_user else (),
            notebooks=tuple(str(p) for p in (notebooks if notebooks is not None else lesson_notebooks())),
            **options,
        )

    @property
    def public_url(self) -> str:
        return f"http://{self.ip}:{self.port}"

    @property
    def local_url(self) -> str:
        """Where this machine reaches the hub (loopback even when the hub listens on all addresses)."""
        host = LOOPBACK if self.ip in ("0.0.0.0", "") else self.ip
        return f"http://{host}:{self.port}"

    @property
    def homes(self) -> Path:
        return Path(self.homes_dir)

    @property
    def state_dir(self) -> str:
        """The hub's own folder (mode 0700) inside the homes."""
        return str(self.homes / ".hub")

    @property
    def kit_copy(self) -> str:
        return f"{self.runtime_root}/{KIT_COPY}"

    @property
    def isolated(self) -> bool:
        """Each student their own system user (the hub runs as root)."""
        return not self.shared_user

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(asdict(self), f, indent=1)
        return path

    @classmethod
    def load(cls, path: Path) -> Settings:
        data = json.loads(Path(path).read_text())
        data["admin_users"] = tuple(data.get("admin_users", ()))
        data["notebooks"] = tuple(data.get("notebooks", ()))
        return cls(**data)


def singleuser_args(running_as_root: bool, terminals: bool = False) -> list[str]:
    """Options of every student's JupyterLab server (``running_as_root``: the server itself runs as root).

    >>> singleuser_args(False)[:2]
    ['--KernelManager.transport=ipc', '--LabApp.extension_manager=readonly']
    >>> "--ServerApp.terminals_enabled=False" in singleuser_args(False)
    True
    """
    args = [
        # Kernels of different servers race for TCP ports in a login wave; Unix sockets cannot collide.
        "--KernelManager.transport=ipc",
        # The extension manager would look up PyPI when its panel opens; students install nothing.
        "--LabApp.extension_manager=readonly",
        # No news feed and no update check: nothing leaves the machine when Lab opens.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # No search for language servers (it runs npm in every new server; a class has none installed).
        "--LanguageServerManager.autodetect=False",
        f"--LabApp.app_settings_dir={paths.LAB_SETTINGS_DIR}",  # the kit's overrides.json: no pop-ups
    ]
    if not terminals:
        # A terminal is a login shell: off unless the instructor turns it on (make classroom --terminals).
        args.append("--ServerApp.terminals_enabled=False")
    if running_as_root:
        args.append("--allow-root")
    return args


def spawner_environment(s: Settings) -> dict:
    """Extra variables of every student server (and so of its kernels)."""

    def runtime_dir(spawner) -> str:
        return f"{s.runtime_root}/{spawner.user.name}"

    def attempts(spawner) -> str:
        return str(s.homes / spawner.user.name / ATTEMPTS_FILE)

    env: dict = {MARKER_ENV: s.run_id, "JUPYTER_RUNTIME_DIR": runtime_dir, ATTEMPTS_ENV: attempts}
    if s.netguard:
        # The load test's student kernels refuse any connection that leaves the machine.
        env["CHOKEPOINTS_NETGUARD"] = "1"
        env["PYTHONPATH"] = str(NETGUARD_DIR)
    if s.isolated:  # kernels import the kit from its student copy (isolation.student_kit), not the checkout
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [s.kit_copy, env.get("PYTHONPATH")]))
    return env


def prepare_home(home: Path, notebooks: list[Path] | tuple[str, ...]) -> list[str]:
    """Put the student edition of the kit's notebooks (no model answers) into a student's home;
    never overwrite a student's copy.

    The kit itself (``helpers``) is installed in the environment, so the notebooks are all a home needs.
    Returns the names written.
    """
    import nbformat

    from helpers.build.student import student_notebook

    home = Path(home)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    copied = []
    for src in map(Path, notebooks):
        dest = home / src.name
        if not dest.exists():
            nbformat.write(student_notebook(nbformat.read(src, as_version=4)), dest)
            copied.append(src.name)
    return copied


def apply(c, s: Settings) -> None:
    """Fill the JupyterHub configuration object ``c`` from the settings ``s``."""
    state = Path(s.state_dir)
    venv_bin = Path(s.python).parent

    c.JupyterHub.bind_url = s.public_url
    c.JupyterHub.hub_bind_url = f"http://{LOOPBACK}:{s.hub_port}"
    c.ConfigurableHTTPProxy.api_url = f"http://{LOOPBACK}:{s.proxy_api_port}"
    c.ConfigurableHTTPProxy.command = [str(PROXY_COMMAND)]
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.pid_file = str(state / "hub.pid")
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
    c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
    c.JupyterHub.cleanup_proxy = True
    c.JupyterHub.log_level = s.log_level

    # Each student's own password, set by their first login; the instructor's is the one the hub prints.
    c.JupyterHub.authenticator_class = STUDENT_AUTHENTICATOR
    c.ClassAuthenticator.dbm_path = str(state / "passwords.dbm")
    c.ClassAuthenticator.min_password_length = 8
    c.ClassAuthenticator.check_passwords_on_startup = False
    c.ClassAuthenticator.lockout_file = str(state / "lockouts.json")  # failed logins survive a restart
    if s.admin_users:
        c.ClassAuthenticator.admin_password = s.admin_password
        c.Authenticator.admin_users = set(s.admin_users)
    c.Authenticator.allow_all = True  # any valid name; the first login with it claims it

    if s.isolated:  # one system user per student, made by the kit
        c.JupyterHub.spawner_class = STUDENT_SPAWNER
        c.StudentSpawner.home_dir_template = str(s.homes / "{username}")
        c.StudentSpawner.runtime_template = f"{s.runtime_root}/{{username}}"
    else:  # every student as the hub's own user: no isolation (make classroom --shared-user)
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = str(s.homes / "{username}")
    c.Spawner.notebook_dir = str(s.homes / "{username}")
    c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
    c.Spawner.ip = LOOPBACK
    c.Spawner.default_url = "/lab"
    c.Spawner.args = singleuser_args(not s.isolated and os.geteuid() == 0, s.terminals)
    c.Spawner.environment = spawner_environment(s)
    # The 30 s default HTTP timeout fails every server in a 40-student login wave on two cores.
    c.Spawner.start_timeout = s.start_timeout
    c.Spawner.http_timeout = s.http_timeout
    notebooks = tuple(s.notebooks)

    def copy_notebooks(spawner) -> None:
        prepare_home(Path(spawner.home_dir), notebooks)
        if s.isolated:
            spawner.prepare()  # the system user, and the home and socket folder given to it

    c.Spawner.pre_spawn_hook = copy_notebooks

    if s.service_token:
        c.JupyterHub.services = [{"name": SERVICE_NAME, "api_token": s.service_token}]
        c.JupyterHub.load_roles = [
            {"name": SERVICE_NAME, "scopes": list(SERVICE_SCOPES), "services": [SERVICE_NAME]}
        ]
