"""What happened after the article: queries over the ``after_*`` tables, the claim updates, the as-of check.

Pure computation over the tables of notebook 06 (no drawing):

- trade: :func:`trade_totals` (2019-2025, the kit's series extended) and :func:`trade_change`;
- actions: :func:`timeline` merges ``after_actions`` with the later rows of ``fent_controls_timeline`` and
  ``oil_sanction_events`` (each fact keeps its one home); :func:`tariff_steps` gives the fentanyl tariff;
- oil and deaths: :func:`oil_estimates`, :func:`deaths_12_months`;
- the ledger: :func:`claim_updates` (verdicts at publication are never overwritten) and :func:`evidence`;
- "data as of": :func:`banner` and :func:`rows_after`, which lists every row later than the as-of date.

>>> banner()
'Data as of 3 December 2026'
>>> round(trade_change(2024, 2025), 1)
-6.8
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pandas as pd

from helpers import arithmetic, article, data

THEMES = {"dual-use": "China and Russia", "iranian-oil": "Iranian oil", "fentanyl": "Fentanyl"}
#: The explorer's kinds of action; ``timeline`` maps every table's own vocabulary onto these.
KINDS = {
    "sanction": "Sanction",
    "tariff": "Tariff",
    "court-ruling": "Court ruling",
    "export-control": "Export control",
    "drug-control": "Drug control",
    "law": "Law",
    "policy": "Policy",
    "diplomacy": "Diplomacy",
    "market-response": "Buyers' response",
}
KIND_GROUPS = {
    "sanctions": ("sanction",),
    "tariffs": ("tariff", "court-ruling"),
    "controls": ("export-control", "drug-control", "law"),
}
_FENT_KIND = {
    "scheduling-nps": "drug-control", "scheduling-precursor": "drug-control",
    "scheduling-class": "drug-control", "regulation": "drug-control",
    "export-licensing": "export-control", "sanction": "sanction",
    "diplomacy": "diplomacy", "enforcement": "policy", "statement": "policy",
}
_OIL_KIND = {
    "sanctions-lifted": "sanction", "sanctions-reimposed": "sanction", "waivers-ended": "sanction",
    "tanker-designation": "sanction", "designation-count": "sanction", "port-ban": "policy",
    "diplomatic": "diplomacy",
}
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
#: Columns that say when a row's figure was published (a text date, YYYY, YYYY-MM or YYYY-MM-DD).
PUBLISHED_COLUMNS = ("published", "release")


def article_date() -> pd.Timestamp:
    """The article's date, from the seed's metadata.

    >>> str(article_date().date())
    '2025-01-10'
    """
    return pd.Timestamp(article.metadata()["published"])


def banner(as_of: date | None = None) -> str:
    """The "data as of" line notebook 06 opens with (the date is the catalogue's ``[kit] as_of``).

    >>> banner(date(2026, 1, 5))
    'Data as of 5 January 2026'
    """
    d = as_of or data.as_of()
    return f"Data as of {d.day} {d:%B %Y}"


def partial_date(text: str, *, end: bool = False) -> pd.Timestamp:
    """A date written as YYYY, YYYY-MM or YYYY-MM-DD: its first day, or with ``end=True`` its last.

    >>> str(partial_date("2025-02").date()), str(partial_date("2025-02", end=True).date())
    ('2025-02-01', '2025-02-28')
    >>> partial_date("Feb 2025")
    Traceback (most recent call last):
    ...
    ValueError: 'Feb 2025' is not a date; allowed: YYYY, YYYY-MM or YYYY-MM-DD
    """
    m = _PARTIAL.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a date; allowed: YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if day:
        return pd.Timestamp(str(text))
    if month:
        start = pd.Timestamp(year=int(year), month=int(month), day=1)
        return start + pd.offsets.MonthEnd(0) if end else start
    return pd.Timestamp(year=int(year), month=12 if end else 1, day=31 if end else 1)


def date_rules(name: str) -> dict[str, str]:
    """Which columns of a table carry a date, and how each is read: the rule the as-of check applies.

    ``date`` columns, ``year`` (31 Dec), ``fiscal_year`` (30 Sep) and text dates (a pattern of YYYY, YYYY-MM
    or YYYY-MM-DD) say what a row *describes*, read at the end of the period; ``published`` and ``release``
    say when it *was published*, read at the start.

    >>> date_rules("after_claim_updates")
    {'event_date': 'partial', 'published': 'published'}
    """
    rules = {}
    for col in data.columns(name):
        if col.name in PUBLISHED_COLUMNS:
            rules[col.name] = "published"
        elif col.type == "date":
            rules[col.name] = "date"
        elif col.type == "int" and col.name in ("year", "fiscal_year"):
            rules[col.name] = col.name
        elif col.type == "str" and (col.pattern or "").startswith("^\\d{4}"):
            rules[col.name] = "partial"
    return rules


def late_rows(df: pd.DataFrame, rules: dict[str, str], as_of: date) -> pd.DataFrame:
    """The cells of one table that are later than ``as_of``: one row per (row, column) found.

    >>> df = pd.DataFrame({"year": [2025, 2027], "published": ["2026-01", "2026-02-01"]})
    >>> late_rows(df, {"year": "year", "published": "published"}, date(2026, 12, 3))
       row column       value   read_as
    0    2   year        2027  2027-12-31
    """
    limit = pd.Timestamp(as_of)
    found = []
    for column, rule in rules.items():
        for i, value in enumerate(df[column], start=1):
            if pd.isna(value):
                continue
            if rule == "date":
                when = pd.Timestamp(value)
            elif rule == "year":
                when = pd.Timestamp(year=int(value), month=12, day=31)
            elif rule == "fiscal_year":
                when = pd.Timestamp(year=int(value), month=9, day=30)
            elif rule == "partial":  # a period "2023-01/2023-07" is read at its end
                when = partial_date(str(value).split("/")[-1], end=True)
            else:
                when = partial_date(str(value))
            if when > limit:
                found.append({"row": i, "column": column, "value": value, "read_as": str(when.date())})
    return pd.DataFrame(found, columns=["row", "column", "value", "read_as"])


def rows_after(as_of: date | None = None) -> pd.DataFrame:
    """Every row of every table, and every source, dated after the as-of date (empty when all is well).

    A source counts by its ``published`` and ``accessed`` dates (read at their start).

    >>> rows_after().empty
    True
    >>> len(rows_after(date(2025, 1, 1))) > 0
    True
    """
    as_of = as_of or data.as_of()
    parts = []
    for name in data.tables():
        late = late_rows(data.load(name), date_rules(name), as_of)
        parts.append(late.assign(table=name))
    src = data.sources().reset_index()
    parts.append(late_rows(src, {"published": "published", "accessed": "published"}, as_of)
                 .assign(table="sources"))
    out = pd.concat(parts, ignore_index=True)
    return out[["table", "row", "column", "value", "read_as"]]


def trade_totals() -> pd.Series:
    """China's total trade with Russia by year, USD bn: the kit's 2019-2024 series, then 2025.

    >>> trade_totals().loc[[2024, 2025]].tolist()
    [244.81, 228.1]
    """
    before = data.load("china_russia_trade").query("flow == 'total'")
    later = data.load("after_china_russia_trade").query("flow == 'total' and period == '2025'")
    s = pd.concat([
        pd.Series(before["value_usd_bn"].astype(float).to_numpy(), index=before["year"].astype(int)),
        pd.Series(later["value_usd_bn"].astype(float).to_numpy(), index=[2025]),
    ]).sort_index()
    s.index.name, s.name = "year", "total_usd_bn"
    return s


def trade_change(start: int, end: int) -> float:
    """The change in China's total trade with Russia from one year to another, in percent, from the levels.

    >>> round(trade_change(2023, 2024), 2)
    1.96
    >>> trade_change(2024, 2026)
    Traceback (most recent call last):
    ...
    ValueError: no total for 2026; years: 2019-2025
    """
    s = trade_totals()
    for y in (start, end):
        if y not in s.index:
            raise ValueError(f"no total for {y}; years: {s.index.min()}-{s.index.max()}")
    return arithmetic.pct_change(s[start], s[end])


def average_growth(start: int, end: int) -> float:
    """Average yearly growth of China's total trade with Russia between two years, in percent (compounded).

    >>> round(average_growth(2021, 2024), 1)
    18.6
    """
    s = trade_totals()
    years = arithmetic.number("years", end - start, minimum=0, strictly=True, why="end must come after start")
    return (arithmetic.ratio(s[start], s[end]) ** (1 / years) - 1) * 100


def _normalise(df: pd.DataFrame, *, theme: str | pd.Series, actor, kind, what, table: str) -> pd.DataFrame:
    return pd.DataFrame({
        "date": df["date"].to_numpy(), "date_kind": df["date_kind"].astype(str).to_numpy(),
        "theme": theme if isinstance(theme, str) else theme.to_numpy(),
        "actor": actor.to_numpy(), "kind": kind.to_numpy(), "what": what.astype(str).to_numpy(),
        "table": table, "row_id": df["event_id"].astype(str).to_numpy(),
        "source_id": df["source_id"].astype(str).to_numpy(), "status": df["status"].astype(str).to_numpy(),
    })


def _oil_actor(text: str) -> str:
    if "UN " in text or text.startswith("UN"):
        return "UN"
    return "USA" if "United States" in text or "US " in text else "other"


def timeline(themes: Iterable[str] | None = None, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Every dated action after the article, up to the as-of date, across the three themes.

    Merges ``after_actions`` with the rows of ``fent_controls_timeline`` and ``oil_sanction_events``
    dated after the article, mapping each table's kinds onto :data:`KINDS`.

    >>> tl = timeline()
    >>> tl["date"].min() > article_date(), sorted(tl["theme"].unique())
    (True, ['dual-use', 'fentanyl', 'iranian-oil'])
    >>> len(timeline(["fentanyl"], ["court-ruling"]))
    1
    >>> timeline(["oil"])
    Traceback (most recent call last):
    ...
    ValueError: unknown theme 'oil'; allowed: dual-use, iranian-oil, fentanyl
    """
    themes = list(THEMES) if themes is None else list(themes)
    kinds = list(KINDS) if kinds is None else list(kinds)
    for t in themes:
        if t not in THEMES:
            raise ValueError(f"unknown theme {t!r}; allowed: {', '.join(THEMES)}")
    for k in kinds:
        if k not in KINDS:
            raise ValueError(f"unknown kind {k!r}; allowed: {', '.join(KINDS)}")
    acts = data.load("after_actions")
    fent = data.load("fent_controls_timeline")
    oil = data.load("oil_sanction_events")
    fent_kind = fent["action_type"].map(_FENT_KIND).where(fent["date_kind"] != "enacted", "law")
    parts = [
        _normalise(acts, theme=acts["theme"], actor=acts["actor"], kind=acts["kind"], what=acts["action"],
                   table="after_actions"),
        _normalise(fent, theme="fentanyl", actor=fent["jurisdiction"], kind=fent_kind, what=fent["action"],
                   table="fent_controls_timeline"),
        _normalise(oil, theme="iranian-oil", actor=oil["actor"].map(_oil_actor),
                   kind=oil["kind"].map(_OIL_KIND), what=oil["description"], table="oil_sanction_events"),
    ]
    tl = pd.concat(parts, ignore_index=True)
    keep = ((tl["date"] > article_date()) & (tl["date"] <= pd.Timestamp(data.as_of()))
            & tl["kind"].notna() & tl["theme"].isin(themes) & tl["kind"].isin(kinds))
    return tl[keep].sort_values(["date", "row_id"]).reset_index(drop=True)


def tariff_steps() -> pd.DataFrame:
    """The US "fentanyl" tariff on China: each rate, its legal act, the day signed and the day in force.

    ``until`` is the day the next rate took effect, or the Supreme Court's ruling for the last one.

    >>> for row in tariff_steps()[["rate_pct", "in_force", "until"]].astype(str).values.tolist():
    ...     print(row)
    ['10.0', '2025-02-04', '2025-03-04']
    ['20.0', '2025-03-04', '2025-11-10']
    ['10.0', '2025-11-10', '2026-02-20']
    """
    acts = data.load("after_actions")
    fent = acts[(acts["theme"] == "fentanyl") & (acts["kind"] == "tariff") & acts["rate_pct"].notna()]
    signed = fent[fent["date_kind"] == "signed"].set_index("event_id")["date"]
    steps = fent[fent["date_kind"] == "effective"].sort_values("date")
    ruling = acts[acts["kind"] == "court-ruling"]["date"].min()
    out = pd.DataFrame({
        "event_id": steps["event_id"].to_numpy(),
        "rate_pct": steps["rate_pct"].astype(float).to_numpy(),
        "legal_act": steps["legal_act"].to_numpy(),
        "signed": signed.reindex(steps["event_id"]).dt.date.to_numpy(),
        "in_force": steps["date"].dt.date.to_numpy(),
    })
    out["until"] = list(out["in_force"].iloc[1:]) + [ruling.date()]
    return out


def oil_estimates(indicator: str = "china-imports-iran") -> pd.DataFrame:
    """One indicator of ``after_oil_indicators``, oldest period first.

    >>> float(oil_estimates().set_index("indicator_id").loc["kpler-2025", "value"])
    1.38
    >>> oil_estimates("exports")
    Traceback (most recent call last):
    ...
    ValueError: unknown indicator 'exports'; allowed: china-imports-iran, iran-exports-share-china, ...
    """
    df = data.load("after_oil_indicators")
    allowed = next(c.allowed for c in data.columns("after_oil_indicators") if c.name == "indicator") or ()
    if indicator not in allowed:
        raise ValueError(f"unknown indicator {indicator!r}; allowed: {', '.join(allowed)}")
    return df[df["indicator"] == indicator].sort_values(["period_end", "period_start"]).reset_index(drop=True)


def deaths_12_months() -> pd.DataFrame:
    """Provisional 12-month overdose death counts (all drugs) published after the article, oldest first.

    The 12 months ending December 2024 (the first 2024 count, 80,391) comes from ``fent_overdose_deaths``.

    >>> d = deaths_12_months()
    >>> d[["period_end", "deaths"]].astype(str).values.tolist()[-2:]
    [['2025-01-31', '82138'], ['2025-08-31', '73000']]
    """
    later = data.load("after_overdose_deaths")
    fent = data.load("fent_overdose_deaths")
    first_2024 = fent.query("year == 2024 and drug_category == 'all_drugs' and vintage == 'provisional' "
                            "and provisional_kind == 'predicted'").sort_values("release").head(1)
    dec = pd.DataFrame({
        "period_start": [pd.Timestamp("2024-01-01")], "period_end": [pd.Timestamp("2024-12-31")],
        "drug_category": ["all_drugs"], "provisional_kind": first_2024["provisional_kind"].to_numpy(),
        "qualifier": first_2024["qualifier"].to_numpy(), "deaths": first_2024["deaths"].to_numpy(),
        "low": [pd.NA], "high": [pd.NA], "published": first_2024["release"].to_numpy(),
        "source_id": first_2024["source_id"].to_numpy(), "status": first_2024["status"].to_numpy(),
        "note": ["Calendar 2024, first provisional count (fent_overdose_deaths)."],
    })
    out = pd.concat([later, dec.astype({"deaths": "Int64"})], ignore_index=True)
    return out.sort_values("period_end").reset_index(drop=True)


def evidence(ref: str) -> pd.DataFrame:
    """The rows a ledger reference points to: ``table:id`` (its first column) or ``table:col=value,...``.

    >>> evidence("article_claims:C10")["claim_id"].tolist()
    ['C10']
    >>> len(evidence("fent_overdose_deaths:year=2024,vintage=final,drug_category=all_drugs"))
    1
    >>> evidence("article_claims:C99")
    Traceback (most recent call last):
    ...
    ValueError: the reference 'article_claims:C99' matches no row
    """
    name, _, key = ref.partition(":")
    if not key:
        raise ValueError(f"{ref!r} is not a reference; write table:key, e.g. 'article_claims:C10'")
    df = data.load(name)
    if "=" in key:
        filters = dict(part.split("=", 1) for part in key.split(","))
    else:
        filters = {data.columns(name)[0].name: key}
    mask = pd.Series(True, index=df.index)
    for col, value in filters.items():
        if col not in df.columns:
            raise ValueError(f"{ref!r}: table {name} has no column {col!r}")
        text = df[col].map(lambda v: str(v.date()) if isinstance(v, pd.Timestamp) else str(v))
        mask &= text == value
    if not mask.any():
        raise ValueError(f"the reference {ref!r} matches no row")
    return df[mask]


def claim_updates() -> pd.DataFrame:
    """The claim-updates ledger beside the claims: the words, the verdict at publication, the update.

    Refuses a ledger whose verdict at publication differs from ``article_claims``: updates never overwrite.

    >>> u = claim_updates().set_index("claim_id")
    >>> u.loc["C10", ["verdict_at_publication", "bears"]].tolist()
    ['supported', 'prediction-failed']
    """
    ledger = data.load("after_claim_updates")
    claims = data.load("article_claims").set_index("claim_id")
    unknown = sorted(set(ledger["claim_id"]) - set(claims.index))
    if unknown:
        raise ValueError(f"claim_updates names claims not in article_claims: {', '.join(unknown)}")
    judged = claims.loc[ledger["claim_id"], "verdict"].to_numpy()
    differ = ledger[ledger["verdict_at_publication"].to_numpy() != judged]
    if len(differ):
        row = differ.iloc[0]
        raise ValueError(
            f"claim_updates row {row['update_id']}: verdict_at_publication {row['verdict_at_publication']!r} "
            f"differs from article_claims ({claims.loc[row['claim_id'], 'verdict']!r}); an update never "
            "changes the verdict given at publication: copy it from article_claims"
        )
    out = ledger.merge(claims[["paragraph", "words"]], left_on="claim_id", right_index=True)
    cols = ["update_id", "claim_id", "paragraph", "words", "verdict_at_publication", "bears", "what_changed",
            "evidence_rows", "event_date", "source_id"]
    return out[cols].reset_index(drop=True)
