"""A pending member is told what happens next on every page; site moderators see how many
members wait beside "Moderation"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import Moderator
from tests.factories import pending_member, verified_member

pytestmark = pytest.mark.django_db

BANNER = "Your membership is waiting for verification."


def queries_for(client, url: str) -> int:
    client.get(url)  # the caches every page shares
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


@pytest.mark.parametrize("url", ["/en/forum/", "/en/accounts/profile/", "/en/search/?q=x"])
def test_a_pending_member_sees_what_happens_next_on_every_page(client, pending, url):
    client.force_login(pending)

    page = client.get(url).text

    assert BANNER in page
    assert "public boards" in page
    assert "e-mail you" in page


@pytest.mark.parametrize("who", ["member", "moderator", None])
def test_verified_members_moderators_and_visitors_see_no_banner(client, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))

    assert BANNER not in client.get("/en/forum/").text


def test_a_site_moderator_sees_how_many_members_wait(client, moderator, pending):
    pending_member("second")
    client.force_login(moderator)

    page = client.get("/en/forum/").text

    assert '<span class="count">2<span class="visually-hidden"> members waiting' in page


def test_an_area_moderator_who_cannot_verify_sees_no_count(client, area, pending):
    area_moderator = verified_member("areamod")
    Moderator.objects.create(user=area_moderator).areas.add(area)
    client.force_login(area_moderator)

    page = client.get("/en/forum/").text

    assert ">Moderation<" in page
    assert "members waiting" not in page


def test_no_count_is_shown_when_nobody_waits(client, moderator):
    client.force_login(moderator)

    assert "members waiting" not in client.get("/en/forum/").text


def test_the_banner_and_the_count_cost_at_most_one_query(client, member, pending, moderator):
    client.force_login(member)
    verified = queries_for(client, "/en/forum/")
    client.force_login(pending)
    waiting = queries_for(client, "/en/forum/")

    assert waiting <= verified + 1

    client.force_login(moderator)
    client.get("/en/forum/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/forum/")
    counts = [q["sql"] for q in captured if "COUNT(" in q["sql"] and "verification" in q["sql"]]
    assert len(counts) == 1
