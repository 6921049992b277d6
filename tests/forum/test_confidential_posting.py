"""The confidential-data check where members write: a thread, a reply, an edit, a private
message. Marked text is refused with the spans shown and nothing lost; the author redacts, or
sends it as written with a reason, which holds a high-risk post for the board's moderators
with the reason in their queue. Moderators choose what their boards check; the admin adds
case-number shapes."""

from __future__ import annotations

import re

import pytest

from forum.confidential import digest
from forum.models import BoardCheck, CaseNumberPattern, Flag, ModerationAction, Post, Thread
from forum.services.confidential import rules_for
from forum.services.consultations import start_consultation
from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db

VICTIM = "The victim Maria Lopez told us the man came back twice. How do we protect her?"
PHONE = "Our unit can be reached on +44 20 7946 0958 for advice on these requests."


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def new_thread_url(board):
    return f"/en/b/{board.area.slug}/{board.slug}/new/"


def seen(response) -> str:
    return re.search(r'name="check_seen" value="([0-9a-f]+)"', response.text).group(1)


def test_a_victims_name_is_shown_marked_and_nothing_is_sent(signed_in, boards):
    response = signed_in.post(
        new_thread_url(boards["public"]), {"title": "Protecting a witness", "body": VICTIM}
    )

    assert response.status_code == 200
    assert not Thread.objects.exists()
    page = response.text
    assert "This text may hold confidential case data" in page
    assert '<mark data-category="protected_name"' in page
    assert ">Maria Lopez<" in page
    assert "name of a victim, witness or minor" in page
    assert "waits for a moderator of this board" in page
    assert "The victim Maria Lopez told us" in page  # the text is kept in the box


def test_redacting_replaces_the_marked_parts_and_the_author_then_posts(signed_in, boards):
    url = new_thread_url(boards["public"])
    data = {"title": "Protecting a witness", "body": VICTIM, "check_action": "redact"}

    response = signed_in.post(url, data)

    assert not Thread.objects.exists()  # read it again first
    assert "The marked parts were replaced by [redacted]" in response.text
    assert "The victim [redacted] told us the man came back twice." in response.text
    redacted = VICTIM.replace("Maria Lopez", "[redacted]")
    response = signed_in.post(url, {"title": "Protecting a witness", "body": redacted})
    post = Post.objects.get()
    assert post.body_source == redacted
    assert post.state == Post.State.PUBLISHED
    assert not Flag.objects.exists()


def test_sent_as_written_with_a_reason_it_waits_for_a_moderator(signed_in, boards, moderator):
    url = new_thread_url(boards["public"])
    first = signed_in.post(url, {"title": "Protecting a witness", "body": VICTIM})
    data = {
        "title": "Protecting a witness",
        "body": VICTIM,
        "check_action": "confirm",
        "check_reason": "The name is invented for the example.",
        "check_seen": seen(first),
    }

    signed_in.post(url, data)

    post = Post.objects.get()
    assert post.state == Post.State.PENDING
    assert post.thread.held
    flag = Flag.objects.get(post=post)
    assert flag.reason == Flag.Reason.CONFIDENTIAL
    assert flag.flagger == post.author
    assert flag.text == "The name is invented for the example."
    assert flag.categories == ["protected_name"]
    signed_in.force_login(moderator)
    queue = signed_in.get("/en/moderation/").text
    assert "The name is invented for the example." in queue
    assert "name of a victim, witness or minor" in queue
    signed_in.logout()
    board_page = signed_in.get(new_thread_url(boards["public"]).removesuffix("new/")).text
    assert "Protecting a witness" not in board_page  # nobody else reads it meanwhile


def test_a_confirmation_needs_a_reason_and_keeps_the_text(signed_in, boards):
    url = new_thread_url(boards["public"])
    first = signed_in.post(url, {"title": "Protecting a witness", "body": VICTIM})
    data = {"title": "Protecting a witness", "body": VICTIM, "check_action": "confirm"}

    response = signed_in.post(url, {**data, "check_reason": "  ", "check_seen": seen(first)})

    assert not Thread.objects.exists()
    assert "Say why this is safe to publish." in response.text
    assert "The victim Maria Lopez told us" in response.text


def test_a_confirmation_holds_only_for_the_text_that_was_shown(signed_in, boards):
    url = new_thread_url(boards["public"])
    first = signed_in.post(url, {"title": "Protecting a witness", "body": VICTIM})
    changed = VICTIM + " Her sister, Ana Lopez, saw it too."
    data = {
        "title": "Protecting a witness",
        "body": changed,
        "check_action": "confirm",
        "check_reason": "Invented names.",
        "check_seen": seen(first),
    }

    response = signed_in.post(url, data)

    assert not Thread.objects.exists()
    assert ">Ana Lopez<" in response.text
    assert seen(response) != seen(first)


def test_a_phone_number_confirmed_is_published_at_once(signed_in, boards):
    url = new_thread_url(boards["public"])
    first = signed_in.post(url, {"title": "Advice line", "body": PHONE})
    assert '<mark data-category="phone"' in first.text
    assert "waits for a moderator" not in first.text

    signed_in.post(
        url,
        {
            "title": "Advice line",
            "body": PHONE,
            "check_action": "confirm",
            "check_reason": "It is our office's public number.",
            "check_seen": seen(first),
        },
    )

    assert Post.objects.get().state == Post.State.PUBLISHED
    assert not Flag.objects.exists()


def test_a_title_is_checked_too(signed_in, boards):
    response = signed_in.post(
        new_thread_url(boards["public"]),
        {"title": "Case no. 2023-CR-00123 questions", "body": "Any advice is welcome here."},
    )

    assert not Thread.objects.exists()
    assert '<mark data-category="case_number"' in response.text


def test_a_reply_is_checked_and_held_when_confirmed(signed_in, boards, other_member):
    thread = thread_with_posts(board=boards["public"], author=other_member)
    url = f"/en/t/{thread.pk}/reply/"
    first = signed_in.post(url, {"body": VICTIM})
    assert first.status_code == 200
    assert thread.posts.count() == 1

    signed_in.post(
        url,
        {
            "body": VICTIM,
            "check_action": "confirm",
            "check_reason": "She agreed to be named.",
            "check_seen": seen(first),
        },
    )

    reply = thread.posts.get(position=2)
    assert reply.state == Post.State.PENDING
    assert Flag.objects.get(post=reply).text == "She agreed to be named."


def test_an_edit_confirmed_with_a_name_is_hidden_until_a_moderator_approves_it(
    signed_in, boards, member, moderator
):
    thread = thread_with_posts(board=boards["public"], author=member)
    post = thread.posts.get()
    url = f"/en/posts/{post.pk}/edit/"
    data = {"body": VICTIM, "language": "en", "seen_edit_count": "0"}
    first = signed_in.post(url, data)
    assert Post.objects.get(pk=post.pk).body_source != VICTIM

    data |= {"check_action": "confirm", "check_reason": "Invented.", "check_seen": seen(first)}
    signed_in.post(url, data)

    post.refresh_from_db()
    assert post.body_source == VICTIM
    assert post.state == Post.State.HIDDEN
    assert ModerationAction.objects.filter(kind="auto_hide", post=post).exists()
    signed_in.force_login(moderator)
    signed_in.post(f"/en/moderation/posts/{post.pk}/approve/", {"reason": ""})
    post.refresh_from_db()
    assert post.state == Post.State.PUBLISHED
    assert Flag.objects.get(post=post).outcome == Flag.Outcome.DISMISSED


def test_an_edit_that_leaves_the_text_alone_is_not_checked_again(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member, body=PHONE)
    post = thread.posts.get()

    response = signed_in.post(
        f"/en/posts/{post.pk}/edit/", {"body": PHONE, "language": "fr", "seen_edit_count": "0"}
    )

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.language == "fr"


def test_a_private_message_is_checked_and_sent_when_confirmed(signed_in, member, other_member):
    consultation = start_consultation(
        author=member, recipients=["other"], subject="A case", body="Can we talk?"
    )
    url = f"/en/consultations/{consultation.pk}/"
    first = signed_in.post(url, {"body": VICTIM})
    assert '<mark data-category="protected_name"' in first.text
    assert "waits for a moderator" not in first.text
    assert consultation.messages.count() == 1

    signed_in.post(
        url,
        {
            "body": VICTIM,
            "check_action": "confirm",
            "check_reason": "My colleague needs the name.",
            "check_seen": seen(first),
        },
    )

    assert consultation.messages.count() == 2


def test_a_boards_moderator_chooses_what_it_checks(client, boards, moderator, member):
    board = boards["public"]
    client.force_login(moderator)
    url = f"/en/b/{board.area.slug}/{board.slug}/check/"
    assert "name of a victim, witness or minor" in client.get(url).text

    kept = ["case_number", "identity_number"]
    response = client.post(url, {"categories": kept, "reason": "Named witnesses are public here."})

    assert response.status_code == 302
    assert sorted(BoardCheck.objects.get(board=board).categories) == kept
    action = ModerationAction.objects.get(kind="check_settings")
    assert action.reason == "Named witnesses are public here."
    assert action.after == {"checked": kept}
    assert rules_for(board).categories == frozenset(kept)
    client.force_login(member)
    client.post(new_thread_url(board), {"title": "Protecting a witness", "body": VICTIM})
    assert Post.objects.get().state == Post.State.PUBLISHED  # names are not checked there


def test_members_cannot_change_what_a_board_checks(client, boards, member):
    board = boards["public"]
    client.force_login(member)
    url = f"/en/b/{board.area.slug}/{board.slug}/check/"

    assert client.get(url).status_code == 403
    assert client.post(url, {"categories": [], "reason": "x"}).status_code == 403
    assert not BoardCheck.objects.exists()


def test_a_board_setting_needs_a_reason_and_known_categories(client, boards, moderator):
    board = boards["public"]
    client.force_login(moderator)
    url = f"/en/b/{board.area.slug}/{board.slug}/check/"

    response = client.post(url, {"categories": ["phone", "nonsense"], "reason": ""})

    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not BoardCheck.objects.exists()


def test_an_admin_pattern_marks_a_jurisdictions_case_numbers(signed_in, boards):
    CaseNumberPattern.objects.create(
        jurisdiction="Ruritania", pattern=r"RU/\d{3}/[A-Z]{2}", example="RU/123/AB"
    )

    response = signed_in.post(
        new_thread_url(boards["public"]),
        {"title": "Ruritanian practice", "body": "The file RU/123/AB is still open."},
    )

    assert not Thread.objects.exists()
    assert ">RU/123/AB<" in response.text


def test_a_pattern_the_admin_adds_or_switches_off_applies_to_the_very_next_post(signed_in, boards):
    """The rules are kept between posts (every reply asked for them), under a version that any
    change of a pattern or a board's setting moves."""
    url = new_thread_url(boards["public"])
    body = {"title": "Ruritanian practice", "body": "We met 42 quokkas near the river."}
    assert signed_in.post(url, body).status_code == 302  # no pattern yet: posted

    pattern = CaseNumberPattern.objects.create(
        jurisdiction="Ruritania", pattern=r"\d{2} quokkas", example="17 quokkas"
    )
    assert ">42 quokkas<" in signed_in.post(url, body).text
    assert Thread.objects.count() == 1

    pattern.active = False
    pattern.save()
    assert signed_in.post(url, {**body, "title": "Again"}).status_code == 302
    assert Thread.objects.count() == 2


def test_the_fingerprint_is_of_what_the_author_saw():
    from forum.confidential import check

    assert digest(check(VICTIM)) == digest(check(VICTIM))
    assert digest(check(VICTIM)) != digest(check(VICTIM.replace("Maria", "Marta")))


@pytest.mark.parametrize(
    ("pattern", "example", "error"),
    [
        (r"RU/(\d{3}", "", "This is not a regular expression"),
        (r"\d*", "", "matches empty text"),
        (r"RU/\d{3}", "XX/12", "does not match its example"),
    ],
)
def test_the_admin_refuses_a_pattern_that_would_break_the_check(
    client, staff, pattern, example, error
):
    client.force_login(staff)

    response = client.post(
        "/django-admin/forum/casenumberpattern/add/",
        {"jurisdiction": "Ruritania", "pattern": pattern, "example": example, "active": "on"},
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not CaseNumberPattern.objects.exists()


def test_the_preview_says_what_the_check_will_ask_about(signed_in):
    response = signed_in.post("/en/posts/preview/", {"body": VICTIM})

    assert response.status_code == 200
    assert '<p class="check-notice" role="note">' in response.text
    assert "<mark>Maria Lopez</mark> (name of a victim, witness or minor)" in response.text
    plain = signed_in.post("/en/posts/preview/", {"body": "How fast do you notify victims?"})
    assert "check-notice" not in plain.text


def test_the_preview_escapes_what_it_marks(signed_in):
    response = signed_in.post("/en/posts/preview/", {"body": "Mail <b>x</b>a.b@example.org now"})

    assert "<mark>a.b@example.org</mark>" in response.text
    assert "<b>x</b>" not in response.text.split("</p>", 1)[0]


def test_a_changed_title_with_a_victims_name_can_only_be_replaced(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member, title="Questions on a case")
    url = f"/en/t/{thread.pk}/title/"
    data = {"title": "The victim Maria Lopez and her school", "reason": ""}
    first = signed_in.post(url, data)
    assert '<mark data-category="protected_name"' in first.text
    assert "waits for a moderator" not in first.text

    refused = signed_in.post(
        url,
        {**data, "check_action": "confirm", "check_reason": "Invented.", "check_seen": seen(first)},
    )
    assert "A title shows at once in every list" in refused.text
    assert "Say why this is safe to publish." not in refused.text  # a reason was given
    thread.refresh_from_db()
    assert thread.title == "Questions on a case"

    signed_in.post(url, {**data, "check_action": "redact"})
    signed_in.post(url, {"title": "The victim [redacted] and her school", "reason": ""})
    thread.refresh_from_db()
    assert thread.title == "The victim [redacted] and her school"


def test_an_edit_sent_with_the_browsers_line_breaks_is_not_checked_again(signed_in, boards, member):
    body = "Call our office.\n\nThe number is +44 20 7946 0958."
    thread = thread_with_posts(board=boards["public"], author=member, body=body)
    post = thread.posts.get()

    response = signed_in.post(
        f"/en/posts/{post.pk}/edit/",
        {"body": body.replace("\n", "\r\n"), "language": "fr", "seen_edit_count": "0"},
    )

    assert response.status_code == 302


def test_a_form_only_drawn_asks_nothing_of_the_check(signed_in, boards):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = signed_in.get(new_thread_url(boards["public"]))

    assert page.status_code == 200
    asked = [q["sql"] for q in queries if "boardcheck" in q["sql"] or "casenumber" in q["sql"]]
    assert asked == []
