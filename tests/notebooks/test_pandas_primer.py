"""Notebook 00's primer covers every pandas operation the later notebooks' cells use (issue 18, item 6).

The primer is the section "The Python you need" in 00. A pandas operation is a name pandas gives a
DataFrame, a Series or its ``.str`` accessor that a dict, a str or a list does not have (so ``.items()`` or
``.join()`` on a dict or a string is not counted); calls on the kit's own modules (``fentanyl.pct_change``)
are not pandas either. Hidden assertion cells (``remove-cell``) are not read by students and are skipped.
"""

from __future__ import annotations

import json
import re

import pandas as pd

from helpers.paths import NOTEBOOKS_DIR

PRIMER = "## The Python you need"
_ATTR = re.compile(r"(\b[A-Za-z_]\w*|[\])])\s*\.\s*([a-z_]+)\b")
_IMPORTED = re.compile(r"^\s*(?:from\s+\S+\s+)?import\s+(.+)$", re.M)
PANDAS_NAMES = frozenset(
    n for n in set(dir(pd.DataFrame)) | set(dir(pd.Series)) | set(dir(pd.Series.str))
    if not n.startswith("_")
) - set(dir(dict)) - set(dir(str)) - set(dir(list))


def _cells(number: str) -> list[dict]:
    path = next(NOTEBOOKS_DIR.glob(f"{number}-*.ipynb"))
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _imported(cells: list[dict]) -> set[str]:
    """The names a notebook imports (modules and helpers), whose attributes are not pandas."""
    names = {"pd", "np", "plt"}
    for cell in cells:
        for match in _IMPORTED.finditer(_text(cell) if cell["cell_type"] == "code" else ""):
            for part in match.group(1).split(","):
                names.add(part.split(" as ")[-1].strip().split(".")[0])
    return names


def pandas_used(text: str, modules: set[str]) -> set[str]:
    """The pandas operations named in some code, leaving out attributes of the given modules.

    >>> sorted(pandas_used('t["a"].value_counts().tail(2); fentanyl.pct_change(1, 2); d.items()', {"fentanyl"}))
    ['tail', 'value_counts']
    """
    return {name for left, name in _ATTR.findall(text) if name in PANDAS_NAMES and left not in modules}


def primer_taught() -> set[str]:
    """Every pandas operation named in the primer, in its prose or its code."""
    cells = _cells("00")
    start = next(i for i, c in enumerate(cells) if _text(c).startswith(PRIMER))
    end = next(i for i, c in enumerate(cells[start + 1:], start + 1)
               if c["cell_type"] == "markdown" and _text(c).startswith("## "))
    return {name for c in cells[start:end] for name in re.findall(r"\.([a-z_]+)\b", _text(c))}


def test_the_primer_covers_what_later_notebooks_use():
    taught = primer_taught()
    missing = {}
    for number in ("01", "02", "03", "04", "05", "06"):
        cells = _cells(number)
        modules = _imported(cells)
        for cell in cells:
            if cell["cell_type"] != "code" or "remove-cell" in cell["metadata"].get("tags", []):
                continue
            for name in pandas_used(_text(cell), modules) - taught:
                missing.setdefault(name, set()).add(number)
    assert not missing, (
        f"pandas used in later notebooks but not named in 00's primer: {missing}; "
        "add it to the primer's table (section 6) or write the cell without it"
    )


def test_the_primer_teaches_the_five_operations_with_a_self_check_each():
    cells = _cells("00")
    ids = {m for c in cells if "exercise" in c["metadata"].get("tags", [])
           for m in re.findall(r'check\("(nb00-py-[a-z]+)"', _text(c))}
    assert ids == {"nb00-py-columns", "nb00-py-filter", "nb00-py-loc", "nb00-py-groupby", "nb00-py-pivot"}
    assert {"loc", "groupby", "pivot_table", "set_index", "query"} <= primer_taught()
