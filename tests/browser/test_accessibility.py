"""Accessibility as people meet it: axe-core on the main pages in English and in Arabic (right to
left), for a visitor and for a signed-in member; a reply written and posted with the keyboard
alone; the direction each language is laid out in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import axe_violations, sign_in, unique

BOARD = "/{language}/b/juvenile-justice/general/"
# The program page seed_demo publishes for the board above; its slug is translated per language,
# so other languages are reached through the language switcher.
PROGRAM = "/en/programs/juvenile-justice/"
# A word the demo threads use, so the search page shows results and not only its form.
SEARCH = "/{language}/search/?q=diversion"
# More than any page here has focusable elements before the reply box: a bound, not a target.
MAX_TABS = 150


def first_thread(page: Page, language: str) -> str:
    """The address of the board's first thread, found as a reader finds it."""
    page.goto(BOARD.format(language=language))
    return page.locator("table.threads tbody a[href*='/t/']").first.get_attribute("href")


def program_page(page: Page, language: str) -> str:
    page.goto(PROGRAM)
    switcher = page.get_by_role("navigation", name="Language")
    return switcher.locator(f"a[hreflang='{language}']").get_attribute("href")


def main_pages(page: Page, language: str) -> list[str]:
    return [
        f"/{language}/",
        f"/{language}/forum/",
        BOARD.format(language=language),
        first_thread(page, language),
        SEARCH.format(language=language),
        program_page(page, language),
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_main_pages_have_no_serious_accessibility_violations(page, language, signed_in):
    if signed_in:
        sign_in(page, "member")
    found = {}
    for path in main_pages(page, language):
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        if "/search/" in path:
            # Checking an empty result list would leave the results' markup unchecked.
            expect(page.locator("ol.hits > li").first).to_be_visible()
        if violations := axe_violations(page):
            found[path] = violations
    # Compared with an empty dict, so a failure lists every page's violations at once.
    assert found == {}


def direction(locator: Locator) -> str:
    """The direction the browser lays the element out in (from dir, lang and the style sheet)."""
    return locator.evaluate("element => getComputedStyle(element).direction")


@pytest.mark.parametrize(("language", "expected"), [("en", "ltr"), ("ar", "rtl")])
def test_each_language_is_laid_out_in_its_own_direction(page, language, expected):
    for path in (f"/{language}/", f"/{language}/forum/"):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("html")).to_have_attribute("dir", expected)
        assert direction(page.locator("main")) == expected


def test_an_english_post_on_the_arabic_site_reads_left_to_right_in_a_right_to_left_page(page):
    # The demo threads are in English. Laid out right to left, their full stops and question
    # marks would land at the start of the line.
    page.goto(first_thread(page, "ar"))
    post = page.locator("article.post").first
    expect(post).to_have_attribute("lang", "en")
    assert direction(post.locator(".body")) == "ltr"
    # The post's author line and actions are the reader's interface, in Arabic.
    expect(post.locator("footer")).to_have_attribute("lang", "ar")
    assert direction(post.locator("footer")) == "rtl"
    assert direction(page.locator("main")) == "rtl"


def test_english_fallback_on_an_arabic_program_page_reads_left_to_right(page):
    page.goto(program_page(page, "ar"))
    # No Arabic text for this page yet: the page says so, and shows the English text as English.
    title = page.locator("main h1")
    expect(title).to_have_attribute("lang", "en")
    assert direction(title) == "ltr"
    assert direction(page.locator("main")) == "rtl"


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until the target has the keyboard focus, as a keyboard user moves on a page."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached with {MAX_TABS} presses of Tab")


def test_member_replies_to_a_thread_with_the_keyboard_alone(page):
    sign_in(page, "member")
    # Set up: a thread of this test's own, so the reply lands on a page nobody else changes.
    title = unique("Keyboard reply thread ")
    page.goto(BOARD.format(language="en") + "new/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Message").fill("A thread to answer with the keyboard alone.")
    page.get_by_role("button", name="Start thread").click()
    expect(page.locator("main h1")).to_have_text(title)

    page.goto(BOARD.format(language="en"))
    thread_link = page.get_by_role("link", name=title)
    tab_to(page, thread_link)
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text(title)

    reply = page.locator("#reply")
    box = reply.get_by_role("textbox", name="Message")
    tab_to(page, box)
    expect(box).to_be_focused()
    # Keyboard users see where they are: the focused box keeps a focus indicator.
    assert box.evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    text = unique("Answered without a mouse ")
    page.keyboard.type(text)
    tab_to(page, reply.get_by_role("button", name="Post reply"))
    page.keyboard.press("Enter")

    expect(page.locator("article.post .body", has_text=text)).to_be_visible()
    expect(page.locator("article.post")).to_have_count(2)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_staff_pages_of_issue_24_have_no_serious_accessibility_violations(page, language):
    # Legal holds, retention and the audit export: tables and forms staff use.
    sign_in(page, "admin")
    found = {}
    for path in ("moderation/holds/", "moderation/retention/", "moderation/log/export/"):
        page.goto(f"/{language}/{path}")
        expect(page.locator("main h1")).to_be_visible()
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}
