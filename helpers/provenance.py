"""The provenance ladder: publisher, report, copy, and the shares per table.

Every source in ``helpers/data/sources.csv`` has a ``kind``:

- ``publisher``: the body that produced the figure or the words (an agency, a company, an outlet's
  own reporting), read on its own page;
- ``report``: a news report of someone else's figure, naming it;
- ``copy``: a reprint, mirror or extract of a report or of a publisher's page.

A report or a copy names in ``relays`` the source id of the original it relays, one rung up the
ladder; the original is listed as its own source even when its page could not be read.  A data row
is *verified at the publisher* when its ``status`` is ``verified`` and at least one of its sources is
a publisher's own page.  Nothing here draws.  ``python -m helpers.provenance`` prints the shares per
table and any breach of the ladder (``python -m helpers.data --provenance`` points here: this module
imports ``data``, so ``data`` cannot import it back).

>>> ladder("oil-almonitor-2023-07")
['oil-almonitor-2023-07', 'orig-kpler']
>>> denied("https://pr.report/t7Aoz25L")
'short link (pr.report)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from helpers import data

KINDS = ("publisher", "report", "copy")
# Hosts that never stand as a source: the page they serve lives elsewhere.
DENY_HOSTS = {
    "link.vox.com": "newsletter tracking redirect",
    "safelinks.protection.outlook.com": "mail-scanner redirect",
    "safelinks.protection.office365.us": "mail-scanner redirect",
    "pr.report": "short link",
    "bit.ly": "short link",
    "t.co": "short link",
    "tinyurl.com": "short link",
    "ow.ly": "short link",
    "lnkd.in": "short link",
    "goo.gl": "short link",
    "datasetsearch.research.google.com": "search-results page",
    "www.google.com": "search-results page",
    "www.bing.com": "search-results page",
    "duckduckgo.com": "search-results page",
}
# Host prefixes and suffixes of admin, staging and CDN servers.
DENY_HOST_PATTERNS = {
    r"^(prodadmin|web\d+v\d+|staging|admin)\.": "admin or staging host",
    r"^img\d*-?azcdn\.|(^|\.)worldcdn\.net$|(^|\.)cloudfront\.net$|(^|\.)akamaized\.net$": "CDN host",
}
# Query parameters that make an address a search or a session, not a document.
DENY_QUERY = re.compile(r"(^|&)(search_id|q|query|utm_[a-z]+|BC)=", re.I)


@dataclass(frozen=True)
class Share:
    """How many rows of one table are verified at the publisher."""

    table: str
    rows: int
    verified: int

    @property
    def share(self) -> float:
        return self.verified / self.rows if self.rows else 0.0


def denied(url: str) -> str | None:
    """Why ``url`` cannot stand as a source (redirector, short link, search page, CDN), or None.

    >>> denied("https://datasetsearch.research.google.com/search?query=iran")
    'search-results page (datasetsearch.research.google.com)'
    >>> denied("https://599046384.r.worldcdn.net/Detail/2022/01/20/675143/x")
    'CDN host (599046384.r.worldcdn.net)'
    >>> denied("https://www.eia.gov/todayinenergy/detail.php?id=49116") is None
    True
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    for bad, why in DENY_HOSTS.items():
        if host == bad or host.endswith("." + bad):
            return f"{why} ({host})"
    for pattern, why in DENY_HOST_PATTERNS.items():
        if re.search(pattern, host):
            return f"{why} ({host})"
    if DENY_QUERY.search(parts.query):
        return f"search or session parameters ({parts.query[:40]})"
    return None


def _sources() -> pd.DataFrame:
    return data.sources()


def kind(source_id: str) -> str:
    """The kind of one source: publisher, report or copy.

    >>> kind("dualuse-dailystar-2024-08-23")
    'copy'
    """
    return str(_sources().loc[source_id, "kind"])


def ladder(source_id: str) -> list[str]:
    """The source and every original above it, ending at a publisher.

    >>> ladder("dualuse-dailystar-2024-08-23")
    ['dualuse-dailystar-2024-08-23', 'orig-reuters-2024-08-23']
    """
    src = _sources()
    chain = [source_id]
    while src.loc[chain[-1], "kind"] != "publisher":
        up = str(src.loc[chain[-1], "relays"])
        if up in chain:
            raise ValueError(f"sources.csv: {source_id!r} relays in a circle ({' -> '.join(chain + [up])}); "
                             "a relay must end at a publisher")
        chain.append(up)
    return chain


def original(source_id: str) -> str:
    """The publisher at the top of a source's ladder.

    >>> original("oil-iranpost-2025-05")
    'orig-kpler'
    """
    return ladder(source_id)[-1]


def _ids(source_id: str) -> list[str]:
    return [p for p in str(source_id).split(";") if p]


def verified_at_publisher(source_id: str, status: str) -> bool:
    """True when a row with these sources and status was checked on a publisher's own page.

    >>> verified_at_publisher("dualuse-bis-2024-05-09", "verified")
    True
    >>> verified_at_publisher("dualuse-dailystar-2024-08-23", "verified")
    False
    """
    return status == "verified" and any(kind(s) == "publisher" for s in _ids(source_id))


def rung(source_id: str) -> str:
    """The best kind among a row's sources (``a;b``): publisher, else report, else copy.

    >>> rung("fent-corgis-opioids;fent-nchs-db457")
    'publisher'
    >>> rung("fent-corgis-opioids")
    'copy'
    """
    kinds = {kind(s) for s in _ids(source_id)}
    return next(k for k in KINDS if k in kinds)


def copies_only(source_id: str) -> bool:
    """True when every source of a row is a copy.

    >>> copies_only("fent-corgis-opioids")
    True
    >>> copies_only("fent-corgis-opioids;fent-nchs-db457")
    False
    """
    return rung(source_id) == "copy"


def shares(tables: Iterable[str] | None = None) -> list[Share]:
    """Rows verified at the publisher, per table.

    >>> s = {x.table: x for x in shares(["us_listings"])}["us_listings"]
    >>> (s.rows, s.verified >= 5)
    (19, True)
    """
    out = []
    for name in tables or data.tables():
        df = data.load(name)
        n = sum(verified_at_publisher(s, st) for s, st in zip(df["source_id"], df["status"], strict=True))
        out.append(Share(name, len(df), n))
    return out


def problems() -> list[str]:
    """Every breach of the ladder's rules in sources.csv; empty when all is well.

    >>> problems()
    []
    """
    src = _sources()
    found = []
    for sid, row in src.iterrows():
        if row["kind"] not in KINDS:
            found.append(f"sources.csv, {sid}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
            continue
        if row["kind"] == "publisher" and row["relays"]:
            found.append(
                f"sources.csv, {sid}: a publisher relays nothing; empty its 'relays' ({row['relays']!r})"
            )
        if row["kind"] != "publisher":
            if row["relays"] not in src.index:
                found.append(f"sources.csv, {sid}: relays {row['relays']!r}, which is not a source; "
                             "list the original as its own row (publisher, title, date)")
                continue
            try:
                ladder(str(sid))
            except ValueError as exc:
                found.append(str(exc))
        why = denied(str(row["url"]))
        if why:
            found.append(f"sources.csv, {sid}: the address is a {why}; give the page's own address")
    return found


def report(tables: Iterable[str] | None = None) -> str:
    """The shares as text, one table a line, then the total.

    >>> print(report(["us_listings"]).splitlines()[0])
    table                        rows  verified at publisher
    """
    rows = shares(tables)
    lines = [f"{'table':<28} {'rows':>4}  verified at publisher"]
    for s in rows:
        lines.append(f"{s.table:<28} {s.rows:>4}  {s.verified:>4}  {s.share:6.1%}")
    total = Share("all tables", sum(s.rows for s in rows), sum(s.verified for s in rows))
    lines.append(f"{total.table:<28} {total.rows:>4}  {total.verified:>4}  {total.share:6.1%}")
    return "\n".join(lines)


def main() -> int:
    """Print the share of rows verified at the publisher, per table."""
    print(report())
    bad = problems()
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
