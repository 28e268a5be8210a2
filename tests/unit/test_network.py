"""The suite and every kernel it starts make no network request: the guard refuses them."""

import os
import socket

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook


def test_guard_is_on_in_the_test_process():
    assert os.environ["CHOKEPOINTS_NETGUARD"] == "1"
    with pytest.raises(OSError, match="network access is blocked"):
        socket.create_connection(("93.184.216.34", 80), timeout=2)
    with pytest.raises(OSError, match="name lookup is blocked"):
        socket.getaddrinfo("example.com", 443)


@pytest.mark.parametrize("name", ["gethostbyname", "gethostbyname_ex"])
def test_the_older_name_lookups_are_refused_too_but_not_localhost(name):
    lookup = getattr(socket, name)
    with pytest.raises(OSError, match="name lookup is blocked"):
        lookup("example.com")
    assert lookup("localhost")


def test_udp_to_another_machine_is_refused_by_sendto_and_sendmsg():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        with pytest.raises(OSError, match="network access is blocked"):
            s.sendto(b"x", ("93.184.216.34", 53))
        with pytest.raises(OSError, match="network access is blocked"):
            s.sendmsg([b"x"], [], 0, ("93.184.216.34", 53))


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()


def test_guard_is_on_inside_notebook_kernels():
    """A kernel started the way nbval and the handout builder start one refuses the network."""
    probe = (
        "import urllib.request\n"
        "try:\n"
        "    urllib.request.urlopen('http://93.184.216.34/', timeout=2)\n"
        "    print('REACHED')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    nb = new_notebook(cells=[new_code_cell(probe)])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert "REACHED" not in text
    assert "network access is blocked" in text, text
    nbformat.validate(nb)


def test_a_child_process_started_with_child_env_is_guarded_without_importing_the_package():
    import subprocess
    import sys

    from helpers import netguard

    probe = (
        "import socket, sys\n"
        "try:\n"
        "    socket.create_connection(('93.184.216.34', 80), timeout=2)\n"
        "except OSError as exc:\n"
        "    print(exc)\n"
        "print('helpers' in sys.modules)\n"
    )
    env = netguard.child_env({k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", netguard.ENV)})
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.splitlines() == [
        "network access is blocked in the kit's tests and notebooks: tried 93.184.216.34", "False"]


def test_nothing_outside_tests_imports_from_tests():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = []
    for folder in ("helpers", "classroom", "benchmarks"):
        for path in (root / folder).rglob("*.py"):
            if "node_modules" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(text)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                offenders += [f"{path.relative_to(root)} imports {n}" for n in names
                              if n == "tests" or n.startswith("tests.")]
            if '"tests"' in text or "'tests'" in text or "tests/netguard" in text:
                offenders.append(f"{path.relative_to(root)} names the tests folder")
    assert offenders == []
