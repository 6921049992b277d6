"""Signs of life on the forum index and program pages, and the lists across boards (Latest,
New, Unread): what a member of Discourse expects to see at a glance (issue 22)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.models import Profile, Thread
from forum.services.posting import post_reply, start_thread
from forum.services.reading import mark_read
from forum.visits import NEW_AT_MOST, new_since, note_visit
from tests.factories import BoardFactory, verified_member
from tests.factories import thread_with_posts as make_thread

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_index_shows_each_boards_threads_posts_and_latest_thread(client, boards, member):
    public = boards["public"]
    make_thread(board=public, author=member, title="Older thread", replies=1)
    make_thread(board=public, author=member, title="Diversion for first offences", replies=2)

    text = signed_in(client, member).get("/en/forum/").text

    assert "2 threads · 5 posts" in text
    assert "Latest:" in text
    assert "Diversion for first offences" in text
    assert "Older thread" not in text  # only the latest is named
    assert "0 threads · 0 posts" in text  # the members' board: readable, nothing in it yet


def test_numbers_are_written_the_readers_way(client, boards, member):
    board = boards["public"]
    thread = make_thread(board=board, author=member, title="Long one")
    Thread.objects.filter(pk=thread.pk).update(reply_count=1233)
    board.changed_at = timezone.now()
    board.save(update_fields=["changed_at"])

    assert "1,234 posts" in signed_in(client, member).get("/en/forum/").text
    assert "1.234" in client.get("/de/forum/").text


def test_a_held_thread_is_neither_counted_nor_named(client, boards, member):
    probationer = verified_member("probationer")
    Profile.objects.filter(user=probationer).update(on_probation=True)
    probationer.refresh_from_db()
    make_thread(board=boards["public"], author=member, title="Published thread")
    make_thread(board=boards["public"], author=probationer, title="Held for review")

    text = client.get("/en/forum/").text

    assert "Held for review" not in text
    assert "1 thread · 1 post" in text


def test_a_visitors_cached_index_follows_a_new_reply(
    client, boards, member, other_member, django_capture_on_commit_callbacks
):
    thread = make_thread(board=boards["public"], author=member, title="First thread")
    assert "1 thread · 1 post" in client.get("/en/forum/").text

    with django_capture_on_commit_callbacks(execute=True):
        post_reply(author=other_member, thread=thread, body="A reply from a colleague.")

    text = client.get("/en/forum/").text
    assert "1 thread · 2 posts" in text
    assert f"by {other_member.profile.display_name}" in text


def test_a_board_is_marked_unread_for_a_member_behind_in_a_thread(
    client, boards, member, other_member
):
    thread = make_thread(board=boards["public"], author=other_member, title="Followed")
    mark_read(user=member, thread=thread, position=thread.post_count)
    signed_in(client, member)
    assert 'badge unread">Unread' not in client.get("/en/forum/").text

    post_reply(author=other_member, thread=thread, body="Something new to read.")

    assert 'badge unread">Unread' in client.get("/en/forum/").text


def test_a_reply_redraws_its_own_boards_row_of_a_members_index_and_no_other(
    client, boards, member, other_member
):
    """A member's index is drawn in parts: the areas once per listing, each board's row once
    per board stamp. After a reply, the next member's index draws that board's row alone, and
    shows the reply; the rows kept are those of the boards that did not move."""
    thread = make_thread(board=boards["public"], author=member, title="Row thread")
    make_thread(board=boards["members"], author=member, title="Quiet thread")
    signed_in(client, member).get("/en/forum/")
    post_reply(author=other_member, thread=thread, body="A reply that moves one board.")

    drawn = []

    def seen(sender, template, context, **kwargs):
        if template.name in ("forum/_board_row.html", "forum/_areas.html"):
            drawn.append((template.name, getattr(context.get("board"), "slug", "")))

    template_rendered.connect(seen)
    try:
        text = signed_in(client, other_member).get("/en/forum/").text
    finally:
        template_rendered.disconnect(seen)
    assert drawn == [("forum/_board_row.html", boards["public"].slug)]
    assert "1 thread · 2 posts" in text
    assert f"by {other_member.profile.display_name}" in text
    assert "Quiet thread" in text


def test_the_index_costs_the_same_queries_for_two_boards_or_twelve(client, area, member):
    from django.core.cache import cache

    def queries(*, cold: bool):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/forum/").status_code == 200
        return len(context)

    signed_in(client, member)
    for n in range(2):
        make_thread(board=BoardFactory(area=area, slug=f"b{n}"), author=member, replies=1)
    queries(cold=True)  # the process's first request reads what it keeps for good
    few = queries(cold=True)
    for n in range(2, 12):
        make_thread(board=BoardFactory(area=area, slug=f"b{n}"), author=member, replies=2)
    many = queries(cold=True)
    warm = queries(cold=False)

    assert many == few  # every board's counts in one read, every latest thread in another
    assert warm <= few - 2  # kept per board until its stamp moves


# --- Latest, New, Unread --------------------------------------------------------------------


def test_latest_lists_threads_across_boards_newest_activity_first(client, boards, member):
    first = make_thread(board=boards["public"], author=member, title="Started first")
    make_thread(board=boards["members"], author=member, title="Members only thread")
    post_reply(author=member, thread=first, body="Brings it back to the top.")

    text = signed_in(client, member).get("/en/latest/").text

    assert text.index("Started first") < text.index("Members only thread")
    assert "Case practice" in text  # each thread's board is named


def test_a_visitor_reads_latest_but_is_asked_to_sign_in_for_new_and_unread(client, boards):
    make_thread(board=boards["public"], author=verified_member(), title="Public thread")

    assert "Public thread" in client.get("/en/latest/").text
    for name in ("new", "unread"):
        response = client.get(f"/en/{name}/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_new_lists_threads_started_since_the_previous_visit_not_yet_opened(
    client, boards, member, other_member
):
    profile = member.profile
    note_visit(profile, now=timezone.now() - timedelta(hours=3))
    note_visit(profile, starting=True)  # back now: the previous visit was three hours ago
    old = make_thread(board=boards["public"], author=other_member, title="Before the visit")
    Thread.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=5))
    opened = make_thread(board=boards["public"], author=other_member, title="Already opened")
    mark_read(user=member, thread=opened, position=1)
    make_thread(board=boards["public"], author=other_member, title="Started meanwhile")

    text = signed_in(client, member).get("/en/new/").text

    assert "Started meanwhile" in text
    assert "Before the visit" not in text
    assert "Already opened" not in text


def test_unread_lists_opened_threads_with_posts_not_read(client, boards, member, other_member):
    behind = make_thread(board=boards["public"], author=other_member, title="Behind in it")
    done = make_thread(board=boards["public"], author=other_member, title="Read to the end")
    for thread in (behind, done):
        mark_read(user=member, thread=thread, position=1)
    post_reply(author=other_member, thread=behind, body="A reply not read yet.")

    text = signed_in(client, member).get("/en/unread/").text

    assert "Behind in it" in text
    assert "Read to the end" not in text
    assert f"/t/{behind.pk}/unread/" in text  # straight to the first unread post


def test_lists_are_narrowed_to_a_program_area_and_a_language(client, boards, member):
    make_thread(board=boards["public"], author=member, title="In this area")
    elsewhere = BoardFactory(area__slug="victims-rights", slug="general")
    make_thread(board=elsewhere, author=member, title="In another area")

    text = client.get("/en/latest/?area=juvenile-justice").text
    assert "In this area" in text
    assert "In another area" not in text
    assert "In this area" not in client.get("/en/latest/?lang=fr").text


@pytest.mark.parametrize("query", ["area=no-such-area", "lang=xx", "area=%00", "lang=" + "e" * 300])
def test_an_unknown_filter_is_a_clear_400_with_the_list_unfiltered(client, boards, query):
    make_thread(board=boards["public"], author=verified_member(), title="Still listed")

    response = client.get(f"/en/latest/?{query}")

    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert "Still listed" in response.text


@pytest.mark.parametrize("page", ["-1", "abc", "1e9", "0"])
def test_a_page_that_is_not_a_number_lists_the_first(client, boards, page):
    make_thread(board=boards["public"], author=verified_member(), title="The only thread")

    response = client.get(f"/en/latest/?page={page}")

    assert response.status_code == 200
    assert "The only thread" in response.text


@pytest.mark.parametrize("page", ["2", "999", "99999999999999999999"])
def test_a_page_past_the_end_says_so_and_links_back(client, boards, page):
    make_thread(board=boards["public"], author=verified_member(), title="The only thread")

    response = client.get(f"/en/latest/?lang=en&page={page}")

    assert response.status_code == 200
    assert "This page is past the end of the list." in response.text
    assert 'href="?lang=en&amp;page=1"' in response.text
    assert "The only thread" not in response.text


def test_pages_go_on_while_there_are_threads(client, boards):
    author = verified_member()
    for n in range(35):  # THREADS_PER_PAGE is 30
        make_thread(board=boards["public"], author=author, title=f"Numbered {n:02}")

    first = client.get("/en/latest/").text
    second = client.get("/en/latest/?page=2").text

    assert 'rel="next" href="?page=2"' in first
    assert "Numbered 34" in first
    assert "Numbered 00" in second
    assert 'rel="next"' not in second
    assert 'rel="prev" href="?page=1"' in second


def test_latest_costs_the_same_queries_for_three_threads_or_thirty(client, boards, member):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/latest/").status_code == 200
        return len(context)

    signed_in(client, member)
    for n in range(3):
        make_thread(board=boards["public"], author=verified_member(f"a{n}"), title=f"T{n}")
    client.get("/en/latest/")
    few = queries()
    for n in range(3, 30):
        make_thread(board=boards["members"], author=verified_member(f"a{n}"), title=f"T{n}")

    assert queries() == few


# --- Visits ---------------------------------------------------------------------------------


def test_a_visit_is_requests_less_than_an_hour_apart(member):
    profile = member.profile
    start = timezone.now() - timedelta(hours=5)
    note_visit(profile, now=start)
    note_visit(profile, now=start + timedelta(minutes=2))  # too soon to be written again
    assert profile.last_seen_at == start
    note_visit(profile, now=start + timedelta(minutes=40))
    assert profile.previous_visit_at is None  # still the first visit
    note_visit(profile, now=start + timedelta(hours=3))  # over an hour later: a new visit

    profile.refresh_from_db()
    assert profile.previous_visit_at == start + timedelta(minutes=40)
    assert profile.last_seen_at == start + timedelta(hours=3)


def test_new_reaches_back_thirty_days_at_most(member):
    Profile.objects.filter(user=member).update(
        previous_visit_at=timezone.now() - timedelta(days=400)
    )
    member.refresh_from_db()

    assert timezone.now() - new_since(member) <= NEW_AT_MOST


def test_signing_in_and_pages_mark_the_member_seen(client, member):
    client.force_login(member)
    member.profile.refresh_from_db()
    assert member.profile.last_seen_at is not None


def test_the_worker_keeps_the_embedded_databases_planner_statistics(boards, member):
    from forum import tasks
    from forum.worker.schedule import JOBS

    make_thread(board=boards["public"], author=member, title="Counted by ANALYZE")
    job = next(job for job in JOBS if job.name == "analyze_database")

    ran = tasks.analyze_database.call()

    if connection.vendor == "sqlite":
        assert ran is True
        assert job.wanted()
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'forum_thread'")
            assert cursor.fetchone()[0] > 0  # Latest walks thread_latest with these
    else:
        assert ran is False  # PostgreSQL's autovacuum analyzes
        assert not job.wanted()


def test_the_lists_follow_the_latest_stream_and_name_the_scope_of_their_filters(
    client, boards, member
):
    # Which boards the stream covers is the socket's to decide (tests/forum/
    # test_realtime_latest.py); the page says what of it counts in its "new activity" bar.
    import re

    def body(response):
        return re.search(r"<body[^>]*>", response.text).group(0)

    assert 'data-streams="latest"' in body(client.get("/en/latest/"))
    client.force_login(member)
    assert 'data-streams="latest user"' in body(client.get("/en/unread/"))
    area = boards["public"].area
    page = client.get(f"/en/latest/?area={area.slug}&lang=es").text
    banner = re.search(r'<p id="board-activity"[^>]*>', page).group(0)
    in_area = sorted(
        str(b.pk) for b in boards.values() if b.area_id == area.pk and b != boards["groups"]
    )
    assert sorted(re.search(r'data-boards="([^"]*)"', banner).group(1).split()) == in_area
    assert 'data-language="es"' in banner
    assert "data-boards" not in re.search(
        r'<p id="board-activity"[^>]*>', client.get("/en/latest/").text
    ).group(0)


def test_a_boards_live_bar_counts_within_its_language_filter(client, boards, member):
    import re

    board = boards["public"]
    start_thread(author=member, board=board, title="Un hilo", body="En español.", language="es")
    url = f"/en/b/{board.area.slug}/{board.slug}/"
    banner = re.search(r'<p id="board-activity"[^>]*>', client.get(f"{url}?lang=es").text)
    assert 'data-label="Threads with new activity: %s. Reload the list"' in banner.group(0)
    assert 'data-language="es"' in banner.group(0)
    assert "data-language" not in re.search(
        r'<p id="board-activity"[^>]*>', client.get(url).text
    ).group(0)
