"""Watch levels on threads, boards and program areas, and muted members, as in Discourse
(issue 22): who is told, what the lists show, and the forms."""

import pytest

from forum.models import MutedMember, Notification, Profile, Subscription
from forum.services.following import FollowingError, set_level, thread_levels
from forum.services.posting import post_reply, start_thread
from forum.services.reading import mark_read
from tests.factories import thread_with_posts, verified_member

pytestmark = pytest.mark.django_db
Level = Subscription.Level


def kinds(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.fixture
def thread(boards, other_member):
    return thread_with_posts(board=boards["public"], author=other_member, title="Charging memo")


# --- Who is told ----------------------------------------------------------------------------


def test_watching_a_board_tells_of_new_threads_and_every_reply(
    boards, member, other_member, run_tasks
):
    set_level(user=member, board=boards["public"], level=Level.WATCHING)
    first = start_thread(author=other_member, board=boards["public"], title="New", body="Opening")
    post_reply(author=other_member, thread=first.thread, body="And a reply to it.")
    run_tasks()

    assert sorted(kinds(member)) == ["new_thread", "reply"]


def test_watching_a_program_area_tells_of_its_boards_threads(
    boards, area, member, other_member, run_tasks
):
    set_level(user=member, area=area, level=Level.WATCHING)
    start_thread(author=other_member, board=boards["public"], title="In the area", body="Text.")
    run_tasks()

    assert kinds(member) == ["new_thread"]


def test_the_closest_level_decides(boards, area, member, thread):
    set_level(user=member, area=area, level=Level.WATCHING)
    set_level(user=member, board=boards["public"], level=Level.MUTED)
    assert thread_levels(thread)[member.pk] == Level.MUTED  # the board's over the area's
    set_level(user=member, thread=thread, level=Level.TRACKING)
    assert thread_levels(thread)[member.pk] == Level.TRACKING  # the thread's over both


def test_tracking_tells_of_a_mention_but_not_of_every_reply(
    member, other_member, thread, run_tasks
):
    set_level(user=member, thread=thread, level=Level.TRACKING)
    post_reply(author=other_member, thread=thread, body="A reply nobody is named in.")
    post_reply(author=other_member, thread=thread, body="Asking @member about it.")
    run_tasks()

    assert kinds(member) == ["mention"]


def test_a_muted_thread_tells_nothing_not_even_a_mention(member, other_member, thread, run_tasks):
    set_level(user=member, thread=thread, level=Level.MUTED)
    post_reply(author=other_member, thread=thread, body="Asking @member about it.")
    run_tasks()

    assert kinds(member) == []


def test_a_muted_member_cannot_notify(member, other_member, thread, run_tasks, client):
    client.force_login(member)
    client.post("/en/accounts/muted/", {"username": other_member.username, "mute": "1"})
    assert MutedMember.objects.filter(user=member, muted=other_member).exists()

    post_reply(author=other_member, thread=thread, body="Asking @member about it.")
    run_tasks()

    assert kinds(member) == []


def test_replying_tracks_the_thread_unless_the_member_chose_otherwise(member, thread):
    post_reply(author=member, thread=thread, body="My first reply here.")
    assert Subscription.objects.get(user=member, thread=thread).level == Level.TRACKING

    other = thread_with_posts(board=thread.board, author=verified_member(), title="Other")
    Profile.objects.filter(user=member).update(reply_level=Level.WATCHING)
    member.profile.refresh_from_db()
    post_reply(author=member, thread=other, body="Watching this one.")
    assert Subscription.objects.get(user=member, thread=other).level == Level.WATCHING


def test_a_reply_leaves_a_level_set_on_the_thread(member, thread):
    set_level(user=member, thread=thread, level=Level.MUTED)

    post_reply(author=member, thread=thread, body="Said once, still muted.")

    assert Subscription.objects.get(user=member, thread=thread).level == Level.MUTED


def test_starting_a_thread_watches_it(boards, member):
    first = start_thread(author=member, board=boards["public"], title="Mine", body="Opening.")

    assert Subscription.objects.get(user=member, thread=first.thread).level == Level.WATCHING


@pytest.mark.parametrize("level", [-1, 4, 99])
def test_an_unknown_level_is_refused(member, thread, level):
    with pytest.raises(FollowingError):
        set_level(user=member, thread=thread, level=level)


def test_normal_forgets_the_row(member, thread):
    set_level(user=member, thread=thread, level=Level.WATCHING)
    set_level(user=member, thread=thread, level=Level.NORMAL)

    assert not Subscription.objects.filter(user=member, thread=thread).exists()


# --- What the lists show --------------------------------------------------------------------


def test_muted_threads_boards_and_areas_leave_latest_new_and_unread(
    client, boards, area, member, other_member, thread
):
    client.force_login(member)
    mark_read(user=member, thread=thread, position=1)
    post_reply(author=other_member, thread=thread, body="Unread by the member.")
    for name in ("latest", "unread"):
        assert "Charging memo" in client.get(f"/en/{name}/").text

    set_level(user=member, thread=thread, level=Level.MUTED)
    for name in ("latest", "new", "unread"):
        assert "Charging memo" not in client.get(f"/en/{name}/").text

    set_level(user=member, thread=thread, level=Level.NORMAL)
    set_level(user=member, area=area, level=Level.MUTED)
    assert "Charging memo" not in client.get("/en/latest/").text
    # A board followed closer than its muted area is listed again.
    set_level(user=member, board=boards["public"], level=Level.TRACKING)
    assert "Charging memo" in client.get("/en/latest/").text


def test_a_muted_board_shows_no_unread_mark_on_the_index(
    client, boards, member, other_member, thread
):
    client.force_login(member)
    mark_read(user=member, thread=thread, position=1)
    post_reply(author=other_member, thread=thread, body="Something new.")
    assert 'badge unread">Unread' in client.get("/en/forum/").text

    set_level(user=member, board=boards["public"], level=Level.MUTED)

    assert 'badge unread">Unread' not in client.get("/en/forum/").text


# --- The forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "level"), [("3", 3), ("2", 2), ("0", 0)])
def test_the_thread_page_sets_a_level(client, member, thread, value, level):
    client.force_login(member)
    page = client.get(f"/en/t/{thread.pk}/").text
    assert 'name="level"' in page

    response = client.post(f"/en/t/{thread.pk}/watch/", {"level": value}, follow=True)

    assert Subscription.objects.get(user=member, thread=thread).level == level
    assert f'<option value="{level}" selected>' in response.text


def test_the_board_page_sets_the_boards_and_the_areas_level(client, boards, area, member):
    client.force_login(member)
    board = boards["public"]
    client.post(f"/en/b/{area.slug}/{board.slug}/watch/", {"level": "2"})
    response = client.post(f"/en/areas/{area.slug}/follow/", {"level": "3"}, follow=True)

    assert Subscription.objects.get(user=member, board=board).level == Level.TRACKING
    assert Subscription.objects.get(user=member, area=area).level == Level.WATCHING
    assert "You are watching Juvenile Justice" in response.text


@pytest.mark.parametrize("value", ["", "4", "-1", "watching", "9" * 30])
def test_an_unknown_level_from_a_form_is_a_clear_message(client, member, thread, value):
    client.force_login(member)

    response = client.post(f"/en/t/{thread.pk}/watch/", {"level": value}, follow=True)

    assert response.status_code == 200
    assert "Choose one of the levels offered." in response.text
    assert not Subscription.objects.filter(user=member, thread=thread).exists()


def test_an_area_with_nothing_the_member_may_read_cannot_be_followed(client, member):
    from tests.factories import BoardFactory

    private = BoardFactory(area__slug="sealed", slug="room", visibility="groups")
    client.force_login(member)

    response = client.post(f"/en/areas/{private.area.slug}/follow/", {"level": "3"})

    assert response.status_code == 404
    assert not Subscription.objects.filter(user=member).exists()


def test_a_visitor_is_asked_to_sign_in_to_follow(client, area, thread):
    response = client.post(f"/en/areas/{area.slug}/follow/", {"level": "3"})

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_muting_and_unmuting_from_the_profile(client, member, other_member, thread):
    client.force_login(member)
    page = client.post(
        "/en/accounts/muted/", {"username": other_member.username, "mute": "1"}, follow=True
    ).text
    assert f"@{other_member.username}" in page
    # Their posts carry their id, and the page names whom the reader muted (muted.js folds).
    thread_page = client.get(f"/en/t/{thread.pk}/").text
    assert f'data-muted="{other_member.pk}"' in thread_page
    assert f'data-author="{other_member.pk}"' in thread_page

    client.post("/en/accounts/muted/", {"username": other_member.username, "mute": "0"})

    assert not MutedMember.objects.filter(user=member).exists()
    assert "data-muted=" not in client.get(f"/en/t/{thread.pk}/").text


@pytest.mark.parametrize("name", ["nobody-by-this-name", "", "x" * 400])
def test_muting_an_unknown_name_says_so_and_keeps_it_typed(client, member, name):
    client.force_login(member)

    response = client.post("/en/accounts/muted/", {"username": name, "mute": "1"}, follow=True)

    assert "No member has that user name." in response.text
    assert f'value="{name[:150]}"' in response.text
    assert not MutedMember.objects.exists()


def test_a_member_cannot_mute_themself(client, member):
    client.force_login(member)

    response = client.post("/en/accounts/muted/", {"username": member.username}, follow=True)

    assert "You cannot mute yourself." in response.text
    assert not MutedMember.objects.exists()


def test_levels_and_mutes_are_in_the_export_and_go_with_the_account(
    area, member, other_member, thread
):
    from forum.services.following import mute_member
    from forum.services.privacy import delete_account, export_member_data

    set_level(user=member, area=area, level=Level.TRACKING)
    mute_member(user=member, member=other_member)

    data = export_member_data(member=member)
    assert {"area_name": "Juvenile Justice", "level": "Tracking"}.items() <= (
        data["subscriptions"][0].items()
    )
    assert data["muted_members"][0]["username"] == other_member.username

    delete_account(member=member)

    assert not Subscription.objects.filter(user=member).exists()
    assert not MutedMember.objects.filter(user=member).exists()


def test_a_new_thread_tells_its_boards_watchers_not_a_row_on_the_thread(
    boards, member, other_member, run_tasks
):
    first = start_thread(author=other_member, board=boards["public"], title="Fresh", body="Text.")
    set_level(user=member, thread=first.thread, level=Level.WATCHING)  # before the worker ran

    run_tasks()

    assert kinds(member) == []  # they hear of its replies, not of its start


def test_the_export_names_no_thread_the_member_may_no_longer_read(
    boards, member, moderator, group_member
):
    from forum.services.moderation.threads import move_thread
    from forum.services.privacy import export_member_data

    thread = thread_with_posts(board=boards["public"], author=group_member, title="Now sealed")
    set_level(user=member, thread=thread, level=Level.WATCHING)
    move_thread(actor=moderator, thread=thread, board_id=boards["groups"].pk, reason="Council.")

    (row,) = export_member_data(member=member)["subscriptions"]

    assert row["thread_id"] == thread.pk
    assert row["thread_title"] is None
