"""Where a class's work lives, and the lock that lets only one hub use it at a time.

The homes are ``classroom-homes/`` at the kit's root (git-ignored, outside ``build/``, so ``make clean``
never touches them), or the folder ``CLASSROOM_HOMES`` names. Inside: one folder per student and
``.hub/``, the hub's own state (settings, password hashes, database, logs, the lock), mode 0700.

>>> default_homes({"CLASSROOM_HOMES": "/srv/class"})
PosixPath('/srv/class')
>>> default_homes({}).name
'classroom-homes'
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from classroom.config import ROOT

HOMES_ENV = "CLASSROOM_HOMES"
STATE_NAME = ".hub"
LOCK_NAME = "hub.lock"


class HomesInUse(RuntimeError):
    """Another hub is running on these homes."""


def default_homes(env: dict | os._Environ = os.environ) -> Path:
    """The class's homes: ``$CLASSROOM_HOMES``, else ``classroom-homes/`` at the kit's root."""
    return Path(env.get(HOMES_ENV) or ROOT / "classroom-homes").resolve()


def student_homes(homes: Path) -> list[Path]:
    """The students' homes under ``homes`` (not the hub's state, hidden folders or links), in name order.

    A missing ``homes`` is a ``FileNotFoundError`` that names it and how to point elsewhere.

    >>> student_homes(Path("/nonexistent-homes"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileNotFoundError: no homes at /nonexistent-homes: set CLASSROOM_HOMES=... to the class's homes ...
    """
    if not Path(homes).is_dir():
        raise FileNotFoundError(f"no homes at {homes}: set {HOMES_ENV}=... to the class's homes "
                                "(make classroom keeps them in classroom-homes/ at the kit's root "
                                "unless told otherwise)")
    return sorted(p for p in Path(homes).iterdir()
                  if p.name != STATE_NAME and not p.name.startswith(".") and p.is_dir()
                  and not p.is_symlink())


def state_dir(homes: Path) -> Path:
    """The hub's own folder inside ``homes``."""
    return Path(homes) / STATE_NAME


def make_homes(homes: Path) -> Path:
    """Create ``homes`` (0711: each student reaches their own home and lists nobody's) and its state folder
    (0700); returns the state folder."""
    homes = Path(homes)
    homes.mkdir(parents=True, exist_ok=True)
    homes.chmod(0o711)
    state = state_dir(homes)
    state.mkdir(exist_ok=True)
    state.chmod(0o700)
    return state


class HomesLock:
    """An exclusive lock on a class's homes, held for as long as this process runs its hub.

    The lock file names the hub holding it (URL, PID); the operating system releases the lock when that
    process ends, however it ends, so a crashed hub never leaves a stale lock.
    """

    def __init__(self, homes: Path):
        self.path = state_dir(homes) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self, url: str) -> None:
        """Take the lock, or raise :class:`HomesInUse` naming the hub that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self.holder()
            os.close(fd)
            raise HomesInUse(
                f"a class hub is already running on {self.path.parent.parent}: {holder.get('url', '?')} "
                f"(pid {holder.get('pid', '?')}). Use that one, stop it first (Ctrl-C where it runs), or set "
                f"CLASSROOM_HOMES=... to run another class with other homes"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"url": url, "pid": os.getpid()}).encode())
        self._fd = fd

    def holder(self) -> dict:
        try:
            return json.loads(self.path.read_text() or "{}")
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
