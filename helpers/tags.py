"""The cell-tag vocabulary (DESIGN §5): every tag a notebook cell may carry, and what each output does.

The one home of the tags: the build pipeline, the notebook lint and the tests read them here.

>>> sorted(removed_in("slides"))
['exercise', 'model-answer', 'remove-cell', 'response', 'solution']
>>> treatment(MODEL_ANSWER, "student handout")
'folded'
>>> unknown(["hide-input", "hide_input"])
['hide_input']
"""

from __future__ import annotations

HIDE_INPUT = "hide-input"                    # output only in handouts and slides
REMOVE_CELL = "remove-cell"                  # assertions and checks: hidden in the notebook, in no output
EXERCISE = "exercise"                        # the student's cell (the prompt, ``answer = ...``, the check)
SOLUTION = "solution"                        # the instructor's answer: instructor handout only
RAISES_EXCEPTION = "raises-exception"        # a cell that teaches an error: expected to raise
NBVAL_IGNORE_OUTPUT = "nbval-ignore-output"  # widget cells: run, output not compared
RESPONSE = "response"                        # a student's written answer (Markdown)
MODEL_ANSWER = "model-answer"                # the model answer to a **Question:**, collapsed

ALLOWED = frozenset({HIDE_INPUT, REMOVE_CELL, EXERCISE, SOLUTION, RAISES_EXCEPTION, NBVAL_IGNORE_OUTPUT,
                     RESPONSE, MODEL_ANSWER})

#: The skills an exercise cell names in its metadata (``"skill": "judge"``); DESIGN §5 and §8.
SKILL_KEY = "skill"
SKILLS = ("judge", "compute", "lookup")

# What an output does with a tagged cell.
SHOWN = "shown"                    # as in the notebook
REMOVED = "removed"                # left out
OUTPUT_ONLY = "output only"        # the code hidden, its output shown
PROMPT = "prompt"                  # the code shown, its output (the stub's feedback) left out
PROMPT_AND_BOX = "prompt and box"  # the code shown without its output, then an empty answer box
ANSWER_BOX = "answer box"          # an empty, ruled answer box that prints well
OPEN = "open"                      # shown, labelled "Model answer"
FOLDED = "folded"                  # behind <details><summary>Compare with a model answer</summary>
COLLAPSED = "collapsed"            # in the notebook, its source hidden (``jupyter.source_hidden``)

OUTPUTS = ("instructor handout", "student handout", "student edition", "slides")

#: tag -> what each output does with its cells, in the order of OUTPUTS (DESIGN §5's table).
_TABLE = {
    HIDE_INPUT: (OUTPUT_ONLY, OUTPUT_ONLY, SHOWN, OUTPUT_ONLY),
    REMOVE_CELL: (REMOVED, REMOVED, REMOVED, REMOVED),
    EXERCISE: (PROMPT, PROMPT_AND_BOX, SHOWN, REMOVED),
    SOLUTION: (SHOWN, REMOVED, REMOVED, REMOVED),
    RAISES_EXCEPTION: (SHOWN, SHOWN, SHOWN, SHOWN),
    NBVAL_IGNORE_OUTPUT: (SHOWN, SHOWN, SHOWN, SHOWN),
    RESPONSE: (REMOVED, ANSWER_BOX, SHOWN, REMOVED),
    MODEL_ANSWER: (OPEN, FOLDED, COLLAPSED, REMOVED),
}


def _check(output: str) -> int:
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r}; outputs: {', '.join(OUTPUTS)}")
    return OUTPUTS.index(output)


def treatment(tag: str, output: str) -> str:
    """What ``output`` does with the cells tagged ``tag`` (``"shown"`` for an untagged cell's tag "").

    >>> treatment(EXERCISE, "student handout"), treatment(RESPONSE, "student edition")
    ('prompt and box', 'shown')
    >>> treatment("", "slides")
    'shown'
    """
    i = _check(output)
    return _TABLE[tag][i] if tag in _TABLE else SHOWN


def treatments(output: str) -> dict[str, str]:
    """Every tag that ``output`` does not simply show, with what it does instead.

    >>> treatments("student edition")
    {'remove-cell': 'removed', 'solution': 'removed', 'model-answer': 'collapsed'}
    """
    i = _check(output)
    return {tag: row[i] for tag, row in _TABLE.items() if row[i] != SHOWN}


def removed_in(output: str) -> frozenset[str]:
    """The tags whose cells ``output`` leaves out.

    >>> sorted(removed_in("student handout"))
    ['remove-cell', 'solution']
    >>> removed_in("poster")
    Traceback (most recent call last):
    ...
    ValueError: unknown output 'poster'; outputs: instructor handout, student handout, student edition, slides
    """
    return frozenset(t for t, how in treatments(output).items() if how == REMOVED)


def input_hidden_in(output: str) -> frozenset[str]:
    """The tags whose cells show their output only in ``output`` (code hidden).

    >>> sorted(input_hidden_in("slides")), sorted(input_hidden_in("student edition"))
    (['hide-input'], [])
    """
    return frozenset(t for t, how in treatments(output).items() if how == OUTPUT_ONLY)


def unknown(tags: object) -> list[str]:
    """The tags in ``tags`` that are not in the vocabulary, sorted.

    >>> unknown(("exercise", "solution"))
    []
    """
    return sorted(set(tags) - ALLOWED)
