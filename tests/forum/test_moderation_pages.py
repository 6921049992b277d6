"""The review queue and the moderation log as moderators read them (issue 21): a constant number
of queries whatever the rows, for site and area moderators; each row's cached HTML follows every
change of what it shows, the reader's language and time zone, and never crosses a scope."""

import re
import zoneinfo
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import limits
from forum.models import Flag, ModerationAction, Post
from forum.services import moderation as acts
from forum.services.posting import edit_post
from forum.services.privacy import delete_account
from forum.services.review import queue_changed
from tests.factories import BoardFactory, ProgramAreaFactory, thread_with_posts, verified_member
from tests.forum.moderation_helpers import area_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_area_mod(area):
    return area_moderator("esmod", area, languages=["es"])


@pytest.fixture
def other_board(db):
    area = ProgramAreaFactory(slug="cybercrime", name_en="Cybercrime")
    return BoardFactory(area=area, slug="elsewhere", name_en="Elsewhere")


def flagged_post(board, author, flagger, n, *, language="en"):
    """A post with one open flag: one queue item (the flag made directly: a member's flags are
    rate-limited, and these tests need more than a page of them), with the queue's stamp moved
    as flag_post moves it."""
    thread = thread_with_posts(board=board, author=author, title=f"Flagged thread {n:03d}")
    post = thread.posts.get()
    Post.objects.filter(pk=post.pk).update(language=language)
    Flag.objects.create(post=post, flagger=flagger, reason="spam", text=f"Details {n}")
    queue_changed(board.area_id)  # what flag_post does: written directly, it is said too
    return post


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = {
    "queue": "/en/moderation/",
    "queue, filtered": "/en/moderation/?language=en&area={area}",
    "fragment": "/en/moderation/?fragment=1",
    "log": "/en/moderation/log/",
    "log, filtered": "/en/moderation/log/?kind=lock&member=member",
}


def log_rows(actor, thread, count):
    ModerationAction.objects.bulk_create(
        ModerationAction(
            actor=actor,
            kind=("lock", "hide")[n % 2],
            thread=thread,
            member=thread.author,
            area=thread.board.area,
            reason=f"Reason {n}",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("role", ["site moderator", "area moderator"])
def test_queue_and_log_pages_run_the_same_queries_for_one_row_as_for_a_full_page(
    client, role, moderator, area_mod, member, other_member, boards
):
    viewer = moderator if role == "site moderator" else area_mod
    client.force_login(viewer)
    board = boards["public"]
    pages = {name: url.format(area=board.area_id) for name, url in PAGES.items()}
    flagged_post(board, member, other_member, 0)
    log_rows(moderator, board.threads.get(), 1)
    for url in pages.values():  # fills what every page shares (the header, board names)
        client.get(url)
    queue_changed(board.area_id)  # the queue's page is asked again, as after any change

    def measured():  # the first request after the change, then the next (the queue cached)
        return {name: (queries(client, url), queries(client, url)) for name, url in pages.items()}

    one = measured()
    # More than a page of each: the page shows a bounded number of them, all new to the cache.
    for n in range(1, limits.REVIEW_QUEUE_PER_PAGE + 3):
        flagged_post(board, member, other_member, n)
    log_rows(moderator, board.threads.first(), limits.MODERATION_LOG_PER_PAGE + 3)

    many = measured()

    assert many == one
    # Unchanged, the queue's page comes from the cache: its count, its ids, its posts and their
    # flags are not asked again (the members' names are).
    assert one["queue"][1] == one["queue"][0] - 4
    queue = client.get(pages["queue"]).text
    assert queue.count('class="queue-item"') == limits.REVIEW_QUEUE_PER_PAGE
    log = client.get(pages["log"]).text
    assert log.count("<tr>") == limits.MODERATION_LOG_PER_PAGE + 1  # and the heading's


def item_of(page_text, post):
    match = re.search(rf'<li class="queue-item" id="item-{post.pk}">.*?\n  </li>', page_text, re.S)
    assert match, f"post {post.pk} is not in the queue"
    return match.group(0)


def test_a_cached_queue_item_follows_every_change_of_what_it_shows(
    client, moderator, member, other_member, third, boards
):
    post = flagged_post(boards["public"], member, other_member, 1)
    client.force_login(moderator)
    before = item_of(client.get("/en/moderation/").text, post)
    assert "Flagged thread 001" in before
    assert "Details 1" in before

    edit_post(editor=member, post=post, body="The corrected text.", language="en")
    post.thread.title = "Renamed thread"
    post.thread.save(update_fields=["title"])
    queue_changed(post.thread.board.area_id)  # no service renames a thread: the admin's save
    acts.flag_post(flagger=third, post=post, reason="off_topic", text="Second look")
    member.profile.display_name = "Maria Author"
    member.profile.save(update_fields=["display_name"])

    after = item_of(client.get("/en/moderation/").text, post)
    assert "The corrected text." in after
    assert "Renamed thread" in after
    assert "2 flags" in after
    assert "Off-topic: Second look" in after
    assert "Maria Author" in after
    delete_account(member=member)
    gone = item_of(client.get("/en/moderation/?fragment=1").text, post)
    assert "Deleted member" in gone
    assert "Maria Author" not in gone


def test_a_cached_queue_item_follows_a_renamed_board_and_area(
    client, moderator, member, other_member, boards, django_capture_on_commit_callbacks
):
    post = flagged_post(boards["public"], member, other_member, 1)
    client.force_login(moderator)
    before = item_of(client.get("/en/moderation/").text, post)
    assert "Juvenile Justice" in before
    assert "General discussion" in before
    board, area = boards["public"], boards["public"].area
    with django_capture_on_commit_callbacks(execute=True):  # the listing version moves on commit
        board.name_en = "Charging decisions"
        board.save()
        area.name_en = "Youth Justice"
        area.save()

    item = item_of(client.get("/en/moderation/").text, post)

    assert "Youth Justice" in item
    assert "Charging decisions" in item
    assert "General discussion" not in item


def test_a_queue_item_leaves_the_cached_page_once_decided(
    client, moderator, member, other_member, boards
):
    post = flagged_post(boards["public"], member, other_member, 1)
    client.force_login(moderator)
    assert f'id="item-{post.pk}"' in client.get("/en/moderation/").text

    acts.approve_post(actor=moderator, post=post, reason="")

    assert f'id="item-{post.pk}"' not in client.get("/en/moderation/?fragment=1").text
    assert "Nothing waits for review." in client.get("/en/moderation/").text


def test_queue_items_are_written_in_the_readers_language_and_time_zone(
    client, moderator, member, other_member, boards
):
    post = flagged_post(boards["public"], member, other_member, 1)
    Post.objects.filter(pk=post.pk).update(created_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    client.force_login(moderator)
    english = item_of(client.get("/en/moderation/").text, post)
    spanish = item_of(client.get("/es/moderation/").text, post)
    assert "Approve" in english
    assert "Approve" not in spanish
    assert "/es/" in spanish
    assert "/en/" not in spanish
    assert "1 Mar 2026, 23:30" in english

    moderator.profile.time_zone = "Asia/Tokyo"
    moderator.profile.save(update_fields=["time_zone"])
    tokyo = item_of(client.get("/en/moderation/").text, post)
    local = datetime(2026, 3, 1, 23, 30, tzinfo=UTC).astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert local.strftime("%H:%M") == "08:30"
    assert "2 Mar 2026, 08:30" in tokyo


def test_an_item_cached_for_a_site_moderator_never_reaches_an_area_moderator_outside_it(
    client, moderator, area_mod, spanish_area_mod, member, other_member, boards, other_board
):
    outside = flagged_post(other_board, member, other_member, 1)
    spanish = flagged_post(boards["public"], member, other_member, 2, language="es")
    english = flagged_post(boards["public"], member, other_member, 3)
    client.force_login(moderator)
    for url in ("/en/moderation/", "/en/moderation/?fragment=1", "/en/moderation/log/"):
        client.get(url)  # every item now cached, rendered for the site moderator
    site_queue = client.get("/en/moderation/").text
    assert all(f'id="item-{post.pk}"' in site_queue for post in (outside, spanish, english))

    client.force_login(area_mod)
    for url in (
        "/en/moderation/",
        "/en/moderation/?fragment=1",
        f"/en/moderation/?area={other_board.area_id}",
    ):
        page = client.get(url).text
        assert f'id="item-{outside.pk}"' not in page
        assert "Flagged thread 001" not in page
    own = client.get("/en/moderation/").text
    assert f'id="item-{spanish.pk}"' in own
    assert f'id="item-{english.pk}"' in own
    client.force_login(spanish_area_mod)
    page = client.get("/en/moderation/?fragment=1").text
    assert f'id="item-{spanish.pk}"' in page
    assert f'id="item-{english.pk}"' not in page
    assert f'id="item-{outside.pk}"' not in page


def test_the_log_shows_an_area_moderator_their_areas_rows_and_their_own_acts_only(
    client, moderator, area_mod, member, boards, other_board
):
    inside = thread_with_posts(board=boards["public"], author=member, title="Inside thread")
    outside = thread_with_posts(board=other_board, author=member, title="Outside thread")
    acts.lock_thread(actor=moderator, thread=inside, reason="Inside reason")
    acts.lock_thread(actor=moderator, thread=outside, reason="Outside reason")
    client.force_login(moderator)
    assert "Outside reason" in client.get("/en/moderation/log/").text

    client.force_login(area_mod)
    page = client.get("/en/moderation/log/").text
    assert "Inside reason" in page
    assert "Inside thread" in page
    assert "Outside reason" not in page
    assert "Outside thread" not in page
    for where, board in (("Inside", boards["public"]), ("Outside", other_board)):
        ModerationAction.objects.create(
            actor=moderator, kind="warn", member=member, area=board.area, reason=f"{where} warning"
        )
    member_page = client.get(f"/en/moderation/members/{member.pk}/").text
    assert "Inside warning" in member_page
    assert "Outside warning" not in member_page


def test_a_log_row_follows_a_renamed_thread_and_a_deleted_member(client, moderator, member, boards):
    thread = thread_with_posts(board=boards["public"], author=member, title="First title")
    acts.warn_member(actor=moderator, member=member, reason="Mind the rules")
    acts.lock_thread(actor=moderator, thread=thread, reason="Heated")
    client.force_login(moderator)
    before = client.get("/en/moderation/log/").text
    assert "First title" in before
    assert ">member</a>" in before

    thread.title = "Second title"
    thread.save(update_fields=["title"])
    delete_account(member=member)

    after = client.get("/en/moderation/log/").text
    assert "Second title" in after
    assert "First title" not in after
    assert ">member</a>" not in after


def test_log_pages_keep_their_filters_and_the_form_shows_what_was_typed(
    client, moderator, member, boards
):
    thread = thread_with_posts(board=boards["public"], author=member)
    log_rows(moderator, thread, 2 * limits.MODERATION_LOG_PER_PAGE + 2)
    client.force_login(moderator)

    page = client.get("/en/moderation/log/?kind=lock&page=2").text

    assert "Page 2 of 2" in page  # half of the rows are locks
    assert 'href="?kind=lock&amp;page=1"' in page
    assert 'value="lock" selected' in page
    other = client.get("/en/moderation/log/?kind=hide&moderator=nobody-by-that-name").text
    assert 'value="hide" selected' in other
    assert 'value="nobody-by-that-name"' in other
    assert "No moderation actions match." in other
    wrong = client.get("/en/moderation/log/?since=not-a-date").text
    assert "Enter a valid date." in wrong
    assert "Enter a valid date." not in client.get("/en/moderation/log/?since=2026-01-01").text


def test_queue_pages_keep_their_filters(client, moderator, member, other_member, boards):
    for n in range(limits.REVIEW_QUEUE_PER_PAGE + 1):
        flagged_post(boards["public"], member, other_member, n, language="es")
    client.force_login(moderator)

    page = client.get("/en/moderation/?language=es").text
    fragment = client.get("/en/moderation/?language=es&fragment=1").text

    assert 'href="?language=es&amp;page=2"' in page
    assert 'href="?language=es&amp;page=2"' in fragment
    assert "<html" not in fragment
    second = client.get("/en/moderation/?language=es&page=2").text
    assert second.count('class="queue-item"') == 1
    assert "Nothing waits for review." in client.get("/en/moderation/?language=fr").text


def test_open_flags_only_are_listed_with_their_item(
    client, moderator, member, other_member, third, boards
):
    post = flagged_post(boards["public"], member, other_member, 1)
    acts.flag_post(flagger=third, post=post, reason="other", text="Settled already")
    Flag.objects.filter(flagger=third).update(outcome=Flag.Outcome.DISMISSED)
    client.force_login(moderator)

    item = item_of(client.get("/en/moderation/").text, post)

    assert "1 flag" in item
    assert "Details 1" in item
    assert "Settled already" not in item


def test_members_and_visitors_get_no_queue_or_log(client, member):
    assert client.get("/en/moderation/").status_code == 302
    client.force_login(member)
    for url in ("/en/moderation/", "/en/moderation/?fragment=1", "/en/moderation/log/"):
        assert client.get(url).status_code == 403


def test_the_member_page_lists_the_members_history(client, moderator, member):
    acts.warn_member(actor=moderator, member=member, reason="First warning")
    other = verified_member("someone")
    acts.warn_member(actor=moderator, member=other, reason="Not about them")
    client.force_login(moderator)

    page = client.get(f"/en/moderation/members/{member.pk}/").text

    assert "First warning" in page
    assert "Not about them" not in page
