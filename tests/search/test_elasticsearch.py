"""The Elasticsearch engine: its mapping and request bodies as data, and, when ELASTICSEARCH_URL
names a real Elasticsearch 8, the same behaviour as the database engine (docs/search.md)."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from forum.search.analysis import parse_query
from forum.search.documents import IndexDoc
from forum.search.engines.base import Audience, EngineQuery, Filters
from forum.search.engines.elastic import (
    ANALYZERS,
    PageDocument,
    PostDocument,
    build_search,
)

VISITOR = Audience(everything=False, boards=frozenset({1, 2}), moderated=frozenset(), user_id=None)


def body(query="child abuse", audience=VISITOR, languages=("en", "es"), **filters):
    request = EngineQuery(parse_query(query), audience, Filters(**filters), offset=20, limit=20)
    return build_search(request, list(languages)).to_dict()


def test_every_text_field_has_a_sub_field_per_language_with_its_analyser():
    mapping = PostDocument._index.to_dict()["mappings"]["properties"]

    for field in ("title", "body"):
        analysers = {name: spec["analyzer"] for name, spec in mapping[field]["properties"].items()}
        assert analysers == {code.replace("-", "_"): name for code, name in ANALYZERS.items()}
    assert mapping["board_id"] == {"type": "long"}
    assert mapping["state"] == {"type": "keyword"}
    assert PageDocument._index.to_dict()["mappings"] == PostDocument._index.to_dict()["mappings"]


def test_a_document_fills_only_its_own_languages_sub_field():
    doc = IndexDoc(
        source="post", object_id=7, language="zh-hans", kind="thread", title="儿童保护",
        body="检察官讨论儿童保护。", created_at=datetime(2025, 1, 1, tzinfo=UTC), board_id=3,
    )  # fmt: skip

    data = PostDocument.from_doc(doc).to_dict(include_meta=True)

    assert data["_id"] == "7"
    assert data["_source"]["title"] == {"zh_hans": "儿童保护"}
    assert data["_source"]["body"] == {"zh_hans": "检察官讨论儿童保护。"}


def test_each_language_is_queried_on_its_own_sub_fields_with_quoted_words():
    query = body('"child abuse" -neglect OR x*')["query"]["bool"]["must"][0]["bool"]

    english, spanish = query["should"]
    assert english["bool"]["filter"] == [{"term": {"language": "en"}}]
    text = english["bool"]["must"][0]["simple_query_string"]
    assert text["fields"] == ["title.en^3", "body.en"]
    assert text["query"] == '"child abuse" -"neglect" "OR" "x"'
    assert text["default_operator"] == "and"
    assert spanish["bool"]["must"][0]["simple_query_string"]["fields"] == ["title.es^3", "body.es"]


def test_the_permission_filter_is_in_the_query():
    visitor = body()["query"]["bool"]["filter"][0]["bool"]["should"]
    assert visitor == [
        {"bool": {"must_not": [{"exists": {"field": "board_id"}}]}},
        {"bool": {"filter": [{"terms": {"board_id": [1, 2]}}, {"term": {"state": "published"}}]}},
    ]

    moderator = Audience(False, frozenset({1, 2}), frozenset({2}), user_id=9)
    shown = body(audience=moderator)["query"]["bool"]["filter"][0]["bool"]["should"]
    assert {"terms": {"board_id": [2]}} in shown
    assert {
        "bool": {"filter": [{"terms": {"board_id": [1, 2]}}, {"term": {"author_id": 9}}]}
    } in shown

    site_moderator = Audience(True, frozenset(), frozenset(), user_id=1)
    assert "filter" not in body(audience=site_moderator)["query"]["bool"]


def test_facet_choices_are_a_post_filter_and_the_other_filters_narrow_the_query():
    since = datetime(2025, 1, 1, tzinfo=UTC)
    data = body(kind="post", language="es", area_id=4, board_id=2, author_id=5, since=since)

    assert data["post_filter"] == {
        "bool": {
            "filter": [
                {"term": {"kind": "post"}},
                {"term": {"language": "es"}},
                {"term": {"area_id": 4}},
            ]
        }
    }
    narrowing = data["query"]["bool"]["filter"][1:]
    assert narrowing == [
        {"term": {"board_id": 2}},
        {"term": {"author_id": 5}},
        {"range": {"created_at": {"gte": since.isoformat()}}},
    ]
    aggs = data["aggs"]["kind"]
    assert aggs["aggs"]["language"]["aggs"]["area"]["terms"]["missing"] == -1
    assert (data["from"], data["size"], data["track_total_hits"]) == (20, 20, True)
    assert set(data["highlight"]["fields"]) == {"title.*", "body.*"}


@pytest.fixture
def elastic(settings):
    from forum.search.engines.elastic import ElasticsearchEngine

    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_INDEX_PREFIX = f"forum-test-{os.environ.get('PYTEST_XDIST_WORKER', '0')}"
    engine = ElasticsearchEngine()
    yield engine
    engine.client.indices.delete(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*")


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="needs a real Elasticsearch 8 at ELASTICSEARCH_URL (docs/search.md)",
)
def test_elasticsearch_finds_by_language_filters_by_permission_and_swaps_on_reindex(
    elastic, corpus, member
):
    from django.core.management import call_command

    from forum.search.service import search

    call_command("search_reindex", "--no-progress", stdout=open(os.devnull, "w"))  # noqa: SIM115
    first = set(elastic.client.indices.get_alias(name=f"{elastic_prefix()}-posts"))
    elastic.client.indices.refresh(index=f"{elastic_prefix()}-*")

    def found(query, user):
        return {hit.post.pk for hit in search(query, user).hits if hit.post}

    # Each post is found by its own words; posts close in meaning (the kNN side) may come with
    # it, but never one the searcher may not read.
    assert corpus["public_es"].pk in found("niño entrevista", AnonymousUser())
    assert corpus["public_zh"].pk in found("儿童保护", AnonymousUser())
    assert corpus["public_en"].pk in found("diversion", AnonymousUser())
    assert corpus["members_en"].pk not in found("diversion", AnonymousUser())
    assert corpus["members_en"].pk in found("diversion", member)
    assert corpus["groups_en"].pk not in found("diversion", member)
    # Across languages: a Spanish question finds the English post that answers it.
    question = "¿Los fiscales consideran programas de desvío antes de acusar a menores?"
    assert corpus["public_en"].pk in found(question, AnonymousUser())
    hits = search("charging offenders", AnonymousUser()).hits
    hit = next(h for h in hits if h.post and h.post.pk == corpus["public_en"].pk)
    assert hit.title == "<mark>Charging</mark> juvenile <mark>offenders</mark>"

    call_command("search_reindex", "--no-progress", stdout=open(os.devnull, "w"))  # noqa: SIM115
    second = set(elastic.client.indices.get_alias(name=f"{elastic_prefix()}-posts"))
    assert first.isdisjoint(second)  # a new index behind the same alias; the old one is gone
    assert not elastic.client.indices.exists(index=sorted(first)[0])


def elastic_prefix():
    from django.conf import settings

    return settings.ELASTICSEARCH_INDEX_PREFIX
