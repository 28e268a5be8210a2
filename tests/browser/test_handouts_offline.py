"""The handouts in a real browser, offline: no request leaves, explorers switch, accessible, keyboard."""

import re

import pytest

from helpers import lessons

SLUGS = [o.slug for o in lessons.outline()]


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["index", *SLUGS])
def test_page_opens_offline_without_errors(built, browser, page_name):
    import browsing

    for edition_dir, suffix in ((built, ""), (built / "student", "-student")):
        page, blocked, errors = browsing.open_offline(browser, (edition_dir / f"{page_name}.html").as_uri())
        assert blocked == [], f"requests that would leave the machine: {blocked}"
        assert errors == [], errors
        alts = page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt') || '')")
        assert all(a.strip() for a in alts)
        browsing.screenshot(page, f"handout-{page_name}{suffix}")
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_explorers_switch_views_without_a_kernel(built, browser, slug):
    import browsing

    page, blocked, errors = browsing.open_offline(browser, (built / f"{slug}.html").as_uri())
    for box in page.query_selector_all("figure.explorer"):
        visible = box.query_selector(".explorer-view:not([hidden])")
        before = visible.inner_html()
        select = box.query_selector("select[data-control]")
        options = select.eval_on_selector_all("option", "els => els.map(e => e.value)")
        other = next(v for v in options if v != select.input_value())
        select.select_option(other)
        after = box.query_selector(".explorer-view:not([hidden])").inner_html()
        assert after != before, "the view did not change"
        assert len(box.query_selector_all(".explorer-view:not([hidden])")) == 1
    assert blocked == [] and errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["index", "instructor-guide", *SLUGS])
def test_axe_finds_no_serious_or_critical_violations(built, browser, page_name):
    import browsing

    for edition_dir, suffix in ((built, ""), (built / "student", "-student")):
        if not (edition_dir / f"{page_name}.html").exists():  # the guide is instructor-only
            continue
        page, _, _ = browsing.open_offline(browser, (edition_dir / f"{page_name}.html").as_uri())
        blocking = browsing.axe_audit(page, f"handout-{page_name}{suffix}")
        assert blocking == [], blocking
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["index", "instructor-guide", *SLUGS])
def test_document_structure(built, browser, page_name):
    import browsing

    page, _, _ = browsing.open_offline(browser, (built / f"{page_name}.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "en"
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => +e.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    assert page.eval_on_selector_all("table", "ts => ts.filter(t => !t.querySelector('th')).length") == 0
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_readable_on_a_phone_and_in_greyscale(built, browser, slug):
    import browsing

    page, _, _ = browsing.open_offline(browser, (built / f"{slug}.html").as_uri(), width=375, height=800)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at 375px"
    browsing.screenshot(page, f"narrow-{slug}", full_page=False)
    page.close()
    page, _, _ = browsing.open_offline(browser, (built / f"{slug}.html").as_uri())
    figure = page.query_selector(".jp-RenderedImage img")
    if figure:
        page.add_style_tag(content="img { filter: grayscale(1); }")
        figure.screenshot(path=str(browsing.SCREENSHOTS / f"grey-{slug}.png"))
    page.close()


@pytest.mark.browser
def test_explorer_controls_work_from_the_keyboard(built, browser):
    import browsing

    # attributes in any order: nbconvert re-serialises the page with BeautifulSoup, which sorts them
    explorer = re.compile(r'<figure\b[^>]*\bclass="explorer"')
    pages = [s for s in SLUGS if explorer.search((built / f"{s}.html").read_text())]
    assert pages, "no handout has an explorer"
    page, _, _ = browsing.open_offline(browser, (built / f"{pages[0]}.html").as_uri())
    box = page.query_selector("figure.explorer")
    select = box.query_selector("select[data-control]")
    label = page.evaluate("s => document.querySelector(`label[for='${s.id}']`).textContent", select)
    assert label.strip()
    before = box.query_selector(".explorer-view:not([hidden])").inner_html()
    select.focus()
    outline = page.evaluate("s => getComputedStyle(s).outlineStyle", select)
    assert outline != "none", "no visible focus"
    page.keyboard.press("ArrowDown")
    assert box.query_selector(".explorer-view:not([hidden])").inner_html() != before
    assert box.query_selector(".explorer-views").get_attribute("aria-live") == "polite"
    page.close()
