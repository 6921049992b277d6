"""The search page with what people actually send: every bad input gets a clear message or an
empty result on both database stacks, never a 500 and never a post the user may not read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forum.search.service import PER_PAGE
from forum.services.posting import start_thread

SEARCH = "/en/search/"


def page(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_a_member_finds_a_post_and_the_hit_links_to_it(client, corpus, member):
    client.force_login(member)

    html = page(client, q="sealed records")

    assert "1 result" in html
    assert reverse("forum:post", args=[corpus["members_en"].pk]) in html
    assert "<mark>records</mark>" in html


def test_visitors_do_not_see_members_posts_even_by_naming_their_board(client, corpus, boards):
    html = page(client, q="sealed", board=boards["members"].pk)

    assert "There is no such board." in html  # a board they cannot read does not exist for them
    assert "Sealed diversion" not in html


def test_the_board_search_box_searches_that_board(client, corpus, boards):
    board_page = client.get(
        reverse("forum:board", kwargs={"area": boards["public"].area.slug, "board": "general"})
    ).content.decode()
    assert f'name="board" value="{boards["public"].pk}"' in board_page

    html = page(client, q="entrevistas", board=boards["public"].pk)

    assert reverse("forum:post", args=[corpus["public_es"].pk]) in html


LEAKS = ["Sealed diversion", "Council diversion", "rude reply", "awaiting review."]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": ""}, 'name="q"'),  # the empty form
        ({"q": "   "}, 'name="q"'),
        ({"q": "the and of"}, "only very common words"),
        ({"q": "x" * 10_000}, "Ensure this value has at most 200 characters"),
        ({"q": '"'}, "Type a word to search for"),
        ({"q": '""" *** ::: ((( )))'}, "Type a word to search for"),
        ({"q": "diversion*"}, "1 result"),
        ({"q": "diversion:"}, "1 result"),
        ({"q": "(diversion"}, "1 result"),
        ({"q": 'diversion"'}, "1 result"),
        ({"q": "diversion AND"}, "1 result"),
        ({"q": "diversion OR sealed"}, "Nothing found"),
        ({"q": "NOT diversion"}, "1 result"),  # "not" is a word (a common one), not an operator
        ({"q": "diversion | sealed"}, "Nothing found"),
        ({"q": "'; DROP TABLE forum_post; --"}, "Nothing found"),
        ({"q": "diversion' OR '1'='1"}, "Nothing found"),
        ({"q": "1) UNION SELECT body_source FROM forum_post --"}, "Nothing found"),
        ({"q": "sealed -"}, "Nothing found"),
        ({"q": "-diversion"}, "Type a word to search for"),
        ({"q": "diversion\x00"}, "Null characters are not allowed"),
        ({"q": "diversion\x07"}, "characters that are not allowed"),
        ({"q": "diversion", "area": "no-such-area"}, "Select a valid choice"),
        ({"q": "diversion", "board": "999999"}, "There is no such board."),
        ({"q": "diversion", "board": "abc"}, "There is no such board."),
        ({"q": "diversion", "language": "xx"}, "Select a valid choice"),
        ({"q": "diversion", "type": "secret"}, "Select a valid choice"),
        (
            {"q": "diversion", "author": "nobody-here"},
            "No member has this user name or display name.",
        ),
        ({"q": "diversion", "since": "yesterday"}, "Enter a valid date."),
        ({"q": "diversion", "since": "2025-02-30"}, "Enter a valid date."),
        ({"q": "diversion", "since": "2025-03-02", "until": "2025-03-01"}, "before the start"),
        ({"q": "diversion", "page": "999"}, "Results go up to page 50"),
        ({"q": "diversion", "page": "abc"}, "1 result"),
        ({"q": "diversion", "page": "-3"}, "1 result"),
        ({"q": "diversion", "page": "99999999999999999999999"}, "Results go up to page 50"),
    ],
)
def test_bad_input_gets_a_clear_answer_and_leaks_nothing(client, corpus, params, expected):
    html = page(client, **params)

    assert expected in html
    for secret in LEAKS:
        assert secret not in html
    if "q" in params and len(params["q"]) <= 200:
        assert 'value="' in html  # the form keeps what was typed


def test_a_page_beyond_the_last_says_how_many_there_are(client, boards, member, indexed):
    for n in range(PER_PAGE + 1):
        start_thread(
            author=member,
            board=boards["public"],
            title=f"Warrant checklist {n}",
            body="A warrant checklist.",
            language="en",
        )
    indexed()

    html = page(client, q="warrant", page=5)

    assert "There are only 2 pages of results." in html
    assert "Last page" in html


def test_facet_links_select_and_clear_a_value(client, corpus, moderator):
    client.force_login(moderator)

    html = page(client, q="diversion")
    assert "?q=diversion&amp;type=post" in html
    narrowed = page(client, q="diversion", type="post")

    assert "2 results" in narrowed
    assert 'href="?q=diversion" aria-current="true"' in narrowed  # clicking it again clears it


def test_the_search_page_runs_a_constant_number_of_queries(
    client, boards, member, indexed, django_assert_max_num_queries
):
    client.force_login(member)
    for n in range(3):
        start_thread(
            author=member,
            board=boards["public"],
            title=f"Bail hearing {n}",
            body="Bail hearing notes.",
            language="en",
        )
    indexed()
    with django_assert_max_num_queries(30) as few:
        page(client, q="bail")
    for n in range(3, 20):
        start_thread(
            author=member,
            board=boards["members"],
            title=f"Bail hearing {n}",
            body="Bail hearing notes.",
            language="es" if n % 2 else "en",
        )
    indexed()
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client, q="bail")


def test_the_form_is_drawn_once_for_the_same_boards_and_values_and_never_offers_a_closed_board(
    client, boards, member, group_member
):
    """The form (its boards' options) is kept for readers offered the same boards who sent the
    same values; a member outside the council, right after a councillor, is not offered its
    board, and a form with errors keeps them and what was typed."""
    council = f'value="{boards["groups"].pk}"'
    client.force_login(group_member)
    first = client.get(reverse("forum:search"), {"q": "bail", "language": "es"})
    again = client.get(reverse("forum:search"), {"q": "bail", "language": "es"})
    client.force_login(member)
    other = client.get(reverse("forum:search"), {"q": "bail", "language": "es"})
    refused = client.get(
        reverse("forum:search"), {"q": "bail", "since": "2026-05-02", "until": "2026-05-01"}
    )

    drawn = [[t.name for t in r.templates].count("forum/_search_form.html") for r in (first, again)]
    assert drawn == [1, 0]
    assert council in first.content.decode()
    assert council in again.content.decode()
    assert council not in other.content.decode()
    assert 'value="bail"' in other.content.decode()
    assert '<option value="es" selected>' in other.content.decode()
    assert "The end date is before the start date." in refused.content.decode()
    assert 'value="2026-05-02"' in refused.content.decode()


def test_arabic_search_page_is_right_to_left_and_finds_arabic(client, boards, member, indexed):
    start_thread(
        author=member,
        board=boards["public"],
        title="حماية الأطفال في المحكمة",
        body="يناقش المدعون العامون حماية الأطفال الضحايا.",
        language="ar",
    )
    indexed()

    html = client.get("/ar/search/", {"q": "الأطفال"}).content.decode()

    assert 'dir="rtl"' in html
    assert "<mark>الأطفال</mark>" in html
