"""Posting when things go wrong in the browser: a double click, Back after posting, the live
socket down, the session gone while writing. Nothing is lost and nothing is posted twice: the
draft (forum/static/forum/drafts.js) keeps the text until the server has it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import reply, sign_in, start_thread, unique
from tests.live import manage

# Every session ends as an expired one does: through the session store, so that a copy kept in
# the cache (cached_db sessions where Redis is configured) goes with its row.
END_ALL_SESSIONS = (
    "from importlib import import_module; from django.conf import settings; "
    "from django.contrib.sessions.models import Session; "
    "store = import_module(settings.SESSION_ENGINE).SessionStore; "
    "[store(session_key=key).delete() for key in Session.objects.values_list('pk', flat=True)]"
)


def posts_with(page: Page, text: str):
    return page.locator("#posts article", has_text=text)


def test_double_clicking_post_sends_one_reply(page):
    sign_in(page, "member")
    start_thread(page, unique("Double click "), "Opening post.")
    text = unique("Sent once ")

    page.locator("#reply").get_by_label("Message").fill(text)
    page.locator("#reply").get_by_role("button", name="Post reply").dblclick()

    expect(posts_with(page, text)).to_have_count(1)
    page.reload()
    expect(posts_with(page, text)).to_have_count(1)


def test_back_after_posting_and_posting_again_does_not_duplicate_the_reply(page):
    sign_in(page, "member")
    thread = start_thread(page, unique("Back button "), "Opening post.")
    text = unique("Posted before Back ")
    reply(page, text)

    page.go_back()
    # Whatever Back shows (the text kept by the browser, or an empty form), Post is pressed
    # again and its answer awaited, as a person sees it before going on.
    with page.expect_navigation():
        page.locator("#reply").get_by_role("button", name="Post reply").click()

    page.goto(thread)
    expect(posts_with(page, text)).to_have_count(1)
    # The text was sent and taken: it does not come back as a draft.
    expect(page.locator("#reply").get_by_label("Message")).to_have_value("")


def test_a_reply_posted_while_the_live_socket_is_down_is_posted_and_shown(page):
    page.route_web_socket(re.compile(r"/ws/$"), lambda socket: socket.close())
    sign_in(page, "member")
    thread = start_thread(page, unique("Socket down "), "Opening post.")
    text = unique("Posted without a socket ")

    reply(page, text)

    page.goto(thread)
    expect(posts_with(page, text)).to_have_count(1)


def test_a_session_that_expires_while_writing_keeps_the_draft_through_signing_in(site, page):
    sign_in(page, "member")
    thread = start_thread(page, unique("Session expiry "), "Opening post.")
    text = unique("Written while the session ran out ")
    box = page.locator("#reply").get_by_label("Message")
    box.fill(text)
    # The account gets its copy two seconds after typing stops: the same text, saved later
    # than the browser's. Signing in again keeps the box as it is and says where it came from.
    with page.expect_response(lambda r: r.url.endswith("/draft/") and r.request.method == "POST"):
        box.press("End")

    manage("shell", "-c", END_ALL_SESSIONS, env=site.env)
    page.locator("#reply").get_by_role("button", name="Post reply").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill("member")
    page.get_by_label(re.compile(r"^Password")).fill("member-demo-pass")
    # The page asks the account for its copy: the notices are read once it has answered.
    with page.expect_response(lambda r: r.url.endswith("/draft/") and r.request.method == "GET"):
        page.get_by_role("button", name="Sign in").click()

    message = page.get_by_label("Message")
    expect(message).to_have_value(text)  # brought back from the browser's draft
    expect(page.locator("[data-draft-restored]")).to_be_visible()
    expect(page.locator("[data-draft-from-account]")).to_be_hidden()
    # The answer page is what drops the sent draft: wait for it, not only for the post, which
    # the live stream can show on the page being left.
    with page.expect_navigation():
        page.get_by_role("button", name="Post reply").click()
    expect(posts_with(page, text)).to_have_count(1)

    page.goto(thread)
    expect(posts_with(page, text)).to_have_count(1)
    expect(page.locator("#reply").get_by_label("Message")).to_have_value("")


def test_signing_out_leaves_no_draft_behind(page):
    sign_in(page, "member")
    thread = start_thread(page, unique("Shared computer "), "Opening post.")
    page.locator("#reply").get_by_label("Message").fill("Unsent notes on an open case.")
    page.reload()
    expect(page.locator("#reply").get_by_label("Message")).to_have_value(
        "Unsent notes on an open case."
    )

    page.get_by_role("button", name="Sign out").click()
    # Nothing of it stays in the browser; the member's account keeps it for them alone.
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('draft:'))") == []
    sign_in(page, "moderator")  # the next person at the computer
    page.goto(thread)

    expect(page.locator("#reply").get_by_label("Message")).to_have_value("")


def test_text_typed_before_the_page_finished_loading_survives_a_reload(page):
    # Typed while the drafts module was still loading: no input event reached it. The page
    # keeps the text when it is left (pagehide), unless it is what the server put there.
    sign_in(page, "member")
    start_thread(page, unique("Slow page "), "Opening post.")
    box = page.locator("#reply").get_by_label("Message")
    box.evaluate("(field) => { field.value = 'Typed before the script ran.'; }")

    page.reload()

    expect(box).to_have_value("Typed before the script ran.")


def test_the_preview_shows_the_reply_as_it_will_be_posted(page):
    sign_in(page, "member")
    start_thread(page, unique("Preview "), "Opening post.")
    page.locator("#reply").get_by_label("Message").fill("A **strong** point\n\n> quoted")

    preview = page.locator("#reply .preview")
    expect(preview.get_by_role("heading", name="Preview")).to_be_visible()
    expect(preview.locator("strong")).to_have_text("strong")
    expect(preview.locator("blockquote")).to_have_text("quoted")


def test_a_mention_is_completed_from_the_keyboard(page):
    sign_in(page, "member")
    start_thread(page, unique("Mention "), "Opening post.")
    box = page.locator("#reply").get_by_label("Message")
    box.press_sequentially("Asking @moder")

    option = page.locator("#reply").get_by_role("option", name=re.compile("@moderator"))
    expect(option).to_be_visible()
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Enter")
    expect(box).to_have_value("Asking @moderator ")
    expect(option).to_be_hidden()


def test_a_selection_of_a_post_is_quoted_into_the_reply_box(page):
    sign_in(page, "member")
    start_thread(page, unique("Selection "), "First line of the opening post.\n\nSecond paragraph.")
    body = page.locator("#posts article").first.locator(".body").first
    body.locator("p", has_text="Second paragraph").select_text()

    page.get_by_role("button", name="Quote selection").click()

    box = page.locator("#reply").get_by_label("Message")
    expect(box).to_have_value(re.compile(r"^> \*\*.+\*\* \[wrote\]\(/posts/\d+/\):\n>\n> Second"))
    expect(box).to_be_focused()
    expect(page.get_by_role("button", name="Quote selection")).to_have_count(0)


def test_a_reaction_is_pressed_counted_and_reaches_the_author_live(new_context):
    author = new_context().new_page()
    sign_in(author, "member")
    thread = start_thread(author, unique("Reactions "), "A guideline worth reading.")
    reader = new_context().new_page()
    sign_in(reader, "moderator")
    reader.goto(thread)
    helpful = reader.locator("#post-1").get_by_role("button", name=re.compile("Helpful"))
    expect(helpful).to_have_attribute("aria-pressed", "false")

    helpful.focus()
    helpful.press(" ")  # a toggle button presses from the keyboard

    expect(helpful).to_have_attribute("aria-pressed", "true")
    expect(helpful.locator(".count")).to_have_text("1")
    # The author may not react to their own post: the count only, arriving live.
    counted = author.locator("#post-1 .reaction[data-kind=helpful]")
    expect(counted.locator(".count")).to_have_text("1")
    expect(counted).not_to_have_attribute("role", "button")
    reader.reload()
    expect(helpful).to_have_attribute("aria-pressed", "true")
    helpful.click()
    expect(helpful).to_have_attribute("aria-pressed", "false")
    expect(counted).to_be_hidden()


def test_a_draft_typed_on_one_device_is_brought_back_on_another(new_context):
    laptop = new_context().new_page()
    sign_in(laptop, "member")
    thread = start_thread(laptop, unique("Drafts "), "Opening post.")
    box = laptop.locator("#reply").get_by_label("Message")
    box.fill("Begun on the laptop, to finish later.")
    with laptop.expect_response(lambda r: r.url.endswith("/draft/") and r.request.method == "POST"):
        box.press("End")  # typing stopped: the account's copy is saved two seconds later

    phone = new_context().new_page()  # another browser: nothing in its storage
    sign_in(phone, "member")
    phone.goto(thread)

    expect(phone.locator("#reply").get_by_label("Message")).to_have_value(
        "Begun on the laptop, to finish later."
    )
    expect(
        phone.get_by_text("Your unsent text was brought back from your account.")
    ).to_be_visible()
    reply(phone, "Finished on the phone.")
    laptop.goto(laptop.url.split("#")[0].split("?")[0])
    expect(laptop.locator("#reply").get_by_label("Message")).to_have_value("")
