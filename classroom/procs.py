"""The processes of one run: find them, measure them, check their sockets, stop them (Linux /proc).

Every process of a run (hub, proxy, student servers, kernels) has ``CHOKEPOINTS_CLASSROOM_RUN=<run id>``
in its environment. Student servers and kernels start in sessions of their own and outlive a parent
that dies, so a process tree or a process group would miss some of them; the marker does not.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from classroom.config import MARKER_ENV

PROC = Path("/proc")
_LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp


def marked_pids(run_id: str, proc: Path = PROC) -> list[int]:
    """The live processes whose environment carries this run's marker (never this process)."""
    needle = f"{MARKER_ENV}={run_id}".encode()
    found = []
    me = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone, or a zombie
            continue
        if needle in environ.split(b"\0"):
            found.append(int(entry.name))
    return sorted(found)


def describe(pid: int, proc: Path = PROC) -> str:
    """``pid`` and a short command line, for messages."""
    try:
        cmd = (proc / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        cmd = "?"
    return f"{pid} {cmd.strip()[:100]}"


def memory_bytes(pid: int, proc: Path = PROC) -> int:
    """Proportional set size of ``pid`` (shared pages split between sharers); RSS where PSS is unreadable.

    >>> memory_bytes(os.getpid()) > 1_000_000
    True
    """
    try:
        for line in (proc / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        pages = int((proc / str(pid) / "statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def parse_listening(table: str) -> dict[int, tuple[str, int]]:
    """Listening sockets of a /proc/net/tcp or tcp6 table: ``{inode: (address, port)}``.

    >>> row = "  0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 4242 1"
    >>> parse_listening("header\\n" + row)
    {4242: ('127.0.0.1', 8080)}
    """
    found = {}
    for line in table.splitlines()[1:]:
        parts = line.split()
        if len(parts) < 10 or parts[3] != _LISTEN:
            continue
        addr_hex, port_hex = parts[1].split(":")
        found[int(parts[9])] = (_address(addr_hex), int(port_hex, 16))
    return found


def _address(hexaddr: str) -> str:
    raw = bytes.fromhex(hexaddr)
    # /proc prints each 32-bit word in host (little-endian) order
    words = [raw[i : i + 4][::-1] for i in range(0, len(raw), 4)]
    packed = b"".join(words)
    if len(packed) == 4:
        return ".".join(str(b) for b in packed)
    import ipaddress

    return str(ipaddress.IPv6Address(packed))


def is_loopback(address: str) -> bool:
    """
    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0"), is_loopback("::ffff:127.0.0.1")
    (True, True, False, True)
    """
    import ipaddress

    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def listening_sockets(pids: Iterable[int], proc: Path = PROC) -> dict[int, list[tuple[str, int]]]:
    """The TCP addresses each of ``pids`` listens on."""
    table: dict[int, tuple[str, int]] = {}
    for name in ("tcp", "tcp6"):
        try:
            table.update(parse_listening((proc / "net" / name).read_text()))
        except OSError:
            pass
    out: dict[int, list[tuple[str, int]]] = {}
    for pid in pids:
        try:
            fds = list((proc / str(pid) / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(fd)
            except OSError:
                continue
            if link.startswith("socket:["):
                inode = int(link[8:-1])
                if inode in table:
                    out.setdefault(pid, []).append(table[inode])
    return out


def not_on_loopback(pids: Iterable[int], proc: Path = PROC) -> list[str]:
    """A line per listening socket of ``pids`` that is reachable from outside the machine."""
    return [
        f"{describe(pid, proc)} listens on {addr}:{port}"
        for pid, addrs in sorted(listening_sockets(pids, proc).items())
        for addr, port in addrs
        if not is_loopback(addr)
    ]


class MemorySampler:
    """Samples the total memory of the run's processes in a thread; keeps the peak."""

    def __init__(self, find: Callable[[], list[int]], interval: float = 1.0):
        self.find, self.interval = find, interval
        self.peak_bytes = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def sample(self) -> int:
        pids = self.find()
        total = sum(memory_bytes(p) for p in pids)
        self.peak_bytes = max(self.peak_bytes, total)
        self.peak_processes = max(self.peak_processes, len(pids))
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie counts as gone)."""
    try:
        state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def terminate(pids: Iterable[int], grace: float = 10.0) -> list[int]:
    """SIGTERM ``pids``, wait up to ``grace`` seconds, SIGKILL what is left. Returns the killed ones."""
    pids = [p for p in pids if p != os.getpid()]
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.2)
    killed = [p for p in pids if alive(p)]
    for pid in killed:
        _signal(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(p) for p in killed):
        time.sleep(0.1)
    return killed


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def wait_until_gone(run_id: str, timeout: float) -> list[int]:
    """Wait up to ``timeout`` seconds for every process of the run to end; returns those still there."""
    deadline = time.monotonic() + timeout
    left = marked_pids(run_id)
    while left and time.monotonic() < deadline:
        time.sleep(0.25)
        left = [p for p in marked_pids(run_id) if alive(p)]
    return [p for p in left if alive(p)]


def die_with_parent() -> None:
    """For ``preexec_fn``: the child gets SIGTERM when the process that started it dies (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def stop_on_sigterm() -> None:
    """Make SIGTERM stop this process as Ctrl-C does, so its ``finally`` blocks stop what it started."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
