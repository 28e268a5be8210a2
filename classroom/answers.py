"""How ``make grade`` reads a student's answers: cells it adds to a copy of the notebook, and what they emit.

Each exercise ends in ``check("nbNN-...", answer)``. In a copy of the student's notebook the grader adds,
after each exercise cell, a cell that evaluates the expression the student passed to ``check`` (or, if
the cell no longer calls it, the variable the kit's exercise uses) and emits it as JSON in a display
output of its own type (:data:`MIME`). The grader then decodes that JSON in its own process and checks it
against the instructor's answer there: nothing the kernel prints or computes decides a grade, and what
is not plain data (numbers, text, lists, dicts, numpy and pandas values) comes back as a problem.

>>> decode(json.loads(json.dumps(encode_for_test((1, [2.5, "b"], {"C3": "event"}, ...)))))
(1, [2.5, 'b'], {'C3': 'event'}, Ellipsis)
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass

MIME = "application/vnd.chokepoints.answer+json"
EMIT = "_chokepoints_emit"
QID = re.compile(r"""check\(\s*["'](nb\d{2}-[a-z0-9-]+)["']""")
#: An answer's JSON may be at most this long (a DataFrame's worth of text is not an answer).
MAX_CHARS = 200_000

# Run first in the grading kernel: the encoder (tagged JSON for what JSON lacks) and the emitter.
SETUP = f'''\
def {EMIT}(qid, get, MIME={MIME!r}):
    import json as _json
    from IPython.display import display as _display

    def enc(x, depth=0):
        if depth > 20:
            raise TypeError("a structure nested too deep")
        if x is Ellipsis:
            return {{"$": "..."}}
        if x is None or isinstance(x, (bool, int, float, str)):
            return x
        kind = type(x).__name__
        top = type(x).__module__.split(".")[0]
        if top == "pandas" and kind == "Series":
            return {{"$": "series", "index": enc(list(x.index), depth + 1),
                    "values": enc(x.tolist(), depth + 1)}}
        if top == "numpy" and hasattr(x, "tolist"):
            return enc(x.tolist(), depth + 1)
        if isinstance(x, (list, tuple, set, frozenset)):
            items = [enc(i, depth + 1) for i in x]
            return items if isinstance(x, list) else {{"$": type(x).__name__, "items": items}}
        if isinstance(x, dict):
            return {{"$": "dict", "items": [[enc(k, depth + 1), enc(v, depth + 1)] for k, v in x.items()]}}
        raise TypeError(f"a {{kind}}")

    try:
        value = get()
    except Exception as exc:
        payload = {{"qid": qid, "problem": f"the answer could not be read: {{type(exc).__name__}}: {{exc}}"}}
    else:
        try:
            payload = {{"qid": qid, "answer": enc(value)}}
        except (TypeError, ValueError, RecursionError) as exc:
            payload = {{"qid": qid, "problem": f"the answer is {{exc}}, which cannot be graded: use a "
                                              "number, text, a list or a dict"}}
    _display({{MIME: _json.loads(_json.dumps(payload))}}, raw=True)
'''


@dataclass(frozen=True)
class Exercise:
    """One exercise of a kit notebook: its question id, its skill and the expression its check is given."""

    qid: str
    skill: str
    expression: str


def check_expression(source: str, qid: str) -> str | None:
    """The source of the answer passed to ``check(qid, ...)`` in ``source``; None if no such call parses.

    >>> check_expression('x = 3\\ncheck("nb00-map", x * 2)', "nb00-map")
    'x * 2'
    >>> check_expression("check(", "nb00-map") is None
    True
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    found = None
    for node in ast.walk(tree):
        name = getattr(node, "func", None) and getattr(node.func, "id", getattr(node.func, "attr", ""))
        if (isinstance(node, ast.Call) and name == "check" and len(node.args) >= 2
                and isinstance(node.args[0], ast.Constant) and node.args[0].value == qid):
            found = ast.get_source_segment(source, node.args[1])
    return found


def exercises(nb) -> list[Exercise]:
    """The exercises of a kit notebook, in order: each ``exercise`` cell with a ``check("nbNN-...", ...)``."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "exercise" not in cell.metadata.get("tags", []):
            continue
        m = QID.search(cell.source)
        if m:
            expr = check_expression(cell.source, m.group(1)) or "..."
            found.append(Exercise(m.group(1), str(cell.metadata.get("skill", "")), expr))
    return found


def emit_source(qid: str, expression: str) -> str:
    """The cell the grader adds after an exercise cell.

    >>> emit_source("nb00-map", "map_reading")
    "_chokepoints_emit('nb00-map', lambda: (map_reading\\n))"
    """
    return f"{EMIT}({qid!r}, lambda: ({expression}\n))"


def decode(value: object) -> object:
    """An answer as the kernel emitted it, back into Python (tuples, sets, dicts, Series, ``...``)."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    tag = value.get("$")
    if tag == "...":
        return Ellipsis
    if tag == "dict":
        return {_key(decode(k)): decode(v) for k, v in value["items"]}
    if tag in ("tuple", "set", "frozenset"):
        items = [decode(v) for v in value["items"]]
        return tuple(items) if tag == "tuple" else set(map(_key, items))
    if tag == "series":
        import pandas as pd

        return pd.Series(decode(value["values"]), index=[_key(k) for k in decode(value["index"])])
    raise ValueError(f"not an answer the grader wrote: {str(value)[:80]}")


def _key(x: object) -> object:
    return tuple(map(_key, x)) if isinstance(x, list) else x


def read_emitted(outputs: list, qid: str) -> tuple[object, str]:
    """``(answer, "")`` from the outputs of an added cell, or ``(None, problem)`` if none can be read."""
    for out in outputs:
        data = out.get("data", {}) if out.get("output_type") == "display_data" else {}
        if MIME not in data:
            continue
        payload = data[MIME]
        if isinstance(payload, str):
            payload = json.loads(payload)
        if not isinstance(payload, dict) or payload.get("qid") != qid:
            continue
        if "problem" in payload:
            return None, str(payload["problem"])[:500]
        if len(json.dumps(payload.get("answer"))) > MAX_CHARS:
            return None, f"the answer is longer than {MAX_CHARS} characters of JSON, which cannot be graded"
        try:
            return decode(payload.get("answer")), ""
        except (ValueError, KeyError, TypeError) as exc:
            return None, f"the answer could not be read: {exc}"
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if errors:
        first = errors[0]
        return None, f"the answer could not be read: {first.get('ename')}: {first.get('evalue')}"[:500]
    return None, "the answer could not be read (the notebook stopped before this exercise)"


def encode_for_test(x: object) -> object:
    """What :data:`SETUP`'s encoder emits for ``x``, run here (for the tests and the docstring)."""
    out: list = []
    space: dict = {"_shown": lambda data, raw: out.append(data)}
    exec(SETUP.replace("from IPython.display import display as _display", "_display = _shown"), space)
    space[EMIT]("q", lambda: x)
    payload = out[0][MIME]
    if "problem" in payload:
        raise TypeError(payload["problem"])
    return payload["answer"]
