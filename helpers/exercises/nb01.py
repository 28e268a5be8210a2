"""Questions for notebook 01 (reading the source).

Expected answers are computed from the kit's tables (the claims ledger, the errata, the sources'
provenance ladder), so they follow the data. Each wrong option's feedback is a misconception from the
teaching notes (``notebooks/01-reading-the-source.notes.md``).
"""

from helpers import claims, provenance
from helpers.exercises import Choice, Mapping

CLASSIFY_IDS = ("C4", "C13", "C17", "C27")

# Ten claims settled in notebook 01, coded blind with the verdict codebook before the kit's verdicts
# are shown (not graded: helpers.agreement compares the codes with the ledger).
BLIND_IDS = ("C1", "C6", "C8", "C9", "C13", "C18", "C20", "C22", "C32", "C33")

# The relayed figure the student climbs: a Press TV mirror of Bloomberg's report of Kpler's estimate.
CLIMB_START = "oil-presstv-2024-11"

# Three garbled passages of paragraph 11, labelled for the "spot the error" question.
P11_OPTIONS = {
    "a": "Kupler, a Vienna-based company",
    "b": "shipments. . Oil sales",
    "c": "cover most of the Iranian government's business operations",
}
P11_FEEDBACK = {
    "a": "'Kupler' is a misspelt name: it makes Kpler harder to search for, but a reader still learns the "
    "same fact from the sentence. Look for a change in what the sentence says.",
    "b": "A stray full stop is cosmetic: it warns you that the text went through a machine, but nobody "
    "would believe a different fact because of it.",
    "c": "'Most' for 'much', and an inserted 'business', is cosmetic only if a reader would come away "
    "believing the same thing about Iran's budget.",
}

# Burns's P5 line: what a student may put in quotation marks.
QUOTATION_OPTIONS = {
    "a": "Anything between quotation marks is what the speaker said, and the article prints these words "
    "in quotation marks. But this sentence went into another language and back: its words changed.",
    "b": "The words are now right, but you took them from somewhere: cite the copy of the English original "
    "you read them in, not the translation.",
    "c": "",
    "d": "Too strict: the translation tells you what to look for, and copies of the original exist. Quote "
    "the original, or paraphrase and say you worked from a translation.",
}

# What a verdict grades for a reported expectation (C10): each letter stands for one verdict.
PREDICTION_VERDICTS = {"a": "not-supported", "b": "supported", "c": "opinion", "d": "unverifiable"}
PREDICTION_FEEDBACK = {
    "not-supported": "That grades the prediction. The sentence reports what others expected; the codebook "
    "grades that report, and records in the note whether it came true.",
    "supported": "Read the evidence again: was the expectation really reported at the time?",
    "opinion": "A forecast cannot be checked in advance, but a report that people held it can: "
    "'is expected to' is the reporter's statement about other people's expectations.",
    "unverifiable": "A public source from the time exists (read the evidence): unverifiable is for claims "
    "no public source settles either way.",
}

# C37's "55 types": a precise count where the record says "over 50" (the optional section).
COUNT_VERDICTS = {"a": "supported", "b": "partly-supported", "c": "not-supported", "d": "unverifiable"}
COUNT_FEEDBACK = {
    "supported": "'Over 50' is on record, but the claim states a precise number, 55, that no source gives.",
    "partly-supported": "Read the evidence again: which part of the claim is on record, and which is not?",
    "not-supported": "The sources do not point the other way: 'over 50' fits 55. They just do not give 55.",
    "unverifiable": "Part of the claim is on record: an official said China scheduled 'over 50' substances.",
}


def _types_of(ids: tuple[str, ...]) -> dict[str, str]:
    df = claims.claims()
    return {cid: df.loc[df["claim_id"] == cid, "claim_type"].item() for cid in ids}


def _p11_meaning_changer() -> str:
    errata = claims.errata_ranked()
    changers = set(errata.loc[errata["changes_meaning"].astype(bool), "seed_text"])
    letters = [k for k, text in P11_OPTIONS.items() if text in changers]
    if len(letters) != 1:
        raise ValueError(f"expected exactly one meaning-changing P11 option, found {letters}")
    return letters[0]




def _rungs() -> dict[str, str]:
    return {sid: provenance.kind(sid) for sid in provenance.ladder(CLIMB_START)}


def _verdict_letter(claim_id: str, letters: dict[str, str]) -> str:
    verdict = claims.claims().set_index("claim_id").loc[claim_id, "verdict"]
    found = [k for k, v in letters.items() if v == verdict]
    if len(found) != 1:
        raise ValueError(f"{claim_id}'s verdict {verdict!r} is not one of the options {letters}")
    return found[0]


QUESTIONS = {
    "nb01-classify": Mapping(
        expected=lambda: _types_of(CLASSIFY_IDS),
        labels=claims.CLAIM_TYPES,
        hint="A statistic turns on a number; an attribution reports what someone said; "
        "a prediction says what is likely.",
    ),
    "nb01-quotation": Choice(
        expected="c",
        options=QUOTATION_OPTIONS,
        hint="Quotation marks promise the speaker's exact words. Which option keeps that promise, "
        "and says where the words come from?",
    ),
    "nb01-p11-meaning": Choice(
        expected=_p11_meaning_changer,
        options=P11_FEEDBACK,
        hint="Ask of each option: would a reader come away believing a different fact?",
    ),
    "nb01-climb": Mapping(
        expected=_rungs,
        labels=provenance.KINDS,
        hint="A copy reprints someone else's page; a report names whose figure it gives; the publisher "
        "produced the figure. Follow the relays column one rung at a time.",
    ),
    "nb01-prediction-verdict": Choice(
        expected=lambda: _verdict_letter("C10", PREDICTION_VERDICTS),
        options={k: PREDICTION_FEEDBACK[v] for k, v in PREDICTION_VERDICTS.items()},
        hint="Read the codebook's rule for a report of what others expect, then C10's evidence.",
    ),
    "nb01-count-verdict": Choice(
        expected=lambda: _verdict_letter("C37", COUNT_VERDICTS),
        options={k: COUNT_FEEDBACK[v] for k, v in COUNT_VERDICTS.items()},
        hint="What does the claim turn on: 'more than 50', or exactly 55? Read the codebook's row for "
        "partly supported.",
    ),
}
