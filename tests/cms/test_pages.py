"""Every page type, in every language: what a visitor reads, and the links between languages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from forum.models import Board
from tests.cms.conftest import LANGUAGES
from tests.factories import BoardFactory, thread_with_posts

PAGE_KINDS = [
    "home",
    "program index",
    "program",
    "event index",
    "event",
    "resource index",
    "resource",
    "standard",
]


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def alternates(html):
    return dict(
        re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="http://testserver([^"]+)">', html
        )
    )


@pytest.mark.django_db
def test_every_page_type_renders_in_every_language_with_lang_dir_and_hreflang(client, site_pages):
    for kind in PAGE_KINDS:
        page = site_pages[kind]
        for language in LANGUAGES:
            url = url_in(page, language)
            assert url.startswith(f"/{language}/"), (kind, url)
            response = client.get(url)
            assert response.status_code == 200, (kind, language, url)
            html = response.text
            direction = "rtl" if language == "ar" else "ltr"
            assert f'<html lang="{language}" dir="{direction}" ' in html, (kind, language)
            links = alternates(html)
            # One alternate per language (BCP 47 spelling), plus x-default in English.
            assert set(links) == {"en", "es", "fr", "pt", "ar", "ru", "zh-Hans", "de", "x-default"}
            for code in LANGUAGES:
                hreflang = "zh-Hans" if code == "zh-hans" else code
                assert links[hreflang] == url_in(page, code), (kind, code)
            assert links["x-default"] == url_in(page, "en")
            # The page's own title, never empty.
            title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
            assert title, (kind, language)


@pytest.mark.django_db
def test_translated_slugs_give_each_language_its_own_url(client, site_pages):
    program = site_pages["program"]

    assert url_in(program, "en") == "/en/programs/child-abuse-prosecution/"
    assert url_in(program, "es") == "/es/programas/persecucion-del-abuso-infantil/"
    assert url_in(program, "fr") == "/fr/programmes/poursuite-de-la-maltraitance-des-enfants/"
    # No Portuguese slug: the English one is used under /pt/.
    assert url_in(program, "pt") == "/pt/programs/child-abuse-prosecution/"
    spanish = client.get("/es/programas/persecucion-del-abuso-infantil/").text
    assert "<h1>Persecución del abuso infantil</h1>" in spanish
    # A Spanish slug under another language's prefix is not that page.
    assert client.get("/fr/programas/persecucion-del-abuso-infantil/").status_code == 404


@pytest.mark.django_db
def test_a_missing_translation_falls_back_to_english_and_says_so(client, site_pages):
    program = site_pages["program"]

    portuguese = client.get(url_in(program, "pt")).text
    spanish = client.get(url_in(program, "es")).text

    assert '<h1 lang="en">Child Abuse Prosecution</h1>' in portuguese
    assert 'class="notice translation-fallback"' in portuguese
    with translation.override("pt"):
        notice = translation.gettext(
            "This page is not yet fully available in %(language)s; the parts missing are "
            "shown in English."
        ) % {"language": translation.get_language_info("pt")["name_translated"]}
    assert escape(notice) in portuguese
    assert "translation-fallback" not in spanish
    assert "<h1>Persecución del abuso infantil</h1>" in spanish


@pytest.mark.django_db
def test_a_page_missing_its_english_title_still_shows_a_title(client, site_pages):
    standard = site_pages["standard"]
    type(standard).objects.filter(pk=standard.pk).update(title_en="", title="")

    html = client.get(url_in(standard, "de")).text

    assert re.search(r"<h1[^>]*>Sobre el programa</h1>", html)


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_visitor_on_the_same_page(client, site_pages):
    program = site_pages["program"]

    spanish = client.get(url_in(program, "es")).text
    french_link = f'<a href="{url_in(program, "fr")}" hreflang="fr" lang="fr">français</a>'
    assert french_link in spanish
    french = client.get(url_in(program, "fr")).text
    assert "<h1>Poursuite de la maltraitance des enfants</h1>" in french


@pytest.mark.django_db
def test_program_page_shows_its_areas_readable_boards_and_latest_visible_threads(
    client, site_pages, member
):
    program = site_pages["program"]
    area = program.area
    public = Board.objects.filter(area=area, visibility=Board.Visibility.PUBLIC).first()
    members_only = BoardFactory(area=area, name_en="Members' case room", slug="case-room",
                                visibility=Board.Visibility.MEMBERS)  # fmt: skip
    thread_with_posts(board=public, author=member, title="A public question on interviews")
    thread_with_posts(board=members_only, author=member, title="A members-only case discussion")

    visitor = client.get(url_in(program, "en")).text
    assert escape(public.name) in visitor
    assert "Members&#x27; case room" not in visitor
    assert "A public question on interviews" in visitor
    assert "A members-only case discussion" not in visitor

    client.force_login(member)
    signed_in = client.get(url_in(program, "en")).text
    assert "Members&#x27; case room" in signed_in
    assert "A members-only case discussion" in signed_in


@pytest.mark.django_db
def test_program_page_runs_a_constant_number_of_queries(client, site_pages, member):
    program = site_pages["program"]
    client.force_login(member)
    url = url_in(program, "en")
    client.get(url)  # fills the caches every page shares

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(6):
        board = BoardFactory(area=program.area, slug=f"extra-{n}")
        for _ in range(3):
            thread_with_posts(board=board, author=member)
    # The new boards' counts and latest threads (forum/activity.py) are read in two queries
    # however many boards changed, then kept until each board's stamp moves.
    assert count() == few + 2
    assert count() == few


@pytest.mark.django_db
def test_home_page_lists_programs_latest_threads_and_upcoming_events(client, site_pages):
    html = client.get("/en/").text

    program = site_pages["program"]
    assert f'href="{url_in(program, "en")}"' in html
    assert "Diversion criteria for first-time juvenile offenders" in html  # a seeded thread
    assert escape(site_pages["event"].title) in html
    # The header's menu: the pages editors marked "show in menus".
    assert '<a href="/en/programs/">' in html
    assert '<a href="/en/events/">' in html


@pytest.mark.django_db
def test_event_page_gives_dates_in_the_events_time_zone_localized(client, site_pages):
    event = site_pages["event"]
    from django.utils import timezone

    from forum.templatetags.forum_dates import machine_time, when

    with translation.override("fr"), timezone.override(event.zone):
        expected = when(event.starts_at)  # "25 déc. 2026, 15:00", in the event's own zone

    html = client.get(url_in(event, "fr")).text

    assert expected in html
    assert event.time_zone in html
    assert f'datetime="{machine_time(event.starts_at)}"' in html


@pytest.mark.django_db
def test_resource_listing_filters_by_program_area_and_survives_bad_filters(client, site_pages):
    index = site_pages["resource index"]
    resource = site_pages["resource"]
    url = url_in(index, "en")

    filtered = client.get(url, {"area": resource.area.slug}).text
    other = client.get(url, {"area": "child-abuse-prosecution"})
    unknown = client.get(url, {"area": "no-such-area"})
    beyond = client.get(url, {"page": "999"})
    garbage = client.get(url, {"page": "x'); DROP TABLE--", "area": "<script>"})

    assert escape(resource.title) in filtered
    assert other.status_code == 200
    assert escape(resource.title) not in other.text
    assert unknown.status_code == 200
    assert "no-such-area" in unknown.text
    assert escape(resource.title) in unknown.text  # shows everything, says the filter is unknown
    assert beyond.status_code == 200
    assert escape(resource.title) in beyond.text
    assert garbage.status_code == 200
    assert "<script>" not in garbage.text


@pytest.mark.django_db
def test_resource_page_offers_its_document_for_download(client, site_pages):
    resource = site_pages["resource"]

    html = client.get(url_in(resource, "es")).text
    download = client.get(resource.document.url)

    assert f'href="{resource.document.url}"' in html
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["page", "documents"])
@pytest.mark.parametrize("return_url", ["0", "wrong", "javascript:alert(1)"])
def test_a_password_form_with_a_return_address_that_is_not_a_path_goes_home(
    client, kind, return_url
):
    # Found by tests/forum/test_fuzz_forms.py: Wagtail redirects with redirect(return_url),
    # which took "0" for the name of a URL to reverse, a 500 (cms/views.py).
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

    secret = {"restriction_type": "password", "password": "open sesame"}
    if kind == "page":
        page = Page.objects.get(depth=2)
        restriction = PageViewRestriction.objects.create(page=page, **secret)
        url = f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    else:
        collection = Collection.get_first_root_node()
        restriction = CollectionViewRestriction.objects.create(collection=collection, **secret)
        url = f"/documents/authenticate_with_password/{restriction.pk}/"

    response = client.post(url, {"password": "open sesame", "return_url": return_url})
    kept = client.post(url, {"password": "open sesame", "return_url": "/en/forum/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert kept["Location"] == "/en/forum/"
