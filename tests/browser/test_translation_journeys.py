"""Reading across languages in a real browser: a Spanish thread read on the Portuguese site is
first shown as written with a note, then machine-translated by the worker beside the site and
swapped in live, with the original one click away."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import sign_in, start_thread, unique

SPANISH = (
    "La fiscalía revisa los criterios de derivación para menores infractores primarios. "
    "¿Qué factores pesan más en su oficina cuando la víctima no está de acuerdo?"
)


def test_a_spanish_post_arrives_translated_live_on_the_portuguese_site(new_context):
    writer = new_context().new_page()
    sign_in(writer, "member")
    address = start_thread(writer, unique("Criterios de derivación "), SPANISH)

    reader = new_context(locale="pt-BR").new_page()
    served = reader.goto(address.replace("/en/", "/pt/"))
    # As served: the original, and a note that a translation is on its way (the page view
    # asked the worker for it) ...
    assert 'data-slot="mt-pending"' in served.text()
    post = reader.locator("#posts article").first
    expect(post).to_have_attribute("lang", "es")
    # ... then, with no reload, the translation arrives over the socket.
    expect(post.locator("[data-slot=mt-label]")).to_be_visible(timeout=20_000)
    expect(post.locator("[data-slot=mt-pending]")).to_have_count(0)
    translated = post.locator(".body:not(.original)")
    expect(translated).to_have_attribute("lang", "pt")
    expect(translated).to_contain_text("promotoria", ignore_case=True)
    expect(post.locator(".body.original")).to_be_hidden()

    post.locator("[data-toggle-original]").click()
    expect(post.locator(".body.original")).to_be_visible()
    expect(post.locator(".body.original")).to_contain_text("fiscalía")
    expect(translated).to_be_hidden()
    expect(post.locator("[data-toggle-original]")).to_have_attribute("aria-pressed", "true")

    reader.reload()  # the stored translation is in the page itself now
    expect(reader.locator("#posts article").first.locator("[data-slot=mt-label]")).to_be_visible()
    reader.locator("[data-toggle-all-originals]").click()
    expect(reader.locator("#posts article .body.original").first).to_be_visible()
