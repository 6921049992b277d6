"""Names shown in English on a page in another language (django-modeltranslation's fallback) are
marked as English, so they are read in an English voice and laid out left to right, and the
forum's pages say that they are not yet translated, as the association's pages do."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import Site

from cms.models import StandardPage
from forum.services.posting import start_thread

pytestmark = pytest.mark.django_db

NOTICE = '<p class="notice translation-fallback" role="note">'
ENGLISH = ' lang="en" dir="ltr"'


@pytest.fixture
def board(boards):
    """A public board and its area named in English only, described in English and Arabic."""
    board = boards["public"]
    board.description_en = "Charging and diversion."
    board.description_ar = "الاتهام والتحويل."
    board.save()
    board.area.description_en = "Children in the justice system."
    board.area.save()
    return board


def marked(html: str, tag: str, text: str) -> bool:
    """Whether a ``tag`` element holding ``text`` is marked as English."""
    return re.search(rf"<{tag}[^>]*{ENGLISH}[^>]*>{re.escape(text)}</{tag}>", html) is not None


def test_english_fallback_names_on_the_arabic_home_page_are_marked_english(client, board):
    html = client.get("/ar/forum/").content.decode()

    assert marked(html, "h2", "Juvenile Justice")
    assert marked(html, "p", "Children in the justice system.")
    assert marked(html, "a", "General discussion")
    assert "الاتهام والتحويل." in html
    assert not marked(html, "p", "الاتهام والتحويل.")  # its own translation: not marked
    assert NOTICE in html


def test_translated_names_are_not_marked_and_no_notice_is_given(client, board, boards):
    area = board.area
    area.name_ar, area.description_ar = "قضاء الأحداث", "الأطفال في نظام العدالة."
    area.save()
    for each in boards.values():
        each.name_ar = f"لوحة {each.pk}"
        each.description_ar = "وصف."
        each.save()

    html = client.get("/ar/forum/").content.decode()

    assert "<h2>قضاء الأحداث</h2>" in html
    assert ENGLISH not in html.split('<main id="main">')[1]
    assert NOTICE not in html


def test_the_english_home_page_marks_nothing_and_gives_no_notice(client, board):
    html = client.get("/en/forum/").content.decode()

    assert "<h2>Juvenile Justice</h2>" in html
    assert ENGLISH not in html.split('<main id="main">')[1]
    assert NOTICE not in html


def test_the_arabic_board_page_marks_its_english_names_and_says_so(client, board):
    html = client.get(f"/ar/b/{board.area.slug}/{board.slug}/").content.decode()

    assert marked(html, "h1", "General discussion")
    assert marked(html, "a", "Juvenile Justice")  # the breadcrumb
    assert '<p class="lead">الاتهام والتحويل.</p>' in html
    assert NOTICE in html


def test_the_arabic_thread_page_marks_its_boards_english_names_and_says_so(client, board, member):
    post = start_thread(author=member, board=board, title="Diversion", body="Text.", language="en")

    html = client.get(f"/ar{reverse('forum:thread', args=[post.thread_id])[3:]}").content.decode()

    assert marked(html, "a", "General discussion")
    assert marked(html, "a", "Juvenile Justice")
    assert NOTICE in html


def test_a_menu_page_without_an_arabic_title_is_marked_english_in_the_arabic_header(client, board):
    home = Site.objects.get(is_default_site=True).root_page
    about = StandardPage(
        title_en="About us", slug_en="about-us", title_es="Quiénes somos", show_in_menus=True
    )
    home.add_child(instance=about)
    about.save_revision().publish()

    arabic = client.get("/ar/forum/").content.decode()
    spanish = client.get("/es/forum/").content.decode()

    assert marked(arabic, "a", "About us")
    assert re.search(r"<a [^>]*>Quiénes somos</a>", spanish)
    assert not marked(spanish, "a", "Quiénes somos")
