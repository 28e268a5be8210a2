"""The network guard: refuses every connection that would leave this machine (tests, notebooks, load tests).

:func:`install` guards the current process. A child process (a pytest worker, a notebook kernel, a
student's server in the class load test) is guarded when its environment comes from :func:`child_env`:
``CHOKEPOINTS_NETGUARD=1`` and ``SITE_DIR`` on ``PYTHONPATH``, whose ``sitecustomize.py`` installs the
guard at start-up. Loopback and Unix sockets still work, so kernels can talk to their clients.
Importing this module changes nothing; only :func:`install` does. It is a test tool, not a sandbox:
code that calls the C socket type directly (``_socket.socket``) or starts a program such as ``curl``
is not stopped.

>>> env = child_env({"PYTHONPATH": "/x"})
>>> env["CHOKEPOINTS_NETGUARD"], env["PYTHONPATH"] == f"{SITE_DIR}{os.pathsep}/x"
('1', True)
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Mapping
from pathlib import Path

ENV = "CHOKEPOINTS_NETGUARD"
SITE_DIR = Path(__file__).resolve().parent / "netguard_site"


class NetworkBlocked(OSError):
    """Raised instead of opening a connection that would leave the machine."""


def _local(host) -> bool:
    if host in ("localhost", "", None) or host == socket.gethostname():  # this machine's own name
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guard(address, family) -> None:
    if family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        if not _local(address[0]):
            raise NetworkBlocked(
                f"network access is blocked in the kit's tests and notebooks: tried {address[0]}"
            )


def install() -> None:
    """Guard this process: connections and name lookups that leave the machine raise NetworkBlocked."""
    if getattr(socket, "_chokepoints_guarded", False):
        return
    connect, connect_ex, sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
    sendmsg = getattr(socket.socket, "sendmsg", None)  # not on every platform
    # every lookup Python offers: getaddrinfo and the older calls that reach the resolver on their own
    originals = {name: getattr(socket, name) for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex")}

    def guarded_connect(self, address):
        _guard(address, self.family)
        return connect(self, address)

    def guarded_connect_ex(self, address):
        _guard(address, self.family)
        return connect_ex(self, address)

    def guarded_sendto(self, data, *args):
        _guard(args[-1], self.family)
        return sendto(self, data, *args)

    def guarded_sendmsg(self, buffers, *args):
        if len(args) >= 3 and args[2] is not None:  # (ancdata, flags, address)
            _guard(args[2], self.family)
        return sendmsg(self, buffers, *args)

    def lookup(name):
        def guarded(host, *args, **kwargs):
            if not _local(host) and not _is_ip(host):
                raise NetworkBlocked(f"name lookup is blocked in the kit's tests and notebooks: {host}")
            return originals[name](host, *args, **kwargs)
        return guarded

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.socket.sendto = guarded_sendto
    if sendmsg is not None:
        socket.socket.sendmsg = guarded_sendmsg
    for name in originals:
        setattr(socket, name, lookup(name))
    socket.NetworkBlocked = NetworkBlocked
    socket._chokepoints_guarded = True


def _is_ip(host) -> bool:
    try:
        ipaddress.ip_address(str(host))
        return True
    except ValueError:
        return False


def child_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The variables a child process needs to start guarded: ``environ`` plus the switch and ``SITE_DIR``.

    ``SITE_DIR`` goes first on ``PYTHONPATH`` (once), before what ``environ`` already had there.

    >>> child_env({})["PYTHONPATH"] == str(SITE_DIR)
    True
    """
    rest = [p for p in environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(SITE_DIR)]
    return {**environ, ENV: "1", "PYTHONPATH": os.pathsep.join([str(SITE_DIR), *rest])}
