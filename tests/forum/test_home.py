import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from forum import demo
from tests.factories import BoardFactory, ProgramAreaFactory


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def area_names(language):
    return [names.get(language, names["en"]) for _, names, _ in demo.PROGRAM_AREAS]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_home_lists_the_twelve_program_areas_in_the_visitors_language(client, seeded, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert f'<html lang="{language}" dir="ltr">' in response.text
    names = area_names(language)
    assert len(names) == 12
    positions = [response.text.find(f"<h2>{escape(name)}</h2>") for name in names]
    assert -1 not in positions, "every area is listed"
    assert positions == sorted(positions), "in the association's order"


def test_home_shows_translated_board_names_and_interface(client, seeded):
    text = client.get("/es/").text

    assert "Debate general" in text
    assert "<h1>Áreas de programa</h1>" in text


def test_root_redirects_to_the_language_the_browser_asks_for(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja")["Location"] == "/en/"


def test_arabic_home_is_right_to_left(client, seeded):
    response = client.get("/ar/")

    assert '<html lang="ar" dir="rtl">' in response.text


def test_visitor_sees_only_public_boards(client, boards):
    text = client.get("/en/").text

    assert "General discussion" in text
    assert "Case practice" not in text
    assert "Council room" not in text


def test_member_sees_members_boards_but_not_other_groups_boards(client, boards, member):
    client.force_login(member)
    text = client.get("/en/").text

    assert "Case practice" in text
    assert "Council room" not in text


def test_group_member_sees_the_groups_board(client, boards, group_member):
    client.force_login(group_member)

    assert "Council room" in client.get("/en/").text


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, db):
    response = client.post("/es/i18n/setlang/", {"language": "fr", "next": "/es/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
def test_home_runs_the_same_number_of_queries_for_one_area_or_twenty(client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/").status_code == 200
        return len(queries)

    BoardFactory()
    small = count_queries()
    for _ in range(19):
        area = ProgramAreaFactory()
        BoardFactory.create_batch(3, area=area)
    assert count_queries() == small == 2
