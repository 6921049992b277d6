import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from cms.demo_content import forum as demo
from forum.caching import bump_listing_version, bump_roles_version
from forum.models import Board
from tests.factories import BoardFactory, ProgramAreaFactory, thread_with_posts


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--no-conversations", stdout=open("/dev/null", "w"))  # noqa: SIM115


def area_names(language):
    return [names.get(language, names["en"]) for _, names, _ in demo.PROGRAM_AREAS]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_home_lists_the_twelve_program_areas_in_the_visitors_language(client, seeded, language):
    response = client.get(f"/{language}/forum/")

    assert response.status_code == 200
    assert f'<html lang="{language}" dir="ltr" ' in response.text
    names = area_names(language)
    assert len(names) == 12
    positions = [response.text.find(f"<h2>{escape(name)}</h2>") for name in names]
    assert -1 not in positions, "every area is listed"
    assert positions == sorted(positions), "in the association's order"


def test_home_shows_translated_board_names_and_interface(client, seeded):
    text = client.get("/es/forum/").text

    assert "Debate general" in text
    assert "<h1>Áreas de programa</h1>" in text


def test_root_redirects_to_the_language_the_browser_asks_for(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja")["Location"] == "/en/"


def test_arabic_home_is_right_to_left(client, seeded):
    response = client.get("/ar/")

    assert '<html lang="ar" dir="rtl" ' in response.text


def test_visitor_reads_public_boards_and_is_shown_members_only_ones_closed(client, boards):
    text = client.get("/en/forum/").text

    assert "General discussion" in text
    assert "Case practice" in text  # named, marked: following it asks to sign in or join
    assert text.count("Sign in or join to read") == 1
    assert "Council room" not in text


def test_member_sees_members_boards_but_not_other_groups_boards(client, boards, member):
    client.force_login(member)
    text = client.get("/en/forum/").text

    assert "Case practice" in text
    assert "Council room" not in text


def test_group_member_sees_the_groups_board(client, boards, group_member):
    client.force_login(group_member)

    assert "Council room" in client.get("/en/forum/").text


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)

    home = client.get("/es/forum/").text
    page = client.get(f"/es/t/{thread.pk}/?page=1").text

    assert '<a href="/fr/forum/" hreflang="fr" lang="fr">français</a>' in home
    assert f'href="/fr/t/{thread.pk}/?page=1" hreflang="fr"' in page
    assert f'href="/ar/t/{thread.pk}/?page=1" hreflang="ar"' in page
    assert 'aria-current="true">español</a>' in page


@pytest.mark.django_db
def test_home_runs_the_same_number_of_queries_for_one_area_or_twenty(client, member):
    def count_queries():
        counts = []
        for signed_in in (False, True):
            client.logout()
            if signed_in:
                client.force_login(member)
            bump_listing_version()  # measure the uncached listing
            bump_roles_version()  # and the member's moderation scope asked again
            Board.objects.update(changed_at=timezone.now())  # and each board's activity
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/en/forum/").status_code == 200
            counts.append(len(queries))
        return counts

    BoardFactory()
    count_queries()  # what is kept per member for good (whom they muted) is read once
    small = count_queries()
    for _ in range(19):
        area = ProgramAreaFactory()
        BoardFactory.create_batch(3, area=area)

    assert count_queries() == small
    # areas, boards, the header's menu (the same version key), then each board's counts and
    # latest thread (forum/activity.py: one query each for all boards).
    assert small[0] == 5


def test_a_visitors_second_request_is_served_from_the_cached_listing(client, seeded):
    client.get("/en/forum/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/forum/")

    assert len(queries) == 0
    assert "Juvenile Justice" in response.text


def test_renaming_a_board_shows_at_once_despite_the_cache(
    client, boards, django_capture_on_commit_callbacks
):
    assert "General discussion" in client.get("/en/forum/").text
    board = boards["public"]

    with django_capture_on_commit_callbacks(execute=True):
        board.name_en = "Open forum"
        board.save()

    text = client.get("/en/forum/").text
    assert "Open forum" in text
    assert "General discussion" not in text


def test_restricting_a_board_hides_it_from_visitors_at_once(
    client, boards, council, django_capture_on_commit_callbacks
):
    board = boards["public"]
    assert "General discussion" in client.get("/en/forum/").text

    with django_capture_on_commit_callbacks(execute=True):
        board.visibility = "groups"
        board.save()
        board.allowed_groups.add(council)

    assert "General discussion" not in client.get("/en/forum/").text


def test_members_never_get_the_visitors_cached_listing(client, boards, member):
    client.get("/en/forum/")  # caches the visitors' listing
    client.force_login(member)

    assert "Case practice" in client.get("/en/forum/").text
