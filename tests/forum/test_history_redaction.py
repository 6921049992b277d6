"""A moderator's edit can redact a post's earlier versions; the history names no moderator.

Redacted text stays in the revisions and the audit log for the board's moderators; everyone
else (the author too) reads that a redaction happened, never what was redacted, on every
surface: the edit history, the data export, search and the live streams' replay.
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.core.exceptions import PermissionDenied
from django.test import Client

from forum.models import ModerationAction, Moderator, PostRevision, Profile
from forum.search.queue import drain
from forum.services.moderation import ModerationError
from forum.services.posting import edit_post
from forum.services.privacy import export_member_data
from tests.factories import ProgramAreaFactory, thread_with_posts, verified_member
from tests.forum.test_access_surfaces import hits_of
from tests.forum.test_realtime_moderation import open_socket

pytestmark = pytest.mark.django_db

VICTIM = "Zqvictimname"  # one word every stemmer leaves whole
SECOND = "Zqsecondword"
FIRST_TEXT = f"The hearing of {VICTIM} is on Monday."
SECOND_TEXT = f"The hearing of {VICTIM} ({SECOND}) is on Monday."
CLEAN_TEXT = "The hearing is on Monday."
REDACTED_NOTICE = "Earlier versions were redacted by a moderator on"


def named(username: str, display_name: str):
    user = verified_member(username)
    Profile.objects.filter(user=user).update(display_name=display_name)
    user.refresh_from_db()
    return user


@pytest.fixture
def author(db):
    return named("author1", "Ana Author")


@pytest.fixture
def area_moderator(area):
    user = named("areamod", "Rosa Editor")
    Moderator.objects.create(user=user).areas.add(area)
    return user


@pytest.fixture
def people(member, author, area_moderator, moderator):
    elsewhere = verified_member("elsewhere")
    Moderator.objects.create(user=elsewhere).areas.add(ProgramAreaFactory(slug="elsewhere"))
    return {
        "visitor": None,
        "member": member,
        "author": author,
        "other_area_moderator": elsewhere,
        "area_moderator": area_moderator,
        "site_moderator": moderator,
    }


MODERATORS_HERE = {"area_moderator", "site_moderator"}


@pytest.fixture
def post(boards, author):
    """The author's post, edited once by the author (the name is in versions 1 and 2)."""
    post = thread_with_posts(board=boards["public"], author=author, body=FIRST_TEXT).posts.get()
    return edit_post(editor=author, post=post, body=SECOND_TEXT, seen_edit_count=0)


def redact(post, moderator, body=CLEAN_TEXT):
    return edit_post(
        editor=moderator,
        post=post,
        body=body,
        seen_edit_count=post.edit_count,
        reason="Names a minor.",
        redact=True,
    )


def history_as(user, post) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(f"/en/posts/{post.pk}/history/")
    assert response.status_code == 200
    # The page's own content, without the header (which names the signed-in user).
    return response.content.decode().split('<main id="main">', 1)[1].split("</main>", 1)[0]


# --- The history page, role by role ----------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        "visitor",
        "member",
        "author",
        "other_area_moderator",
        "area_moderator",
        "site_moderator",
    ],
)
def test_redacted_versions_are_read_by_the_boards_moderators_only(people, post, role):
    redact(post, people["area_moderator"])

    page = history_as(people[role], post)

    assert CLEAN_TEXT in page
    if role in MODERATORS_HERE:
        assert (VICTIM in page, SECOND in page) == (True, True)
        assert "Redacted by Rosa Editor on" in page
        assert REDACTED_NOTICE not in page
    else:
        assert VICTIM not in page
        assert page.count(REDACTED_NOTICE) == 1
        assert "Version 1," not in page  # not even the empty shells of the redacted versions


@pytest.mark.parametrize("role", ["visitor", "member", "author", "other_area_moderator"])
def test_the_history_says_a_moderator_to_non_moderators(people, post, role):
    edit_post(
        editor=people["area_moderator"],
        post=post,
        body=CLEAN_TEXT,
        seen_edit_count=post.edit_count,
        reason="Names a minor.",
    )

    page = history_as(people[role], post)

    assert "Replaced by a moderator on" in page
    assert "Replaced by Ana Author on" in page  # the author's own edit names the author
    assert "Rosa Editor" not in page
    assert "areamod" not in page
    assert "author1" not in page  # the login name of no one


@pytest.mark.parametrize("role", sorted(MODERATORS_HERE))
def test_the_boards_moderators_see_which_moderator_edited(people, post, role):
    edit_post(
        editor=people["area_moderator"],
        post=post,
        body=CLEAN_TEXT,
        seen_edit_count=post.edit_count,
        reason="Names a minor.",
    )

    page = history_as(people[role], post)

    assert "Replaced by Rosa Editor on" in page
    assert VICTIM in page  # not redacted: the history is as before


def test_versions_edited_after_a_redaction_stay_readable(people, post):
    redact(post, people["area_moderator"])
    post.refresh_from_db()
    edit_post(editor=people["author"], post=post, body="Moved to Tuesday.", seen_edit_count=2)

    page = history_as(None, post)

    assert "Moved to Tuesday." in page
    assert CLEAN_TEXT in page  # version 3, written before the redaction, replaced after it
    assert VICTIM not in page
    assert REDACTED_NOTICE in page


# --- The write ---------------------------------------------------------------------------------


def test_the_redaction_is_recorded_with_the_replaced_text_in_the_audit_row(people, post):
    redact(post, people["area_moderator"])

    action = ModerationAction.objects.get(kind=ModerationAction.Kind.EDIT)
    assert action.before == {"body": SECOND_TEXT}
    assert action.after == {"body": CLEAN_TEXT, "redacted_revisions": [1, 2]}
    assert action.actor == people["area_moderator"]
    revisions = PostRevision.objects.filter(post=post).order_by("number")
    assert [(r.body_source, r.redaction_id) for r in revisions] == [
        (FIRST_TEXT, action.pk),
        (SECOND_TEXT, action.pk),
    ]


def test_the_redaction_and_its_audit_row_are_one_write(people, post, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the audit write failed")

    monkeypatch.setattr("forum.services.moderation.audit.notify_moderation", fail)

    with pytest.raises(RuntimeError):
        redact(post, people["area_moderator"])

    post.refresh_from_db()
    assert post.body_source == SECOND_TEXT
    assert not PostRevision.objects.filter(post=post, redaction__isnull=False).exists()
    assert PostRevision.objects.filter(post=post).count() == 1


def test_saving_the_same_text_with_redact_redacts_only(people, post):
    redact(post, people["area_moderator"], body=SECOND_TEXT)

    post.refresh_from_db()
    assert (post.body_source, post.edit_count) == (SECOND_TEXT, 1)
    assert PostRevision.objects.get(post=post).redaction is not None
    assert VICTIM not in history_as(None, post).replace(SECOND_TEXT, "")


def test_an_edit_without_redact_redacts_nothing(people, post):
    edit_post(
        editor=people["area_moderator"],
        post=post,
        body=CLEAN_TEXT,
        seen_edit_count=1,
        reason="Names a minor.",
    )

    assert not PostRevision.objects.filter(redaction__isnull=False).exists()
    assert "redacted_revisions" not in ModerationAction.objects.get().after


@pytest.mark.parametrize("role", ["author", "other_area_moderator"])
def test_only_the_boards_moderators_may_redact(people, post, role):
    with pytest.raises(PermissionDenied):
        redact(post, people[role])

    assert not PostRevision.objects.filter(redaction__isnull=False).exists()


def test_a_redaction_needs_a_reason(people, post):
    with pytest.raises(ModerationError):
        edit_post(
            editor=people["area_moderator"], post=post, body=CLEAN_TEXT, redact=True, reason=" "
        )


# --- The forms -------------------------------------------------------------------------------


def test_a_moderator_redacts_from_the_edit_form(people, post):
    client = Client()
    client.force_login(people["area_moderator"])
    form = client.get(f"/en/posts/{post.pk}/edit/").content.decode()
    assert "Redact earlier versions" in form
    assert "shown only to moderators and kept in the moderation log" in form

    response = client.post(
        f"/en/posts/{post.pk}/edit/",
        {
            "body": CLEAN_TEXT,
            "language": "en",
            "seen_edit_count": 1,
            "reason": "Names a minor.",
            "redact": "on",
        },
    )

    assert response.status_code == 302
    assert VICTIM not in history_as(None, post)


def test_the_authors_form_offers_no_redaction_and_ignores_one_sent(people, post):
    client = Client()
    client.force_login(people["author"])
    assert "Redact earlier versions" not in client.get(f"/en/posts/{post.pk}/edit/").text

    client.post(
        f"/en/posts/{post.pk}/edit/",
        {"body": CLEAN_TEXT, "language": "en", "seen_edit_count": 1, "redact": "on"},
    )

    post.refresh_from_db()
    assert post.body_source == CLEAN_TEXT
    assert not PostRevision.objects.filter(redaction__isnull=False).exists()


# --- The other surfaces ------------------------------------------------------------------------


def test_the_authors_export_lists_redacted_versions_without_their_text(people, post):
    redact(post, people["area_moderator"])

    data = export_member_data(member=people["author"])

    assert [(r["number"], r["body_source"]) for r in data["revisions"]] == [(1, None), (2, None)]
    assert all(r["redacted_at"] and r["replaced_by"] for r in data["revisions"])
    assert VICTIM not in str(data)
    assert "Rosa Editor" not in str(data)
    assert "areamod" not in str(data)


def test_search_finds_no_earlier_version_redacted_or_not(people, post):
    # Revisions are never indexed: only a post's current text is.
    redact(post, people["area_moderator"])
    report = drain()
    assert not report.error, report.error

    for role in ("visitor", "site_moderator"):
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        page = client.get(f"/en/search/?q={VICTIM}").content.decode()
        assert VICTIM.lower() not in hits_of(page).lower(), role
        assert "hearing" in hits_of(client.get("/en/search/?q=hearing").content.decode())


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_replayed_thread_stream_carries_no_redacted_text(boards):
    post = await sync_to_async(_redacted_post)(boards)
    socket = await open_socket(None)

    await socket.send_json_to(
        {"type": "subscribe", "stream": f"thread:{post.thread_id}", "last_id": 0}
    )
    frames = []
    while not await socket.receive_nothing(timeout=0.3):
        frames.append(await socket.receive_from(timeout=5))
    await socket.disconnect()

    assert any("post.edited" in frame for frame in frames), (
        frames
    )  # the stored events were replayed
    assert not [frame for frame in frames if VICTIM in frame]


def _redacted_post(boards):
    author = verified_member("author2")
    moderator = verified_member("moderator3")
    Moderator.objects.create(user=moderator).areas.add(boards["public"].area)
    thread = thread_with_posts(board=boards["public"], author=author, body=FIRST_TEXT)
    post = thread.posts.get()
    post = edit_post(editor=author, post=post, body=SECOND_TEXT, seen_edit_count=0)
    return redact(post, moderator)
