"""A post's preview while it is written (views/preview.py, static/forum/preview.js): the text
drawn by the post's own Markdown and sanitizer, for members only, with clear refusals."""

import pytest
from django.test import Client
from django.urls import reverse

from forum import limits
from forum.markup import render
from forum.services.posting import post_reply

pytestmark = pytest.mark.django_db
URL = reverse("forum:preview")
ATTACK = (
    "**Bold** and a [link](https://example.org) and [bad](javascript:alert(1))\n\n"
    "<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n> a quote"
)


def test_a_preview_is_the_html_the_post_will_have(client, member, thread):
    client.force_login(member)
    response = client.post(URL, {"body": ATTACK})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<blockquote>" in html
    # Raw HTML is shown as text, never as markup; a javascript: link is no link.
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;" in html
    posted = post_reply(author=member, thread=thread, body=ATTACK)
    assert html == render(posted.body_source) == posted.body_html


def test_a_preview_is_never_kept_by_a_cache(client, member):
    client.force_login(member)
    response = client.post(URL, {"body": "Unsent notes on an open case."})
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("", "This field is required."),
        ("x", "at least 2 characters"),
        ("x" * (limits.BODY_MAX_LENGTH + 1), f"at most {limits.BODY_MAX_LENGTH} characters"),
        ("Null \x00 byte", "Null characters are not allowed."),
        ("Bell \x07 rings", "characters that are not allowed"),
    ],
)
def test_text_that_cannot_be_posted_gets_the_forms_reason(client, member, body, reason):
    client.force_login(member)
    response = client.post(URL, {"body": body})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert reason in response.content.decode()


def test_a_visitor_is_asked_to_sign_in_again_and_a_get_is_refused(client):
    response = client.post(URL, {"body": "Written before the session ended."})
    assert response.status_code == 403
    assert "Sign in again" in response.content.decode()
    assert client.get(URL).status_code == 405


def test_a_preview_needs_the_pages_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(URL, {"body": "No token here."}).status_code == 403


def test_too_many_previews_are_refused_for_a_minute(client, member, monkeypatch):
    monkeypatch.setattr(limits, "PREVIEWS_PER_WINDOW", 2)
    client.force_login(member)
    for _ in range(2):
        assert client.post(URL, {"body": "Typing on."}).status_code == 200
    refused = client.post(URL, {"body": "Typing on."})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "many previews" in refused.content.decode()


def test_the_refusal_is_in_the_pages_language(client):
    response = client.post("/es" + URL[3:], {"body": "Escrito antes de que acabara la sesión."})
    assert response.status_code == 403
    assert "Vuelva a iniciar sesión" in response.content.decode()


def test_every_post_form_offers_a_preview(client, member, thread):
    client.force_login(member)
    board = thread.board
    pages = [
        reverse("forum:thread", args=(thread.pk,)),
        reverse("forum:reply", args=(thread.pk,)),
        reverse("forum:new_thread", kwargs={"area": board.area.slug, "board": board.slug}),
        reverse("forum:edit_post", args=(thread.posts.get(position=1).pk,)),
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert f'data-preview-url="{URL}"' in html, page
        assert 'data-preview-label="Preview"' in html, page
