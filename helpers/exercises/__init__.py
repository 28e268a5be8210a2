"""The learning layer: question types, Feedback, and one module of questions per notebook.

Modules, one line each:

- ``feedback``: :class:`Feedback`, the result of one check (``ok``, a message, ``answered``);
- ``forms``: equivalent forms of an answer (numpy/pandas values, "P6", HS codes, claim ids);
- ``questions``: the question types Number, Choice (each wrong option its own feedback), Items, Mapping;
- ``judgement``: Verdict (a verdict and the rows that settle it) and CorrectionNote (structure only);
- ``graded``: GradedVerdict, a graded question in the student edition (its form only; the answers are in
  the instructor-only ``grading/`` folder, which ``registry.find`` uses where it is present);
- ``attempts``: the wrong tries per question in this kernel (the hint comes with the second);
- ``registry``: finds a notebook's questions by id (``find("nb02-...")``);
- ``nb00`` … ``nb06``: each notebook's ``QUESTIONS = {"nbNN-...": Number(...), ...}``.
- ``records``: where ``check()`` records a student's attempt on a class server (a line in their home).

Layers run one way: ``helpers.checks`` (the face notebooks call) imports from here, never the
reverse; nothing here imports matplotlib, ``plots``, ``widgets`` or ``figures``.

>>> Choice(expected="b", options=("a", "b")).feedback("b")
✓ Correct.
"""

from helpers.exercises import forms
from helpers.exercises.feedback import NOT_ANSWERED, OK, SAVED, STRUCTURE_OK, Feedback
from helpers.exercises.graded import GradedVerdict
from helpers.exercises.judgement import CorrectionNote, Verdict
from helpers.exercises.questions import Choice, Items, Mapping, Number
from helpers.exercises.registry import find, notebooks_with_exercises

__all__ = ["NOT_ANSWERED", "OK", "SAVED", "STRUCTURE_OK", "Choice", "CorrectionNote", "Feedback",
           "GradedVerdict", "Items", "Mapping", "Number", "Verdict", "find", "forms",
           "notebooks_with_exercises"]
