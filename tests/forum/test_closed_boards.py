"""Members-only boards are named to everyone, and opened to verified members: a visitor who
follows one is asked to sign in or join, a pending member is told they wait for verification.
Group-restricted boards stay invisible to those outside the groups."""

import pytest

from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db


def board_url(board) -> str:
    return f"/en/b/{board.area.slug}/{board.slug}/"


def test_the_forum_home_names_members_only_boards_to_visitors_and_marks_them(client, boards):
    page = client.get("/en/forum/").content.decode()

    assert "Case practice" in page
    assert "Sign in or join to read" in page
    assert "Council room" not in page


def test_a_visitor_following_a_members_only_board_is_asked_to_sign_in_or_join(
    client, boards, member
):
    thread_with_posts(board=boards["members"], author=member, title="Zqmembersonlytitle")

    response = client.get(board_url(boards["members"]))

    assert response.status_code == 403
    page = response.content.decode()
    assert "This board is for verified members" in page
    assert f"/en/accounts/login/?next=/en/b/{boards['members'].area.slug}/" in page
    assert "/en/accounts/register/" in page
    assert "Zqmembersonlytitle" not in page


def test_a_pending_member_is_told_the_board_opens_once_verified(client, boards, pending):
    client.force_login(pending)

    response = client.get(board_url(boards["members"]))

    assert response.status_code == 403
    assert "waiting for a moderator" in response.content.decode()
    assert (
        "Open to you once your membership is verified" in client.get("/en/forum/").content.decode()
    )


def test_a_group_restricted_board_stays_a_404_for_those_outside_the_group(client, boards, member):
    assert client.get(board_url(boards["groups"])).status_code == 404
    client.force_login(member)
    assert client.get(board_url(boards["groups"])).status_code == 404
    assert "Council room" not in client.get("/en/forum/").content.decode()


def test_a_verified_member_reads_the_members_only_board(client, boards, member):
    thread_with_posts(board=boards["members"], author=member, title="Zqmembersonlytitle")
    client.force_login(member)

    response = client.get(board_url(boards["members"]))

    assert response.status_code == 200
    assert "Zqmembersonlytitle" in response.content.decode()
    assert "Sign in or join to read" not in client.get("/en/forum/").content.decode()
