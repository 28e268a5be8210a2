"""The slide decks in a real browser, offline: they open, have slides and pass an accessibility audit."""

import pytest

from helpers import lessons

SLUGS = [o.slug for o in lessons.outline()]


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_deck_opens_offline_and_has_slides(decks, browser, slug):
    import browsing

    page, blocked, errors = browsing.open_offline(browser, (decks / f"{slug}.html").as_uri(), 1280, 720)
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert blocked == [] and errors == [], (blocked, errors)
    assert 12 <= page.evaluate("Reveal.getTotalSlides()") <= 20  # the default plan (helpers.build.deck)
    alts = page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt') || '')")
    assert all(a.strip() for a in alts)
    browsing.screenshot(page, f"slides-{slug}", full_page=False)
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_deck_has_no_serious_accessibility_violations(decks, browser, slug):
    import browsing

    page, _, _ = browsing.open_offline(browser, (decks / f"{slug}.html").as_uri(), 1280, 720)
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert browsing.axe_audit(page, f"slides-{slug}") == []
    page.close()
