"""The search interface on the database engine (SQLite FTS5 on the embedded default, PostgreSQL
full-text in the PostgreSQL pass): languages, permissions, filters, facets, pages, snippets."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from forum.models import Post
from forum.search.engines.base import Filters
from forum.search.service import PER_PAGE, search
from forum.services.posting import start_thread
from tests.factories import pending_member


def found(query, user, **filters):
    return {hit.post.pk for hit in search(query, user, Filters(**filters)).hits if hit.post}


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("prosecutor charge juvenile", "public_en"),  # English stems: Prosecutors, charging
        ("niño entrevista", "public_es"),  # Spanish: niños, entrevistas
        ("victime audiences", "public_fr"),  # French: victimes, audience
        ("преступление несовершеннолетний", "public_ru"),  # Russian: преступления
        ("儿童保护", "public_zh"),  # Chinese, no spaces: bigrams
    ],
)
def test_each_language_is_matched_by_its_own_stems(corpus, query, key):
    # Posts of other languages near it in meaning may follow (test_cross_language.py), marked
    # as found by their meaning: by its words, only the post in the query's language matches.
    hits = search(query, AnonymousUser()).hits
    assert {hit.post.pk for hit in hits if not hit.by_meaning} == {corpus[key].pk}
    assert hits[0].post.pk == corpus[key].pk


def test_a_query_is_analysed_the_way_each_languages_posts_were(corpus):
    # "diversion" is an English word: found in English posts, not by stemming Spanish ones.
    hits = search("diversion", AnonymousUser()).hits

    assert {hit.language for hit in hits} == {"en"}


def test_visitors_and_pending_members_find_public_published_posts_only(corpus, db):
    newcomer = pending_member("newbie")
    for user in (AnonymousUser(), newcomer):
        assert found("diversion", user) == {corpus["public_en"].pk}


def test_members_find_members_boards_but_not_group_boards(corpus, other_member):
    assert found("diversion", other_member) == {
        corpus["public_en"].pk,
        corpus["members_en"].pk,
        corpus["hidden_en"].pk,  # their own hidden post, marked as such
        corpus["pending_en"].pk,  # and their own post awaiting review
    }


def test_a_group_member_finds_the_group_board(corpus, group_member):
    assert corpus["groups_en"].pk in found("diversion", group_member)
    assert corpus["hidden_en"].pk not in found("diversion", group_member)


def test_moderators_find_hidden_and_pending_posts_of_their_boards_only(
    corpus, moderator, area_mod, other_area
):
    everything = {key for key in corpus if key.endswith("_en")}
    assert found("diversion", moderator) == {corpus[key].pk for key in everything}
    # The area moderator moderates the juvenile boards: every state there, group board too.
    assert found("diversion", area_mod) == {corpus[key].pk for key in everything}
    # ... but outside their area only what a member sees.
    assert found("audience", area_mod) == {corpus["public_fr"].pk}


def test_a_hit_hidden_after_indexing_is_not_shown_before_the_index_catches_up(corpus, member):
    # The index is a moment behind (the queue not drained yet): the hit is checked against
    # the post's current state, so it does not show.
    Post.objects.filter(pk=corpus["members_en"].pk).update(state=Post.State.HIDDEN)

    assert corpus["members_en"].pk not in found("sealed", AnonymousUser())
    assert corpus["members_en"].pk in found("sealed", member)  # the author still sees it
    assert found("sealed", pending_member("late")) == set()


def test_filters_narrow_by_area_board_language_author_kind_and_date(
    corpus, boards, other_area, member, moderator
):
    assert found("diversion", moderator, board_id=boards["members"].pk) == {corpus["members_en"].pk}
    assert found("audience", moderator, area_id=other_area.pk) == {corpus["public_fr"].pk}
    assert found("audience", moderator, area_id=boards["public"].area_id) == set()
    assert found("diversion", moderator, author_id=member.pk) == {
        corpus["public_en"].pk,
        corpus["members_en"].pk,
    }
    assert found("diversion", moderator, kind="post") == {
        corpus["hidden_en"].pk,
        corpus["pending_en"].pk,
    }
    assert found("niño", moderator, language="en") == set()
    assert found("niño", moderator, language="es") == {corpus["public_es"].pk}
    tomorrow = timezone.now() + timedelta(days=1)
    assert found("diversion", moderator, since=tomorrow) == set()
    assert len(found("diversion", moderator, until=tomorrow)) == 5


def test_facets_count_each_value_with_the_other_selections_applied(corpus, moderator, boards):
    everything = search("diversion", moderator)
    assert everything.total == 5
    assert everything.facets["kind"] == {"thread": 3, "post": 2}
    assert everything.facets["language"] == {"en": 5}
    assert everything.facets["area_id"] == {boards["public"].area_id: 5}

    replies = search("diversion", moderator, Filters(kind="post"))
    assert replies.total == 2
    # Choosing replies still shows how many threads there are, to switch to them.
    assert replies.facets["kind"] == {"thread": 3, "post": 2}
    assert replies.facets["language"] == {"en": 2}


def test_results_are_paginated_and_a_page_beyond_the_end_says_so(boards, member, indexed):
    for n in range(PER_PAGE + 3):
        start_thread(
            author=member,
            board=boards["public"],
            title=f"Sentencing memo {n}",
            body=f"Sentencing memo number {n} for the appeal.",
            language="en",
        )
    indexed()

    first = search("sentencing", AnonymousUser())
    second = search("sentencing", AnonymousUser(), page=2)
    beyond = search("sentencing", AnonymousUser(), page=3)

    assert (first.total, first.num_pages, len(first.hits), len(second.hits)) == (23, 2, 20, 3)
    assert not {h.post.pk for h in first.hits} & {h.post.pk for h in second.hits}
    assert beyond.hits == []
    assert beyond.message == "There are only 2 pages of results."


def test_a_title_match_ranks_first_and_equal_matches_newest_first(boards, member, indexed):
    def thread(title, body):
        return start_thread(
            author=member, board=boards["public"], title=title, body=body, language="en"
        )

    in_title = thread("Restitution schedules", "Notes from the working group.")
    older = thread("Notes from court", "Courts differ on restitution for counselling.")
    newer = thread("Notes from trial", "Courts differ on restitution for counselling.")
    indexed()

    hits = search("restitution", AnonymousUser()).hits

    assert [hit.post.pk for hit in hits] == [in_title.pk, newer.pk, older.pk]


def test_snippets_mark_the_matching_words_and_escape_the_text(boards, member, indexed):
    start_thread(
        author=member,
        board=boards["public"],
        title="Escaping <b>titles</b>",
        body="A <script>alert('x')</script> attempt next to the word subpoena.",
        language="en",
    )
    indexed()

    hit = search("subpoena titles", AnonymousUser()).hits[0]

    assert "<mark>subpoena</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "<script>" not in hit.title
    assert "&lt;b&gt;<mark>titles</mark>&lt;/b&gt;" in hit.title


def test_a_thread_title_is_found_and_marked(corpus):
    hit = search("charging offenders", AnonymousUser()).hits[0]

    assert hit.kind == "thread"
    assert hit.title == "<mark>Charging</mark> juvenile <mark>offenders</mark>"


def test_phrases_and_exclusions(corpus, moderator):
    assert found('"diversion programs"', moderator) == {corpus["public_en"].pk}
    assert found('"programs diversion"', moderator) == set()
    assert corpus["members_en"].pk not in found("diversion -sealed", moderator)
    assert corpus["members_en"].pk in found("diversion", moderator)
