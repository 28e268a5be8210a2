"""The learning layer: question types, Feedback, and one module of questions per notebook.

Modules, one line each:

- ``feedback``: :class:`Feedback`, the result of one check (``ok`` and a message);
- ``questions``: the question types (Number, Choice, Items, Mapping, CorrectionNote);
- ``registry``: finds a notebook's questions by id (``find("nb02-...")``);
- ``nb00`` … ``nb05``: each notebook's ``QUESTIONS = {"nbNN-...": Number(...), ...}``.
- ``records``: where ``check()`` records a student's attempt on a class server (a line in their home).

Layers run one way: ``helpers.checks`` (the face notebooks call) imports from here, never the
reverse; nothing here imports matplotlib, ``plots``, ``widgets`` or ``figures``.

>>> Choice(expected="b", options=("a", "b")).feedback("b")
✓ Correct.
"""

from helpers.exercises.feedback import OK, Feedback
from helpers.exercises.questions import Choice, CorrectionNote, Items, Mapping, Number
from helpers.exercises.registry import find, notebooks_with_exercises

__all__ = ["OK", "Choice", "CorrectionNote", "Feedback", "Items", "Mapping", "Number", "find",
           "notebooks_with_exercises"]
