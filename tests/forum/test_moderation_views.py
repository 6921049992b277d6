"""Moderation through its pages: every act through its view, with the audit row asserted; refusals
keep what the moderator typed and say why."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import limits
from forum.models import (
    Flag,
    ModerationAction,
    ModerationSettings,
    Moderator,
    Notification,
    Post,
    Profile,
    Thread,
)
from forum.services import moderation as acts
from forum.services.posting import post_reply
from forum.services.review import queue_changed
from tests.factories import (
    BoardFactory,
    ProgramAreaFactory,
    pending_member,
    thread_with_posts,
    verified_member,
)

pytestmark = pytest.mark.django_db

Kind = ModerationAction.Kind


def sign_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def thread(boards, member):
    return thread_with_posts(board=boards["public"], author=member, replies=2)


@pytest.fixture
def other_area():
    area = ProgramAreaFactory(slug="victims-rights", name_en="Victims' Rights")
    return {"area": area, "board": BoardFactory(area=area, slug="support", name_en="Support")}


@pytest.fixture
def area_moderator(area):
    user = verified_member("areamod")
    Moderator.objects.create(user=user).areas.add(area)
    return user


def last_action(kind):
    return ModerationAction.objects.filter(kind=kind).latest("pk")


# --- Posts ------------------------------------------------------------------------------------


def test_a_moderator_hides_and_restores_a_post_through_its_page(client, moderator, thread):
    reply = thread.posts.get(position=2)
    sign_in(client, moderator)

    assert client.get(f"/en/posts/{reply.pk}/hide/").status_code == 200
    response = client.post(f"/en/posts/{reply.pk}/hide/", {"reason": "Names a victim"})

    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.state == Post.State.HIDDEN
    action = last_action(Kind.HIDE)
    assert (action.actor, action.post, action.reason) == (moderator, reply, "Names a victim")
    assert (action.before, action.after) == ({"state": "published"}, {"state": "hidden"})
    assert Notification.objects.filter(recipient=reply.author, action=action).exists()

    client.post(f"/en/posts/{reply.pk}/restore/", {"reason": "Name removed by the author"})
    reply.refresh_from_db()
    assert reply.state == Post.State.PUBLISHED
    assert last_action(Kind.RESTORE).reason == "Name removed by the author"


def test_hiding_without_a_reason_or_twice_is_refused_clearly(client, moderator, thread):
    reply = thread.posts.get(position=2)
    sign_in(client, moderator)

    empty = client.post(f"/en/posts/{reply.pk}/hide/", {"reason": "  "})
    assert empty.status_code == 400
    assert "This field is required." in empty.text

    client.post(f"/en/posts/{reply.pk}/hide/", {"reason": "Off-topic"})
    again = client.post(f"/en/posts/{reply.pk}/hide/", {"reason": "Second moderator's reason"})
    assert again.status_code == 409
    assert "Only a published post can be hidden" in again.text
    assert "Second moderator&#x27;s reason" in again.text  # what they typed is still there
    assert ModerationAction.objects.filter(kind=Kind.HIDE).count() == 1


def test_members_and_out_of_scope_moderators_cannot_hide(
    client, member, other_member, area_moderator, other_area
):
    elsewhere = thread_with_posts(board=other_area["board"], author=member)
    post = elsewhere.posts.get()

    sign_in(client, other_member)
    assert client.post(f"/en/posts/{post.pk}/hide/", {"reason": "x"}).status_code == 403
    sign_in(client, area_moderator)
    assert client.post(f"/en/posts/{post.pk}/hide/", {"reason": "x"}).status_code == 403
    post.refresh_from_db()
    assert post.state == Post.State.PUBLISHED
    assert not ModerationAction.objects.exists()


def test_a_moderator_edit_needs_a_reason_and_is_logged(client, moderator, thread):
    post = thread.posts.get(position=1)
    sign_in(client, moderator)
    data = {"body": "Text without the case number.", "language": "en", "seen_edit_count": 0}

    missing = client.post(f"/en/posts/{post.pk}/edit/", data)
    assert missing.status_code == 200
    assert "Text without the case number." in missing.text

    client.post(f"/en/posts/{post.pk}/edit/", {**data, "reason": "Removed a case number"})
    action = last_action(Kind.EDIT)
    assert action.after == {"body": "Text without the case number."}
    assert action.before == {"body": "First post text for the thread."}
    assert post.revisions.get().reason == "Removed a case number"


# --- Flags and the review queue ---------------------------------------------------------------


def test_flagging_through_the_page_and_reviewing_it(
    client, member, other_member, moderator, thread
):
    reply = thread.posts.get(position=2)
    sign_in(client, other_member)
    assert client.get(f"/en/posts/{reply.pk}/flag/").status_code == 200

    response = client.post(f"/en/posts/{reply.pk}/flag/", {"reason": "confidential", "text": ""})
    assert response.status_code == 302
    again = client.post(f"/en/posts/{reply.pk}/flag/", {"reason": "spam", "text": "still bad"})
    assert again.status_code == 409
    assert "already flagged" in again.text
    assert "still bad" in again.text

    sign_in(client, moderator)
    queue = client.get("/en/moderation/")
    assert queue.status_code == 200
    assert f'id="item-{reply.pk}"' in queue.text
    assert "Confidential case information" in queue.text

    client.post(f"/en/moderation/posts/{reply.pk}/reject/", {"reason": "Case details"})
    reply.refresh_from_db()
    assert reply.state == Post.State.HIDDEN
    assert Flag.objects.get().outcome == Flag.Outcome.UPHELD
    assert last_action(Kind.REJECT).reason == "Case details"
    assert f'id="item-{reply.pk}"' not in client.get("/en/moderation/").text


def test_flag_other_needs_details_and_flag_floods_are_limited(
    client, member, other_member, boards, monkeypatch
):
    monkeypatch.setattr(limits, "FLAGS_PER_WINDOW", 2)
    posts = [
        thread_with_posts(
            board=boards["public"], author=member, title=f"Thread number {n}"
        ).posts.get()
        for n in range(3)
    ]
    sign_in(client, other_member)

    vague = client.post(f"/en/posts/{posts[0].pk}/flag/", {"reason": "other", "text": ""})
    assert vague.status_code == 400
    assert "Say what is wrong with the post." in vague.text

    for post in posts[:2]:
        client.post(f"/en/posts/{post.pk}/flag/", {"reason": "spam"})
    flood = client.post(f"/en/posts/{posts[2].pk}/flag/", {"reason": "spam"})
    assert flood.status_code == 429
    assert Flag.objects.count() == 2


def test_held_posts_wait_in_the_queue_and_approval_publishes(
    client, member, other_member, moderator, thread
):
    settings_row = ModerationSettings.load()
    settings_row.review_first_posts = 1
    settings_row.save()
    newcomer = verified_member("newcomer2")
    held = post_reply(author=newcomer, thread=thread, body="My first contribution here.")
    assert held.state == Post.State.PENDING

    assert (
        "My first contribution" not in sign_in(client, other_member).get(f"/en/t/{thread.pk}/").text
    )
    assert "Awaiting a moderator" in sign_in(client, newcomer).get(f"/en/t/{thread.pk}/").text

    sign_in(client, moderator)
    assert "My first contribution" in client.get("/en/moderation/").text
    client.post(f"/en/moderation/posts/{held.pk}/approve/", {"reason": ""})
    held.refresh_from_db()
    assert held.state == Post.State.PUBLISHED
    assert last_action(Kind.APPROVE).post == held
    twice = client.post(f"/en/moderation/posts/{held.pk}/approve/", {"reason": ""})
    assert twice.status_code == 409
    assert "no longer waiting" in twice.text


def test_the_queue_follows_scope_and_language(client, member, area_moderator, thread, other_area):
    spanish = thread_with_posts(
        board=thread.board, author=member, title="Plazos de notificación", body="Texto"
    ).posts.get()
    Post.objects.filter(pk=spanish.pk).update(language="es", state=Post.State.PENDING)
    elsewhere = thread_with_posts(board=other_area["board"], author=member).posts.get()
    Post.objects.filter(pk=elsewhere.pk).update(state=Post.State.PENDING)

    sign_in(client, area_moderator)
    page = client.get("/en/moderation/").text
    assert f'id="item-{spanish.pk}"' in page
    assert f'id="item-{elsewhere.pk}"' not in page
    assert f'id="item-{spanish.pk}"' not in client.get("/en/moderation/?language=fr").text
    fragment = client.get("/en/moderation/?fragment=1&language=zz&area=abc")
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert client.get(f"/en/moderation/posts/{elsewhere.pk}/approve/").status_code in (403, 404)


@pytest.mark.parametrize("area_id", ["%C2%B2", "9" * 30, "-1"])
def test_an_area_filter_that_names_no_area_shows_the_whole_queue(
    client, moderator, thread, area_id
):
    # Found by tests/forum/test_fuzz_forms.py: "²" passed isdigit() and failed int() (a 500);
    # a number past 64 bits overflowed SQLite's integer (a 500).
    held = thread.posts.get(position=2)
    Post.objects.filter(pk=held.pk).update(state=Post.State.PENDING)
    sign_in(client, moderator)

    response = client.get(f"/en/moderation/?area={area_id}")

    assert response.status_code == 200
    assert f'id="item-{held.pk}"' in response.text


def test_the_moderation_pages_are_for_moderators(client, member):
    sign_in(client, member)
    for url in ("/en/moderation/", "/en/moderation/log/", "/en/moderation/members/"):
        assert client.get(url).status_code == 403


# --- Threads ------------------------------------------------------------------------------------


def thread_act(client, thread, act, **data):
    fields = {"act": act}
    prefix = "toggle" if act in ("lock", "unlock", "pin", "unpin") else act
    fields.update({f"{prefix}-{key}": value for key, value in data.items()})
    return client.post(f"/en/t/{thread.pk}/moderate/", fields)


@pytest.mark.parametrize(
    ("act", "field", "value", "kind"),
    [
        ("lock", "is_locked", True, Kind.LOCK),
        ("pin", "is_pinned", True, Kind.PIN),
    ],
)
def test_lock_and_pin_through_the_thread_page(client, moderator, thread, act, field, value, kind):
    sign_in(client, moderator)
    assert client.get(f"/en/t/{thread.pk}/moderate/").status_code == 200

    assert thread_act(client, thread, act, reason="Heated").status_code == 302
    thread.refresh_from_db()
    assert getattr(thread, field) is value
    assert last_action(kind).after == {field: value}

    twice = thread_act(client, thread, act, reason="Me too")
    assert twice.status_code == 409
    assert "Someone already did this" in twice.text

    undo = {"lock": "unlock", "pin": "unpin"}[act]
    thread_act(client, thread, undo, reason="Calm again")
    thread.refresh_from_db()
    assert getattr(thread, field) is not value
    assert ModerationAction.objects.filter(thread=thread).count() == 2


def test_move_through_the_page_and_to_a_board_that_does_not_exist(
    client, moderator, thread, boards
):
    sign_in(client, moderator)
    missing = thread_act(client, thread, "move", board="999999", reason="Wrong board")
    assert missing.status_code == 400
    assert "Wrong board" in missing.text

    thread_act(client, thread, "move", board=str(boards["members"].pk), reason="Members only")
    thread.refresh_from_db()
    assert thread.board == boards["members"]
    action = last_action(Kind.MOVE)
    assert (action.before, action.after) == (
        {"board": boards["public"].pk},
        {"board": boards["members"].pk},
    )


def test_merge_and_split_through_the_page(client, moderator, member, thread, boards):
    other = thread_with_posts(board=boards["public"], author=member, title="Same topic again")
    sign_in(client, moderator)

    itself = thread_act(client, thread, "merge", target=str(thread.pk), reason="Duplicate")
    assert itself.status_code == 409
    assert "cannot be merged into itself" in itself.text

    response = thread_act(client, other, "merge", target=str(thread.pk), reason="Duplicate")
    assert response["Location"] == f"/en/t/{thread.pk}/"
    assert client.get(f"/en/t/{other.pk}/")["Location"] == f"/en/t/{thread.pk}/"
    assert last_action(Kind.MERGE).after["merged_into"] == thread.pk

    reply = thread.posts.get(position=2)
    response = thread_act(
        client, thread, "split", title="A side question", posts=[str(reply.pk)], reason="Aside"
    )
    new = Thread.objects.get(title="A side question")
    assert response["Location"] == f"/en/t/{new.pk}/"
    assert list(new.posts.values_list("pk", flat=True)) == [reply.pk]
    assert last_action(Kind.SPLIT).after == {"posts": [reply.pk], "to_thread": new.pk}


# --- Members ------------------------------------------------------------------------------------


def test_verification_queue_and_decisions(client, moderator, area_moderator):
    waiting = pending_member("applicant")
    sign_in(client, area_moderator)
    assert client.get("/en/moderation/members/").status_code == 403

    sign_in(client, moderator)
    assert "applicant" in client.get("/en/moderation/members/").text
    no_reason = client.post(f"/en/moderation/members/{waiting.pk}/decide/", {"decision": "reject"})
    assert no_reason.status_code == 400

    client.post(
        f"/en/moderation/members/{waiting.pk}/decide/",
        {"decision": "reject", "reason": "Not a prosecutor's office address"},
    )
    profile = Profile.objects.get(user=waiting)
    assert profile.verification == Profile.Verification.REJECTED
    action = last_action(Kind.REJECT_MEMBER)
    assert (action.member, action.reason) == (waiting, "Not a prosecutor's office address")
    assert Notification.objects.filter(recipient=waiting, action=action).exists()

    twice = client.post(f"/en/moderation/members/{waiting.pk}/decide/", {"decision": "verify"})
    assert twice.status_code == 409


def test_warn_suspend_and_lift_through_the_member_page(client, moderator, member, thread):
    sign_in(client, moderator)
    until = (timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")

    client.post(f"/en/moderation/members/{member.pk}/", {"act": "warn", "warn-reason": "Tone"})
    assert last_action(Kind.WARN).member == member
    client.post(
        f"/en/moderation/members/{member.pk}/",
        {"act": "suspend", "suspend-until": until, "suspend-reason": "Shared case files"},
    )
    assert last_action(Kind.SUSPEND).reason == "Shared case files"

    # The suspended member reads, but a reply is refused with the reason, and the text is kept.
    sign_in(client, member)
    page = client.get(f"/en/t/{thread.pk}/")
    assert page.status_code == 200
    assert "suspended" in page.text
    refused = client.post(f"/en/t/{thread.pk}/reply/", {"body": "My unsent reply text"})
    assert refused.status_code == 403
    assert "My unsent reply text" in refused.text

    sign_in(client, moderator)
    client.post(f"/en/moderation/members/{member.pk}/", {"act": "lift", "lift-reason": "Served"})
    assert last_action(Kind.LIFT).member == member
    assert Profile.objects.get(user=member).suspended_until is None


def test_suspending_oneself_or_an_administrator_is_refused(client, moderator, staff):
    sign_in(client, moderator)
    until = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    for target in (moderator, staff):
        response = client.post(
            f"/en/moderation/members/{target.pk}/",
            {"act": "suspend", "suspend-until": until, "suspend-reason": "Test"},
        )
        assert response.status_code == 409
    assert not ModerationAction.objects.filter(kind=Kind.SUSPEND).exists()


def test_area_moderators_warn_but_do_not_suspend(client, area_moderator, member):
    sign_in(client, area_moderator)
    until = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        f"/en/moderation/members/{member.pk}/",
        {"act": "suspend", "suspend-until": until, "suspend-reason": "Test"},
    )
    assert response.status_code == 403
    client.post(f"/en/moderation/members/{member.pk}/", {"act": "warn", "warn-reason": "Tone"})
    assert last_action(Kind.WARN).actor == area_moderator


# --- The log ------------------------------------------------------------------------------------


def test_the_log_is_filtered_and_scoped(client, moderator, area_moderator, member, other_area):
    here = thread_with_posts(board=other_area["board"], author=member, title="Elsewhere thread")
    acts.lock_thread(actor=moderator, thread=here, reason="Other area lock")
    mine = thread_with_posts(
        board=BoardFactory(area=area_moderator.moderator_scope.areas.get()),
        author=member,
        title="Area thread here",
    )
    acts.pin_thread(actor=area_moderator, thread=mine, reason="Area pin")

    sign_in(client, moderator)
    everything = client.get("/en/moderation/log/").text
    assert "Other area lock" in everything
    assert "Area pin" in everything
    only_pins = client.get("/en/moderation/log/?kind=pin").text
    assert "Area pin" in only_pins
    assert "Other area lock" not in only_pins
    assert client.get("/en/moderation/log/?kind=bogus&since=notadate&page=99").status_code == 200

    sign_in(client, area_moderator)
    scoped = client.get("/en/moderation/log/").text
    assert "Area pin" in scoped
    assert "Other area lock" not in scoped


def test_a_held_thread_is_hidden_from_others_until_approved(client, member, other_member, boards):
    member.profile.on_probation = True
    member.profile.save()
    first = acts_start(member, boards["public"])
    assert first.thread.held
    assert client.get(f"/en/t/{first.thread_id}/").status_code == 404
    assert sign_in(client, member).get(f"/en/t/{first.thread_id}/").status_code == 200
    board_page = sign_in(client, other_member).get(
        f"/en/b/{boards['public'].area.slug}/{boards['public'].slug}/"
    )
    assert "On probation thread" not in board_page.text


def acts_start(author, board):
    from forum.services.posting import start_thread

    return start_thread(author=author, board=board, title="On probation thread", body="Body text")


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queue_and_log_pages_run_a_constant_number_of_queries(
    client, moderator, member, other_member, boards
):
    def add_flagged(count):
        start = Flag.objects.count()
        for n in range(start, start + count):
            post = thread_with_posts(
                board=boards["public"], author=member, title=f"Flagged thread {n:03d}"
            ).posts.get()
            acts.flag_post(flagger=other_member, post=post, reason="spam")
            acts.hide_post(actor=moderator, post=post, reason=f"Spam {n}")
            Flag.objects.filter(post=post).update(outcome=Flag.Outcome.OPEN)
            queue_changed(post.thread.board.area_id)  # written directly: said directly

    sign_in(client, moderator)
    add_flagged(2)
    client.get("/en/moderation/")  # fills the caches every page shares (the header's menu)
    queue_changed(boards["public"].area_id)  # the first request after a change, as below
    few = (count_queries(client, "/en/moderation/"), count_queries(client, "/en/moderation/log/"))
    add_flagged(8)
    many = (count_queries(client, "/en/moderation/"), count_queries(client, "/en/moderation/log/"))
    assert few == many


def test_verifying_through_the_page_lets_the_member_post(client, moderator, boards):
    applicant = pending_member("candidate")
    sign_in(client, moderator)
    assert client.get(f"/en/moderation/members/{applicant.pk}/decide/").status_code == 200

    client.post(f"/en/moderation/members/{applicant.pk}/decide/", {"decision": "verify"})

    assert Profile.objects.get(user=applicant).verification == Profile.Verification.VERIFIED
    action = last_action(Kind.VERIFY)
    assert (action.actor, action.member) == (moderator, applicant)
    assert action.after == {"verification": "verified"}
    assert Notification.objects.filter(recipient=applicant, action=action).exists()
    assert "candidate" not in client.get("/en/moderation/members/").text
    sign_in(client, applicant)
    url = f"/en/b/{boards['members'].area.slug}/{boards['members'].slug}/new/"
    assert client.get(url).status_code == 200


def test_a_newly_confirmed_member_reaches_the_live_verification_queue(client, moderator):
    from forum.models import Event
    from forum.services.members import confirm_email, confirmation_token, register_member

    user = register_member(
        username="newapplicant",
        email="new@unlisted.example",
        password="a-long-pass-phrase",
        language="en",
        display_name="New Applicant",
    )
    confirm_email(confirmation_token(user))

    event = Event.objects.get(kind="queue.member")
    assert (event.stream, event.payload["member_id"]) == ("moderation:0", user.pk)
    sign_in(client, moderator)
    fragment = client.get("/en/moderation/members/?fragment=1")
    assert "New Applicant" in fragment.text
    assert "<html" not in fragment.text
