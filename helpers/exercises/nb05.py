"""Questions for notebook 05 (checking the claims). Expected verdicts and rows are computed from the data.

Every exercise asks a student to decide: which reading of a quoted number is right (C3), the verdict
for "quadrupled" and the periods that settle it (C16), the firmer problem with "55 types" (C37), the
verdict for a share credited to a tracker that counts lower (C17), and a correction note. Each wrong
option is a misconception from the teaching notes, with its own feedback.
"""

from helpers import claims, oil
from helpers.exercises import Choice, CorrectionNote, Verdict


def _verdict(claim_id: str) -> str:
    return claims.claims().set_index("claim_id").loc[claim_id, "verdict"]


def _all_ids() -> tuple[str, ...]:
    return tuple(claims.claims()["claim_id"])


def _settled() -> dict[str, str]:
    """The ledger's verdict of every claim it settled (all but the unverifiable ones)."""
    df = claims.claims()
    df = df[df["verdict"] != "unverifiable"]
    return dict(zip(df["claim_id"], df["verdict"], strict=True))


def _trackers_2024() -> tuple[str, ...]:
    """The trackers that published China's share of Iran's 2024 exports (the rows that settle C17)."""
    return tuple(oil.china_share(2024)["tracker"])


def _text(x: object) -> str:
    return str(x).strip().lower()


#: The periods whose tracked levels settle C16: the deal's month and the last full year before the article.
C16_PERIODS = ("2023-03", "2024")

QUESTIONS = {
    "nb05-c3-reading": Choice(
        expected="b",
        options={
            "a": "Several US officials said 90% (Blinken at a Senate hearing among them): the number is "
                 "quoted correctly. Look at what it is a share of.",
            "b": "",
            "c": "The 45% counts something else (the producer's headquarters); it does not make the 90% "
                 "import share false. A sourced number on the wrong denominator is not refuted.",
            "d": "A sourced number is not yet a true claim: the sentence says 'used in Russia's war effort', "
                 "and the 90% counts imports by the country that shipped them.",
        },
        hint="Compare what the sentence says the 90% measures with the measured_by of the 90% row.",
    ),
    "nb05-c16-verdict": Verdict(
        verdict=lambda: _verdict("C16"),
        verdicts={
            "supported": "Quadrupled since when? The claim counts from the Saudi-Iran deal, not from 2020.",
            "partly-supported": "Less than double is not a near miss of four times: the ratio is far "
                                "from x4.",
            "not-supported": "",
            "unverifiable": "The trackers publish levels for both periods the claim needs: it can be "
                            "checked.",
            "opinion": "A growth ratio is a statistic, not an opinion.",
        },
        evidence=C16_PERIODS,
        normalise=_text,
        hint="The claim's baseline is the deal of March 2023; compare it with 2024 (the low ends of both).",
    ),
    "nb05-c37-problem": Choice(
        expected="b",
        options={
            "a": "The count is close, and an official said 'more than 50': a third action the kit has not "
                 "found could explain 2. Is the number the firmest problem?",
            "b": "",
            "c": "'More than 50' backs the size of the count, not what kind of control it was. Read the "
                 "sentence again: does it describe domestic scheduling?",
        },
        hint="Compare what the sentence says China did with what the 2024 actions were.",
    ),
    "nb05-c17-verdict": Verdict(
        verdict=lambda: _verdict("C17"),
        verdicts={
            "supported": "UANI's count is over 90%, but the article credits the figure to Kpler. What does "
                         "Kpler's own count for 2024 say?",
            "partly-supported": "",
            "not-supported": "One of the two trackers does report more than 90%: the number exists; it is "
                             "credited to a tracker whose own count is lower.",
            "unverifiable": "Both trackers published a share for 2024: the claim can be checked.",
            "opinion": "A share of exports is a statistic, not an opinion.",
        },
        evidence=_trackers_2024,
        normalise=_text,
        hint="Name both trackers' rows: the one the article credits and the one the kit first relied on.",
    ),
    "nb05-correction-note": CorrectionNote(
        claims=_all_ids, verdicts=claims.VERDICTS, min_words=120, max_words=180, ledger=_settled
    ),
}
