"""Source lines for figures and tables: each source named by its original publisher first, then its relays.

A source the kit read on the publisher's own page is named with its date ("EIA, 2024-06-12"); a
report is named after the publisher whose figure it gives ("EIA, reported by Reuters (2025-05-19)");
a copy says what it copies and where it was read ("Kpler, reported by Reuters (2025-05-19); read in a
copy at The Iran Post", or "EIA; read in a copy at Safety4Sea (2023)" for a copy of the publisher's
own page).  Sources sharing one original publisher are grouped into one sentence, so a line stays short.
A line ends with the provenance of its rows: how many rest on a publisher's page, on a report, or on
copies only (each row counted once, by the best source it cites: :func:`helpers.provenance.rung`).
Nothing here draws: ``helpers.plots`` prints the line under a figure.

>>> cite_rows(data.load("article_copies").head(1))
'Source: The New York Times; read in a copy at West Hawaii Today (2025-01-11). Rows: 1 from a copy.'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from helpers import data, provenance

#: The column :func:`with_rungs` adds: the best kind of source behind each row.
RUNG_COLUMN = "source_kind"
#: How a line counts its rows on each rung, singular and plural.
RUNG_WORDS = {"publisher": ("from the publisher", "from the publisher"),
              "report": ("from a report", "from reports"),
              "copy": ("from a copy", "from copies")}
#: A group names up to this many reporters (and copy hosts) and counts the rest.
MAX_NAMED = 3


@dataclass
class _Group:
    """What one original publisher's sources add up to, in order of first use."""

    name: str
    own: list[str] = field(default_factory=list)  # dates of the publisher's own pages
    reports: dict[str, list[str]] = field(default_factory=dict)  # reporter -> dates
    copies: dict[str, list[str]] = field(default_factory=dict)  # host -> dates (copies of the publisher)
    ids: list[str] = field(default_factory=list)


def _add(values: list[str], value: str) -> None:
    if value and value not in values:
        values.append(value)


def _listed(names: list[str], word: str, named: int) -> str:
    shown = names[:named]
    if len(names) > named:
        left = len(names) - named
        shown.append(f"{left} other {word}{'s' if left > 1 else ''}")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _dates(dates: list[str], word: str) -> str:
    """A few dates in order, or their count and span of years when there are many."""
    dates = sorted(dates)
    if len(dates) <= MAX_NAMED:
        return ", ".join(dates)
    return f"{len(dates)} {word}, {dates[0][:4]}-{dates[-1][:4]}"


def _groups(ids: Sequence[str]) -> list[_Group]:
    src = data.sources()
    groups: dict[str, _Group] = {}
    for sid in ids:
        chain = provenance.ladder(sid)  # the source first, the original publisher last
        top = str(src.loc[chain[-1], "publisher"]).rstrip(".")
        g = groups.setdefault(top, _Group(top))
        g.ids.append(sid)
        reporters = [s for s in reversed(chain) if src.loc[s, "kind"] == "report"]
        hosts = [str(src.loc[s, "publisher"]) for s in chain if src.loc[s, "kind"] == "copy"]
        if len(chain) == 1:
            _add(g.own, str(src.loc[sid, "published"]))
        elif reporters:
            who = ", then ".join(str(src.loc[s, "publisher"]) for s in reporters)
            _add(g.reports.setdefault(who, []), str(src.loc[reporters[-1], "published"]))
            for host in hosts:
                g.copies.setdefault(host, [])
        else:  # a copy of the publisher's own page: the copy's date names the item
            _add(g.copies.setdefault(" via ".join(hosts), []), str(src.loc[sid, "published"]))
    return list(groups.values())


def _sentence(g: _Group, named: int = MAX_NAMED) -> str:
    text = g.name + (f", {_dates(g.own, 'pages')}" if g.own else "")
    if g.reports:
        reporters = [f"{who} ({_dates(d, 'reports')})" for who, d in g.reports.items()]
        text += ", reported by " + _listed(reporters, "report", named)
    if g.copies:
        hosts = [host + (f" ({_dates(d, 'pages')})" if d else "") for host, d in g.copies.items()]
        text += f"; read in {'a copy' if len(hosts) == 1 else 'copies'} at {_listed(hosts, 'host', named)}"
    return text


def name(source_id: str) -> str:
    """One source, its original publisher first, then the report and the copy it was read in.

    >>> name("dualuse-bis-2024-05-09")
    'U.S. Department of Commerce, Bureau of Industry and Security, 2024-05-09'
    >>> name("oil-iranpost-2025-05")
    'Kpler, reported by Reuters (2025-05-19); read in a copy at The Iran Post'
    """
    return _sentence(_groups([source_id])[0])


def with_rungs(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with a ``source_kind`` column: the best kind of source behind each row.

    >>> with_rungs(data.load("article_copies"))["source_kind"].tolist()
    ['copy', 'copy', 'copy', 'copy', 'copy']
    """
    out = df.copy()
    out[RUNG_COLUMN] = pd.array([provenance.rung(s) for s in df["source_id"]], dtype="string")
    return out


def rungs(df: pd.DataFrame) -> str:
    """How many rows of ``df`` rest on each rung, as the end of a source line.

    >>> rungs(data.load("us_listings").head(3))  # doctest: +ELLIPSIS
    'Rows: ... from ...'
    """
    found = [provenance.rung(s) for s in df["source_id"]]
    counts = {k: found.count(k) for k in provenance.KINDS if k in found}
    parts = [f"{n} {RUNG_WORDS[k][int(n != 1)]}" for k, n in counts.items()]
    return "Rows: " + ", ".join(parts) + "."


def cite_rows(df: pd.DataFrame, *, max_cited: int | None = None, tables: Sequence[str] = ()) -> str:
    """A one-line source for exactly the rows of ``df`` (e.g. after filtering), ending with their rungs.

    Each original publisher is one sentence. With ``max_cited``, a figure drawn from many publishers
    names the first ``max_cited`` (and, in each, no more reporters or hosts than that, at most
    ``MAX_NAMED``) and counts the sources left, naming the kit's ``tables`` that hold them (the
    notebook's Sources section lists every one): long source lines crowd a figure, and explorer
    views are stored one image each in the handout.

    >>> print(cite_rows(data.load("oil_export_estimates"), max_cited=1, tables=["oil_export_estimates"]))
    Sources: ... more sources (table oil_export_estimates), all listed under Sources. Rows: ...
    """
    ids = data.source_ids(df)
    if not ids:
        raise ValueError("no rows to cite: a figure or a number drawn from no rows has no source")
    if max_cited is not None and max_cited < 1:
        raise ValueError(f"max_cited must be 1 or more, got {max_cited}")
    groups = _groups(ids)
    head = "Source: " if len(ids) == 1 else "Sources: "
    named = min(MAX_NAMED, max_cited or MAX_NAMED)
    if max_cited is None or len(groups) <= max_cited:
        return head + ". ".join(_sentence(g, named) for g in groups) + ". " + rungs(df)
    where = f" (table{'s' if len(tables) > 1 else ''} {', '.join(tables)})" if tables else ""
    left = sum(len(g.ids) for g in groups[max_cited:])
    shown = ". ".join(_sentence(g, named) for g in groups[:max_cited])
    more = f"{left} more source{'s' if left > 1 else ''}{where}"
    return f"{head}{shown}. {more}, all listed under Sources. {rungs(df)}"


def cite(table: str) -> str:
    """A one-line source for a whole table, for a figure's source line.

    >>> cite("article_copies").startswith("Sources: The New York Times; read in copies at West Hawaii Today")
    True
    """
    return cite_rows(data.load(table))
