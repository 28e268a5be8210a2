"""Finished figures and explorers, one module per theme.

They draw: they import the themes, ``plots`` and ``widgets``.

Modules:
- ``claims``: the article's claims and the kit's verdicts (notebooks 01 and 05)
- ``trade``: dual-use goods, China-Russia trade, listings (notebook 02)
- ``oil``: Iranian oil flows, trackers, revenue (notebook 03)
- ``fentanyl``: overdose deaths, controls timeline, seizures (notebook 04)
- ``evidence``: the scorecard of every claim the kit checks (notebook 05)
- ``after``: what happened after the article, 2025-2026 (notebook 06)
- ``calibration``: the reliability plot of a student's predicted verdicts (notebook 05)

Notebooks write ``from helpers.figures import oil as oil_figures`` and call
``oil_figures.china_share_figure()``. Nothing below ``figures`` imports it.
"""
