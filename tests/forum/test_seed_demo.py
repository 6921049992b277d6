import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import override_settings
from django.utils import translation

from cms.demo_content import forum as demo
from forum.models import Board, ProgramArea

EXPECTED_AREAS = [
    "Animal Abuse Prosecution",
    "Child Abuse Prosecution",
    "Gun Violence Reduction",
    "High Performance Prosecution",
    "Juvenile Justice",
    "Major County Prosecution Council",
    "Peace Officer Use of Force",
    "Prosecutor-Led Diversion",
    "Safety & Justice",
    "Smart Prosecution",
    "Violence Against Women Reduction",
    "Victims' Rights",
]


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row seed_demo writes, with every column, to compare two runs."""
    User = get_user_model()
    return (
        list(ProgramArea.objects.order_by("pk").values()),
        list(Board.objects.order_by("pk").values()),
        list(Board.allowed_groups.through.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values()),
        list(User.groups.through.objects.order_by("pk").values()),
        list(Group.objects.order_by("pk").values()),
    )


@pytest.mark.django_db
def test_seed_creates_the_twelve_program_areas_with_a_few_boards_each():
    seed()

    with translation.override("en"):
        assert [a.name for a in ProgramArea.objects.all()] == EXPECTED_AREAS
    for area in ProgramArea.objects.prefetch_related("boards"):
        assert len(area.boards.all()) >= 3
    assert set(Board.objects.values_list("visibility", flat=True)) == {
        "public",
        "members",
        "groups",
    }


@pytest.mark.django_db
def test_every_area_and_board_name_is_translated_into_spanish_and_french():
    seed()

    for model in (ProgramArea, Board):
        for obj in model.objects.all():
            assert obj.name_es
            assert obj.name_es != obj.name_en
            assert obj.name_fr
            assert obj.name_fr != obj.name_en


@pytest.mark.django_db
def test_seed_prints_the_demo_passwords_and_they_work():
    out = seed()

    for account in demo.DEMO_ACCOUNTS:
        assert f"{account.username:<10} / {account.password}" in out
        credentials = {"username": account.username, "password": account.password}
        assert authenticate(HttpRequest(), **credentials) is not None
    editor = get_user_model().objects.get(username="editor")
    assert editor.has_perm("wagtailadmin.access_admin")


@pytest.mark.django_db
def test_running_seed_twice_changes_nothing():
    seed()
    first = snapshot()

    out = seed()

    assert snapshot() == first
    assert "(0 created by this run)" in out


@pytest.mark.django_db
def test_seed_keeps_what_an_administrator_changed():
    seed()
    board = Board.objects.get(slug="general", area__slug="juvenile-justice")
    board.name_en = "Juvenile justice lounge"
    board.save()
    member = get_user_model().objects.get(username="member")
    member.set_password("a new password of mine")
    member.save()

    out = seed()

    board.refresh_from_db()
    assert board.name_en == "Juvenile justice lounge"
    assert authenticate(HttpRequest(), username="member", password="a new password of mine")
    assert "its password was changed, left as it is" in out


@pytest.mark.django_db
@override_settings(PRODUCTION=True)
def test_seed_refuses_to_run_in_production():
    with pytest.raises(CommandError, match="not in production"):
        seed()
    assert not ProgramArea.objects.exists()


@pytest.mark.django_db
def test_the_demo_editor_reaches_wagtails_admin_and_the_member_does_not(client):
    seed()

    client.force_login(get_user_model().objects.get(username="editor"))
    assert client.get("/admin/").status_code == 200
    client.force_login(get_user_model().objects.get(username="member"))
    assert client.get("/admin/").status_code == 302
