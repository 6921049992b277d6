"""Search across languages on the database engine (SQLite FTS5 here, PostgreSQL in CI's second
pass): each entry carries a multilingual sentence embedding, and the ranking fuses the full-text
matches with the entries nearest the query in meaning, among those the user may see."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from forum.models import Post, SearchEntry
from forum.search import embeddings
from forum.search.engines.base import Filters
from forum.search.engines.fusion import fuse
from forum.search.service import search
from forum.services.moderation import hide_post
from tests.search.conftest import post

APPEAL_TITLE = "Deadline for the defence to appeal a judgment"
APPEAL_BODY = (
    "Once the judgment is delivered the defence has ten days to lodge an appeal. If the "
    "prosecution wants to appeal as well, it must file within the same period."
)
# "What deadline does the defence have to appeal a judgment?": no word shared with the thread.
QUESTION_ES = "¿Qué plazo tiene la defensa para recurrir una sentencia?"


def hits(query, user, **filters):
    return search(query, user, Filters(**filters)).hits


def found(query, user, **filters):
    return {hit.post.pk for hit in hits(query, user, **filters) if hit.post}


@pytest.fixture
def appeal(boards, member, other_member, group_member, moderator, indexed):
    """The English thread that answers the Spanish question, and the same text where not
    everyone may read it: hidden by a moderator, and on the council's group board."""
    threads = {
        "public": post(boards["public"], member, APPEAL_TITLE, APPEAL_BODY, "en"),
        "hidden": post(boards["public"], other_member, APPEAL_TITLE, APPEAL_BODY, "en"),
        "group": post(boards["groups"], group_member, APPEAL_TITLE, APPEAL_BODY, "en"),
        "other": post(
            boards["public"],
            member,
            "Parking at the courthouse",
            "The car park behind the courthouse is closed for repairs until March.",
            "en",
        ),
    }
    hide_post(actor=moderator, post=threads["hidden"], reason="Duplicate.")
    indexed()
    return threads


def test_a_spanish_question_finds_the_english_thread_that_answers_it(appeal):
    found_hits = hits(QUESTION_ES, AnonymousUser())

    assert [hit.post.pk for hit in found_hits] == [appeal["public"].pk]
    assert found_hits[0].by_meaning  # no word in common: found by the vector side
    assert found_hits[0].language == "en"
    assert search(QUESTION_ES, AnonymousUser()).total == 1


def test_an_unrelated_query_finds_nothing_by_meaning(appeal):
    assert found("receta de paella valenciana", AnonymousUser()) == set()


def test_hidden_and_restricted_posts_are_never_candidates_however_similar(
    appeal, member, group_member, other_member, moderator
):
    # The hidden copy and the group board's copy are as near the query as the public thread.
    assert found(QUESTION_ES, member) == {appeal["public"].pk}
    assert found(QUESTION_ES, group_member) == {appeal["public"].pk, appeal["group"].pk}
    assert found(QUESTION_ES, other_member) == {appeal["public"].pk, appeal["hidden"].pk}
    assert appeal["hidden"].pk in found(QUESTION_ES, moderator)


def test_a_post_hidden_after_a_search_is_not_found_by_meaning_again(appeal, moderator, indexed):
    assert found(QUESTION_ES, AnonymousUser()) == {appeal["public"].pk}  # the cache is warm

    hide_post(actor=moderator, post=Post.objects.get(pk=appeal["public"].pk), reason="Spam.")
    indexed()

    assert found(QUESTION_ES, AnonymousUser()) == set()


def test_filters_narrow_the_vector_side_too(appeal, boards, member):
    assert found(QUESTION_ES, member, board_id=boards["members"].pk) == set()
    assert found(QUESTION_ES, member, language="es") == set()
    assert found(QUESTION_ES, member, language="en") == {appeal["public"].pk}


def stored_vectors():
    return {
        pk: embeddings.from_bytes(data)
        for pk, data in SearchEntry.objects.values_list("pk", "vector")
        if data is not None
    }


def test_the_queue_drain_stores_each_entry_s_vector(appeal):
    entry = SearchEntry.objects.get(object_id=appeal["public"].pk, source="post")
    vector = embeddings.from_bytes(entry.vector)

    assert len(entry.vector) == 512 * 2  # float16
    expected = embeddings.embed([embeddings.entry_text(APPEAL_TITLE, APPEAL_BODY)])[0]
    assert float(vector @ expected) > 0.999
    assert SearchEntry.objects.filter(vector__isnull=True).count() == 0


def test_search_reindex_fills_the_vectors(appeal):
    SearchEntry.objects.update(vector=None)

    call_command("search_reindex", "--no-progress", stdout=StringIO(), stderr=StringIO())

    vectors = stored_vectors()
    assert len(vectors) == SearchEntry.objects.count() >= 4  # the hidden post is indexed too
    assert all(abs(float(np.linalg.norm(v)) - 1) < 0.01 for v in vectors.values())
    assert found(QUESTION_ES, AnonymousUser()) == {appeal["public"].pk}


def test_a_row_id_used_again_for_the_same_text_in_another_state_is_read_again(appeal):
    """Ids come back after a test's rollback (and the same text gives the same vector): the
    process's vector cache must tell the row by what the permission rule reads too, or a hidden
    row would keep a published one's place and a visible one vanish from searches."""
    from forum.search import vectors

    entry = SearchEntry.objects.get(object_id=appeal["public"].pk, source="post")
    SearchEntry.objects.filter(pk=entry.pk).update(state="hidden")  # as a reused id would be
    vectors.new_token()
    assert found(QUESTION_ES, AnonymousUser()) == set()  # the cache now holds it hidden
    SearchEntry.objects.filter(pk=entry.pk).update(state="published")
    vectors.new_token()
    assert found(QUESTION_ES, AnonymousUser()) == {appeal["public"].pk}


# --- Elasticsearch, as data (tests/search/test_elasticsearch.py runs it against a server) -----


def test_the_elasticsearch_mapping_has_a_cosine_dense_vector():
    from forum.search.engines.elastic import PostDocument

    mapping = PostDocument._doc_type.mapping.to_dict()["properties"]["vector"]

    assert mapping == {"type": "dense_vector", "dims": 512, "similarity": "cosine", "index": True}


def test_the_elasticsearch_request_adds_knn_under_the_text_query_s_permission_filter():
    from forum.search.analysis import parse_query
    from forum.search.engines.base import Audience, EngineQuery
    from forum.search.engines.elastic import build_search
    from forum.search.engines.fusion import FLOOR, query_text

    visitor = Audience(False, frozenset({1, 2}), frozenset(), user_id=None)
    request = EngineQuery(parse_query(QUESTION_ES), visitor, Filters(board_id=2), 0, 20)
    body = build_search(request, ["es"]).to_dict()

    knn = body["knn"]
    assert knn["field"] == "vector"
    assert (knn["k"], knn["num_candidates"], knn["similarity"]) == (50, 200, FLOOR)
    assert knn["filter"] == {"bool": {"filter": body["query"]["bool"]["filter"]}}
    assert {"term": {"board_id": 2}} in knn["filter"]["bool"]["filter"]
    expected = embeddings.embed_query(query_text(parse_query(QUESTION_ES)))  # its words
    assert float(np.dot(knn["query_vector"], expected)) > 0.999


def test_an_elasticsearch_document_carries_its_vector_but_an_empty_text_none():
    from datetime import UTC, datetime

    from forum.search.documents import IndexDoc
    from forum.search.engines.elastic import PostDocument, with_vectors

    made = datetime(2024, 1, 1, tzinfo=UTC)
    docs = [
        IndexDoc("post", 1, "en", "thread", APPEAL_TITLE, APPEAL_BODY, made),
        IndexDoc("post", 2, "en", "post", "", "", made),
    ]
    full, empty = [
        PostDocument.from_doc(doc, vector).to_dict() for doc, vector in with_vectors(docs)
    ]

    assert len(full["vector"]) == 512
    assert abs(float(np.linalg.norm(full["vector"])) - 1) < 0.001
    assert "vector" not in empty


def test_word_matches_keep_their_full_text_order_in_the_places_the_fusion_gives_them():
    # Entry 3 matches the words third and is the nearest by meaning after 9, a meaning-only hit:
    # the fusion puts word matches first, second and fourth; the words decide which goes where.
    fused = fuse([1, 2, 3], [9, 3])

    assert fused.order == [1, 2, 9, 3]
    assert fused.by_meaning == {9}
    scores = [fused.scores[entry_id] for entry_id in fused.order]
    assert scores == sorted(scores, reverse=True)


def test_a_query_asked_again_is_encoded_once_and_its_vector_cannot_be_changed():
    """Searching the same words again (paging, a shared link) reuses the query's vector: the
    encoder is a search's largest cost under load. The vector kept is shared, so read-only."""
    text = "diversión para menores infractores"
    first = embeddings.embed_query(text)
    assert embeddings.embed_query(text) is first
    assert np.allclose(first, embeddings.embed([text])[0])
    with pytest.raises(ValueError, match="read-only"):
        first[0] = 1.0
