"""Where the questions live: one module per notebook, found by the notebook's two-digit number.

The kit's own notebooks have theirs in the package (``helpers/exercises/nbNN.py``).  A new
article made by ``make new-article`` has its questions beside its notebook, as
``notebooks/nbNN_questions.py`` (or in the folder a notebook runs from), so the scaffold
never writes into the installed package.

>>> find("nb00-themes").kind
'choice'
>>> find("nb99-x")
Traceback (most recent call last):
...
KeyError: "no exercises for notebook 99 (question id 'nb99-x'); notebooks with exercises: 00..."
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from functools import cache
from pathlib import Path
from types import ModuleType

from helpers.paths import NOTEBOOKS_DIR

_QID = re.compile(r"^nb(\d{2})-[a-z0-9-]+$")
_HERE = Path(__file__).parent


def questions_file(number: str) -> str:
    """The file name of a new article's questions module, kept beside its notebook.

    >>> questions_file("10")
    'nb10_questions.py'
    """
    return f"nb{number}_questions.py"


def _folders() -> list[Path]:
    folders = []
    for folder in (Path.cwd(), NOTEBOOKS_DIR):
        if folder.resolve() not in folders:
            folders.append(folder.resolve())
    return folders


def notebooks_with_exercises() -> list[str]:
    """The two-digit numbers of the notebooks that have a questions module.

    >>> "00" in notebooks_with_exercises()
    True
    """
    found = {p.stem[2:] for p in _HERE.glob("nb[0-9][0-9].py")}
    for folder in _folders():
        found |= {p.name[2:4] for p in folder.glob("nb[0-9][0-9]_questions.py")}
    return sorted(found)


@cache
def _load_file(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _module(number: str) -> ModuleType | None:
    name = f"helpers.exercises.nb{number}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
    for folder in _folders():
        path = folder / questions_file(number)
        if path.is_file():
            return _load_file(path)
    return None


def find(question_id: str):
    """The question object behind an id like ``"nb02-trade-growth"``; an unknown id is a KeyError.

    >>> find("nb00-nope")
    Traceback (most recent call last):
    ...
    KeyError: "unknown question 'nb00-nope'; notebook 00 has: nb00-map, ..."
    """
    match = _QID.match(question_id) if isinstance(question_id, str) else None
    if not match:
        raise KeyError(
            f"{question_id!r} is not a question id; ids look like 'nb02-trade-growth' "
            "(nb, two digits, a dash, lower-case words)"
        )
    number = match.group(1)
    module = _module(number)
    if module is None:
        have = ", ".join(notebooks_with_exercises())
        raise KeyError(
            f"no exercises for notebook {number} (question id {question_id!r}); "
            f"notebooks with exercises: {have}"
        )
    questions = module.QUESTIONS
    if question_id not in questions:
        raise KeyError(
            f"unknown question {question_id!r}; notebook {number} has: " + ", ".join(sorted(questions))
        )
    return questions[question_id]
