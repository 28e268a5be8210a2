"""Questions for notebook 00 (start here): provenance, the article's themes, and the pandas the kit uses.

Each wrong option's feedback is a misconception from ``notebooks/00-start-here.notes.md``. Expected
answers are computed from the data: the paragraphs that mention oil from the seed, the theme of
paragraph 1 from the claims ledger, the kind of the Kupler/Kpler error from the errata, the counts and
values from ``china_russia_trade``.

>>> print(QUESTIONS["nb00-themes"].feedback("d"))  # doctest: +ELLIPSIS
✗ Not yet: a search finds words, not ideas. ...
"""

from helpers import article, data
from helpers.exercises import Choice, Items, Number, forms

#: The letters of nb00-themes, one per theme of the claims ledger.
THEME_OPTIONS = {"a": "dual-use", "b": "iran-oil", "c": "fentanyl"}
#: The letters of nb00-spelling, one per kind of error in ``article_errata``.
SPELLING_OPTIONS = {"a": "two-companies", "b": "typo", "c": "transliteration"}


def _trade():
    return data.load("china_russia_trade")


def _theme_of_p1() -> str:
    """The option for the theme the ledger gives paragraph 1's claim.

    >>> _theme_of_p1()
    'a'
    """
    ledger = data.load("article_claims")
    theme = ledger.loc[ledger["paragraph"] == 1, "theme"].iloc[0]
    return next(k for k, v in THEME_OPTIONS.items() if v == theme)


def _spelling() -> str:
    """The option for the kind of error the errata record for "Kupler" in paragraph 11.

    >>> _spelling()
    'c'
    """
    errata = data.load("article_errata")
    kind = errata.loc[errata["seed_text"].str.contains("Kupler"), "error_kind"].iloc[0]
    return next(k for k, v in SPELLING_OPTIONS.items() if v == kind)


def rows_over_100() -> int:
    """How many rows of ``china_russia_trade`` report more than USD 100 bn (totals and flows alike).

    >>> rows_over_100() > 0
    True
    """
    trade = _trade()
    return int((trade["value_usd_bn"] > 100).sum())


def total_2023() -> float:
    """China-Russia trade in 2023, USD bn: the ``total`` row of 2023.

    >>> round(total_2023())
    240
    """
    trade = _trade()
    return float(trade[(trade["flow"] == "total") & (trade["year"] == 2023)]["value_usd_bn"].iloc[0])


QUESTIONS = {
    "nb00-status": Choice(
        expected="b",
        options={
            "a": "verified says the kit read the words on the page it cites, and that page is a reprint. "
                 "The Times' own page is one rung up the ladder, and the row does not say it was read.",
            "b": "",
            "c": "too strict. A faithful reprint is evidence of what the original said; it is weaker, "
                 "because a copy can drift or be edited, so name it as a copy and climb when you can.",
            "d": "the status says how the kit checked the row, not how many people did. "
                 "verified-secondary means the figure was read in a report or copy, not at its publisher.",
        },
        hint="Read the status and the source's kind separately: one says how the row was checked, "
             "the other how far its page is from whoever wrote the words.",
    ),
    "nb00-themes": Choice(
        expected=_theme_of_p1,
        options={
            "a": "",
            "b": "P1 says nothing about oil. Read it again: what is being transferred, and to whom?",
            "c": "fentanyl appears in one paragraph only, at the end of the article.",
            "d": "a search finds words, not ideas. P1 is about equipment for Russia's war: one of the "
                 "three themes, in other words.",
        },
        hint="Read P1 (at the top of this notebook) and ask what the equipment is for.",
    ),
    "nb00-oil-paragraphs": Items(
        expected=lambda: tuple(article.paragraphs_mentioning("oil")),
        normalise=forms.paragraph,
        hint="Search every paragraph, not only the ones you remember: give the helper the word to find.",
    ),
    "nb00-map": Choice(
        expected="c",
        options={
            "a": "the map counts paragraphs, not importance. A single paragraph can hold several "
                 "checkable claims, and the one about deaths may matter most to a reader.",
            "b": "room is not evidence. How much an article says about a theme tells you nothing about "
                 "whether what it says is true: that is what notebooks 02 to 04 check.",
            "c": "",
        },
        hint="A chart can only show what was measured. What did the search count?",
    ),
    "nb00-spelling": Choice(
        expected=_spelling,
        options={
            "a": "both paragraphs name the source of the same oil-tracking figures, and no company "
                 "called Kupler appears anywhere else.",
            "b": "the English copies of the article spell it Kpler in P11 too: the error entered on the "
                 "way through another language, not at the reporter's keyboard.",
            "c": "",
        },
        hint="Compare with an English copy of the article: how does it spell the name in P11?",
    ),
    "nb00-py-columns": Choice(
        expected="b",
        options={
            "a": "one pair of brackets asks for one column, named by the pair (year, flow): a KeyError. "
                 "A list of columns needs its own brackets inside the table's.",
            "b": "",
            "c": "trade[\"year\"] is already one column; [\"flow\"] then looks for a row labelled flow "
                 "in it: a KeyError.",
        },
        hint="Picking columns takes a list, and a list has its own square brackets.",
    ),
    "nb00-py-filter": Number(
        expected=rows_over_100,
        unit="rows",
        rel_tol=0,
        hint='Write the condition inside the brackets: trade[trade["value_usd_bn"] > 100], then len(...).',
    ),
    "nb00-py-loc": Number(
        expected=total_2023,
        unit="USD bn",
        rel_tol=0.005,
        hint='totals.loc[2023, "value_usd_bn"]: first the row label (the year), then the column.',
    ),
    "nb00-py-groupby": Choice(
        expected="b",
        options={
            "a": "a sum adds whatever rows it is given. Look at which flows each year has before you read "
                 "the sum as trade.",
            "b": "",
            "c": "groupby keeps every row; 2021 has fewer rows to add, not lost ones. Count the rows "
                 "of each year.",
        },
        hint="Filter the rows of 2021 and of 2022 and compare their flow column.",
    ),
    "nb00-py-pivot": Choice(
        expected="b",
        options={
            "a": "a blank is not a zero. The same year's total is far from zero, and the sources give "
                 "a growth rate for each flow: the value is missing, not nothing.",
            "b": "",
            "c": "pivot_table shows what the rows hold. Look at the 2023 rows of trade: the value "
                 "column is empty there too.",
        },
        hint='Look at trade[trade["year"] == 2023]: which columns are filled in?',
    ),
}
