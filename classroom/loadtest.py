"""``make classroom-test``: a whole class at once on a real JupyterHub on loopback.

For each class size N: start the hub on free 127.0.0.1 ports, create N students through the Hub REST API
with a service token, start all their servers at once (a login wave), and have every student run notebooks
00-02 (those that exist) through the kernel websocket, cell by cell, with one explorer callback; probe the
class (:mod:`classroom.probes`: own logins, isolation, terminals, a second hub, the gradebook, and ``make
collect`` / ``make grade`` over notebooks the students saved). Then stop every server and the hub and check
that no process of the run is left. Reports the time until all servers were up, the time until all notebooks
had run (both from the start of the wave), peak memory (PSS of every process of the run) and failures. Exits
non-zero on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from classroom import probes, procs, users
from classroom.config import ROOT, Settings, lesson_notebooks, student_names
from classroom.hub import Hub, HubError, runtime_root
from classroom.students import NotebookRun, run_notebook

# After notebook 00 a third of the class answers a question of a later notebook (one the lessons' cells never
# check) right, a third wrongly, and a third not at all: the gradebook must tell them apart.
GRADED_QUESTION = "nb03-mirror-reading"
ANSWERS = {
    True: "from helpers.checks import check, question\ncheck({q!r}, question({q!r}).expected())",
    False: "from helpers.checks import check\ncheck({q!r}, 'not an answer')",
    None: "",
}
BENCH_SECTION = "## Classroom load"
BENCH_HEADER = (
    "| students | all servers up | all notebooks ran | peak memory | failures | notebooks | load before "
    "| measured |\n"
    "|---:|---:|---:|---:|---:|---|---:|---|"
)


@dataclass
class StudentOutcome:
    name: str
    ready_s: float | None = None  # server ready, seconds from the start of the wave
    done_s: float | None = None  # notebooks done, seconds from the start of the wave
    runs: list[NotebookRun] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[str]:
        return self.problems + [f"{self.name}: {f}" for r in self.runs for f in r.failures]


@dataclass
class ClassReport:
    students: int
    notebooks: list[str]
    hub_start_s: float | None = None
    servers_s: float | None = None
    notebooks_s: float | None = None
    stop_s: float | None = None
    peak_bytes: int = 0
    peak_processes: int = 0
    outcomes: list[StudentOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # failures of the run itself (hub, clean-up)
    explorer: str = ""
    load_before: float = 0.0  # 1-minute load average when the run started (other work slows a wave)
    stop_started: float | None = None  # time.monotonic() when stopping began

    @property
    def failures(self) -> list[str]:
        return self.problems + [f for o in self.outcomes for f in o.failures]

    @property
    def passed(self) -> int:
        return sum(1 for o in self.outcomes if not o.failures and o.done_s is not None)

    @property
    def failed(self) -> int:
        return self.students - self.passed

    def summary(self) -> str:
        def s(x: float | None) -> str:
            return "—" if x is None else f"{x:.1f} s"

        per = [r.seconds for o in self.outcomes for r in o.runs]
        spread = f" (one notebook: {min(per):.1f}-{max(per):.1f} s)" if per else ""
        lines = [
            f"classroom load test: {self.students} students, notebooks {', '.join(self.notebooks)}",
            f"  hub up                {s(self.hub_start_s)}",
            f"  all servers up        {s(self.servers_s)}  (from the start of the login wave)",
            f"  all notebooks ran     {s(self.notebooks_s)}  (from the start of the login wave){spread}",
            f"  everything stopped    {s(self.stop_s)}  (every server through the API, then the hub)",
            f"  peak memory           {gigabytes(self.peak_bytes)} ({self.peak_processes} processes)",
            f"  explorer callback     {self.explorer or '—'}",
            f"  load before the run   {self.load_before:.1f} (1-minute average, {os.cpu_count()} cores)",
            f"  failures              {len(self.failures)}",
        ]
        lines += [f"    - {f}" for f in self.failures[:20]]
        if len(self.failures) > 20:
            lines.append(f"    ... and {len(self.failures) - 20} more")
        return "\n".join(lines)

    def row(self, measured: str) -> str:
        def s(x: float | None) -> str:
            return "—" if x is None else f"{x:.0f} s"

        nbs = ", ".join(n.split("-")[0] for n in self.notebooks)
        return (
            f"| {self.students} | {s(self.servers_s)} | {s(self.notebooks_s)} | {gigabytes(self.peak_bytes)} "
            f"| {len(self.failures)} | {nbs} | {self.load_before:.1f} | {measured} |"
        )


def gigabytes(n: int) -> str:
    """
    >>> gigabytes(2_900_000_000)
    '2.9 GB'
    """
    return f"{n / 1e9:.1f} GB"


def update_benchmarks(text: str, rows: dict[int, str], intro: str = "") -> str:
    """``text`` with the Classroom load rows for these class sizes replaced or added.

    >>> out = update_benchmarks("# Benchmarks\\n", {10: "| 10 | a |"})
    >>> out = update_benchmarks(out, {20: "| 20 | b |", 10: "| 10 | c |"})
    >>> [line for line in out.splitlines() if line.startswith("| 1") or line.startswith("| 2")]
    ['| 10 | c |', '| 20 | b |']
    """
    if BENCH_SECTION not in text:
        text = text.rstrip("\n") + f"\n\n{BENCH_SECTION}\n\n{intro}\n\n{BENCH_HEADER}\n"
    head, rest = text.split(BENCH_SECTION, 1)
    m = re.search(r"\n## ", rest)
    section, tail = (rest[: m.start() + 1], rest[m.start() + 1 :]) if m else (rest, "")
    lines = section.split("\n")
    table_at = next((i for i, line in enumerate(lines) if line.startswith("| students")), None)
    if table_at is None:
        lines[-1:-1] = ["", *BENCH_HEADER.split("\n")]
        table_at = next(i for i, line in enumerate(lines) if line.startswith("| students"))
    end = table_at + 2
    old = {}
    while end < len(lines) and lines[end].startswith("|"):
        key = lines[end].split("|")[1].strip()
        if key.isdigit():
            old[int(key)] = lines[end]
        end += 1
    old.update(rows)
    lines[table_at + 2 : end] = [old[k] for k in sorted(old)]
    return head + BENCH_SECTION + "\n".join(lines) + tail


class HubAPI:
    """The Hub REST API with the run's service token."""

    def __init__(self, base: str, token: str):
        self.base, self.token = base, token
        self.http = AsyncHTTPClient()

    async def call(self, method: str, path: str, body=None, timeout: float = 120.0, ok=(200, 201, 202, 204)):
        r = await self.http.fetch(
            HTTPRequest(
                f"{self.base}/hub/api{path}",
                method=method,
                body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
                headers={"Authorization": f"token {self.token}"},
                request_timeout=timeout,
                connect_timeout=timeout,
            ),
            raise_error=False,
        )
        if r.code not in ok:
            detail = r.body.decode(errors="replace")[:300] if r.body else (str(r.error) if r.error else "")
            raise HubError(f"{method} {path}: HTTP {r.code} {detail}")
        return json.loads(r.body) if r.body else None

    async def users(self) -> dict[str, dict]:
        return {u["name"]: u for u in await self.call("GET", "/users?limit=1000")}


async def drive(
    settings: Settings,
    names: list[str],
    notebooks: list[Path],
    report: ClassReport,
    cell_timeout: float,
    deadline: float,
    logs: Path,
) -> None:
    """The login wave and the students' work, at most ``deadline`` seconds; then every server is stopped."""
    loop = asyncio.get_running_loop()
    api = HubAPI(settings.local_url, settings.service_token)
    outcomes = {n: StudentOutcome(n) for n in names}
    report.outcomes = list(outcomes.values())
    await api.call("POST", "/users", {"usernames": names})
    report.problems += await probes.check_logins(settings)
    right = {name: (True, False, None)[i % 3] for i, name in enumerate(names)}

    state: dict[str, asyncio.Future] = {n: loop.create_future() for n in names}
    requested: set[str] = set()  # servers the hub has accepted to start (pending or up)
    t0 = loop.time()

    async def request_server(name: str) -> None:
        try:
            await api.call("POST", f"/users/{quote(name)}/server", timeout=settings.start_timeout + 60)
            requested.add(name)
        except Exception as exc:  # one student's failure, reported
            if not state[name].done():
                state[name].set_result(f"{name}: the server did not start: {exc}")

    async def watch_servers() -> None:
        spawn_deadline = t0 + settings.start_timeout + 60
        while not all(f.done() for f in state.values()):
            if loop.time() > spawn_deadline:
                for name, f in state.items():
                    if not f.done():
                        f.set_result(f"{name}: the server was not up after {spawn_deadline - t0:.0f} s")
                return
            try:
                users = await api.users()
            except Exception:  # the hub is busy; ask again
                users = {}
            for name, f in state.items():
                u = users.get(name)
                if f.done() or u is None:
                    continue
                server = u.get("servers", {}).get("")
                if server and server.get("ready"):
                    outcomes[name].ready_s = loop.time() - t0
                    f.set_result(None)
                elif server or u.get("pending"):
                    requested.add(name)
                elif name in requested:
                    f.set_result(f"{name}: the server stopped while starting (see the hub log)")
            await asyncio.sleep(1.0)

    async def student(name: str) -> None:
        problem = await state[name]
        out = outcomes[name]
        if problem:
            out.problems.append(problem)
            return
        explored = False
        graded = ANSWERS[right[name]].format(q=GRADED_QUESTION)
        for i, nb in enumerate(notebooks):
            last = i == len(notebooks) - 1
            run = await run_notebook(
                settings.local_url,
                name,
                settings.service_token,
                nb,
                test_explorer=last and not explored,
                timeout=cell_timeout,
                after=graded if i == 0 else "",
            )
            out.runs.append(run)
            if run.explorer:
                explored = True
                report.explorer = report.explorer or f"{nb.name}: {run.explorer}"
        if not explored and not out.failures:
            out.problems.append(f"{name}: no explorer callback ran")
        out.done_s = loop.time() - t0

    async def watch_sockets() -> None:
        while True:
            try:
                lines = procs.not_on_loopback(procs.marked_pids(settings.run_id))
            except Exception as exc:  # a process vanished mid-read; look again next time
                lines = [] if isinstance(exc, OSError) else [f"socket check failed: {exc!r}"]
            for line in lines:
                if line not in report.problems:
                    report.problems.append(line)
            await asyncio.sleep(5.0)

    sockets = asyncio.create_task(watch_sockets())
    try:
        await asyncio.wait_for(
            asyncio.gather(
                *(request_server(n) for n in names), watch_servers(), *(student(n) for n in names)
            ),
            timeout=deadline,
        )
        report.problems += await probe_class(settings, names, right, logs)
    except TimeoutError:
        report.problems.append(f"the class had not finished after {deadline:.0f} s")
    finally:
        sockets.cancel()
        report.stop_started = time.monotonic()
        ready = [o.ready_s for o in outcomes.values()]
        done = [o.done_s for o in outcomes.values()]
        report.servers_s = max(ready) if all(r is not None for r in ready) else None
        report.notebooks_s = max(done) if all(d is not None for d in done) else None
        await stop_servers(api, names)


async def probe_class(
    settings: Settings, names: list[str], right: dict[str, bool | None], logs: Path
) -> list[str]:
    """While every server is up: a student's kernel against another's home and the hub, terminals, a second
    hub on the same homes, the gradebook of the class, and its grades (make collect, make grade)."""
    token = settings.service_token
    problems = await probes.check_terminals(settings, names[0], token)
    if len(names) > 1:
        problems += await probes.check_isolation(settings, names[0], names[1], token)
    problems += await asyncio.to_thread(probes.check_second_hub, settings, os.getpid())
    graded = lesson_notebooks(Path(settings.notebooks[0]).parent, ("00",)) if settings.notebooks else []
    if graded:
        problems += probes.check_gradebook(settings, right, GRADED_QUESTION, logs / "attempts.csv")
        plan = {n: {True: "right", False: "wrong", None: "none"}[right[n]] for n in names}
        if len(names) > 3:
            plan[names[-1]] = "raises"
        problems += await probes.check_grades(settings, plan, token, logs / "grades")
    return problems


async def stop_servers(api: HubAPI, names: list[str], timeout: float = 180.0) -> None:
    """Stop every student's server through the API, all at once, and wait until none is left."""

    async def stop(name: str) -> None:
        try:
            await api.call("DELETE", f"/users/{quote(name)}/server", timeout=timeout, ok=(202, 204, 400, 404))
        except Exception:  # the hub's own shutdown stops what is left
            pass

    await asyncio.gather(*(stop(n) for n in names))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        try:
            users = await api.users()
        except Exception:
            return
        if not any(users.get(n, {}).get("servers") for n in names):
            return
        await asyncio.sleep(1.0)


def run_class(
    n: int, notebooks: list[Path], *, spawn_timeout: int, cell_timeout: float, deadline: float, logs: Path
) -> ClassReport:
    """One class of ``n`` students, start to finish; everything it started is stopped before it returns."""
    report = ClassReport(n, [p.stem for p in notebooks], load_before=os.getloadavg()[0])
    homes = Path(tempfile.mkdtemp(prefix="chokepoints-classroom-"))
    state = homes / ".hub"
    runtime = runtime_root()
    settings = Settings.create(
        homes,
        runtime_root=runtime,
        shared_user=os.geteuid() != 0,  # as root (CI): a system user per student, and the probes prove it
        admin_user="instructor",
        service_token=True,
        notebooks=notebooks,
        netguard=True,
        start_timeout=spawn_timeout,
        http_timeout=spawn_timeout,
    )
    hub = Hub(settings, log=state / "hub.log")
    sampler = procs.MemorySampler(lambda: procs.marked_pids(settings.run_id), interval=1.0)
    AsyncHTTPClient.configure(None, max_clients=4 * n + 20)
    try:
        with sampler:
            try:
                hub.start()
                report.hub_start_s = hub.wait_ready()
                names = student_names(n)
                asyncio.run(drive(settings, names, notebooks, report, cell_timeout, deadline, logs))
            except Exception as exc:  # reported as a failure of the run; clean-up follows
                report.problems.append(f"{type(exc).__name__}: {exc}")
            finally:
                t = report.stop_started or time.monotonic()
                left = hub.stop()
                report.stop_s = time.monotonic() - t
                report.problems += [f"outlived the hub's stop (ended by the test): {p}" for p in left]
        still = procs.marked_pids(settings.run_id)
        if still:
            report.problems += [f"still running after the clean-up: {procs.describe(p)}" for p in still]
            procs.terminate(still)
        report.peak_bytes, report.peak_processes = sampler.peak_bytes, sampler.peak_processes
    finally:
        logs.mkdir(parents=True, exist_ok=True)
        if (state / "hub.log").exists():
            shutil.copyfile(state / "hub.log", logs / f"hub-{n}-students.log")
        if settings.isolated:
            for name in [*student_names(n), "login-ana", "instructor"]:
                users.remove_system_user(name)
        shutil.rmtree(homes, ignore_errors=True)
        shutil.rmtree(runtime, ignore_errors=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make classroom-test", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--students", type=int, nargs="+", default=[10], help="class sizes to test, one run each (default 10)"
    )
    parser.add_argument(
        "--spawn-timeout",
        type=int,
        default=0,
        help="seconds a server may take to start (default: 300, or 10 per student if more)",
    )
    parser.add_argument("--cell-timeout", type=float, default=300.0)
    parser.add_argument(
        "--deadline",
        type=float,
        default=0,
        help="seconds for the whole class, login wave to last notebook (default: 60 a student, 900 at least)",
    )
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    parser.add_argument(
        "--logs", type=Path, default=ROOT / "build" / "classroom-test", help="where the hub logs are kept"
    )
    parser.add_argument(
        "--record",
        type=Path,
        metavar="benchmarks/classroom.md",
        help="write the figures into the 'Classroom load' table of this file",
    )
    args = parser.parse_args(argv)

    notebooks = lesson_notebooks(args.notebooks)
    if not notebooks:
        print(
            f"no notebook 00, 01 or 02 in {args.notebooks}: nothing for the students to run", file=sys.stderr
        )
        print("classroom: 0 passed, 1 failed")
        return 1
    procs.stop_on_sigterm()
    reports = []
    for n in args.students:
        if n < 1:
            parser.error("--students takes class sizes of at least 1")
        timeout = args.spawn_timeout or max(300, 10 * n)
        print(
            f"\n== {n} students: hub on 127.0.0.1, notebooks {', '.join(p.name for p in notebooks)}",
            flush=True,
        )
        deadline = args.deadline or max(900, 60 * n)
        report = run_class(
            n,
            notebooks,
            spawn_timeout=timeout,
            cell_timeout=args.cell_timeout,
            deadline=deadline,
            logs=args.logs,
        )
        reports.append(report)
        print(report.summary(), flush=True)
        if report.failures:
            print(f"  hub log: {args.logs / f'hub-{n}-students.log'}")

    print("\n" + BENCH_HEADER)
    measured = datetime.date.today().isoformat()
    for r in reports:
        print(r.row(measured))
    if args.record:
        intro = (
            "`make classroom-test` (`STUDENTS=20 make classroom-test`): every student's server started at "
            "once through the Hub REST API, then every student ran the notebooks cell by cell through the "
            "kernel websocket, with one explorer callback. Times from the start of the login wave; peak "
            "memory is the PSS of every process of the run (hub, proxy, servers, kernels)."
        )
        old = args.record.read_text() if args.record.exists() else "# Benchmarks\n"
        args.record.write_text(update_benchmarks(old, {r.students: r.row(measured) for r in reports}, intro))
        print(f"recorded in {args.record}")
    passed = sum(r.passed for r in reports)
    failed = sum(r.failed for r in reports) + sum(1 for r in reports if r.problems and not r.failed)
    print(f"classroom: {passed} passed, {failed} failed")
    return 1 if any(r.failures for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
