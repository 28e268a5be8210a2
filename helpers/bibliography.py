"""The Sources section of a notebook: every source behind the tables it used, as a table or as Markdown.

>>> print(markdown(["article_copies"]).splitlines()[0])  # doctest: +ELLIPSIS
- The New York Times (via West Hawaii Today), *US ambassador says ...
"""

from __future__ import annotations

import pandas as pd

from helpers import data


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
    """The Sources section of a notebook, as Markdown (default: the tables loaded so far)."""
    return "\n".join(
        f"- {s['publisher']}, *{s['title']}*, {s['published']}. <{s['url']}> "
        f"(accessed {s['accessed']}; used in: {s['tables']})"
        for _sid, s in table(names).iterrows()
    )
