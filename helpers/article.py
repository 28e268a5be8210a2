"""The seed article, paragraph by paragraph, and claims highlighted in it.

Paragraph N is line N of ``seeds/<article>.txt`` (the text as received, a
machine translation).  Nothing here corrects the text: corrections are data.
The folder is ``helpers.paths.SEEDS_DIR`` (the checkout's ``seeds/``, or the copy an
installed package carries).

>>> paragraph(18)[:40]
'He also praised recent steps by China to'
>>> paragraphs_mentioning("fentanyl")
[18]
"""

from __future__ import annotations

import html
import re
import tomllib
from datetime import date
from functools import cache

from helpers import paths

DEFAULT_ARTICLE = "burns-interview-2025-01-10"
# The claims ledger of an article added with `make new-article` (seeds/<name>.claims.csv).
CLAIM_COLUMNS = ("claim_id", "paragraph", "words", "claim_type", "asserted_by", "verdict", "evidence",
                 "source_id", "status", "note")


def _name(article: str) -> str:
    if not paths.SEEDS_DIR.is_dir():
        raise FileNotFoundError(
            f"no seed folder at {paths.SEEDS_DIR}; reinstall the kit with `pip install .` from its "
            "repository (the build copies seeds/ into the package)"
        )
    available = sorted(p.stem for p in paths.SEEDS_DIR.glob("*.toml"))
    if article not in available:
        raise ValueError(f"unknown article {article!r}; seeds/ has: {', '.join(available)}")
    return article


@cache
def metadata(article: str = DEFAULT_ARTICLE) -> dict:
    """The article's metadata: outlet, headline, date, and how the text reached us.

    >>> metadata()["outlet"]
    'The New York Times'
    """
    with (paths.SEEDS_DIR / f"{_name(article)}.toml").open("rb") as fh:
        return tomllib.load(fh)


def published(article: str = DEFAULT_ARTICLE) -> date:
    """The day the article was published: the one home of that date is the seed's metadata.

    >>> published().isoformat()
    '2025-01-10'
    """
    return date.fromisoformat(metadata(article)["published"])


@cache
def _paragraphs(article: str) -> tuple[str, ...]:
    meta = metadata(article)
    text = (paths.SEEDS_DIR / meta["file"]).read_text(encoding="utf-8")
    paras = tuple(text.splitlines())
    if len(paras) != meta["paragraphs"]:
        raise ValueError(
            f"seeds/{meta['file']} has {len(paras)} lines, its metadata says {meta['paragraphs']} "
            "paragraphs; the seed text must not be edited"
        )
    return paras


def paragraphs(article: str = DEFAULT_ARTICLE) -> dict[int, str]:
    """Every paragraph, numbered from 1.

    >>> len(paragraphs())
    19
    """
    return dict(enumerate(_paragraphs(article), start=1))


def paragraph(number: int, article: str = DEFAULT_ARTICLE) -> str:
    """One paragraph by its number (1-based).

    >>> paragraph(0)
    Traceback (most recent call last):
    ...
    ValueError: paragraph 0 does not exist; the article has paragraphs 1 to 19
    """
    paras = _paragraphs(article)
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(paras):
        raise ValueError(
            f"paragraph {number!r} does not exist; the article has paragraphs 1 to {len(paras)}"
        )
    return paras[number - 1]


def paragraphs_mentioning(*words: str, article: str = DEFAULT_ARTICLE) -> list[int]:
    """Numbers of the paragraphs that contain any of the words (case-insensitive).

    >>> paragraphs_mentioning("dual-use", "dual-purpose")
    [2, 8, 9]
    """
    if not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError("give one or more non-empty words to look for")
    return [
        n for n, text in paragraphs(article).items()
        if any(w.lower() in text.lower() for w in words)
    ]


def find(number: int, words: str, article: str = DEFAULT_ARTICLE) -> tuple[int, int]:
    """Where exact words occur in a paragraph, as (start, end) character offsets.

    >>> find(2, "90% of the microelectronics")
    (235, 262)
    """
    text = paragraph(number, article)
    if not isinstance(words, str) or not words:
        raise ValueError("words must be a non-empty string copied from the paragraph")
    start = text.find(words)
    if start < 0:
        raise ValueError(
            f"{words!r} does not occur in paragraph {number}; copy the words exactly "
            f"(the paragraph begins {text[:60]!r})"
        )
    return start, start + len(words)


def highlight(number: int, words: str, *, as_html: bool = True,
              article: str = DEFAULT_ARTICLE) -> str:
    """The paragraph with the words marked: ``<mark>`` in HTML, ``[[...]]`` in plain text.

    >>> "ports. [[Ta.]] Reuters" in highlight(14, "Ta.", as_html=False)
    True
    >>> "<mark>Ta.</mark>" in highlight(14, "Ta.")
    True
    """
    text = paragraph(number, article)
    start, end = find(number, words, article)
    if not as_html:
        return f"{text[:start]}[[{text[start:end]}]]{text[end:]}"
    return (
        f'<p class="seed-paragraph"><strong>P{number}</strong> '
        f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>"
        f"{html.escape(text[end:])}</p>"
    )


def words(text: str) -> int:
    """How many words a text has (used for reading-time estimates).

    >>> words("China supplies 90% of the microelectronics")
    6
    """
    return len(re.findall(r"\S+", text))


def citation(article: str = DEFAULT_ARTICLE) -> str:
    """A source line for figures drawn from the seed text itself.

    >>> citation()
    'Source: The New York Times, 2025-01-10, as received (machine translation; seeds/).'
    """
    meta = metadata(article)
    return f"Source: {meta['outlet']}, {meta['published']}, as received (machine translation; seeds/)."


def claims(article: str):
    """The claims ledger of an article added with ``make new-article`` (may be empty).

    Every row's words must occur in its paragraph, so a typo is caught at once.
    """
    import csv

    import pandas as pd

    path = paths.SEEDS_DIR / f"{_name(article)}.claims.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; `make new-article` creates it")
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if not rows or tuple(rows[0]) != CLAIM_COLUMNS:
        raise ValueError(f"{path.name}: the header must be {','.join(CLAIM_COLUMNS)}")
    for i, row in enumerate(rows[1:], start=1):
        if len(row) != len(CLAIM_COLUMNS):
            raise ValueError(f"{path.name}, row {i}: {len(row)} fields, the header has {len(CLAIM_COLUMNS)}")
        record = dict(zip(CLAIM_COLUMNS, row, strict=True))
        if not record["paragraph"].isdigit():
            raise ValueError(
                f"{path.name}, row {i}, column 'paragraph': {record['paragraph']!r} is not a number"
            )
        find(int(record["paragraph"]), record["words"], article)
    return pd.DataFrame(rows[1:], columns=list(CLAIM_COLUMNS))
