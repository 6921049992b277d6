"""Members are found by either of their names: the user name (@mentions) is shown on posts and
the profile, and the search and moderation-log filters take a user name or a display name.
A deleted member has neither any more."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from forum.models import Profile
from forum.realtime.events import post_payload
from forum.search.queue import drain
from forum.selectors import members_named, moderation_log
from forum.services.moderation import warn_member
from forum.services.posting import start_thread
from forum.services.privacy import delete_account
from tests.factories import verified_member

pytestmark = pytest.mark.django_db


def named(display_name: str, username: str):
    user = verified_member(username)
    Profile.objects.filter(user=user).update(display_name=display_name)
    user.refresh_from_db()
    return user


def opening_post(board, author, title="Diversion for first offenders"):
    return start_thread(
        author=author, board=board, title=title, body="Diversion works for many.", language="en"
    )


def test_a_post_shows_its_authors_user_name_after_the_display_name(client, boards):
    author = named("Ana Pérez", "aperez")
    post = opening_post(boards["public"], author)

    html = client.get(reverse("forum:thread", args=[post.thread_id])).content.decode()

    # Right after the display name, in the muted style of the post's other details.
    assert re.search(
        r'<strong class="author"[^>]*><a class="author-link" href="/en/members/\d+/">'
        r"Ana Pérez</a></strong>\s*"
        r'<bdi class="meta username"[^>]*>@aperez</bdi>',
        html,
    )


def test_a_live_post_carries_its_authors_user_name(boards):
    post = opening_post(boards["public"], named("Ana Pérez", "aperez"))

    assert post_payload(post)["author_username"] == "aperez"


def test_a_deleted_members_posts_show_no_user_name_on_the_page_or_live(client, boards):
    author = named("Ana Pérez", "aperez")
    post = opening_post(boards["public"], author)
    delete_account(member=author)
    post.refresh_from_db()

    html = client.get(reverse("forum:thread", args=[post.thread_id])).content.decode()

    assert "Deleted member" in html
    assert not re.search(r'class="meta username"[^>]*>@', html)
    assert f"deleted-{author.pk}" not in html
    assert post_payload(post)["author_username"] == ""


def test_the_profile_page_tells_the_member_their_user_name(client, member):
    client.force_login(member)

    html = client.get(reverse("forum:profile")).content.decode()

    assert "Your user name is <bdi>@member</bdi>" in html


def test_members_are_found_by_user_name_or_display_name_in_any_case():
    ana = named("Ana Pérez", "aperez")
    named("Someone Else", "selse")

    assert list(members_named("APEREZ")) == [ana]
    assert list(members_named("  ana pérez ")) == [ana]
    assert list(members_named("Ana")) == []  # exact, not a part of the name
    assert list(members_named("")) == []


def test_a_display_name_several_members_share_finds_them_all():
    first, second = named("John Smith", "jsmith"), named("John Smith", "jsmith2")

    assert set(members_named("john smith")) == {first, second}


def test_a_deleted_member_is_found_by_no_name():
    ana = named("Ana Pérez", "aperez")
    delete_account(member=ana)
    ana.refresh_from_db()

    for name in ("aperez", "Ana Pérez", ana.get_username(), "Deleted member"):
        assert list(members_named(name)) == [], name


def test_the_search_author_filter_takes_a_display_name_and_finds_everyone_with_it(client, boards):
    first, second = named("John Smith", "jsmith"), named("John Smith", "jsmith2")
    other = named("Ana Pérez", "aperez")
    opening_post(boards["public"], first, "Diversion in the north")
    opening_post(boards["public"], second, "Diversion in the south")
    opening_post(boards["public"], other, "Diversion in the east")
    drain()

    by_display_name = client.get("/en/search/", {"q": "diversion", "author": "john SMITH"})
    by_user_name = client.get("/en/search/", {"q": "diversion", "author": "APEREZ"})

    html = by_display_name.content.decode()
    assert "in the north" in html
    assert "in the south" in html
    assert "in the east" not in html
    html = by_user_name.content.decode()
    assert "in the east" in html
    assert "in the north" not in html


def test_the_search_author_filter_does_not_find_a_deleted_member(client, boards):
    ana = named("Ana Pérez", "aperez")
    opening_post(boards["public"], ana)
    delete_account(member=ana)
    drain()

    html = client.get("/en/search/", {"q": "diversion", "author": "Ana Pérez"}).content.decode()

    assert "No member has this user name or display name." in html
    assert 'value="Ana Pérez"' in html  # what was typed is kept


@pytest.fixture
def log_rows(moderator):
    """Two moderators, each warning a different member."""
    second_moderator = named("Maria Lopez", "mlopez")
    second_moderator.user_permissions.add(*moderator.user_permissions.all())
    second_moderator = type(second_moderator).objects.get(pk=second_moderator.pk)
    john, ana = named("John Smith", "jsmith"), named("Ana Pérez", "aperez")
    warn_member(actor=moderator, member=john, reason="Off topic.")
    warn_member(actor=second_moderator, member=ana, reason="Spam.")
    return {"john": john, "ana": ana, "second_moderator": second_moderator}


def test_the_moderation_log_filters_take_a_user_name_or_a_display_name(moderator, log_rows):
    def members(**filters):
        return {row.member for row in moderation_log(moderator, filters)}

    assert members(moderator="maria lopez") == {log_rows["ana"]}
    assert members(moderator="MLOPEZ") == {log_rows["ana"]}
    assert members(member="john smith") == {log_rows["john"]}
    assert members(member="jsmith") == {log_rows["john"]}
    assert members(member="nobody") == set()


def test_the_moderation_log_page_filters_by_display_name(client, moderator, log_rows):
    client.force_login(moderator)

    response = client.get(reverse("forum:moderation_log"), {"member": "Ana Pérez"})

    html = response.content.decode()
    assert "Spam." in html
    assert "Off topic." not in html
