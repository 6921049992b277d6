"""Dates read the same in every language the site speaks and as browsers print them: day, short
month, year and a 24-hour time ("4 Dec 2026, 22:19"), in the member's own time zone (UTC for
visitors); recent activity as "5 minutes ago"; ``<time datetime>`` to the second, in UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation

from forum.models import Post, Profile
from forum.templatetags.forum_dates import ago, machine_time, on_day, when
from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 12, 4, 22, 19, 5, 123456, tzinfo=UTC)

# What Chromium's Intl.DateTimeFormat prints for MOMENT with live.js's options (the browser test
# tests/browser/test_html_validity.py checks the two agree in a real browser).
BROWSER_TEXT = {
    "en": ("4 Dec 2026, 22:19", "4 Dec 2026"),
    "es": ("4 dic 2026, 22:19", "4 dic 2026"),
    "fr": ("4 déc. 2026, 22:19", "4 déc. 2026"),
    "pt": ("4 de dez. de 2026, 22:19", "4 de dez. de 2026"),
    "ar": ("4 ديسمبر 2026، 22:19", "4 ديسمبر 2026"),
    "ru": ("4 дек. 2026 г., 22:19", "4 дек. 2026 г."),  # noqa: RUF001 (Cyrillic year mark)
    "zh-hans": ("2026年12月4日 22:19", "2026年12月4日"),
    "de": ("4. Dez. 2026, 22:19", "4. Dez. 2026"),
}


@pytest.mark.parametrize("language", list(BROWSER_TEXT))
def test_a_moment_reads_day_month_year_in_every_language_as_browsers_print_it(language):
    with translation.override(language), timezone.override(UTC):
        assert (when(MOMENT), on_day(MOMENT)) == BROWSER_TEXT[language]


def test_a_moment_reads_in_the_active_time_zone():
    with translation.override("en"), timezone.override("Asia/Tokyo"):
        assert when(MOMENT) == "5 Dec 2026, 07:19"
        assert on_day(MOMENT) == "5 Dec 2026"


def test_the_machine_readable_time_is_utc_to_the_second_without_microseconds():
    assert machine_time(MOMENT) == "2026-12-04T22:19:05Z"
    assert machine_time(MOMENT.date()) == "2026-12-04"
    with timezone.override("America/Lima"):
        assert machine_time(MOMENT) == "2026-12-04T22:19:05Z"


def test_recent_activity_reads_as_time_ago_and_older_as_the_moment():
    with translation.override("en"):
        assert (
            ago(timezone.now() - timedelta(minutes=5)) == "5\xa0minutes ago"
        )  # Django keeps the number with its unit
        assert ago(MOMENT - timedelta(days=400)) == when(MOMENT - timedelta(days=400))


def thread_posted_at(board, author, moment):
    thread = thread_with_posts(board=board, author=author)
    Post.objects.filter(thread=thread).update(created_at=moment)
    return thread


def test_no_datetime_attribute_on_the_pages_carries_microseconds(client, boards, member):
    thread = thread_posted_at(boards["public"], member, MOMENT)
    client.force_login(member)

    pages = [f"/en/t/{thread.pk}/", f"/en/b/{thread.board.area.slug}/{thread.board.slug}/"]
    for page in pages:
        html = client.get(page).content.decode()
        stamps = re.findall(r'datetime="([^"]*)"', html)
        assert stamps
        assert [s for s in stamps if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s)] == []


def test_a_members_pages_show_times_in_their_own_time_zone(client, boards, member):
    Profile.objects.filter(user=member).update(time_zone="Asia/Tokyo")
    thread = thread_posted_at(boards["public"], member, MOMENT)
    client.force_login(member)

    html = client.get(f"/en/t/{thread.pk}/").content.decode()

    assert ">5 Dec 2026, 07:19</time>" in html
    assert 'data-time-zone="Asia/Tokyo"' in html
    assert 'data-date-locale="en-GB"' in html


def test_visitors_and_a_member_with_an_unknown_time_zone_read_utc(client, boards, member):
    Profile.objects.filter(user=member).update(time_zone="Mars/Olympus_Mons")
    thread = thread_posted_at(boards["public"], member, MOMENT)

    visitor = client.get(f"/fr/t/{thread.pk}/").content.decode()
    client.force_login(member)
    signed_in = client.get(f"/en/t/{thread.pk}/").content.decode()

    assert ">4 déc. 2026, 22:19</time>" in visitor
    assert 'data-time-zone="UTC"' in visitor
    assert ">4 Dec 2026, 22:19</time>" in signed_in


def test_the_board_shows_recent_activity_as_time_ago(client, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)

    html = client.get(f"/en/b/{thread.board.area.slug}/{thread.board.slug}/").content.decode()

    assert re.search(
        r"<time [^>]*data-relative[^>]*>(now|\d+ seconds? ago|a second ago)</time>", html
    )
