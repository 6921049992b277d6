"""A member's new name or picture shows at once on the pages visitors get from the cache (their
keys move with the profile change, in its transaction), and the change costs the same queries
however many threads the member wrote in."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum.forms import ProfileForm
from forum.models import Board, Profile, Thread
from forum.services.members import update_profile
from forum.services.posting import post_reply
from tests.factories import BoardFactory, thread_with_posts
from tests.forum.test_uploads import picture, profile_form, upload

pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/accounts/profile/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def board_url(board) -> str:
    return f"/en/b/{board.area.slug}/{board.slug}/"


def give_picture(user) -> str:
    user.profile.avatar.save("x.webp", ContentFile(picture("WEBP", size=(64, 64))))
    return user.profile.avatar.url


def stamps(*objects) -> list:
    return [
        type(obj).objects.values_list("changed_at", flat=True).get(pk=obj.pk) for obj in objects
    ]


@pytest.fixture
def signed_in(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


def test_a_visitors_cached_thread_page_shows_a_replaced_picture_at_once(
    client, signed_in, member, other_member, boards, media_root, django_capture_on_commit_callbacks
):
    old_url = give_picture(member)
    thread = thread_with_posts(board=boards["public"], author=other_member)
    post_reply(author=member, thread=thread, body="A reply with my picture beside it.")
    url = f"/en/t/{thread.pk}/"
    assert old_url in client.get(url).text  # the visitor's copy is now in the cache
    # A change that moves no stamp is not seen: the page really comes from the cache.
    Profile.objects.filter(user=member).update(organization="Fiscalía Uncached")
    assert "Fiscalía Uncached" not in client.get(url).text

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            PROFILE_URL, profile_form(member, avatar=upload(picture("PNG"), "new.png"))
        )

    assert response.status_code == 302
    new_url = Profile.objects.get(user=member).avatar.url
    page = client.get(url).text
    assert new_url in page
    assert old_url not in page  # its file is deleted: the page must not point at it
    assert not (media_root / old_url.removeprefix("/media/")).exists()


def test_a_visitors_cached_thread_page_drops_a_removed_picture(
    client, signed_in, member, boards, django_capture_on_commit_callbacks
):
    old_url = give_picture(member)
    thread = thread_with_posts(board=boards["public"], author=member)
    url = f"/en/t/{thread.pk}/"
    assert old_url in client.get(url).text

    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(PROFILE_URL, profile_form(member, remove_avatar="on"))

    page = client.get(url).text
    assert old_url not in page
    assert '<img class="avatar"' not in page.split('<template id="post-template">')[0]


def test_a_new_display_name_shows_on_visitors_cached_thread_and_board_pages(
    client, signed_in, member, other_member, boards
):
    Profile.objects.filter(user=member).update(display_name="Ana Before")
    board = boards["public"]
    mine = thread_with_posts(board=board, author=member, title="Started by the member")
    # Another board, where the member is only the last poster of someone else's thread.
    elsewhere = BoardFactory(area=board.area, slug="elsewhere")
    theirs = thread_with_posts(board=elsewhere, author=other_member, title="Replied to by them")
    post_reply(author=member, thread=theirs, body="The member has the last word here.")
    pages = [f"/en/t/{mine.pk}/", f"/en/t/{theirs.pk}/", board_url(board), board_url(elsewhere)]
    for page in pages:
        assert "Ana Before" in client.get(page).text  # now in the visitors' cache

    response = signed_in.post(PROFILE_URL, profile_form(member, display_name="Ana Renamed"))

    assert response.status_code == 302
    for page in pages:
        text = client.get(page).text
        assert "Ana Renamed" in text, page
        assert "Ana Before" not in text, page


def test_a_change_that_shows_nowhere_leaves_the_cached_pages_alone(
    signed_in, member, other_member, boards
):
    thread = thread_with_posts(board=boards["public"], author=member)
    unrelated = thread_with_posts(board=boards["members"], author=other_member, title="Not theirs")
    before = stamps(thread, boards["public"], unrelated, boards["members"])

    signed_in.post(PROFILE_URL, profile_form(member, bio="Twenty years in juvenile justice."))

    assert Profile.objects.get(user=member).bio == "Twenty years in juvenile justice."
    assert stamps(thread, boards["public"], unrelated, boards["members"]) == before


def test_a_picture_change_leaves_board_pages_alone_and_touches_only_the_members_threads(
    signed_in, member, other_member, boards
):
    board = boards["public"]
    mine = thread_with_posts(board=board, author=member)
    unrelated = thread_with_posts(board=board, author=other_member, title="Not theirs")
    board_before, unrelated_before, mine_before = stamps(board, unrelated, mine)

    signed_in.post(PROFILE_URL, profile_form(member, avatar=upload(picture())))

    assert stamps(board, unrelated) == [board_before, unrelated_before]
    assert stamps(mine)[0] > mine_before


def saving_profile_queries(member, **changes) -> int:
    """The queries of the service alone, on a form already checked (as the view calls it)."""
    profile = Profile.objects.get(user=member)
    form = ProfileForm(profile_form(member, **changes), instance=profile)
    assert form.is_valid(), form.errors
    with CaptureQueriesContext(connection) as queries:
        update_profile(member=member, form=form)
    return len(queries)


def test_renaming_costs_the_same_queries_for_one_thread_or_many(member, other_member, area):
    thread_with_posts(board=BoardFactory(area=area), author=member)
    few = saving_profile_queries(member, display_name="First Rename")
    for n in range(12):  # threads in boards of their own, so each board's stamp moves too
        thread = thread_with_posts(
            board=BoardFactory(area=area), author=other_member, title=f"Thread number {n}"
        )
        post_reply(author=member, thread=thread, body="The member writes everywhere.")

    many = saving_profile_queries(member, display_name="Second Rename")

    assert few == many
    assert Profile.objects.get(user=member).display_name == "Second Rename"
    # Every thread and board that shows the name moved, together (one statement each).
    threads = set(Thread.objects.filter(posts__author=member).values_list("changed_at", flat=True))
    boards = set(
        Board.objects.filter(threads__posts__author=member).values_list("changed_at", flat=True)
    )
    assert len(threads) == 1
    assert boards == threads
    assert Board.objects.filter(threads__posts__author=member).distinct().count() == 13


def test_the_service_refuses_a_form_for_another_members_profile(member, other_member):
    theirs = Profile.objects.get(user=other_member)
    form = ProfileForm(profile_form(other_member, display_name="Hijacked"), instance=theirs)
    assert form.is_valid()

    with pytest.raises(ValueError, match="another member"):
        update_profile(member=member, form=form)
    assert Profile.objects.get(user=other_member).display_name != "Hijacked"
