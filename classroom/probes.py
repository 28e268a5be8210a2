"""What ``make classroom-test`` tries against a running class, as a student (or an intruder) would.

Each probe returns a list of problems (empty: it behaved). Logins go through the login form, as a
browser does; the isolation probe is code run in a student's own kernel; the second hub is a real
``python -m classroom.hub`` on the same homes; the gradebook is collected from the homes the students
wrote to; the grades come from ``make collect`` and ``make grade`` over notebooks the students saved
through their servers (some answered right, some wrong, some not at all, one with a cell that raises).
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import nbformat
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from classroom import collect, grade, gradebook
from classroom.config import ATTEMPTS_FILE, NOTEBOOK_DIR, ROOT, Settings
from classroom.students import KernelSession

# Run in student A's kernel with B's name: each attempt prints "<what> allowed" or "<what> refused".
ISOLATION_PROBE = """\
import os, pathlib
def _try(what, f):
    try:
        f()
        print(what, "allowed")
    except OSError:
        print(what, "refused")
_try("read another home", lambda: os.listdir({other_home!r}))
_try("write another home", lambda: pathlib.Path({other_home!r}, "NOTE.txt").write_text("hi"))
_try("read the hub settings", lambda: open({settings!r}).read())
_try("read the password hashes", lambda: os.listdir({state!r}))
_try("write the kit", lambda: open({kit_file!r}, "a").close())
_try("read the solutions", lambda: open({solutions!r}).read())
"""
PROBES = ("read another home", "write another home", "read the hub settings", "read the password hashes",
          "write the kit", "read the solutions")


async def login(base: str, user: str, password: str) -> tuple[int, str]:
    """Post the login form as a browser does; ``(HTTP status, page text)``: 302 is a login."""
    http = AsyncHTTPClient()
    page = await http.fetch(f"{base}/hub/login", request_timeout=60, raise_error=False)
    cookies = [c.split(";", 1)[0] for c in page.headers.get_list("Set-Cookie")]
    xsrf = next((c.split("=", 1)[1] for c in cookies if c.startswith("_xsrf=")), "")
    r = await http.fetch(
        HTTPRequest(
            f"{base}/hub/login",
            method="POST",
            body=urlencode({"username": user, "password": password, "_xsrf": xsrf}),
            headers={"Cookie": "; ".join(cookies)},
            follow_redirects=False,
            request_timeout=60,
        ),
        raise_error=False,
    )
    return r.code, (r.body or b"").decode(errors="replace")


async def check_logins(s: Settings) -> list[str]:
    """Own passwords (K6), checked names (K14), a lock-out after failed logins (K11), the admin's included."""
    base, problems = s.local_url, []

    async def expect(user: str, password: str, code: int, why: str, text: str = "") -> None:
        got, page = await login(base, user, password)
        if got != code or text not in page:
            problems.append(f"login: {why}: HTTP {got}, expected {code}" + (f" and {text!r}" if text else ""))

    await expect("login-ana", "ana-secret-1", 302, "a new name sets its password")
    await expect("login-ana", "ana-secret-1", 302, "the same name and password again")
    await expect("login-ana", "someone-else", 403, "another password for a taken name (K6)")
    await expect("Login-Ana ", "ana-secret-1", 302, "the name as typed with capitals and a space")
    await expect("maria.fernanda.gonzalez.rodriguez.uni.edu", "long-enough", 403, "a 41-character name (K14)",
                 "at most 24")
    await expect("login-short", "short", 403, "a password under 8 characters", "at least 8")
    if s.admin_users:
        admin = s.admin_users[0]
        await expect(admin, "not-the-admin-password", 403, "the instructor's name with a new password")
        await expect(admin, s.admin_password, 302, "the instructor's password")
        for _ in range(6):
            await login(base, admin, "wrong-password")
        await expect(admin, s.admin_password, 403, "the admin after 6 failures is locked (K11)",
                     "too many failed logins")
    return problems


async def check_isolation(s: Settings, user: str, other: str, token: str) -> list[str]:
    """In ``user``'s kernel, try to reach ``other``'s home, the hub's secrets, the kit and the solutions.
    Isolated: every attempt must be refused. Shared user: they succeed, as the hub said it would."""
    code = ISOLATION_PROBE.format(
        other_home=str(s.homes / other),
        settings=str(Path(s.state_dir) / "settings.json"),
        state=s.state_dir,
        kit_file=str(ROOT / "helpers" / "checks.py"),
        solutions=str(ROOT / "notebooks" / "00-start-here.ipynb"),
    )
    ks = KernelSession(s.local_url, user, token, "00-start-here.ipynb", timeout=120)
    try:
        await ks.open()
        ok, out = await ks.execute_output(code)
    finally:
        await ks.close()
    if not ok:
        return [f"isolation probe: {out}"]
    want = "refused" if s.isolated else "allowed"
    return [
        f"isolation: {user}'s kernel: {what}: not {want}"
        for what in PROBES
        if f"{what} {want}" not in out
    ]


async def check_terminals(s: Settings, user: str, token: str) -> list[str]:
    """A student may not open a terminal (K8) unless the instructor turned them on."""
    r = await AsyncHTTPClient().fetch(
        HTTPRequest(f"{s.local_url}/user/{quote(user)}/api/terminals", method="POST", body="{}",
                    headers={"Authorization": f"token {token}"}, request_timeout=60),
        raise_error=False,
    )
    opened = r.code in (200, 201)
    return [] if opened == s.terminals else [f"terminals: POST /api/terminals gave HTTP {r.code}"]


def check_second_hub(s: Settings, holder_pid: int) -> list[str]:
    """A second hub on the same homes is refused, naming the running one (K13)."""
    args = [sys.executable, "-m", "classroom.hub", "--homes", str(s.homes), "--admin", ""]
    if s.shared_user:
        args.append("--shared-user")
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    expected = ("already running", s.public_url, f"pid {holder_pid}")
    if r.returncode != 2 or not all(e in r.stderr for e in expected):
        return [f"second hub on the same homes: exit {r.returncode}, {r.stderr.strip()[-300:]!r}"]
    return []


def fingerprints(homes: Path) -> dict[str, str]:
    """sha256 of every student's attempts file (to show the gradebook changed none)."""
    files = sorted(Path(homes).glob(f"*/{ATTEMPTS_FILE}"))
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def check_gradebook(s: Settings, expected: dict[str, bool | None], question: str, out: Path) -> list[str]:
    """``make grades`` over the class: each student's answer to ``question`` as ``expected`` (right, wrong,
    or ``None``: never tried), with the students' files unchanged."""
    before = fingerprints(s.homes)
    if gradebook.main(["--homes", str(s.homes), "--out", str(out)]) != 0:
        return ["gradebook: make grades failed"]
    problems = [] if fingerprints(s.homes) == before else ["gradebook: a student's attempts file changed"]
    grades, _ = gradebook.collect(s.homes)
    got = {g.student: g for g in grades if g.question == question}
    for student, ok in expected.items():
        g = got.get(student)
        seen = None if g is None else (g.attempts, g.final_ok, bool(g.first_ok))
        fine = seen is None if ok is None else seen == (1, ok, ok)
        if not fine:
            problems.append(f"gradebook: {student} {question}: {g}, expected {ok}")
    return problems


#: How a simulated student answers the exercises of notebook 00, and the status each exercise must get.
EXPECTED = {"right": "correct", "wrong": "incorrect", "none": "unanswered"}
GRADED_NOTEBOOK = "00-start-here.ipynb"


def answered(student_nb, kit_nb, how: str):
    """A copy of a student's notebook with its exercise cells answered ``how``: "right" (the kit's solution
    cell), "wrong" (text where the answer goes), "none" (as handed out) or "raises" (the first one raises)."""
    solutions = {kit_nb.cells[i - 1].source: c.source for i, c in enumerate(kit_nb.cells)
                 if i and "solution" in c.metadata.get("tags", [])}
    nb = copy.deepcopy(student_nb)
    first = True
    for c in nb.cells:
        if "exercise" not in c.metadata.get("tags", []):
            continue
        if how == "right":
            c.source = solutions[c.source]
        elif how == "wrong":
            c.source = re.sub(r"^(\w+) = \.\.\.", r"\1 = 'not an answer'", c.source, count=1, flags=re.M)
        elif how == "raises" and first:
            c.source, first = "raise ValueError('a mistake in my cell')\n" + c.source, False
    return nb


async def save_notebook(s: Settings, user: str, token: str, name: str, how: str) -> None:
    """What JupyterLab does when ``user`` answers and saves: GET the notebook, PUT it back answered."""
    url = f"{s.local_url}/user/{quote(user)}/api/contents/{quote(name)}"
    headers = {"Authorization": f"token {token}"}
    http = AsyncHTTPClient()
    r = await http.fetch(f"{url}?content=1", headers=headers, request_timeout=60)
    nb = nbformat.from_dict(json.loads(r.body)["content"])
    kit = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    body = json.dumps({"type": "notebook", "format": "json", "content": answered(nb, kit, how)})
    await http.fetch(HTTPRequest(url, method="PUT", body=body, headers=headers, request_timeout=60))


def notebook_prints(homes: Path) -> dict[str, str]:
    """sha256 of every notebook in the homes (to show collecting changed none)."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(homes).glob("*/*.ipynb"))}


async def check_grades(s: Settings, plan: dict[str, str], token: str, out: Path) -> list[str]:
    """The students of ``plan`` save notebook 00 answered as planned; ``make collect`` and ``make grade``
    (notebook 00 only) must give each exercise the status its answer earned, and a feedback page each."""
    try:
        for user, how in plan.items():
            await save_notebook(s, user, token, GRADED_NOTEBOOK, how)
    except Exception as exc:
        return [f"grades: saving a student's notebook failed: {exc!r}"]
    before = notebook_prints(s.homes)
    if collect.main(["--homes", str(s.homes), "--out", str(out / "collected")]) != 0:
        return ["grades: make collect failed"]
    problems = [] if notebook_prints(s.homes) == before else ["grades: make collect changed a home"]
    folder = collect.newest(out / "collected")
    args = ["--collection", str(folder), "--out", str(out), "--notebooks", GRADED_NOTEBOOK[:2], "--jobs", "2"]
    if grade.main(args) != 0:
        return problems + ["grades: make grade failed"]
    with open(out / "grades.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["notebook"] == GRADED_NOTEBOOK]
    for user, how in plan.items():
        mine = [r for r in rows if r["student"] == user]
        want = [EXPECTED.get(how, "unanswered") for _ in mine]
        if how == "raises" and want:
            want[0] = "error"
        got = [r["status"] for r in mine]
        if not mine or got != want:
            problems.append(f"grades: {user} ({how}): statuses {got}, expected {want}")
        page = out / "feedback" / f"{user}.html"
        if not page.is_file():
            problems.append(f"grades: no feedback page for {user}")
        elif how == "wrong" and "✓ Correct" in page.read_text(encoding="utf-8"):
            problems.append(f"grades: {user}'s page says Correct to a wrong answer")
    return problems
