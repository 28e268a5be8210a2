"""Where the questions live: one module per notebook, found by the notebook's two-digit number.

The kit's own notebooks have theirs in the package (``helpers/exercises/nbNN.py``).  A new
article made by ``make new-article`` has its questions beside its notebook, as
``notebooks/nbNN_questions.py`` (or in the folder a notebook runs from), so the scaffold
never writes into the installed package.

A graded question (:class:`~helpers.exercises.graded.GradedVerdict`) has its answer in the instructor's
``grading/nbNN.py`` (``ANSWERS``), beside ``helpers/`` in the kit's checkout: :func:`answer_key` reads it
there, and :func:`find` hands it out instead of the form-only question, except in a student's server on a
class hub (``JUPYTERHUB_USER`` set). Without that folder (the wheel, the student repository, the class
server's copy of the kit) a graded question checks only the form.

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
import os
import re
from functools import cache
from pathlib import Path
from types import ModuleType

from helpers import paths
from helpers.paths import NOTEBOOKS_DIR

_QID = re.compile(r"^nb(\d{2})-[a-z0-9-]+$")
_HERE = Path(__file__).parent
#: The instructor-only folder of graded answers, beside ``helpers/`` in a checkout (never in the wheel).
GRADING_DIR = "grading"
#: Set by JupyterHub in a student's server: graded questions check only the form there, whatever is on disk.
HUB_USER_ENV = "JUPYTERHUB_USER"


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


def grading_dir(package_dir: Path = paths.PACKAGE_DIR) -> Path | None:
    """The instructor's ``grading/`` folder, or None where it is not (an installed kit, the student edition).

    >>> grading_dir(Path("/nowhere/site-packages/helpers")) is None
    True
    """
    root = paths.checkout(package_dir)
    folder = root / GRADING_DIR if root is not None else None
    return folder if folder is not None and folder.is_dir() else None


def answers(number: str) -> dict:
    """The graded questions of notebook ``number`` with their answers (``grading/nbNN.py``); {} if none.

    >>> sorted(answers("02"))
    ['nb02-c2-verdict']
    """
    folder = grading_dir()
    path = folder / f"nb{number}.py" if folder is not None else None
    return dict(_load_file(path).ANSWERS) if path is not None and path.is_file() else {}


def graded(question) -> bool:
    """Whether ``question`` is graded by the instructor (its answer is not in the student edition).

    >>> graded(find("nb00-themes"))
    False
    """
    return bool(getattr(question, "graded", False))


def answer_key(question_id: str):
    """The question behind ``question_id`` with its answer, as ``make grade`` needs it: a graded question's
    from ``grading/`` (an error naming the folder if it is missing), any other's from :func:`find`.

    >>> answer_key("nb02-c2-verdict").kind
    'verdict'
    """
    q = _questions(question_id)[question_id]
    if not graded(q):
        return q
    key = answers(question_id[2:4]).get(question_id)
    if key is None:
        raise KeyError(
            f"no answer for the graded question {question_id!r}: it belongs in ANSWERS of "
            f"{GRADING_DIR}/nb{question_id[2:4]}.py, beside helpers/ in the kit's checkout (the instructor's "
            "copy; the student edition does not have it). Run make grade from the checkout"
        )
    return key


def find(question_id: str):
    """The question object behind an id like ``"nb02-trade-growth"``; an unknown id is a KeyError.

    >>> find("nb00-nope")
    Traceback (most recent call last):
    ...
    KeyError: "unknown question 'nb00-nope'; notebook 00 has: nb00-map, ..."
    """
    q = _questions(question_id)[question_id]
    if graded(q) and not os.environ.get(HUB_USER_ENV):
        return answers(question_id[2:4]).get(question_id, q)
    return q


def _questions(question_id: str) -> dict:
    """The questions of ``question_id``'s notebook, as its module has them; a KeyError names what is wrong."""
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
    return questions
