"""Fixtures shared by the test kinds: one execution of every notebook, the built outputs, a browser."""

import os
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import lessons
from helpers.build import handouts, pipeline, slides

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS))  # browsing.py, the browser tests' helpers


@pytest.fixture(scope="session")
def executed() -> dict[str, nbformat.NotebookNode]:
    """Every notebook executed once per test run (in handout mode), by slug.

    The workers share the run's folder: each runs the notebooks no other worker is running, then
    reads the rest. nbval-style checks, the handouts and the slides all read these executions.
    """
    cache = Path(os.environ["CHOKEPOINTS_TEST_RUN"]) / "executed"
    outlines = lessons.outline()
    done = pipeline.execute_many([o.path for o in outlines], cache)
    return {o.slug: done[o.path] for o in outlines}


@pytest.fixture(scope="session")
def built(executed, tmp_path_factory):
    """Both handout editions, the index and the instructor guide, from the run's executions."""
    out = tmp_path_factory.mktemp("handouts")
    handouts.build(out, cache=Path(os.environ["CHOKEPOINTS_TEST_RUN"]) / "executed")
    return out


@pytest.fixture(scope="session")
def decks(executed, tmp_path_factory):
    """One reveal.js deck per notebook, from the run's executions."""
    out = tmp_path_factory.mktemp("slides")
    slides.build(out, cache=Path(os.environ["CHOKEPOINTS_TEST_RUN"]) / "executed")
    return out


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by playwright (never a downloaded browser).

    Without Chromium a laptop run skips the browser tests and says why; in CI they are mandatory.
    """
    import browsing

    missing = browsing.missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests are mandatory in CI: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(browsing.CHROMIUM), args=browsing.CHROMIUM_ARGS)
        yield b
        b.close()


SLOW_KINDS = ("build", "browser", "classroom")


def pytest_collection_modifyitems(config, items):
    """Tests that build, browse or start servers are ``slow``: ``make check`` leaves them to ``make test``."""
    for item in items:
        path = Path(str(item.fspath))
        if path.parent.name in SLOW_KINDS and path.parent.parent == TESTS or path.name == "test_execution.py":
            item.add_marker(pytest.mark.slow)
