import pytest
from django.contrib.auth.models import Group

from forum.models import Board

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def board_form(area, **overrides):
    data = {
        "area": area.pk,
        "slug": "new-board",
        "name_en": "New board",
        "name_es": "Foro nuevo",
        "description_en": "",
        "position": 0,
        "visibility": "public",
    }
    return data | overrides


def test_admin_lists_areas_and_boards_with_a_tab_per_language(admin_client, boards):
    changelist = admin_client.get("/django-admin/forum/board/")
    change = admin_client.get(f"/django-admin/forum/board/{boards['public'].pk}/change/")

    assert changelist.status_code == 200
    assert "General discussion" in changelist.text
    for field in ("name_en", "name_es", "name_fr", "name_ar", "name_zh_hans"):
        assert f'name="{field}"' in change.text


def test_admin_creates_a_board_with_its_translations(admin_client, area):
    response = admin_client.post("/django-admin/forum/board/add/", board_form(area))

    assert response.status_code == 302
    board = Board.objects.get(slug="new-board")
    assert (board.name_en, board.name_es) == ("New board", "Foro nuevo")


def test_a_groups_board_without_a_group_is_refused_and_the_form_keeps_the_input(admin_client, area):
    response = admin_client.post(
        "/django-admin/forum/board/add/", board_form(area, visibility="groups")
    )

    assert response.status_code == 200
    assert "A board restricted to groups needs at least one group." in response.text
    assert 'value="Foro nuevo"' in response.text
    assert not Board.objects.filter(slug="new-board").exists()


def test_groups_on_a_public_board_are_refused(admin_client, area):
    group = Group.objects.create(name="Council")

    response = admin_client.post(
        "/django-admin/forum/board/add/", board_form(area, allowed_groups=[group.pk])
    )

    assert "Groups apply only to boards restricted to groups." in response.text
    assert not Board.objects.exists()


def test_the_english_name_is_required(admin_client, area):
    response = admin_client.post("/django-admin/forum/board/add/", board_form(area, name_en=""))

    assert response.status_code == 200
    assert not Board.objects.exists()


def test_members_cannot_reach_the_admin(client, member):
    client.force_login(member)

    assert client.get("/django-admin/forum/board/").status_code == 302
