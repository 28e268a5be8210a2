"""A simulated student: runs notebooks in their JupyterLab server through the kernel websocket.

It does what JupyterLab does when a student opens a notebook and runs every cell: create a session
(``POST /user/<name>/api/sessions``), open ``/api/kernels/<id>/channels``, send each code cell as an
``execute_request``; and, for an explorer, what a click does: a ``comm_msg`` that changes a control,
after which the explorer's Output widget must show something new.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import struct
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import nbformat
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

SELECTION_MODELS = {"ToggleButtonsModel", "DropdownModel", "RadioButtonsModel", "SelectionSliderModel"}

# For a notebook without an explorer (00 today): an explorer defined here, built with the kit's own
# helpers.widgets.widget(), whose control the student then changes.
TEST_EXPLORER = """\
from IPython.display import display
from helpers import article, plots
from helpers.widgets import Explorer, widget

def _classroom_mentions(word):
    paragraphs = article.paragraphs_mentioning(word)
    fig, ax = plots.new_figure(6, 2.5)
    ax.bar(paragraphs, [1] * len(paragraphs), color=plots.PALETTE[0])
    ax.set_xlim(0.5, 19.5)
    return plots.finish(fig, title=f"{len(paragraphs)} paragraphs mention {word!r}",
                        source="Source: the article as received (seeds/).",
                        alt=f"Paragraphs that mention {word!r}: {paragraphs}.")

display(widget(Explorer("Where the article mentions a word", _classroom_mentions,
                        {"word": [("oil", "oil"), ("fentanyl", "fentanyl"), ("Russia", "Russia")]})))
"""


class StudentError(RuntimeError):
    """A step of a student's work failed (the message says which)."""


@dataclass
class CellResult:
    notebook: str
    index: int
    ok: bool
    error: str = ""


@dataclass
class NotebookRun:
    notebook: str
    seconds: float = 0.0
    cells: list[CellResult] = field(default_factory=list)
    explorer: str = ""  # what the explorer callback showed, or why it failed

    @property
    def failures(self) -> list[str]:
        return [f"{self.notebook} cell {c.index}: {c.error}" for c in self.cells if not c.ok]


def code_cells(nb: nbformat.NotebookNode) -> list[tuple[int, str, bool]]:
    """``(index, source, may_raise)`` for every non-empty code cell, in order.

    >>> from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
    >>> nb = new_notebook(cells=[new_markdown_cell("x"), new_code_cell("1"), new_code_cell("  "),
    ...                          new_code_cell("1/0", metadata={"tags": ["raises-exception"]})])
    >>> code_cells(nb)
    [(1, '1', False), (3, '1/0', True)]
    """
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source.strip():
            tags = cell.get("metadata", {}).get("tags", [])
            out.append((i, cell.source, "raises-exception" in tags))
    return out


def find_explorers(models: dict[str, dict]) -> list[tuple[str, str]]:
    """``(control comm id, output comm id)`` for every box holding a selection control and an Output.

    ``models`` maps widget comm ids to their synced state, as the kernel sent it.

    >>> box = ["IPY_MODEL_t", "IPY_MODEL_s", "IPY_MODEL_o"]
    >>> models = {"b": {"_model_name": "VBoxModel", "children": box},
    ...           "t": {"_model_name": "HTMLModel"},
    ...           "s": {"_model_name": "DropdownModel", "_options_labels": ["a", "b"], "index": 0},
    ...           "o": {"_model_name": "OutputModel", "outputs": []}}
    >>> find_explorers(models)
    [('s', 'o')]
    """
    found = []
    for state in models.values():
        if not state.get("_model_name", "").endswith("BoxModel"):
            continue
        children = [c.removeprefix("IPY_MODEL_") for c in state.get("children", []) if isinstance(c, str)]
        outputs = [c for c in children if models.get(c, {}).get("_model_name") == "OutputModel"]
        controls = [
            c
            for c in children
            if models.get(c, {}).get("_model_name") in SELECTION_MODELS
            and len(models[c].get("_options_labels", [])) > 1
        ]
        if outputs and controls:
            found.append((controls[0], outputs[0]))
    return found


def decode_binary(frame: bytes) -> dict:
    """A kernel message sent as a binary websocket frame (the legacy protocol, with buffers).

    >>> body = json.dumps({"msg_type": "x"}).encode()
    >>> msg = decode_binary(struct.pack("!III", 2, 12, 12 + len(body)) + body + b"buf")
    >>> msg["msg_type"], msg["buffers"]
    ('x', [b'buf'])
    """
    (nbufs,) = struct.unpack("!I", frame[:4])
    offsets = list(struct.unpack(f"!{nbufs}I", frame[4 : 4 + 4 * nbufs])) + [len(frame)]
    msg = json.loads(frame[offsets[0] : offsets[1]].decode())
    msg["buffers"] = [frame[offsets[i] : offsets[i + 1]] for i in range(1, nbufs)]
    return msg


class KernelSession:
    """One notebook open in a student's server: a session, its kernel and the kernel's websocket."""

    def __init__(self, base: str, user: str, token: str, path: str, timeout: float = 300.0):
        self.base, self.user, self.token, self.path = base, user, token, path
        self.timeout = timeout
        self.session = uuid.uuid4().hex
        self.http = AsyncHTTPClient()
        self.ws = None
        self.session_id = self.kernel_id = None
        self.models: dict[str, dict] = {}  # widget comm id -> state
        self.stdout: list[str] = []  # what the kernel printed

    @property
    def server(self) -> str:
        return f"{self.base}/user/{quote(self.user)}"

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    async def open(self) -> None:
        body = {
            "path": self.path,
            "name": Path(self.path).name,
            "type": "notebook",
            "kernel": {"name": "python3"},
        }
        r = await self.http.fetch(
            HTTPRequest(
                f"{self.server}/api/sessions",
                method="POST",
                body=json.dumps(body),
                headers=self._headers(),
                request_timeout=self.timeout,
            )
        )
        info = json.loads(r.body)
        self.session_id, self.kernel_id = info["id"], info["kernel"]["id"]
        url = (
            f"{self.server.replace('http://', 'ws://', 1)}/api/kernels/{self.kernel_id}/channels"
            f"?session_id={self.session}"
        )
        self.ws = await asyncio.wait_for(
            websocket_connect(HTTPRequest(url, headers=self._headers()), max_message_size=64 * 2**20),
            timeout=60,
        )
        await self.wait_for_kernel()

    async def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        if self.session_id:
            try:
                await self.http.fetch(
                    HTTPRequest(
                        f"{self.server}/api/sessions/{self.session_id}",
                        method="DELETE",
                        headers=self._headers(),
                        request_timeout=60,
                    )
                )
            except (HTTPClientError, OSError):
                pass  # the server's own shutdown ends the kernel anyway
            self.session_id = None

    def _send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        msg = {
            "header": {
                "msg_id": msg_id,
                "msg_type": msg_type,
                "username": self.user,
                "session": self.session,
                "date": datetime.datetime.now(datetime.UTC).isoformat(),
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": channel,
            "buffers": [],
        }
        self.ws.write_message(json.dumps(msg))
        return msg_id

    async def _receive(self, timeout: float) -> dict:
        raw = await asyncio.wait_for(self.ws.read_message(), timeout=timeout)
        if raw is None:
            raise StudentError(f"{self.user}: the kernel websocket closed ({self.path})")
        msg = decode_binary(raw) if isinstance(raw, bytes) else json.loads(raw)
        self._track_widgets(msg)
        if msg.get("msg_type") == "status" and msg["content"].get("execution_state") == "dead":
            raise StudentError(f"{self.user}: the kernel died ({self.path})")
        return msg

    def _track_widgets(self, msg: dict) -> None:
        kind, content = msg.get("msg_type"), msg.get("content", {})
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content.get("data", {}).get("state", {}))
        elif kind == "comm_msg" and content.get("comm_id") in self.models:
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update"):
                self.models[content["comm_id"]].update(data.get("state", {}))
        elif kind == "comm_close":
            self.models.pop(content.get("comm_id"), None)

    async def wait_for_kernel(self, timeout: float = 120.0) -> None:
        """Ask for kernel_info until the kernel answers (it may still be starting)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            msg_id = self._send("kernel_info_request", {})
            try:
                while True:
                    msg = await self._receive(timeout=min(5.0, max(0.1, deadline - loop.time())))
                    if (
                        msg.get("parent_header", {}).get("msg_id") == msg_id
                        and msg["msg_type"] == "kernel_info_reply"
                    ):
                        return
            except TimeoutError:
                continue
        raise StudentError(f"{self.user}: the kernel of {self.path} did not answer within {timeout:.0f} s")

    async def _until_idle(self, msg_id: str, want_reply: bool) -> tuple[dict | None, list[dict]]:
        """Messages of request ``msg_id`` until the kernel is idle again (and the reply came)."""
        reply, errors, idle = None, [], False
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        while not (idle and (reply is not None or not want_reply)):
            left = deadline - loop.time()
            if left <= 0:
                raise StudentError(f"{self.user}: no answer within {self.timeout:.0f} s ({self.path})")
            msg = await self._receive(timeout=left)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "execute_reply":
                reply = msg["content"]
            elif kind == "error":
                errors.append(msg["content"])
            elif kind == "stream":
                self.stdout.append(msg["content"].get("text", ""))
            elif kind == "status" and msg["content"].get("execution_state") == "idle":
                idle = True
        return reply, errors

    async def execute(self, code: str) -> tuple[bool, str]:
        """Run ``code``; ``(ok, error text)``."""
        msg_id = self._send(
            "execute_request",
            {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
        )
        reply, errors = await self._until_idle(msg_id, want_reply=True)
        if reply.get("status") != "ok" or errors:
            err = errors[0] if errors else reply
            return False, f"{err.get('ename', reply.get('status'))}: {err.get('evalue', '')}"[:300]
        return True, ""

    async def execute_output(self, code: str) -> tuple[bool, str]:
        """Run ``code``; ``(ok, what it printed)``, or ``(False, error text)``."""
        self.stdout = []
        ok, error = await self.execute(code)
        return ok, "".join(self.stdout) if ok else error

    async def change_control(self, control: str, output: str) -> str:
        """What a click does: move ``control`` to its next option; the ``output`` widget must change."""
        state = self.models[control]
        labels = state.get("_options_labels", [])
        old_index = state.get("index") or 0
        new_index = (old_index + 1) % len(labels)
        before = json.dumps(self.models[output].get("outputs"), sort_keys=True)
        msg_id = self._send(
            "comm_msg",
            {
                "comm_id": control,
                "data": {"method": "update", "state": {"index": new_index}, "buffer_paths": []},
            },
        )
        await self._until_idle(msg_id, want_reply=False)
        after = self.models[output].get("outputs")
        if not after or json.dumps(after, sort_keys=True) == before:
            raise StudentError(
                f"{self.user}: the explorer in {self.path} did not redraw when {labels[old_index]!r} "
                f"became {labels[new_index]!r}"
            )
        kinds = sorted({k for o in after for k in o.get("data", {})})
        return f"{labels[old_index]!r} -> {labels[new_index]!r} redrew ({', '.join(kinds)})"


async def run_notebook(
    base: str,
    user: str,
    token: str,
    notebook: Path,
    *,
    test_explorer: bool = False,
    timeout: float = 300.0,
    after: str = "",
) -> NotebookRun:
    """Open ``notebook`` (already in the student's home), run every code cell, then the code ``after``
    (what a student types in a new cell), click its first explorer (or, with ``test_explorer``, build
    :data:`TEST_EXPLORER` and click that)."""
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    run = NotebookRun(notebook.name)
    nb = nbformat.read(notebook, as_version=4)
    ks = KernelSession(base, user, token, notebook.name, timeout=timeout)
    try:
        await ks.open()
        for index, source, may_raise in code_cells(nb):
            ok, error = await ks.execute(source)
            run.cells.append(
                CellResult(notebook.name, index, ok or may_raise, "" if ok or may_raise else error)
            )
            if not ok and not may_raise:
                break  # like "Run All": a failed cell stops the run
        if after and not run.failures:
            ok, error = await ks.execute(after)
            run.cells.append(CellResult(notebook.name, len(nb.cells), ok, error))
        if not run.failures:
            explorers = find_explorers(ks.models)
            if not explorers and test_explorer:
                ok, error = await ks.execute(TEST_EXPLORER)
                if not ok:
                    raise StudentError(f"{user}: the test explorer did not build: {error}")
                explorers = find_explorers(ks.models)
                if not explorers:
                    raise StudentError(f"{user}: the test explorer showed no control and output widgets")
                run.explorer = "test explorer: "
            if explorers:
                run.explorer += await ks.change_control(*explorers[0])
    except Exception as exc:  # any failure is this student's failure, reported, never a crash of the test
        run.cells.append(CellResult(notebook.name, -1, False, f"{type(exc).__name__}: {exc}"))
    finally:
        await ks.close()
        run.seconds = loop.time() - t0
    return run
