"""@mention suggestions (views/mentions.py): the members who may read where the post goes,
whose user name or name begins with what was typed; nothing about anyone else."""

import pytest
from django.urls import reverse

from forum import limits
from forum.models import Profile
from forum.services.privacy import delete_account
from tests.factories import pending_member, thread_with_posts, verified_member

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [member["username"] for member in response.json()["members"]]


def named(username: str, display_name: str):
    user = verified_member(username)
    Profile.objects.filter(user=user).update(display_name=display_name)
    return user


def url_of(thread, typed: str) -> str:
    return f"{reverse('forum:thread_mentions', args=(thread.pk,))}?q={typed}"


@pytest.fixture
def council_thread(boards, member):
    chair = verified_member("chair", groups=[boards["groups"].allowed_groups.get()])
    return thread_with_posts(board=boards["groups"], author=chair)


def test_members_are_found_by_user_name_or_name_and_the_writer_is_not(client, thread, member):
    # Every other account may read the public board: only the names typed tell them apart.
    named("mariana", "Mariana Costa")
    named("costa2", "Ana Costa")
    verified_member("zed")
    client.force_login(member)

    assert names(client.get(url_of(thread, "mar"))) == ["mariana"]
    assert names(client.get(url_of(thread, "@Ana"))) == ["costa2"]  # the "@" may come along
    assert "member" not in names(client.get(url_of(thread, "mem")))
    names_of_all = client.get(url_of(thread, "ma")).json()["members"]
    assert {"username": "mariana", "name": "Mariana Costa"} in names_of_all


def test_a_group_boards_thread_suggests_only_its_readers(client, boards, council_thread):
    council = boards["groups"].allowed_groups.get()
    verified_member("insider", groups=[council])
    verified_member("outsider")
    reader = verified_member("councillor", groups=[council])
    client.force_login(reader)

    assert names(client.get(url_of(council_thread, "insi"))) == ["insider"]
    assert names(client.get(url_of(council_thread, "outs"))) == []


def test_a_thread_the_writer_may_not_read_is_not_found(client, council_thread, member):
    client.force_login(member)  # not in the council
    assert client.get(url_of(council_thread, "ch")).status_code == 404


def test_a_new_thread_on_a_board_suggests_the_boards_readers(client, boards, member):
    verified_member("boardreader")
    client.force_login(member)
    board = boards["members"]
    url = reverse("forum:board_mentions", kwargs={"area": board.area.slug, "board": board.slug})
    assert names(client.get(f"{url}?q=boardr")) == ["boardreader"]


def test_deleted_and_pending_accounts_on_a_members_board(client, boards, member):
    gone = verified_member("goner")
    delete_account(member=gone)
    pending_member("pendingone")
    thread = thread_with_posts(board=boards["members"], author=member)
    client.force_login(member)

    assert names(client.get(url_of(thread, "deleted"))) == []
    assert names(client.get(url_of(thread, "goner"))) == []
    assert names(client.get(url_of(thread, "pendingo"))) == []  # may not read members' boards


@pytest.mark.parametrize("typed", ["", "@", " ", "x" * 51, "a%00b"])
def test_nothing_typed_or_too_much_is_a_clear_400(client, thread, member, typed):
    client.force_login(member)
    response = client.get(url_of(thread, typed))
    assert response.status_code == 400
    assert "first letters" in response.json()["error"]


def test_visitors_are_refused_and_the_list_is_short_and_private(client, thread, member):
    assert client.get(url_of(thread, "a")).status_code == 403
    for n in range(12):
        verified_member(f"anna{n:02}")
    client.force_login(member)
    response = client.get(url_of(thread, "anna"))
    assert len(names(response)) == limits.MENTION_SUGGESTIONS
    assert "no-store" in response["Cache-Control"]


def test_too_many_requests_are_refused_for_a_minute(client, thread, member, monkeypatch):
    monkeypatch.setattr(limits, "MENTIONS_PER_WINDOW", 1)
    client.force_login(member)
    assert client.get(url_of(thread, "a")).status_code == 200
    refused = client.get(url_of(thread, "a"))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1


def test_names_in_other_scripts_are_found(client, thread, member):
    named("maria_ru", "\u041c\u0430\u0440\u0438\u044f")  # Мария, spelled out for the linter
    named("li_wei", "李伟")
    client.force_login(member)
    assert names(client.get(url_of(thread, "\u041c\u0430\u0440"))) == ["maria_ru"]
    assert names(client.get(url_of(thread, "李"))) == ["li_wei"]
