"""Equivalent forms of an answer: numpy and pandas values as plain Python, paragraphs, HS codes, claim ids.

A student's right answer must pass whatever container or spelling it arrives in: ``np.int64(6)``
is 6, ``"P6"`` is paragraph 6 where a question says so, ``9030`` is the HS heading ``"9030"``.

>>> plain(__import__("numpy").int64(6)), paragraph("P6"), hs_code(903082), claim_id(" c4 ")
(6, 6, '903082', 'C4')
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def unanswered(answer: object) -> bool:
    """True for the stub's ``...`` or ``"..."`` (the student has not answered yet).

    >>> unanswered(...), unanswered(" ... "), unanswered(0)
    (True, True, False)
    """
    return answer is Ellipsis or (isinstance(answer, str) and answer.strip() == "...")


def plain(x: object) -> object:
    """A numpy or pandas scalar as the plain Python value; a whole float as an int; anything else as given.

    >>> import numpy as np
    >>> plain(np.float64(2.0)), plain(np.array(3.5)), plain("a")
    (2, 3.5, 'a')
    """
    if hasattr(x, "item") and not isinstance(x, str | bytes) and getattr(x, "ndim", 0) == 0:
        try:
            x = x.item()
        except (ValueError, TypeError):  # pragma: no cover - an object with an unrelated .item
            pass
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def size_one(x: object) -> object:
    """The single value of a one-element numpy array or pandas Series; anything else as given.

    >>> import pandas as pd
    >>> size_one(pd.Series([4.5], index=[7])), size_one([4.5])
    (4.5, [4.5])
    """
    if type(x).__module__.split(".")[0] in ("numpy", "pandas") and getattr(x, "size", None) == 1:
        try:
            import numpy as np

            return np.asarray(x).reshape(-1)[0].item()
        except (ValueError, TypeError):  # pragma: no cover
            return x
    return x


def items(answer: object) -> list | None:
    """An answer as a list of plain items (lists, tuples, sets, arrays, Series); None if not a collection.

    >>> import numpy as np
    >>> items(np.array([6, 10])), items({"b"}), items("C2, C3")
    ([6, 10], ['b'], None)
    """
    if isinstance(answer, str | bytes | dict) or not isinstance(answer, Iterable):
        return None
    if hasattr(answer, "tolist") and not isinstance(answer, list):
        answer = answer.tolist()
    return [plain(i) for i in answer]


def paragraph(x: object) -> object:
    """Paragraph 6 written as 6, "6", "P6", "p6" or 6.0; anything else as given.

    >>> paragraph(6.0), paragraph(" p11 "), paragraph("six")
    (6, 11, 'six')
    """
    x = plain(x)
    if isinstance(x, int) and not isinstance(x, bool):
        return x
    if isinstance(x, str) and x.strip().upper().removeprefix("P").isdigit():
        return int(x.strip().upper().removeprefix("P"))
    return x


def hs_code(x: object) -> object:
    """An HS code as its digits: ``9030.82``, ``"9030.82"``, ``903082`` all give ``"903082"``.

    An integer loses a leading zero, so an odd number of digits gets it back (``301`` is ``"0301"``).

    >>> hs_code(90), hs_code("9030.82"), hs_code(301), hs_code("x")
    ('90', '903082', '0301', 'x')
    """
    x = plain(x)
    if isinstance(x, int) and not isinstance(x, bool) and x >= 0:
        digits = str(x)
        return digits.zfill(len(digits) + len(digits) % 2)
    if isinstance(x, str) and x.strip().replace(".", "").isdigit():
        return x.strip().replace(".", "")
    return x


def claim_id(x: object) -> object:
    """A claim id in upper case without spaces (``" c4 "`` is ``"C4"``); anything else as given.

    >>> claim_id("c16"), claim_id(4)
    ('C16', 4)
    """
    return x.strip().upper() if isinstance(x, str) else x


def label(x: object) -> object:
    """A label in lower case without surrounding spaces, words joined by hyphens as the kit writes them
    (``"Event "`` is ``"event"``, ``"not supported"`` is ``"not-supported"``).

    >>> label(" Not-Supported "), label("partly supported"), label("opinion_prediction")
    ('not-supported', 'partly-supported', 'opinion-prediction')
    """
    return re.sub(r"[\s_]+", "-", x.strip().lower()) if isinstance(x, str) else x


def shown(x: object) -> str:
    """An item as a student would write it: strings quoted, numbers plain.

    >>> shown("P7"), shown(7)
    ("'P7'", '7')
    """
    return repr(x) if isinstance(x, str) else str(x)


def listing(values: Iterable) -> str:
    """Values joined for a sentence: "a", "a and b", "a, b and c".

    >>> listing(["'a'"]), listing(["C4", "C13", "C27"])
    ("'a'", 'C4, C13 and C27')
    """
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]
