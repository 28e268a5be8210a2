"""How students log in: the first login with a new name sets that student's password; failed logins slow down.

:class:`ClassAuthenticator` is JupyterHub's first-use authenticator (``jupyterhub-firstuseauthenticator``:
bcrypt hashes in a file of the hub's state) with three additions: names must pass
:func:`classroom.users.name_problem` (the login page says why a name is refused), the instructor's account
takes only the admin password the hub prints (it is never claimed by a first login), and
:class:`LoginThrottle` locks a name, or a client address, out after repeated failures (K11), kept in the
hub's state folder so a restart does not reset them.

>>> t = LoginThrottle(free=2, base=10, clock=lambda: 100.0)
>>> t.failed("a"), t.failed("a"), t.wait("a")
(0.0, 0.0, 0.0)
>>> t.failed("a"), t.wait("a")
(10.0, 10.0)
"""

from __future__ import annotations

import hmac
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from firstuseauthenticator import FirstUseAuthenticator
from traitlets import Integer, Unicode

from classroom.users import name_problem, normalise


class LoginThrottle:
    """Counts failed logins per key (a name, a client address): after ``free`` failures each further one
    locks the key for ``base`` seconds, doubling up to ``most``; a success clears the key.

    With ``path`` the counts and lock-outs are kept in that file (mode 0600, in the hub's state folder), so
    a restarted hub keeps them; the clock is then the wall clock.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "lockouts-name.json"
    >>> t = LoginThrottle(free=0, base=60, path=path, clock=lambda: 100.0)
    >>> t.failed("ana")
    60.0
    >>> LoginThrottle(free=0, base=60, path=path, clock=lambda: 130.0).wait("ana")  # after a restart
    30.0
    """

    def __init__(
        self,
        free: int = 5,
        base: float = 30.0,
        most: float = 900.0,
        clock: Callable[[], float] = time.time,
        path: Path | None = None,
    ):
        self.free, self.base, self.most, self.clock, self.path = free, base, most, clock, path
        self._failures: dict[str, int] = {}
        self._until: dict[str, float] = {}
        self._load()

    def _load(self) -> None:
        if self.path is None or not self.path.is_file():
            return
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            self._failures = {str(k): int(v) for k, v in saved.get("failures", {}).items()}
            self._until = {str(k): float(v) for k, v in saved.get("until", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError):
            self._failures, self._until = {}, {}  # an unreadable file: start afresh rather than lock all out

    def _save(self) -> None:
        if self.path is None:
            return
        now = self.clock()
        self._until = {k: v for k, v in self._until.items() if v > now}
        data = json.dumps({"failures": self._failures, "until": self._until})
        partial = self.path.with_suffix(".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
        partial.replace(self.path)

    def wait(self, key: str) -> float:
        """Seconds before ``key`` may try again (0 when it may now)."""
        return max(0.0, self._until.get(key, 0.0) - self.clock())

    def failed(self, key: str) -> float:
        """Count a failure; returns the lock-out it starts (0 while failures are still free)."""
        n = self._failures.get(key, 0) + 1
        self._failures[key] = n
        if n <= self.free:
            self._save()
            return 0.0
        lock = float(min(self.most, self.base * 2 ** (n - self.free - 1)))
        self._until[key] = self.clock() + lock
        self._save()
        return lock

    def succeeded(self, key: str) -> None:
        if self._failures.pop(key, None) is not None or self._until.pop(key, None) is not None:
            self._save()


class ClassAuthenticator(FirstUseAuthenticator):
    """First-use passwords, checked names, a fixed admin password and a lock-out after failed logins."""

    admin_password = Unicode(
        "", config=True, help="The instructor's password (printed by the hub); admin accounts take only this."
    )
    free_failures = Integer(5, config=True, help="Failed logins allowed before a name or address is locked.")
    lockout_seconds = Integer(30, config=True, help="The first lock-out; each further failure doubles it.")
    lockout_file = Unicode(
        "", config=True, help="Where failed logins are kept across restarts (lockout_file's name gets -name, "
        "-address); '' keeps them in memory only."
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # A name is locked after a few failures; an address only after many (a room behind one NAT
        # address makes typos together), and any success from it starts its count again.
        kept = Path(self.lockout_file) if self.lockout_file else None

        def where(kind: str) -> Path | None:
            return kept.with_name(f"{kept.stem}-{kind}.json") if kept else None

        self.throttles = {
            "name": LoginThrottle(free=self.free_failures, base=self.lockout_seconds, path=where("name")),
            "address": LoginThrottle(free=10 * self.free_failures, base=self.lockout_seconds,
                                     path=where("address")),
        }

    def validate_username(self, name: str) -> bool:
        return not name_problem(name) and super().validate_username(name)

    @staticmethod
    def _refuse(handler, message: str) -> None:
        if handler is not None:
            handler.custom_login_error = message

    async def authenticate(self, handler, data):
        name = normalise(data.get("username", ""))
        problem = name_problem(name)
        if problem:
            self._refuse(handler, problem)
            return None
        address = getattr(getattr(handler, "request", None), "remote_ip", None) or "?"
        keys = {"name": name, "address": address}
        wait = max(self.throttles[kind].wait(key) for kind, key in keys.items())
        if wait:
            self._refuse(handler, f"too many failed logins for {name!r} or from here: wait {wait:.0f} s")
            return None
        if name in self.admin_users:
            ok = bool(self.admin_password) and hmac.compare_digest(
                data.get("password", "").encode(), self.admin_password.encode()
            )
            result = name if ok else None
        else:
            result = await super().authenticate(handler, {**data, "username": name})
        if result is None:
            locks = [self.throttles[kind].failed(key) for kind, key in keys.items()]
            if max(locks):
                self.log.warning("login of %r from %s locked for %.0f s", name, address, max(locks))
            return None
        for kind, key in keys.items():
            self.throttles[kind].succeeded(key)
        return result
