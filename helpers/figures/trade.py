"""Trade figures and the CHPL explorer (notebook 02); the numbers come from ``helpers.trade``.

Notebook 02 writes ``from helpers.figures import trade as trade_figures`` and shows
``trade_figures.chpl_tiers_figure(items)``.
"""

from __future__ import annotations

import html

import pandas as pd
from matplotlib.figure import Figure

from helpers import citation, data, plots
from helpers.trade import (
    CHAPTER_NAMES,
    CHPL_VIEWS,
    chpl_counts,
    chpl_view,
    eu_export_changes,
    listings_for,
    parse_hs,
    share_pct,
    split_view,
    trade_growth,
    trade_value,
)
from helpers.widgets import Explorer

_HATCHES = ["", "//", "..", "xx", "\\\\"]
_SHORT_CHAPTER = {"84": "machinery", "85": "electrical", "88": "aircraft", "90": "instruments"}


def chpl_tiers_figure(items: pd.DataFrame) -> Figure:
    """Stacked bars: CHPL codes per tier, split by HS chapter (colour and hatching).

    >>> from helpers import data, plots
    >>> from helpers.figures.trade import chpl_tiers_figure
    >>> plots.title_of(chpl_tiers_figure(data.load("chpl_items")))
    '26 of the 50 CHPL codes are electrical goods from HS chapter 85'
    """
    counts = chpl_counts(items).drop(index="All").drop(columns="All")
    fig, ax = plots.new_figure(10, 5)
    left = pd.Series(0, index=counts.index)
    for i, chapter in enumerate(counts.columns):
        ax.barh([f"Tier {t}" for t in counts.index], counts[chapter], left=left, color=plots.PALETTE[i],
                hatch=_HATCHES[i], edgecolor="white", label=f"Ch. {chapter} {_SHORT_CHAPTER[chapter]}")
        left = left + counts[chapter]
    for y, total in enumerate(left):
        ax.text(total + 0.2, y, str(int(total)), va="center")
    ax.invert_yaxis()
    ax.set_xlabel("Number of HS-6 codes")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, max(left) + 6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right")
    n85, n = int(counts.get("85", pd.Series(0)).sum()), int(counts.to_numpy().sum())
    return plots.finish(
        fig,
        title=f"{n85} of the {n} CHPL codes are electrical goods from HS chapter 85",
        source=citation.cite_rows(items, max_cited=plots.MAX_CITED, tables=["chpl_items"]),
        alt=("Horizontal stacked bars of CHPL codes per tier: "
             + ", ".join(f"tier {t} {int(v)}" for t, v in left.items())
             + f". Chapter 85 holds {n85} codes; chapters 84, 88 and 90 hold the rest."),
    )


def china_russia_trade_figure(trade: pd.DataFrame) -> Figure:
    """Total trade as a line, with China's exports and imports where both are shipped.

    >>> from helpers import data, plots
    >>> from helpers.figures.trade import china_russia_trade_figure
    >>> plots.title_of(china_russia_trade_figure(data.load("china_russia_trade")))
    'China–Russia trade grew 67% from 2021 to 2024, to USD 245bn'
    """
    fig, ax = plots.new_figure(10, 5.5)
    styles = {"total": (0, "-"), "exports": (1, "--"), "imports": (2, ":")}
    labels = {"total": "Total trade", "exports": "China's exports to Russia",
              "imports": "China's imports from Russia"}
    for flow, (i, ls) in styles.items():
        rows = trade[(trade["flow"] == flow) & trade["value_usd_bn"].notna()].sort_values("year")
        ax.plot(rows["year"], rows["value_usd_bn"].astype(float), color=plots.PALETTE[i],
                marker=plots.MARKERS[i], linestyle=ls if flow == "total" else "none", label=labels[flow])
    ax.axvline(2022.15, color="#555555", linewidth=1, linestyle=(0, (2, 2)))
    ax.text(2022.2, 20, "Invasion of Ukraine\n(Feb 2022)", fontsize=11, color="#333333")
    ax.set_ylabel("USD bn (current prices)")
    ax.set_xlabel("Year")
    ax.set_ylim(0, None)
    ax.set_xticks(range(2019, 2025))
    ax.legend(loc="upper left")
    growth = trade_growth(trade, "total", 2021, 2024)
    total24 = trade_value(trade, 2024, "total")
    totals = trade[trade["flow"] == "total"][["year", "value_usd_bn"]].itertuples(index=False)
    ex22, ex24 = trade_value(trade, 2022, "exports"), trade_value(trade, 2024, "exports")
    return plots.finish(
        fig,
        title=f"China–Russia trade grew {growth:.0f}% from 2021 to 2024, to USD {total24:.0f}bn",
        source=citation.cite_rows(trade[trade["value_usd_bn"].notna()], max_cited=plots.MAX_CITED,
                              tables=["china_russia_trade"]),
        alt=("Line chart of China-Russia trade in USD bn, 2019-2024: total "
             + ", ".join(f"{int(y)} {v:.1f}" for y, v in totals)
             + ". Exports and imports are marked for 2019, 2020, 2022 and 2024 only; exports rose from "
             f"{ex22:.1f} in 2022 to {ex24:.1f} in 2024."),
    )


_BASIS_STYLE = {"dispatch-country": 0, "producer-headquarters": 1, "not-stated": 2}
_BASIS_LABEL = {
    "dispatch-country": "By country the goods came from",
    "producer-headquarters": "By where the producer is based",
    "not-stated": "Not stated",
}


def _short(claimant: str, width: int = 30) -> str:
    name = claimant.split(" (")[0]
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def share_claims_figure(claims: pd.DataFrame) -> Figure:
    """Dot plot of every share claim, coloured and shaped by how origin was counted.

    >>> from helpers import data, plots
    >>> from helpers.figures.trade import share_claims_figure
    >>> plots.title_of(share_claims_figure(data.load("share_claims")))
    "Counted by where goods came from, China's share is up to 90%; by producer, 45%"
    """
    rows = claims.sort_values(["measured_by", "claim_date"]).reset_index(drop=True)
    fig, ax = plots.new_figure(11, 6.5)
    for basis, g in rows.groupby("measured_by", sort=False):  # one artist per way of counting
        i = _BASIS_STYLE[basis]
        ax.plot(g["share_pct"].astype(float), g.index, linestyle="none", marker=plots.MARKERS[i],
                markersize=10, color=plots.PALETTE[i], label=_BASIS_LABEL[basis])
    for y, row in rows.iterrows():
        hedge = f"{row['qualifier']} " if pd.notna(row["qualifier"]) else ""
        whose = ""
        if row["measured_by"] == "producer-headquarters":
            whose = " (China-based)" if row["supplier"].startswith("China") else " (Western)"
        value = float(row["share_pct"])
        ax.annotate(f"{hedge}{value:g}%{whose}", (value, y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=11)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{_short(r.claimant)}, {r.claim_date[:7]} · {r.goods}" for r in rows.itertuples()],
                       fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Published share (%)")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", fontsize=11, title="How origin was counted", title_fontsize=11)
    dispatch = rows[rows["measured_by"] == "dispatch-country"]["share_pct"].max()
    hq = rows[(rows["measured_by"] == "producer-headquarters")
              & rows["supplier"].str.startswith("China")]["share_pct"].max()
    low = rows[rows["measured_by"] == "dispatch-country"]["share_pct"].min()
    western = rows[rows["supplier"].str.startswith("Western")]["share_pct"].max()
    return plots.finish(
        fig,
        title=(f"Counted by where goods came from, China's share is up to {dispatch:.0f}%; "
                    f"by producer, {hq:.0f}%"),
        source=citation.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["share_claims"]),
        alt=(f"Dot plot of {len(rows)} published shares: counted by the country goods were shipped from, "
             f"China's share of Russia's imports is {low:.0f} to {dispatch:.0f}%; counted by producer "
             f"headquarters, China {hq:.0f}% and Western firms {western:.0f}%; the article's 90% does not "
             "say how it was counted."),
    )


def eu_exports_figure(shift: pd.DataFrame) -> Figure:
    """Two panels: the percentage change and the change in euros of EU exports, 2021 to 2022.

    >>> from helpers import data, plots
    >>> from helpers.figures.trade import eu_exports_figure
    >>> plots.title_of(eu_exports_figure(data.load("intermediary_trade_shift")))
    'EU exports to Kyrgyzstan rose 345% in 2022, but five neighbours gained €9.6bn while Russia lost €34bn'
    """
    e = eu_export_changes(shift)
    fig = Figure(figsize=(11, 5.5), layout="constrained")
    ax1, ax2 = fig.subplots(1, 2, sharey=True)
    names = list(e["country"])
    colours = [plots.PALETTE[5] if p == "RUS" else plots.PALETTE[0] for p in e.index]
    hatches = ["//" if p == "RUS" else "" for p in e.index]
    ax1.barh(names, e["change_pct"], color=colours, hatch=hatches, edgecolor="white")
    ax2.barh(names, e["change_m"] / 1000, color=colours, hatch=hatches, edgecolor="white")
    for ax, unit in ((ax1, "Change in EU exports (%)"), (ax2, "Change in EU exports (EUR bn)")):
        ax.axvline(0, color="#333333", linewidth=1)
        ax.set_xlabel(unit)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
    ax1.invert_yaxis()
    neighbours = e.loc[["KGZ", "ARM", "UZB", "KAZ", "GEO"], "change_m"].sum() / 1000
    russia = -e.loc["RUS", "change_m"] / 1000
    return plots.finish(
        fig,
        title=(f"EU exports to Kyrgyzstan rose {e.loc['KGZ', 'change_pct']:.0f}% in 2022, but five "
                    f"neighbours gained €{neighbours:.1f}bn while Russia lost €{russia:.0f}bn"),
        source=citation.cite_rows(shift[shift["source_id"] == "dualuse-brusselstimes-2023"]),
        alt=("Two bar charts of EU exports, 2021 to 2022. In percent: "
             + ", ".join(f"{c} {p:+.0f}%" for c, p in zip(e["country"], e["change_pct"], strict=True))
             + ". In euros: "
             + ", ".join(f"{c} {m / 1000:+.1f}bn" for c, m in zip(e["country"], e["change_m"], strict=True))
             + "."),
    )


def listings_figure(listings: pd.DataFrame, claimed: int = 400) -> Figure:
    """China/HK entities per Russia-related Entity List action, their running sum, and the claim.

    >>> from helpers import data, plots
    >>> from helpers.figures.trade import listings_figure
    >>> plots.title_of(listings_figure(data.load("us_listings")))
    "5 Russia-related Entity List actions named at least 108 Chinese entities, 27% of 'nearly 400'"
    """
    rows = listings_for(listings)
    rows = rows[rows["china_hk_listed"].notna()]
    counts = rows["china_hk_listed"].astype(int)
    running = counts.cumsum()
    dates = [d.strftime("%b %Y") for d in rows["date"]]
    fig, ax = plots.new_figure(10, 5.5)
    ax.bar(dates, counts, color=plots.PALETTE[0], label="Chinese/HK entities in the action")
    ax.plot(dates, running, color=plots.PALETTE[1], marker=plots.MARKERS[1], linestyle="--",
            label="Running total")
    ax.axhline(claimed, color=plots.PALETTE[5], linestyle=":", linewidth=2)
    ax.text(0, claimed + 8, f"'nearly {claimed}' Chinese suppliers (Burns)", color=plots.PALETTE[5],
            fontsize=11)
    ax.set_ylabel("Entities (count)")
    ax.set_xlabel("Entity List action (BIS, for supporting Russia)")
    ax.set_ylim(0, claimed * 1.15)
    ax.legend(loc="center left")
    total = int(running.iloc[-1])
    return plots.finish(
        fig,
        title=(f"{len(rows)} Russia-related Entity List actions named at least {total} Chinese entities, "
                    f"{share_pct(total, claimed):.0f}% of 'nearly {claimed}'"),
        source=citation.cite_rows(rows, max_cited=plots.MAX_CITED, tables=["us_listings"]),
        alt=("Bar chart of Chinese and Hong Kong entities added in each Russia-related Entity List action: "
             + ", ".join(f"{d} {c}" for d, c in zip(dates, counts, strict=True))
             + f"; running total {total}, against a line at {claimed}."),
    )


# --------------------------------------------------------------------------- the CHPL explorer
def _view_label(view: str) -> str:
    """The label a reader sees for one CHPL view, built from its tier or chapter."""
    kind, value = split_view(view)
    if kind == "tier":
        headings = data.load("chpl_items").drop_duplicates("tier").set_index("tier")["tier_heading"]
        return f"Tier {value} · {headings[value]}"
    if kind == "chapter":
        return f"Chapter {value} · {CHAPTER_NAMES[value]}" if value in CHAPTER_NAMES else view
    return "All codes"


def render_chpl(view: str = "all") -> str:
    """The CHPL codes of one view as an HTML table, with what the items go into.

    >>> from helpers.figures.trade import render_chpl
    >>> "4 codes" in render_chpl("tier:1")
    True
    >>> "No CHPL code" in render_chpl("chapter:93")
    True
    """
    items = data.load("chpl_items")
    rows = chpl_view(items, view)
    kind, value = split_view(view)
    label = _view_label(view)
    # A paragraph, not a heading: the explorer sits inside a notebook section and must not break its outline.
    parts = [f'<p class="explorer-title"><strong>{html.escape(label)}: {len(rows)} codes</strong></p>']
    if rows.empty:
        name = CHAPTER_NAMES.get(value, f"chapter {value}")
        parts.append(
            f"<p>No CHPL code is in chapter {html.escape(value)} ({html.escape(name)}). The list names "
            "components and machines that go into weapons, not weapons.</p>"
        )
        return "\n".join(parts)
    if kind == "tier":
        first = rows.iloc[0]
        definition = html.escape(first["tier_definition"])
        parts.append(f"<p><strong>What they go into (BIS):</strong> {definition}</p>")
    else:
        parts.append("<p><strong>What they go into:</strong> see each code's tier; pick a tier to read its "
                     "BIS definition.</p>")
    table = pd.DataFrame({
        "HS code": [parse_hs(c).dotted for c in rows["hs6"]],
        "Chapter": [parse_hs(c).chapter for c in rows["hs6"]],
        "Heading": [parse_hs(c).heading for c in rows["hs6"]],
        "Description (HS 2022)": rows["description_hs2022"].astype(str),
        "Tier": [f"{t} · {h}" for t, h in zip(rows["tier"], rows["tier_heading"], strict=True)],
    })
    parts.append(table.to_html(index=False, border=0, classes="explorer-table", escape=True))
    parts.append(f"<p><small>{html.escape(citation.cite_rows(rows))}</small></p>")
    return "\n".join(parts)


def chpl_explorer() -> Explorer:
    """The CHPL explorer: pick a tier or an HS chapter, see its codes and what they go into.

    >>> from helpers.figures.trade import chpl_explorer
    >>> chpl_explorer().view_count()
    12
    """
    return Explorer(
        title="Common High Priority List: codes by tier or HS chapter",
        render=render_chpl,
        controls={"view": [(_view_label(v), v) for v in CHPL_VIEWS]},
        default={"view": "tier:1"},
        description="Each view lists the HS-6 codes, their HS 2022 labels and their tier.",
    )
