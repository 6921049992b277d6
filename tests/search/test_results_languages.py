"""The search page across languages: a hit in another language than the page's names the
language it was written in and shows its thread's title machine-translated into the page's
language where that translation is stored (the original on hover and focus), in a constant
number of queries whatever the number of hits; a hit found by its meaning alone says so."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import ThreadTitleTranslation
from tests.search.conftest import post

SEARCH = "/en/search/"
TITLE_ES = "Protección de testigos amenazados por bandas"
BODY_ES = (
    "Si un testigo recibe amenazas de una banda, solicitamos al juez medidas de protección: "
    "ocultar su identidad y domicilio y declarar por videoconferencia."
)
TITLE_EN = "Protection of witnesses threatened by gangs"


def spanish_thread(board, author, number: int = 0):
    title = f"{TITLE_ES} ({number})" if number else TITLE_ES
    first = post(board, author, title, BODY_ES, "es")
    ThreadTitleTranslation.objects.create(
        thread=first.thread,
        language="en",
        source=first.thread.title,
        title=f"{TITLE_EN} ({number})" if number else TITLE_EN,
        engine="apertium",
        quality="good",
    )
    return first


def search_page(client, query: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def hit_count(html: str) -> int:
    return html.count('<li class="hit ')


def test_a_spanish_thread_shows_its_english_title_with_the_original_on_hover(
    client, boards, member, indexed
):
    spanish_thread(boards["public"], member)
    indexed()

    html, _queries = search_page(client, "testigos")

    heading = re.search(r"<h3[^>]*>.*?</h3>", html, re.S).group(0)
    assert f">{TITLE_EN}</a>" in heading
    assert 'lang="en"' in heading
    assert f'title="Original title: {TITLE_ES}"' in heading
    assert f'<span lang="es">{TITLE_ES}</span>' in html  # read out on focus (aria-describedby)
    assert "Written in Spanish" in html


def test_a_stale_title_translation_is_not_shown(client, boards, member, indexed):
    first = spanish_thread(boards["public"], member)
    ThreadTitleTranslation.objects.filter(thread=first.thread).update(source="An older title")
    indexed()

    html, _queries = search_page(client, "testigos")

    assert TITLE_EN not in html
    assert "Written in Spanish" in html  # still in another language than the page's


def test_a_title_in_a_language_the_reader_reads_is_not_translated(
    client, boards, member, other_member, indexed
):
    spanish_thread(boards["public"], other_member)
    indexed()
    member.profile.languages = "English, Español"
    member.profile.save(update_fields=["languages"])
    client.force_login(member)

    html, _queries = search_page(client, "testigos")

    assert TITLE_EN not in html
    assert f">{TITLE_ES}" in html.replace("<mark>testigos</mark>", "testigos")


def test_translated_titles_take_the_same_queries_for_one_hit_as_for_five(
    client, boards, member, indexed
):
    search_page(client, "testigos")  # the first request fills the process's caches
    spanish_thread(boards["public"], member, 1)
    indexed()
    one, queries_for_one = search_page(client, "testigos")
    for number in range(2, 6):
        spanish_thread(boards["public"], member, number)
    indexed()

    five, queries_for_five = search_page(client, "testigos")

    assert (hit_count(one), hit_count(five)) == (1, 5)
    assert all(f"{TITLE_EN} ({n})" in five for n in range(1, 6))
    assert queries_for_five == queries_for_one


def test_a_hit_in_the_page_language_found_by_meaning_alone_says_so(client, boards, member, indexed):
    post(
        boards["public"],
        member,
        "Deadline for the defence to appeal a judgment",
        "Once the judgment is delivered the defence has ten days to lodge an appeal.",
        "en",
    )
    indexed()

    html, _queries = search_page(client, "¿Qué plazo tiene la defensa para recurrir una sentencia?")

    assert hit_count(html) == 1
    assert "Related in meaning" in html
    assert "Written in" not in html  # English, as the page is


def test_a_hit_shows_the_start_of_its_translation_with_its_own_words_beside(
    client, boards, member, indexed
):
    from forum.models import PostTranslation

    first = spanish_thread(boards["public"], member)
    PostTranslation.objects.create(
        post=first,
        revision=0,
        language="en",
        source_language="es",
        engine="apertium",
        quality="good",
        body_html="<p>If a witness is threatened by a gang, we ask the judge to protect them.</p>",
    )
    indexed()

    html, _queries = search_page(client, "testigos")

    assert "If a witness is threatened by a gang" in html
    assert "(machine-translated)" in html
    assert '<p class="snippet original meta" lang="es" dir="auto">' in html
    assert "<mark>testigo" in html.lower()  # the matched words, in the original beside


def test_a_stale_translation_gives_no_snippet(client, boards, member, indexed):
    from forum.models import PostTranslation

    first = spanish_thread(boards["public"], member)
    PostTranslation.objects.create(
        post=first,
        revision=1,  # of a version the post no longer has... or not yet
        language="en",
        source_language="es",
        engine="apertium",
        quality="good",
        body_html="<p>An old translation.</p>",
    )
    indexed()

    html, _queries = search_page(client, "testigos")

    assert "An old translation" not in html
