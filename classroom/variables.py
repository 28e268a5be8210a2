"""The ``CLASSROOM_*`` variables ``make classroom`` and ``make collect`` read, each checked by its own rule.

A bad value stops the command with one line naming the variable, the value, what is allowed and the fix
(K1b: ``CLASSROOM_PORT=abc`` used to end in a traceback).

>>> read({"CLASSROOM_PORT": "8001"})["port"]
8001
>>> read({"CLASSROOM_PORT": "abc"})
Traceback (most recent call last):
...
classroom.variables.SettingError: CLASSROOM_PORT='abc' is not a port: use a whole number from 1 to 65535 \
(e.g. CLASSROOM_PORT=8000), or unset it for 8000
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

from classroom.config import LOOPBACK, ROOT
from classroom.homes import HOMES_ENV, default_homes

IP_ENV, PORT_ENV = "CLASSROOM_IP", "CLASSROOM_PORT"
DEFAULT_PORT = 8000


class SettingError(ValueError):
    """A ``CLASSROOM_*`` variable holds a value the class server cannot use (the message says the fix)."""


def port(value: str) -> int:
    """``CLASSROOM_PORT``: a whole number from 1 to 65535.

    >>> port(" 8080 ")
    8080
    >>> port("70000")
    Traceback (most recent call last):
    ...
    classroom.variables.SettingError: CLASSROOM_PORT='70000' is not a port: use a whole number from 1 to \
65535 (e.g. CLASSROOM_PORT=8000), or unset it for 8000
    """
    text = value.strip()
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise SettingError(f"{PORT_ENV}={value!r} is not a port: use a whole number from 1 to 65535 "
                           f"(e.g. {PORT_ENV}={DEFAULT_PORT}), or unset it for {DEFAULT_PORT}")
    return int(text)


def ip(value: str) -> str:
    """``CLASSROOM_IP``: an IP address of this machine to listen on (``localhost`` is 127.0.0.1).

    >>> ip("0.0.0.0"), ip("localhost")
    ('0.0.0.0', '127.0.0.1')
    >>> ip("my laptop")
    Traceback (most recent call last):
    ...
    classroom.variables.SettingError: CLASSROOM_IP='my laptop' is not an IP address: use 127.0.0.1 (this \
machine only) or 0.0.0.0 (every network the machine is on), or unset it for 127.0.0.1
    """
    text = value.strip()
    if text == "localhost":
        return LOOPBACK
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise SettingError(f"{IP_ENV}={value!r} is not an IP address: use {LOOPBACK} (this machine only) or "
                           f"0.0.0.0 (every network the machine is on), or unset it for {LOOPBACK}") from None


def homes(value: str, root: Path = ROOT) -> Path:
    """``CLASSROOM_HOMES``: a folder (or a path where one can be made) outside the kit's ``build/``.

    >>> homes("/srv/class")
    PosixPath('/srv/class')
    >>> homes(str(ROOT / "build" / "homes"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    classroom.variables.SettingError: CLASSROOM_HOMES='.../build/homes' is inside build/, which make clean \
deletes: choose a folder outside it (e.g. CLASSROOM_HOMES=/srv/class-homes), or unset it for classroom-homes/
    """
    if not value.strip():
        raise SettingError(f"{HOMES_ENV} is set but empty: name the class's folder (e.g. {HOMES_ENV}="
                           "/srv/class-homes), or unset it for classroom-homes/ at the kit's root")
    path = Path(value).expanduser().resolve()
    fix = f"(e.g. {HOMES_ENV}=/srv/class-homes), or unset it for classroom-homes/"
    if path.is_relative_to((root / "build").resolve()):
        raise SettingError(f"{HOMES_ENV}={value!r} is inside build/, which make clean deletes: choose a "
                           f"folder outside it {fix}")
    if path.exists() and not path.is_dir():
        raise SettingError(f"{HOMES_ENV}={value!r} is a file, not a folder: name a folder {fix}")
    return path


def read(env: dict | os._Environ = os.environ) -> dict:
    """The checked values (``ip``, ``port``, ``homes``) of ``env``, defaults for the unset ones."""
    return {
        "ip": ip(env[IP_ENV]) if IP_ENV in env else LOOPBACK,
        "port": port(env[PORT_ENV]) if PORT_ENV in env else DEFAULT_PORT,
        "homes": homes(env[HOMES_ENV]) if HOMES_ENV in env else default_homes({}),
    }
