"""The header on a phone (390 x 844): the site's name and a Menu button on one line, the rest
folded behind it and reached with the keyboard alone; post headers on one or two lines."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BOARD, sign_in

PHONE = {"width": 390, "height": 844}
MAX_HEADER_PX = 120  # it was 282, a third of the screen
# Everything in the menu a keyboard can reach.
MENU_FOCUSABLE = ", ".join(
    f"#site-menu {kind}"
    for kind in ("a[href]", "button", "input:not([type=hidden])", "select", "textarea")
)


def header_height(page: Page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


def focused_in_menu(page: Page) -> str | None:
    """An identity for the element that has the focus, when it is inside the menu."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            if (!element || !document.getElementById("site-menu").contains(element)) return null;
            return element.outerHTML;
        }"""
    )


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_the_phone_header_is_small_and_its_menu_opens_and_closes_by_keyboard(
    new_context, language, signed_in
):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    if signed_in:
        page.set_viewport_size({"width": 1280, "height": 800})
        sign_in(page, "member")
        page.set_viewport_size(PHONE)
    page.goto(f"/{language}/forum/")
    toggle = page.locator("button.menu-toggle")
    expect(toggle).to_be_visible()
    expect(page.locator("#site-menu")).to_be_hidden()

    assert header_height(page) < MAX_HEADER_PX

    # Skip link, the site's name, then the Menu button.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#site-menu")).to_be_visible()

    menu_items = page.locator(MENU_FOCUSABLE)
    wanted = {menu_items.nth(i).evaluate("e => e.outerHTML") for i in range(menu_items.count())}
    reached = set()
    for _ in range(len(wanted) + 5):
        page.keyboard.press("Tab")
        current = focused_in_menu(page)
        if current is None:
            break
        reached.add(current)
    assert reached == wanted
    assert page.locator("#site-menu a[hreflang]").count() == 8  # every language
    if signed_in:
        assert any("Sign out" in item or "تسجيل الخروج" in item for item in reached)

    page.keyboard.press("Shift+Tab")  # back into the menu
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(page.locator("#site-menu")).to_be_hidden()


def test_the_wide_header_shows_everything_and_no_menu_button(page):
    page.goto("/en/forum/")

    expect(page.locator("button.menu-toggle")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Language")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_post_headers_keep_to_two_lines_on_a_phone(new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(BOARD)
    page.locator("table.threads tbody a[href*='/t/']").first.click()
    expect(page.locator("#posts article").first).to_be_visible()

    # The rows the header's words sit on (the picture spans them; words of one row differ in
    # size, so their tops differ by a few pixels).
    rows = page.evaluate(
        """() => [...document.querySelectorAll("#posts article > header")].map(header => {
            const tops = [...header.children]
                .filter(child => !child.classList.contains("avatar") && child.offsetParent)
                .map(child => child.getBoundingClientRect().top)
                .sort((a, b) => a - b);
            let rows = 0, start = -Infinity;
            for (const top of tops) if (top > start + 10) { rows += 1; start = top; }
            return rows;
        })"""
    )
    assert rows
    assert max(rows) <= 2, rows
