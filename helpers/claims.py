"""The article's claims and errata: filter the ledger, count it, rank the errata, cite the tables.

The data are the tables ``article_claims``, ``article_errata`` and ``glossary``
(see ``helpers/data/catalogue.toml``).  Filters take ``"All"`` (or ``None``)
for "no filter"; any other value must be one of the allowed values.  The figures, the
claims explorer and its HTML are in ``helpers.figures.claims``.

>>> len(claims())
37
>>> claims(theme="fentanyl")["claim_id"].tolist()
['C34', 'C35', 'C36', 'C37']
>>> claims(theme="tariffs")
Traceback (most recent call last):
...
ValueError: unknown theme 'tariffs'; allowed: All, dual-use, iran-oil, fentanyl, diplomacy
"""

from __future__ import annotations

import pandas as pd

from helpers import article, citation, data

ALL = "All"
# The vocabularies' one home is the catalogue (helpers/data/catalogue.toml, table article_claims).
THEMES = data.allowed("article_claims", "theme")
CLAIM_TYPES = data.allowed("article_claims", "claim_type")
VERDICTS = data.allowed("article_claims", "verdict")
STAGES = data.allowed("article_claims", "verdict_stage")
NOTEBOOKS = {
    "01-reading-the-source": "Notebook 01 · Reading the source",
    "02-dual-use-goods": "Notebook 02 · Dual-use goods",
    "03-iranian-oil-flows": "Notebook 03 · Iranian oil flows",
    "04-fentanyl-controls": "Notebook 04 · Fentanyl controls",
}
THEME_LABELS = {
    "dual-use": "Dual-use goods",
    "iran-oil": "Iranian oil",
    "fentanyl": "Fentanyl",
    "diplomacy": "Diplomacy",
}


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """None for "no filter", else the value after checking it is allowed."""
    if value is None or value == ALL:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; allowed: {ALL}, " + ", ".join(allowed))
    return value


def label(value: str) -> str:
    """A value as a reader sees it: ``"partly-supported"`` becomes ``"partly supported"``.

    >>> label("opinion-prediction")
    'opinion or prediction'
    """
    return value.replace("opinion-prediction", "opinion or prediction").replace("-", " ")


def claims(theme: str | None = ALL, claim_type: str | None = ALL, verdict: str | None = ALL,
           stage: str | None = ALL) -> pd.DataFrame:
    """The claims ledger, filtered by theme, type, verdict and verdict stage, in claim order.

    >>> claims(claim_type="attribution", theme="dual-use")["claim_id"].tolist()
    ['C12', 'C13']
    >>> claims(verdict="not-supported")["claim_id"].tolist()
    ['C16', 'C18']
    """
    filters = {
        "theme": _choice("theme", theme, THEMES),
        "claim_type": _choice("claim type", claim_type, CLAIM_TYPES),
        "verdict": _choice("verdict", verdict, VERDICTS),
        "verdict_stage": _choice("stage", stage, STAGES),
    }
    df = data.load("article_claims")
    for column, value in filters.items():
        if value is not None:
            df = df[df[column] == value]
    order = df["claim_id"].str[1:].astype(int)
    return df.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def counts(rows: str = "claim_type", columns: str = "theme") -> pd.DataFrame:
    """How many claims fall in each cell of two columns, every category shown (zeros included).

    >>> counts().loc["statistic"].to_dict()
    {'dual-use': 2, 'iran-oil': 4, 'fentanyl': 3, 'diplomacy': 0}
    >>> int(counts("verdict", "verdict_stage").to_numpy().sum())
    37
    """
    categories = {
        "claim_type": CLAIM_TYPES,
        "theme": THEMES,
        "verdict": VERDICTS,
        "verdict_stage": STAGES,
        "checked_in": tuple(NOTEBOOKS),
    }
    for name in (rows, columns):
        if name not in categories:
            raise ValueError(f"cannot count by {name!r}; allowed: " + ", ".join(categories))
    if rows == columns:
        raise ValueError(f"count by two different columns, not {rows!r} twice")
    df = data.load("article_claims")
    table = pd.crosstab(df[rows].astype(str), df[columns].astype(str))
    table = table.reindex(index=list(categories[rows]), columns=list(categories[columns]), fill_value=0)
    table.index.name, table.columns.name = rows, columns
    return table.astype(int)


def errata_ranked() -> pd.DataFrame:
    """The errata, those that change the meaning first, then in paragraph order.

    >>> ranked = errata_ranked()
    >>> bool(ranked["changes_meaning"].iloc[0]), bool(ranked["changes_meaning"].iloc[-1])
    (True, False)
    """
    df = data.load("article_errata")
    df = df.assign(_rank=(~df["changes_meaning"].astype(bool)).astype(int))
    df = df.sort_values(["_rank", "paragraph"], kind="stable").drop(columns="_rank")
    return df.reset_index(drop=True)


def source_line(name: str) -> str:
    """A short source line for a figure drawn from one of the article tables.

    The tables classify the article itself, so the line names the article, says how many
    sources the rows cite (the Sources section lists them all) and ends with the rows' rungs
    (:func:`helpers.citation.rungs`).

    >>> source_line("article_errata")  # doctest: +ELLIPSIS
    "Source: the kit's table article_errata (a reading of The New York Times, 2025-01-10), ..."
    """
    if name not in ("article_claims", "article_errata", "glossary"):
        raise ValueError(f"no source line for {name!r}; allowed: article_claims, article_errata, glossary")
    df = data.load(name)
    ids = {part for sid in df["source_id"] for part in str(sid).split(";")}
    meta = article.metadata()
    return (
        f"Source: the kit's table {name} (a reading of {meta['outlet']}, {meta['published']}), "
        f"checked against {len(ids)} sources listed under Sources. {citation.rungs(df)}"
    )
