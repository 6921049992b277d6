"""Members' pages drawn once per class of reader (forum/fragments.py) and answered 304 when
unchanged (forum/caching.py): each reader still sees exactly their own page, whoever drew the
shared part first. The access suite (test_access_surfaces.py) reads every surface on the cached
path too; these tests are about what differs between readers of one class."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forum import limits
from forum.models import Moderator, Post, PostTranslation, Thread
from forum.services.moderation import hide_post, reject_post
from forum.services.posting import post_reply
from tests.factories import pending_member, thread_with_posts, verified_member

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def page_of(user, thread, *, language="en", page=1) -> str:
    query = f"?page={page}" if page > 1 else ""
    response = client_for(user).get(f"/{language}/t/{thread.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def edit_link(post) -> str:
    return f'href="{reverse("forum:edit_post", args=[post.pk])}"'


@pytest.mark.parametrize("first", ["author", "other"])
def test_a_member_gets_edit_links_on_their_own_posts_only_whoever_drew_the_page_first(
    thread, member, other_member, first
):
    mine = thread.posts.get(position=1)  # member's opening post
    theirs = thread.posts.get(position=2)  # other_member's reply
    order = [member, other_member] if first == "author" else [other_member, member]
    pages = {user.pk: page_of(user, thread) for user in order}

    assert edit_link(mine) in pages[member.pk]
    assert edit_link(theirs) not in pages[member.pk]
    assert edit_link(theirs) in pages[other_member.pk]
    assert edit_link(mine) not in pages[other_member.pk]


def test_an_authors_held_post_reaches_them_alone_after_others_drew_the_page(
    thread, member, other_member
):
    probationer = verified_member("probationer")
    probationer.profile.on_probation = True
    probationer.profile.save()
    held = post_reply(author=probationer, thread=thread, body="Held zqheldword text.")
    assert held.state == Post.State.PENDING

    before = page_of(other_member, thread)  # draws the members' part without it
    own = page_of(probationer, thread)
    after = page_of(other_member, thread)

    assert "zqheldword" in own
    assert "Awaiting a moderator" in own
    assert "zqheldword" not in before
    assert "zqheldword" not in after


def test_a_held_reply_shows_to_its_author_and_moderators_on_pages_drawn_before_it(
    thread, other_member, moderator
):
    """Pages drawn and kept before a held reply: its author and the board's moderators find it
    there at once, marked as held; a member does not; rejected, it shows its author as hidden."""
    probationer = verified_member("probationer")
    probationer.profile.on_probation = True
    probationer.profile.save()
    readers = (probationer, other_member, moderator)
    before = {user.pk: page_of(user, thread) for user in readers}  # drawn and kept
    held = post_reply(author=probationer, thread=thread, body="Held zqlateword text.")
    assert held.state == Post.State.PENDING
    assert not any("zqlateword" in page for page in before.values())

    assert "zqlateword" in page_of(probationer, thread)
    assert "zqlateword" in page_of(moderator, thread)
    assert "zqlateword" not in page_of(other_member, thread)

    reject_post(actor=moderator, post=held, reason="Names a victim.")
    article = f'id="post-{held.position}"'
    for user in (probationer, moderator):
        page = page_of(user, thread)
        assert f'class="post hidden-post" {article}' in page
    assert "zqlateword" not in page_of(other_member, thread)


def test_a_reply_at_the_end_leaves_the_pages_before_it_drawn_and_reaches_the_last(
    boards, member, other_member
):
    """A reply added at the end moves no thread stamp: a long thread's first page stays drawn
    while it grows (no post is read again to draw it, a visitor's copy is still good), and its
    last page shows the reply to members and visitors at once."""
    thread = thread_with_posts(
        board=boards["public"],
        author=member,
        replies=limits.POSTS_PER_PAGE + 1,
        repliers=[other_member],
    )  # 22 posts: two pages
    reader = verified_member("reader")  # no post of theirs anywhere: every post is shared
    visitor = Client()
    # Written an hour ago: HTTP dates are to the second, and this test takes less.
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Thread.objects.filter(pk=thread.pk).update(changed_at=hour_ago, last_post_at=hour_ago)
    thread.refresh_from_db()
    page_of(reader, thread)
    kept = visitor.get(f"/en/t/{thread.pk}/")
    last_before = visitor.get(f"/en/t/{thread.pk}/?page=2")

    post_reply(author=other_member, thread=thread, body="A late zqappend reply.")

    with CaptureQueriesContext(connection) as drawn:
        first = page_of(reader, thread)
    assert not any('FROM "forum_post"' in query["sql"] for query in drawn.captured_queries)
    assert "zqappend" not in first
    assert "Page 1 of 2" in first
    assert "zqappend" in page_of(reader, thread, page=2)
    unchanged = {"if-none-match": kept["ETag"]}
    assert visitor.get(f"/en/t/{thread.pk}/", headers=unchanged).status_code == 304
    for headers in (
        {"if-none-match": last_before["ETag"]},
        {"if-modified-since": last_before["Last-Modified"]},
    ):
        last = visitor.get(f"/en/t/{thread.pk}/?page=2", headers=headers)
        assert last.status_code == 200
        assert "zqappend" in last.content.decode()


def test_a_reply_at_the_end_of_a_page_draws_that_reply_alone_for_the_next_reader(
    boards, member, other_member
):
    """The page is drawn again for its new post count, but under the same thread stamp each
    post, and the page around them, are kept: only the new reply goes through the template,
    and the page shows every post as before, in order."""
    thread = thread_with_posts(
        board=boards["public"], author=member, replies=4, repliers=[other_member]
    )
    reader = verified_member("reader")
    before = page_of(reader, thread)
    post_reply(author=other_member, thread=thread, body="A zqalone reply at the end.")
    thread.refresh_from_db()

    drawn = []

    def seen(sender, template, context, **kwargs):
        if template.name == "forum/_post.html":
            drawn.append(context.get("post"))

    template_rendered.connect(seen)
    try:
        after = page_of(reader, thread)
    finally:
        template_rendered.disconnect(seen)
    assert [post.body_source for post in drawn] == ["A zqalone reply at the end."]
    positions = [f'id="post-{n}"' for n in range(1, 7)]
    assert all(position in after for position in positions)
    assert [after.index(position) for position in positions] == sorted(
        after.index(position) for position in positions
    )
    assert "zqalone" in after
    assert "zqalone" not in before
    # Another class of reader (another language) has its own copy, drawn whole.
    assert "zqalone" in page_of(reader, thread, language="fr")


def test_a_reply_that_opens_a_new_page_gives_every_page_its_link(boards, member, other_member):
    thread = thread_with_posts(
        board=boards["public"],
        author=member,
        replies=limits.POSTS_PER_PAGE - 1,
        repliers=[other_member],
    )  # one full page
    reader = verified_member("reader")
    visitor = Client()
    assert "Page 1 of" not in page_of(reader, thread)
    etag = visitor.get(f"/en/t/{thread.pk}/")["ETag"]

    post_reply(author=other_member, thread=thread, body="The first zqpagetwo reply.")

    for page in (page_of(reader, thread), visitor.get(f"/en/t/{thread.pk}/").content.decode()):
        assert "Page 1 of 2" in page
        assert 'href="?page=2"' in page
        assert "zqpagetwo" not in page
    assert visitor.get(f"/en/t/{thread.pk}/", headers={"if-none-match": etag}).status_code == 200
    assert "zqpagetwo" in page_of(reader, thread, page=2)


def test_a_suspended_member_is_offered_no_reply_links_after_a_member_who_may_reply(thread, member):
    suspended = verified_member("suspended")
    suspended.profile.suspended_until = timezone.now() + datetime.timedelta(days=2)
    suspended.profile.save()
    quote = reverse("forum:reply", args=[thread.pk]) + "?quote="

    assert quote in page_of(member, thread)
    assert quote not in page_of(suspended, thread)


def test_a_hidden_post_leaves_every_members_page_at_once(thread, member, other_member, moderator):
    reply = thread.posts.get(position=2)  # other_member's
    assert "Reply number 1." in page_of(member, thread)

    hide_post(actor=moderator, post=reply, reason="Names a victim.")

    assert "Reply number 1." not in page_of(member, thread)
    assert "Reply number 1." in page_of(other_member, thread)  # its author, marked hidden
    assert "Reply number 1." in page_of(moderator, thread)  # marked hidden, for moderators


@pytest.mark.parametrize("first", ["reads Spanish", "does not"])
def test_the_languages_a_member_reads_decide_translations_whoever_drew_the_page_first(
    boards, member, other_member, first
):
    spanish = thread_with_posts(board=boards["public"], author=other_member, title="Un hilo")
    post = spanish.posts.get()
    post.language = "es"
    post.save(update_fields=["language"])
    PostTranslation.objects.create(
        post=post,
        revision=post.edit_count,
        language="en",
        source_language="es",
        engine="apertium",
        quality="fair",
        body_html="<p>zqtranslatedword</p>",
    )
    reader = verified_member("hispanist")
    reader.profile.languages = "Spanish, English"
    reader.profile.save()
    order = [reader, member] if first == "reads Spanish" else [member, reader]
    pages = {user.pk: page_of(user, spanish) for user in order}

    assert "zqtranslatedword" not in pages[reader.pk]
    assert "zqtranslatedword" in pages[member.pk]


def test_each_member_reads_times_in_their_own_time_zone(thread, member, other_member):
    other_member.profile.time_zone = "Asia/Tokyo"
    other_member.profile.save()
    created = thread.posts.get(position=1).created_at
    utc = timezone.localtime(created, datetime.UTC).strftime("%H:%M")
    tokyo = timezone.localtime(created, zoneinfo.ZoneInfo("Asia/Tokyo")).strftime("%H:%M")

    assert f", {utc}</time>" in page_of(member, thread)
    assert f", {tokyo}</time>" in page_of(other_member, thread)


def test_a_board_marks_unread_what_each_member_has_not_read(boards, member, other_member):
    board = boards["public"]
    # Its author has read it (posting marks the post read); member has not opened it.
    thread = thread_with_posts(board=board, author=other_member, title="Read by its author")
    url = f"/en/b/{board.area.slug}/{board.slug}/"
    first_unread = reverse("forum:first_unread", args=[thread.pk])

    marked = client_for(member).get(url).content.decode()  # draws the list
    clean = client_for(other_member).get(url).content.decode()

    assert first_unread in marked
    assert 'class="unread' in marked
    assert first_unread not in clean
    assert 'class="unread' not in clean


# --- 304s ---------------------------------------------------------------------------------------


def test_a_members_reload_of_an_unchanged_thread_page_is_a_304(thread, member, other_member):
    client = client_for(member)
    url = f"/en/t/{thread.pk}/"
    client.get(url)  # the first view marks the page read: the second shows that
    second = client.get(url)
    etag = second["ETag"]

    unchanged = client.get(url, headers={"if-none-match": etag})
    assert unchanged.status_code == 304
    assert unchanged["ETag"] == etag
    assert "private" in second["Cache-Control"]
    assert "no-cache" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]

    # Someone else's ETag is not the member's page.
    assert client_for(other_member).get(url, headers={"if-none-match": etag}).status_code == 200
    # A reply changes the page.
    post_reply(author=other_member, thread=thread, body="A new reply.")
    assert client.get(url, headers={"if-none-match": etag}).status_code == 200


def test_a_new_notification_changes_a_members_etag(boards, member, other_member, run_tasks):
    board = boards["public"]
    thread_with_posts(board=board, author=other_member, title="On the page")
    elsewhere = thread_with_posts(board=boards["members"], author=member, title="Elsewhere")
    client = client_for(member)
    url = f"/en/b/{board.area.slug}/{board.slug}/"
    client.get(url)  # the first answer sets the CSRF cookie the page's forms use
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304

    # A reply in the member's thread on another board notifies them: this board's list is the
    # same, the header's count of notifications is not.
    post_reply(author=other_member, thread=elsewhere, body=f"@{member.username} have a look.")
    run_tasks()  # the worker tells the thread's author

    assert client.get(url, headers={"if-none-match": etag}).status_code == 200


def test_a_visitors_reload_is_a_304_by_etag_or_date(thread):
    client = Client()
    url = f"/en/t/{thread.pk}/"
    first = client.get(url)
    assert "public" in first["Cache-Control"]
    assert "max-age=0" in first["Cache-Control"]

    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == by_date.status_code == 304


def test_a_members_page_holds_no_one_elses_header(thread, member, other_member):
    page_of(other_member, thread)
    page = page_of(member, thread)

    assert f"Signed in as {member.username}" in page
    assert f"Signed in as {other_member.username}" not in page


# --- Queries --------------------------------------------------------------------------------


def queries_of(client, url) -> int:
    client.get(url)  # draws the shared part and marks the page read
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_members_thread_and_board_pages_make_the_same_queries_for_few_posts_or_many(
    boards, member, other_member
):
    board = boards["public"]
    few = thread_with_posts(board=board, author=other_member, replies=1)
    many = thread_with_posts(board=board, author=other_member, replies=19, title="A long one")
    for n in range(25):
        thread_with_posts(board=boards["members"], author=other_member, title=f"Thread {n:02}")
    client = client_for(member)

    # The session (none where sessions come from a shared cache), the member and their profile,
    # the thread with the member's marks, whether any notification is unread, and the live
    # log's newest id (the cursor the page's socket subscribes from).
    assert queries_of(client, f"/en/t/{few.pk}/") == queries_of(client, f"/en/t/{many.pk}/") <= 6
    small = f"/en/b/{board.area.slug}/{board.slug}/"
    big = f"/en/b/{board.area.slug}/{boards['members'].slug}/"
    # The board's stamp, the member's read markers and watching instead of the thread.
    assert queries_of(client, small) == queries_of(client, big) <= 8


def test_a_moderator_whose_role_is_taken_away_sees_as_a_member_at_once(
    thread, member, moderator, area
):
    reply = thread.posts.get(position=2)
    hide_post(actor=moderator, post=reply, reason="Names a victim.")
    area_moderator = verified_member("areamod")
    row = Moderator.objects.create(user=area_moderator)
    row.areas.add(area)
    assert "Reply number 1." in page_of(area_moderator, thread)
    assert "Reply number 1." in page_of(moderator, thread)

    row.delete()
    moderator.user_permissions.clear()

    assert "Reply number 1." not in page_of(area_moderator, thread)
    assert "Reply number 1." not in page_of(moderator, thread)


def test_each_members_watch_button_carries_their_own_csrf_token(thread, member, other_member):
    """The toolbar is drawn once for every reader with the same answers; the token its form
    sends is put in for each session, so the second reader's button works too."""
    from forum.models import Subscription

    for user in (member, other_member):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        page = client.get(f"/en/t/{thread.pk}/").content.decode()
        watch_form = page[page.index(reverse("forum:watch_thread", args=[thread.pk])) :]
        token = watch_form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        watching = "0" if Subscription.objects.filter(user=user, thread=thread).exists() else "1"

        response = client.post(
            reverse("forum:watch_thread", args=[thread.pk]),
            {"watch": watching, "csrfmiddlewaretoken": token},
        )

        assert response.status_code == 302
        assert Subscription.objects.filter(user=user, thread=thread).exists() == (watching == "1")


def test_each_members_header_shows_their_own_name_and_signs_them_out(thread, member, other_member):
    """The header's links are drawn once per member state: each member's page names them, and
    its sign-out form carries their own session's CSRF token."""
    for user in (member, other_member, member):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        page = client.get(f"/en/t/{thread.pk}/").content.decode()
        assert f"Signed in as {user.username}" in page
        form = page[page.index("data-sign-out") :]
        token = form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]

        response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})

        assert response.status_code == 302
        assert "_auth_user_id" not in client.session


def test_a_site_moderators_header_counts_the_members_waiting_and_follows_the_count(
    thread, moderator, member
):
    from forum.selectors import members_waiting

    pending_member("newcomer-one")
    before = members_waiting(moderator)
    assert before >= 1
    label = "waiting for verification"
    assert f"{before}<span" in page_of(moderator, thread)
    assert label not in page_of(member, thread)  # no one else is told

    pending_member("newcomer-two")

    assert f"{before + 1}<span" in page_of(moderator, thread)


@pytest.mark.skipif(not settings.REDIS_URL, reason="Redis: the PostgreSQL + Redis pass")
def test_a_members_warm_thread_page_reads_from_redis_only_what_changes_in_place(
    thread, member, monkeypatch
):
    """The parts drawn once are kept in the process too (config/cache.py): a warm page asks
    Redis for the session, the versions and the member's muted list, not for its parts."""
    from django.core.cache.backends.redis import RedisCacheClient

    asked: list[str] = []
    for name in ("get", "get_many", "set", "set_many", "add"):
        real = getattr(RedisCacheClient, name)

        def counted(self, key, *args, _real=real, **kwargs):
            asked.append(str(key))
            return _real(self, key, *args, **kwargs)

        monkeypatch.setattr(RedisCacheClient, name, counted)
    client = client_for(member)
    for _ in range(3):  # drawn, then the toolbar's read mark settles
        asked.clear()
        assert client.get(f"/en/t/{thread.pk}/").status_code == 200

    assert len(asked) <= 5, asked
    assert not [key for key in asked if "thread-page" in key or "template.cache" in key]
