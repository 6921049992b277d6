"""Journeys through the association's pages: a visitor reading in one language and switching to
another, and a program page going from an editor's draft through a reviewer's approval to the
public site in two languages."""

from __future__ import annotations

import re
from urllib.parse import quote

from playwright.sync_api import Locator, Page, expect

from cms.demo_content import PROGRAM_INDEX, PROGRAMS
from tests.browser.conftest import TIMEOUT_MS, sign_in, unique

ANIMAL_ABUSE = next(
    program for program in PROGRAMS if program["area"] == "animal-abuse-prosecution"
)


def program_url(language: str, slug: str) -> str:
    return f"/{language}/{PROGRAM_INDEX['slug'][language]}/{slug}/"


def admin_field(page: Page, label: str) -> Locator:
    """A Wagtail form field by its label; wagtail-modeltranslation labels them "Title [es]", and
    required ones carry a trailing asterisk."""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}\*?$"))


def write_body(page: Page, language: str, text: str) -> None:
    """Add a text block to the page's body in this language, and type the text into it."""
    body = page.locator(f"#panel-child-content-body_{language}-section")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    editor = body.get_by_role("textbox")
    editor.click()
    editor.press_sequentially(text)
    # Draftail copies the text into the form's hidden input a moment after the last keystroke;
    # a form sent before then would carry an empty block.
    expect(body.locator("input[name$='-0-value']")).to_have_value(re.compile(re.escape(text)))


def expect_page_in(page: Page, language: str, title: str, *texts: str) -> None:
    """The page is in this language: its title, its texts, no English fallback notice."""
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    for text in texts:
        expect(page.locator("main").get_by_text(text)).to_be_visible()
    expect(page.locator(".translation-fallback")).to_have_count(0)


def test_visitor_reading_a_program_in_spanish_switches_to_the_same_page_in_french(page):
    program = ANIMAL_ABUSE
    page.goto(program_url("es", program["slug"]["es"]))
    expect_page_in(
        page, "es", program["title"]["es"], program["intro"]["es"], program["body"]["es"][0]
    )

    switcher = page.locator("nav.language-switcher")
    expect(switcher.get_by_role("link", name="español")).to_have_attribute("aria-current", "true")
    switcher.get_by_role("link", name="français").click()

    expect(page).to_have_url(re.compile(re.escape(program_url("fr", program["slug"]["fr"])) + "$"))
    expect_page_in(
        page, "fr", program["title"]["fr"], program["intro"]["fr"], program["body"]["fr"][0]
    )
    expect(page.get_by_text(program["intro"]["es"])).to_have_count(0)
    expect(switcher.get_by_role("link", name="français")).to_have_attribute("aria-current", "true")


def test_program_page_an_editor_submits_goes_live_in_both_languages_once_a_reviewer_approves(
    new_context,
):
    tag = unique("cyber")
    area = f"Cybercrime {tag}"
    english = {
        "title": f"Cybercrime Prosecution {tag}",
        "intro": "Helping prosecutors bring digital evidence before the court.",
        "body": "Seizing phones, tracing wallets and explaining both to a jury.",
    }
    spanish = {
        "title": f"Persecución del cibercrimen {tag}",
        "intro": "Apoyo a los fiscales para llevar la prueba digital ante el tribunal.",
        "body": "Incautar teléfonos, rastrear monederos y explicar ambas cosas al jurado.",
    }
    # Wagtail makes each language's slug from that language's title, accents kept.
    english_url = program_url("en", f"cybercrime-prosecution-{tag}")
    spanish_url = program_url("es", f"persecución-del-cibercrimen-{tag}")

    # Every program area of the demo has its page already, and an area has one page at most.
    admin = new_context().new_page()
    sign_in(admin, "admin")
    admin.goto("/django-admin/forum/programarea/add/")
    admin.locator("#id_slug").fill(tag)
    admin.locator("#id_name_en").fill(area)
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.get_by_text(f"The program area “{area}” was added successfully")).to_be_visible()

    editor = new_context().new_page()
    sign_in(editor, "editor")
    editor.goto("/admin/pages/")
    editor.get_by_role("link", name="Explore child pages of 'Prosecutors' Exchange'").click()
    editor.get_by_role("link", name="Explore child pages of 'Programs'").click()
    editor.get_by_role("link", name="Add child page").click()
    admin_field(editor, "Title [en]").fill(english["title"])
    editor.get_by_role("combobox", name="Program area").select_option(label=area)
    admin_field(editor, "Introduction [en]").fill(english["intro"])
    write_body(editor, "en", english["body"])
    # wagtail-modeltranslation shows the English fields only, until a language is picked; its
    # toggles name their language (cms/wagtail_hooks.py).
    spanish_toggle = editor.locator(".locale-picker").get_by_role("button", name="español")
    expect(spanish_toggle).to_have_attribute("aria-pressed", "false")
    spanish_toggle.click()
    expect(spanish_toggle).to_have_attribute("aria-pressed", "true")
    admin_field(editor, "Title [es]").fill(spanish["title"])
    admin_field(editor, "Introduction [es]").fill(spanish["intro"])
    write_body(editor, "es", spanish["body"])
    editor.get_by_role("tab", name="Promote").click()
    expect(admin_field(editor, "Slug [en]")).to_have_value(english_url.split("/")[-2])
    expect(admin_field(editor, "Slug [es]")).to_have_value(spanish_url.split("/")[-2])
    # An editor who may not publish has "Submit for review" as the footer's visible action.
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator(".messages")).to_contain_text(
        f"Page '{english['title']}' created and submitted for moderation"
    )

    # Waiting for review, the page is nobody's to read yet, in any language.
    visitor = new_context().new_page()
    for url in (english_url, spanish_url):
        assert visitor.goto(url).status == 404, url

    reviewer = new_context().new_page()
    sign_in(reviewer, "reviewer")
    reviewer.goto("/admin/")
    awaiting = reviewer.get_by_role("region", name="Awaiting your review")
    row = awaiting.get_by_role("row").filter(has_text=english["title"])
    expect(row).to_contain_text("editor")
    # The reviewer's preview is in English, and links to the same version in each language.
    preview = new_context().new_page()
    sign_in(preview, "reviewer")
    # (The link sits in the row's closed Actions menu: present, not yet visible.)
    preview.goto(row.locator("a", has_text="Preview").get_attribute("href"))
    expect(preview.get_by_role("heading", level=1)).to_have_text(english["title"])
    preview.locator(".preview-languages").get_by_role("link", name="español").click()
    expect(preview.get_by_role("heading", level=1)).to_have_text(spanish["title"])
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard reloads once the page is approved (and, as the last task, published).
    expect(row).to_have_count(0, timeout=TIMEOUT_MS)
    expect(reviewer.locator(".messages")).to_contain_text(
        f"Approved: “{english['title']}” is now live in English, español."
    )

    visitor.goto(english_url)
    expect_page_in(visitor, "en", english["title"], english["intro"], english["body"])
    spanish_link = visitor.locator("nav.language-switcher").get_by_role("link", name="español")
    expect(spanish_link).to_have_attribute("href", quote(spanish_url))
    spanish_link.click()
    expect_page_in(visitor, "es", spanish["title"], spanish["intro"], spanish["body"])
    assert visitor.goto(spanish_url).status == 200
