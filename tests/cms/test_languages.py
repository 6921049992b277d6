"""The interface's languages: who gets which, right to left, localized plurals, bad prefixes."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import escape

from forum.forms import ProfileForm
from forum.models import Board, Profile
from tests.factories import thread_with_posts
from tests.sitemaps import whole_sitemap


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


@pytest.mark.django_db
def test_signing_in_switches_to_the_members_preferred_language(client, site_pages, member):
    Profile.objects.filter(user=member).update(preferred_language="fr")
    program = site_pages["program"]

    to_forum = client.post(
        "/en/accounts/login/", {"username": "member", "password": "correct horse battery"}
    )
    client.logout()
    to_page = client.post(
        f"/en/accounts/login/?next={url_in(program, 'en')}",
        {"username": "member", "password": "correct horse battery"},
    )

    assert to_forum.status_code == 302
    assert to_forum["Location"] == "/fr/forum/"
    assert to_forum.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    # A page with translated slugs is found in French, not just re-prefixed.
    assert to_page["Location"] == url_in(program, "fr")
    # Afterwards "/" follows the preference too.
    assert client.get("/")["Location"] == "/fr/"


@pytest.mark.django_db
def test_a_member_without_a_preference_stays_in_the_language_they_signed_in_with(client, member):
    Profile.objects.filter(user=member).update(preferred_language="")

    response = client.post(
        "/es/accounts/login/", {"username": "member", "password": "correct horse battery"}
    )

    assert response["Location"] == "/es/forum/"


@pytest.mark.django_db
def test_choosing_a_language_in_the_profile_switches_the_site_to_it(client, member):
    client.force_login(member)
    form = ProfileForm(instance=member.profile)
    data = {name: form[name].value() for name in form.fields}
    # The picture is a file: not sent again with the other fields.
    data = {n: v for n, v in data.items() if v is not None and n not in Profile.PERSONAL_FILES}
    data["preferred_language"] = "de"

    response = client.post("/en/accounts/profile/", data)

    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == "/de/accounts/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"


@pytest.mark.django_db
@pytest.mark.parametrize(("accept", "expected"), [("fr-CA,fr;q=0.9,en;q=0.5", "/fr/"),
                                                   ("ar", "/ar/"), ("zh-CN,zh;q=0.9", "/zh-hans/"),
                                                   ("ja", "/en/")])  # fmt: skip
def test_accept_language_picks_the_visitors_language(client, accept, expected):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE=accept)["Location"] == expected


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/it/", "/it/programs/", "/pt-br/forum/", "/xx/b/a/b/", "/EO"])
def test_an_unknown_language_prefix_is_a_404_page_in_the_default_language(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 404
    assert '<html lang="en" dir="ltr" ' in response.text
    assert "Page not found" in response.text


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left(client, site_pages):
    for url in (
        url_in(site_pages["program"], "ar"),
        "/ar/forum/",
        "/ar/b/juvenile-justice/general/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="ar" dir="rtl" ' in response.text


@pytest.mark.django_db
def test_reply_counts_use_each_languages_plural_forms(client, site_pages, member, other_member):
    board = Board.objects.get(area__slug="child-abuse-prosecution", slug="general")
    counts = (1, 2, 5)
    for replies in counts:
        thread_with_posts(board=board, author=member, replies=replies, title=f"Thread {replies}")
    html = client.get(url_in(site_pages["program"], "ru")).text

    with translation.override("ru"):
        phrases = [
            translation.ngettext("%(shown)s reply", "%(shown)s replies", n) % {"shown": n}
            for n in counts
        ]
    assert len(set(phrases)) == 3  # Russian: один ответ, два ответа, пять ответов
    for phrase in phrases:
        assert escape(phrase) in html


@pytest.mark.django_db
def test_sitemap_lists_every_public_page_and_board_in_every_language(client, site_pages):
    program = site_pages["program"]
    draft = site_pages["standard"]
    draft.unpublish()

    xml = whole_sitemap(client)

    for code, _name in settings.LANGUAGES:
        assert f"<loc>http://testserver{url_in(program, code)}</loc>" in xml
        assert f"<loc>http://testserver/{code}/b/juvenile-justice/general/</loc>" in xml
    assert f'hreflang="es" href="http://testserver{url_in(program, "es")}"' in xml
    assert url_in(draft, "en") not in xml  # not live
    assert "/b/juvenile-justice/case-law-and-practice/" not in xml  # a members' board
    assert "/council-members/" not in xml  # a group's board


@pytest.mark.django_db
def test_the_sitemap_follows_publishing(client, site_pages, django_capture_on_commit_callbacks):
    program = site_pages["program"]
    listed = f"<loc>http://testserver{url_in(program, 'en')}</loc>"
    assert listed in whole_sitemap(client)  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        program.unpublish()

    assert listed not in whole_sitemap(client)


@pytest.mark.django_db
def test_the_menu_follows_publishing(client, site_pages, django_capture_on_commit_callbacks):
    events = site_pages["event index"]
    assert '<a href="/en/events/">' in client.get("/en/forum/").text  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        events.unpublish()

    assert '<a href="/en/events/">' not in client.get("/en/forum/").text


@pytest.mark.django_db
def test_counts_are_written_with_each_languages_digit_grouping(client, site_pages, member):
    board = Board.objects.get(area__slug="juvenile-justice", slug="general")
    thread = thread_with_posts(board=board, author=member, title="A long-running thread")
    type(thread).objects.filter(pk=thread.pk).update(reply_count=12345)
    board_url = "/{}/b/juvenile-justice/general/"

    german_board = client.get(board_url.format("de")).text
    english_board = client.get(board_url.format("en")).text
    with translation.override("de"):
        german_count = translation.ngettext("%(shown)s reply", "%(shown)s replies", 12345)

    assert '<td class="replies">12.345</td>' in german_board
    assert '<td class="replies">12,345</td>' in english_board
    program = client.get("/de/programs/juvenile-justice/").text
    assert escape(german_count % {"shown": "12.345"}) in program
