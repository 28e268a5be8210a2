"""The cell-tag vocabulary (DESIGN §5): every tag a notebook cell may carry, and what each output does.

The one home of the tags: the build pipeline, the notebook lint and the tests read them here.

>>> sorted(removed_in("slides"))
['exercise', 'model-answer', 'remove-cell', 'response', 'solution']
>>> unknown(["hide-input", "hide_input"])
['hide_input']
"""

from __future__ import annotations

HIDE_INPUT = "hide-input"                    # output only in handouts and slides
REMOVE_CELL = "remove-cell"                  # assertions and checks: in the notebook, in no output
EXERCISE = "exercise"                        # the student's cell (the prompt, ``answer = ...``, the check)
SOLUTION = "solution"                        # the instructor's answer: instructor handout only
RAISES_EXCEPTION = "raises-exception"        # a cell that teaches an error: expected to raise
NBVAL_IGNORE_OUTPUT = "nbval-ignore-output"  # widget cells: run, output not compared
RESPONSE = "response"                        # a student's written answer (Markdown)
MODEL_ANSWER = "model-answer"                # the collapsed model answer to a **Question:**

ALLOWED = frozenset({HIDE_INPUT, REMOVE_CELL, EXERCISE, SOLUTION, RAISES_EXCEPTION, NBVAL_IGNORE_OUTPUT,
                     RESPONSE, MODEL_ANSWER})

#: The cells each output leaves out.  The student edition keeps ``remove-cell`` cells (they are the
#: notebook's own assertions, which still pass without the solutions) and drops only the solutions.
_REMOVED = {
    "instructor handout": frozenset({REMOVE_CELL}),
    "student handout": frozenset({REMOVE_CELL, SOLUTION}),
    "student edition": frozenset({SOLUTION}),
    "slides": frozenset({REMOVE_CELL, EXERCISE, SOLUTION, RESPONSE, MODEL_ANSWER}),
}
OUTPUTS = tuple(_REMOVED)


def removed_in(output: str) -> frozenset[str]:
    """The tags whose cells ``output`` leaves out.

    >>> sorted(removed_in("student handout"))
    ['remove-cell', 'solution']
    >>> removed_in("poster")
    Traceback (most recent call last):
    ...
    ValueError: unknown output 'poster'; outputs: instructor handout, student handout, student edition, slides
    """
    if output not in _REMOVED:
        raise ValueError(f"unknown output {output!r}; outputs: {', '.join(OUTPUTS)}")
    return _REMOVED[output]


def input_hidden_in(output: str) -> frozenset[str]:
    """The tags whose cells show their output only in ``output`` (code hidden).

    >>> sorted(input_hidden_in("slides")), sorted(input_hidden_in("student edition"))
    (['hide-input'], [])
    """
    removed_in(output)
    return frozenset() if output == "student edition" else frozenset({HIDE_INPUT})


def unknown(tags: object) -> list[str]:
    """The tags in ``tags`` that are not in the vocabulary, sorted.

    >>> unknown(("exercise", "solution"))
    []
    """
    return sorted(set(tags) - ALLOWED)
