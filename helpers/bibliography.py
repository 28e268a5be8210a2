"""The Sources section of a notebook: every source behind the tables it used, as a table or as Markdown.

>>> print(markdown(["article_copies"]).splitlines()[0])  # doctest: +ELLIPSIS
- The New York Times (via West Hawaii Today), *US ambassador says ...
"""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from helpers import data
from helpers.lessons import markdown_text


def table(names: list[str] | None = None) -> pd.DataFrame:
    """The full entries of the sources behind some tables (default: the tables loaded so far).

    >>> table(["article_copies"]).columns.tolist()
    ['publisher', 'title', 'url', 'published', 'accessed', 'tables']
    """
    names = data.loaded() if names is None else list(names)
    used: dict[str, list[str]] = {}
    for name in names:
        for sid in data.source_ids(data.load(name)):
            used.setdefault(sid, []).append(name)
    out = data.sources().loc[list(used), ["publisher", "title", "url", "published", "accessed"]].copy()
    out["tables"] = [", ".join(used[i]) for i in out.index]
    return out


def markdown(names: list[str] | None = None) -> str:
    """The Sources section of a notebook, as Markdown (default: the tables loaded so far).

    Every string from the data is escaped (:func:`entry`), so a title never becomes markup.
    """
    return "\n".join(entry(s) for _sid, s in table(names).iterrows())


def entry(source: pd.Series | dict) -> str:
    """One source as a Markdown list item; HTML and ``$`` in its text are escaped, its address quoted.

    >>> print(entry({"publisher": "P", "title": '<img src="http://x.org/t.png">', "published": "2025",
    ...              "url": "https://x.org/a b>", "accessed": "2026-11", "tables": "t"}))
    - P, *&lt;img src="http://x.org/t.png"&gt;*, 2025. <https://x.org/a%20b%3E> (accessed 2026-11; used in: t)
    """
    s = {k: markdown_text(str(source[k])) for k in ("publisher", "title", "published", "accessed", "tables")}
    url = quote(str(source["url"]), safe=":/?#[]@!&'()*+,;=%~-._")
    return (f"- {s['publisher']}, *{s['title']}*, {s['published']}. <{url}> "
            f"(accessed {s['accessed']}; used in: {s['tables']})")
