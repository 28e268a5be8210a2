"""Chokepoints: helper modules for the teaching kit, in layers that import one way (DESIGN §2).

Where things are:
- ``paths``: where the data, the seeds, the notebooks and the build folder live
- ``data``: the one loader (``data/``: one CSV per table, ``catalogue.toml``, ``sources.csv``)
- ``article``: the seed article, paragraph by paragraph
- ``bibliography``: the Sources section of a notebook, from the tables it used
- ``provenance``: the source ladder (publisher, report, copy) and the rows verified at the publisher
- ``citation``: source lines naming the original publisher first, and the rung of each row

The themes compute and never draw:
- ``arithmetic``: checked arithmetic the themes share
- ``trade``: dual-use trade, HS codes, mirror gaps, listings (notebook 02)
- ``oil`` and ``oil_units``: Iranian oil flows, and tonnes, barrels and days (notebook 03)
- ``fentanyl``: overdose deaths and drug-control timelines (notebook 04)
- ``claims``: the article's claims and errata (notebooks 01 and 05)
- ``codebook``: the verdict codebook, the rule for each verdict (notebooks 01 and 05, the glossary page)
- ``agreement``: percent agreement and Cohen's kappa between two coders (notebook 01's blind coding)
- ``evidence``: the evidence behind each verdict (notebook 05)
- ``predictions``: a student's predicted verdicts (saved in 00, scored in 05: Brier score, reliability)
- ``after``: what happened after the article, and the claim-updates ledger (notebook 06)

Drawing:
- ``plots``: figure style, ``finish`` and ``show``
- ``widgets``: the Explorer type and its widget
- ``figures``: finished figures and explorers, one module per theme

Learning:
- ``exercises``: question types, Feedback, one module of questions per notebook, the records of attempts
- ``checks``: ``check()`` and ``question()``, the face notebooks call
- ``predictions``: a student's predicted verdicts, saved in notebook 00 and read back in 05
- ``lessons``: the notebooks' order, titles, goals and time
- ``tags``: the cell-tag vocabulary

Around the kit:
- ``__main__``: the command line, ``python -m helpers <command>`` (the ``chokepoints`` script)
- ``build``: handouts, slides, the student edition, the scaffold, the notebook lint, teaching notes
- ``environment``: does this computer have what the kit needs?
- ``netguard`` (and ``netguard_site``): refuses every connection that would leave the machine

Importing the package has no side effects.
"""

__version__ = "0.2.0"


def check_environment(verbose: bool = True) -> dict:
    """Print the versions the kit needs and what is missing or too old, with the fix.

    >>> helpers_ok = check_environment(verbose=False)
    >>> all(status.ok for status in helpers_ok.values())
    True
    """
    from helpers.environment import check

    return check(verbose=verbose)
