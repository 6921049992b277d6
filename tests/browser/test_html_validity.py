"""Valid HTML on the main pages (the Nu HTML Checker, vnu, from its npm package; it runs on
Java), and a post that arrives live reads exactly as the same post after a reload."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BOARD, reply, sign_in, start_thread, unique
from tests.forum.test_dates import BROWSER_TEXT  # what the server prints, per language

VNU = Path(__file__).with_name("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"
PROGRAM = "/en/programs/juvenile-justice/"


def first_thread(page: Page) -> str:
    page.goto(BOARD)
    return page.locator("table.threads tbody a[href*='/t/']").first.get_attribute("href")


def vnu_errors(pages: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors for each page's HTML, as the server sent it."""
    if not VNU.exists() or shutil.which("java") is None:
        pytest.fail("vnu.jar or java is missing: `make browser-deps` installs both")
    files = {}
    for n, (name, html) in enumerate(pages.items()):
        path = folder / f"page{n}.html"
        path.write_text(html)
        files[str(path)] = name
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(run.stderr or run.stdout)["messages"]:
        url = message.get("url", "")
        name = files.get(url.removeprefix("file:"), url)
        found.setdefault(name, []).append(f"{message.get('lastLine')}: {message['message']}")
    return found


def html_of(page: Page, path: str) -> str:
    response = page.request.get(path)
    assert response.ok, path
    return response.text()


def test_the_main_pages_are_valid_html(new_context, tmp_path):
    visitor = new_context().new_page()
    thread = first_thread(visitor)
    pages = {
        "home": html_of(visitor, "/en/"),
        "forum": html_of(visitor, "/en/forum/"),
        "board": html_of(visitor, BOARD),
        "thread (visitor)": html_of(visitor, thread),
        "search": html_of(visitor, "/en/search/?q=diversion"),
        "program": html_of(visitor, PROGRAM),
        "home in Arabic": html_of(visitor, "/ar/"),
    }
    member = new_context().new_page()
    sign_in(member, "member")
    pages["thread (member)"] = html_of(member, thread)
    pages["notifications"] = html_of(member, "/en/notifications/")
    pages["profile"] = html_of(member, "/en/accounts/profile/")
    moderator = new_context().new_page()
    sign_in(moderator, "moderator")
    pages["moderation queue"] = html_of(moderator, "/en/moderation/")
    pages["new consultation"] = html_of(member, "/en/consultations/new/")
    admin = new_context().new_page()
    sign_in(admin, "admin")
    pages["legal holds"] = html_of(admin, "/en/moderation/holds/")
    pages["retention"] = html_of(admin, "/en/moderation/retention/")
    pages["audit export"] = html_of(admin, "/en/moderation/log/export/")

    assert vnu_errors(pages, tmp_path) == {}


NORMALISE = """(article) => {
  // Attribute order and the blank lines where a part was left out mean nothing to a reader.
  const copy = article.cloneNode(true);
  for (const element of [copy, ...copy.querySelectorAll("*")]) {
    const attributes = [...element.attributes].map((a) => [a.name, a.value]).sort();
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, value);
  }
  return copy.outerHTML.replace(/\\s+/g, " ").replace(/> </g, "><");
}"""


def test_a_post_that_arrives_live_reads_as_it_does_after_a_reload(new_context):
    reader = new_context().new_page()
    sign_in(reader, "member")
    writer = new_context().new_page()
    sign_in(writer, "moderator")
    address = start_thread(writer, unique("Live post "), "The opening post.")
    reader.goto(address)
    expect(reader.locator("#posts article")).to_have_count(1)
    reader.wait_for_timeout(1000)  # subscribed

    text = unique("A reply seen live ")
    writer.goto(address)
    reply(writer, text)
    live = reader.locator("#posts article", has_text=text)
    expect(live).to_have_count(1)
    arrived = live.evaluate(NORMALISE)
    reader.reload()
    reloaded = reader.locator("#posts article", has_text=text).evaluate(NORMALISE)

    assert arrived == reloaded


def test_after_posting_a_reply_the_keyboards_focus_is_on_the_new_post(page):
    sign_in(page, "member")
    start_thread(page, unique("Focus after posting "), "The opening post.")
    text = unique("A reply ")
    reply(page, text)
    expect(page.locator("#posts article", has_text=text)).to_be_focused()


def test_the_browser_prints_a_moment_as_the_server_does_in_every_language(page):
    # The options live.js gives Intl, with the locale the page names on <html>.
    printed = {}
    for language in BROWSER_TEXT:
        page.goto(f"/{language}/forum/")
        printed[language] = page.evaluate(
            """() => new Intl.DateTimeFormat(document.documentElement.dataset.dateLocale, {
                year: "numeric", month: "short", day: "numeric", hour: "2-digit",
                minute: "2-digit", hourCycle: "h23", timeZone: "UTC",
            }).format(new Date(Date.UTC(2026, 11, 4, 22, 19, 5)))"""
        )
    assert printed == {language: texts[0] for language, texts in BROWSER_TEXT.items()}
