"""The Sources section of a notebook: every source behind the tables it used, as a table or as Markdown.

Each entry names the original publisher first, then the report and the copy the kit read it in
(the ladder of ``helpers.provenance``), and ends with the address of the page the kit read.

>>> print(markdown(["article_copies"]).splitlines()[0])  # doctest: +ELLIPSIS
- The New York Times, *US ambassador ...*, 2025-01; read in a copy at West Hawaii Today, 2025-01-11. <...
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import quote

import pandas as pd

from helpers import data, provenance
from helpers.lessons import markdown_text

COLUMNS = ["publisher", "title", "url", "published", "accessed", "kind", "relays"]


def table(names: list[str] | None = None) -> pd.DataFrame:
    """The full entries of the sources behind some tables (default: the tables loaded so far).

    >>> table(["article_copies"]).columns.tolist()
    ['publisher', 'title', 'url', 'published', 'accessed', 'kind', 'relays', 'original', 'tables']
    >>> table(["article_copies"]).loc["article-s1-westhawaii", "original"]
    'orig-nyt'
    """
    names = data.loaded() if names is None else list(names)
    used: dict[str, list[str]] = {}
    for name in names:
        for sid in data.source_ids(data.load(name)):
            used.setdefault(sid, []).append(name)
    out = data.sources().loc[list(used), COLUMNS].copy()
    out["original"] = [provenance.original(i) for i in out.index]
    out["tables"] = [", ".join(used[i]) for i in out.index]
    return out


def markdown(names: list[str] | None = None) -> str:
    """The Sources section of a notebook, as Markdown (default: the tables loaded so far).

    Every string from the data is escaped (:func:`entry`), so a title never becomes markup.
    """
    src = data.sources()
    lines = []
    for sid, s in table(names).iterrows():
        above = [src.loc[u] for u in reversed(provenance.ladder(str(sid))[1:])]
        lines.append(entry(s, above))
    return "\n".join(lines)


def entry(source: pd.Series | Mapping, above: Sequence[pd.Series | Mapping] = ()) -> str:
    """One source as a Markdown list item; HTML and ``$`` in its text are escaped, its address quoted.

    ``above`` holds the sources it relays, the original publisher first: the entry names them first
    ("EIA, *title*, date — reported by Reuters, *title*, date; read in a copy at host <url>").

    >>> print(entry({"publisher": "P", "title": '<img src="http://x.org/t.png">', "published": "2025",
    ...              "url": "https://x.org/a b>", "accessed": "2026-11", "tables": "t"}))
    - P, *&lt;img src="http://x.org/t.png"&gt;*, 2025. <https://x.org/a%20b%3E> (accessed 2026-11; used in: t)
    >>> print(entry({"publisher": "Host", "title": "T", "published": "2025-02", "kind": "copy",
    ...              "url": "https://h.org/t", "accessed": "2026-11", "tables": "t"},
    ...             [{"publisher": "EIA", "title": "E", "published": "2025-01"},
    ...              {"publisher": "Reuters", "title": "T", "published": "2025-01-02", "kind": "report"}]))
    ... # doctest: +ELLIPSIS
    - EIA, *E*, 2025-01 — reported by Reuters, *T*, 2025-01-02; read in a copy at Host, 2025-02. <...
    """
    rungs = [*above, source]
    text = ""
    for i, r in enumerate(rungs):
        pub, title, date = (markdown_text(str(r[k])) for k in ("publisher", "title", "published"))
        if i == 0:
            text = f"{pub}, *{title}*, {date}"
        elif r.get("kind", "publisher") == "report":
            text += f" — reported by {pub}, *{title}*, {date}"
        else:
            same = str(r["title"]) == str(rungs[i - 1]["title"])
            text += f"; read in a copy at {pub}" + ("" if same else f", *{title}*") + f", {date}"
    s = {k: markdown_text(str(source[k])) for k in ("accessed", "tables")}
    url = quote(str(source["url"]), safe=":/?#[]@!&'()*+,;=%~-._")
    return f"- {text}. <{url}> (accessed {s['accessed']}; used in: {s['tables']})"
