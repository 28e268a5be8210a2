"""Refuse every network connection that does not stay on this machine.

Put this folder on PYTHONPATH and set CHOKEPOINTS_NETGUARD=1 (sitecustomize.py imports this module):
every Python process started that way (pytest, its xdist workers, the notebook kernels that
nbval and the handout builder start) imports it at start-up. Loopback and Unix
sockets still work, so kernels can talk to their clients.
"""

import ipaddress
import os
import socket


class NetworkBlocked(OSError):
    """Raised instead of opening a connection that would leave the machine."""


def _local(host) -> bool:
    if host in ("localhost", "", None):
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
    if getattr(socket, "_chokepoints_guarded", False):
        return
    connect, connect_ex, sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
    getaddrinfo = socket.getaddrinfo

    def guarded_connect(self, address):
        _guard(address, self.family)
        return connect(self, address)

    def guarded_connect_ex(self, address):
        _guard(address, self.family)
        return connect_ex(self, address)

    def guarded_sendto(self, data, *args):
        _guard(args[-1], self.family)
        return sendto(self, data, *args)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _local(host) and not _is_ip(host):
            raise NetworkBlocked(f"name lookup is blocked in the kit's tests and notebooks: {host}")
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.socket.sendto = guarded_sendto
    socket.getaddrinfo = guarded_getaddrinfo
    socket.NetworkBlocked = NetworkBlocked
    socket._chokepoints_guarded = True


def _is_ip(host) -> bool:
    try:
        ipaddress.ip_address(str(host))
        return True
    except ValueError:
        return False


if os.environ.get("CHOKEPOINTS_NETGUARD") == "1":
    install()
