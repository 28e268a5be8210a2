"""Where check() records a student's result: one JSON line per attempt in the student's own home.

Recording happens only on a class server: the hub sets ``CHOKEPOINTS_ATTEMPTS`` to a file in the
student's home (``classroom/config.py``). Elsewhere (``make lab``, Binder, the tests) nothing is written.
A record that cannot be written never stops the check: the student still gets the feedback.

>>> import json, os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "attempts.jsonl")
>>> os.environ[ATTEMPTS_ENV] = path
>>> record("nb00-themes", True)
True
>>> row = json.loads(open(path).read())
>>> row["question"], row["ok"], sorted(row)
('nb00-themes', True, ['ok', 'question', 'student', 'time'])
>>> del os.environ[ATTEMPTS_ENV]
"""

from __future__ import annotations

import datetime
import getpass
import json
import os

ATTEMPTS_ENV = "CHOKEPOINTS_ATTEMPTS"
STUDENT_ENV = "JUPYTERHUB_USER"  # set by JupyterHub in every student's server and so in their kernels


def record(question_id: str, ok: object):
    """Append one attempt (question id, whether it was right, UTC time, student) to the file named by
    ``CHOKEPOINTS_ATTEMPTS``; return ``ok`` unchanged, so ``check()`` can return ``record(id, feedback)``.

    >>> record("nb00-themes", False)  # no class server: nothing written
    False
    """
    path = os.environ.get(ATTEMPTS_ENV)
    if not path:
        return ok
    row = {
        "student": os.environ.get(STUDENT_ENV) or getpass.getuser(),
        "question": str(question_id),
        "ok": bool(ok),
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
    except OSError:
        pass  # a full disk or a removed home must not take the feedback away
    return ok
