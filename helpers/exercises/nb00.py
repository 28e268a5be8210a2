"""Questions for notebook 00 (start here)."""

from helpers import article
from helpers.exercises import Choice, Items, forms

THEMES = ("dual-use goods", "iranian oil", "fentanyl controls")

QUESTIONS = {
    "nb00-themes": Choice(
        expected="fentanyl controls",
        options=THEMES,
        hint="Read paragraph 18 again.",
    ),
    "nb00-oil-paragraphs": Items(
        expected=lambda: tuple(article.paragraphs_mentioning("oil")),
        normalise=forms.paragraph,
        hint="Search every paragraph, not only the ones you remember; article.paragraphs_mentioning helps.",
    ),
}
