"""The Elasticsearch engine (ELASTICSEARCH_URL set), through elasticsearch-dsl.

Two indexes, each behind an alias (``<prefix>-posts``, ``<prefix>-pages``): a reindex builds new
versioned indexes and swaps the aliases in one atomic call, so searches never see a half-built
index. Every text field has a sub-field per site language with that language's analyser; a
document fills only its own language's sub-field, and a query is matched language by language
(each analysed the way its documents were), as the database engine does. The permission filter
is part of the query; facets are aggregations; snippets are Elasticsearch's highlights.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import (
    Date,
    DenseVector,
    Document,
    Keyword,
    Long,
    Object,
    Q,
    Query,
    Search,
    Text,
)
from elasticsearch.helpers import BulkIndexError, bulk

from forum.search import analysis, embeddings
from forum.search.documents import PAGE, POST, IndexDoc
from forum.search.engine import elasticsearch
from forum.search.engines.base import (
    FACETS,
    NARROWING,
    Audience,
    Engine,
    EngineHit,
    EngineQuery,
    EngineResult,
    Filters,
    SearchUnavailable,
)

# Elasticsearch's built-in analyser for each site language (cjk: bigrams, as in the database).
ANALYZERS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
    "ar": "arabic",
    "ru": "russian",
    "zh-hans": "cjk",
    "de": "german",
}
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}
SNIPPET_CHARACTERS = 220
NO_AREA = -1  # the area aggregation's bucket for documents without one
# The vector side (docs/search.md, "Across languages"): Elasticsearch's approximate kNN over the
# dense_vector field, under the same filter as the text query, added to the text query's hits
# (ES 8 hybrid search: a hit's score is the sum of its two boosted scores; RRF needs a paid
# licence before 8.16). ``similarity`` is the lowest cosine a kNN hit may have, as FLOOR is.
KNN_K = 50
KNN_CANDIDATES = 200
KNN_BOOST = 5.0  # a cosine is at most 1, a text score often 5 to 20: brought to a like scale


def lang_field(code: str) -> str:
    return code.replace("-", "_")


def _per_language() -> Object:
    return Object(
        properties={lang_field(code): Text(analyzer=name) for code, name in ANALYZERS.items()}
    )


class _Indexed(Document):
    source = Keyword()
    object_id = Long()
    language = Keyword()
    kind = Keyword()
    state = Keyword()
    area_id = Long()
    board_id = Long()
    thread_id = Long()
    author_id = Long()
    created_at = Date()
    url = Keyword(index=False)
    title = _per_language()
    body = _per_language()
    vector = DenseVector(dims=embeddings.DIMENSIONS, similarity="cosine", index=True)

    @classmethod
    def from_doc(cls, doc: IndexDoc, vector=None) -> _Indexed:
        field = lang_field(doc.language if doc.language in ANALYZERS else "en")
        extra = {}
        if vector is not None and any(vector):  # cosine refuses a vector of length zero
            extra["vector"] = [round(float(x), 5) for x in vector]
        return cls(
            **extra,
            meta={"id": doc_id(doc.source, doc.object_id, doc.language)},
            source=doc.source,
            object_id=doc.object_id,
            language=doc.language,
            kind=doc.kind,
            state=doc.state,
            area_id=doc.area_id,
            board_id=doc.board_id,
            thread_id=doc.thread_id,
            author_id=doc.author_id,
            created_at=doc.created_at,
            url=doc.url,
            title={field: doc.title} if doc.title else {},
            body={field: doc.body},
        )


class PostDocument(_Indexed):
    """A post: a thread's opening post (with the title) or a reply."""

    class Index:
        name = "forum-posts"
        settings = INDEX_SETTINGS


class PageDocument(_Indexed):
    """A Wagtail page in one language."""

    class Index:
        name = "forum-pages"
        settings = INDEX_SETTINGS


DOCUMENTS = {POST: PostDocument, PAGE: PageDocument}


def doc_id(source: str, object_id: int, language: str) -> str:
    return str(object_id) if source == POST else f"{object_id}-{language}"


def alias(source: str) -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{source}s"


# --- Query bodies (tested as data: tests/search/test_elasticsearch.py) ------------------------


def audience_filter(audience: Audience) -> Query | None:
    """The permission filter (the same rule as Audience.may_see)."""
    if audience.everything:
        return None
    boards = sorted(audience.boards)
    shown = [
        Q("bool", must_not=[Q("exists", field="board_id")]),  # pages
        Q("bool", filter=[Q("terms", board_id=boards), Q("term", state="published")]),
    ]
    if audience.moderated:
        shown.append(Q("terms", board_id=sorted(audience.moderated)))
    if audience.user_id is not None:
        shown.append(
            Q("bool", filter=[Q("terms", board_id=boards), Q("term", author_id=audience.user_id)])
        )
    return Q("bool", should=shown, minimum_should_match=1)


def narrowing_filters(filters: Filters) -> list[Query]:
    found = [Q("term", **{name: value}) for name, value in filters.equal(NARROWING).items()]
    if filters.author_ids is not None:
        found.append(Q("terms", author_id=list(filters.author_ids)))
    dates = {}
    if filters.since is not None:
        dates["gte"] = filters.since.isoformat()
    if filters.until is not None:
        dates["lt"] = filters.until.isoformat()
    if dates:
        found.append(Q("range", created_at=dates))
    return found


def facet_filters(filters: Filters) -> list[Query]:
    return [Q("term", **{name: value}) for name, value in filters.equal(FACETS).items()]


def text_query(text: str, languages: list[str]) -> Query:
    """Each language's documents matched with the query analysed that language's way."""
    per_language = [
        Q(
            "bool",
            filter=[Q("term", language=code)],
            must=[
                Q(
                    "simple_query_string",
                    query=text,
                    fields=[f"title.{lang_field(code)}^3", f"body.{lang_field(code)}"],
                    default_operator="and",
                    flags="NOT|PHRASE|WHITESPACE",
                )
            ],
        )
        for code in languages
    ]
    return Q("bool", should=per_language, minimum_should_match=1)


def with_vectors(docs: list[IndexDoc]) -> list[tuple[IndexDoc, object]]:
    """Each document with its embedding (computed here: by the worker or a reindex)."""
    found = embeddings.embed([embeddings.entry_text(doc.title, doc.body) for doc in docs])
    return list(zip(docs, found, strict=True))


def build_search(request: EngineQuery, languages: list[str], client=None) -> Search:
    """The whole request: query, permission filter, facets, highlights, one page of hits;
    with the query's nearest documents by meaning (kNN) under the same filter."""
    from forum.search.engines.fusion import FLOOR, query_text

    narrowing = narrowing_filters(request.filters)
    visible = audience_filter(request.audience)
    shown = [*([visible] if visible else []), *narrowing]
    query = Q("bool", must=[text_query(request.query.canonical(), languages)], filter=shown)
    search = (
        Search(using=client, index=[alias(POST), alias(PAGE)])
        .query(query)
        .sort("_score", {"created_at": {"order": "desc"}})
        .source(["source", "object_id", "language", "kind", "url", "title"])
        .extra(track_total_hits=True, from_=request.offset, size=request.limit)
        .highlight_options(
            pre_tags=[analysis.MARK_START], post_tags=[analysis.MARK_END], encoder="default"
        )
        .highlight("title.*", number_of_fragments=0)
        .highlight(
            "body.*",
            fragment_size=SNIPPET_CHARACTERS,
            number_of_fragments=1,
            no_match_size=SNIPPET_CHARACTERS,
        )
    )
    vector = embeddings.embed_query(query_text(request.query))
    if any(vector):
        search = search.knn(
            "vector",
            k=KNN_K,
            num_candidates=KNN_CANDIDATES,
            query_vector=[round(float(x), 5) for x in vector],
            filter=Q("bool", filter=shown) if shown else None,
            similarity=FLOOR,
            boost=KNN_BOOST,
        )
    facets = facet_filters(request.filters)
    if facets:
        search = search.post_filter(Q("bool", filter=facets))
    search.aggs.bucket("kind", "terms", field="kind", size=10).bucket(
        "language", "terms", field="language", size=20
    ).bucket("area", "terms", field="area_id", size=500, missing=NO_AREA)
    return search


def _groups(aggregations) -> dict[tuple[str, str, int | None], int]:
    groups = {}
    for kind in aggregations.kind.buckets:
        for language in kind.language.buckets:
            for area in language.area.buckets:
                area_id = None if area.key == NO_AREA else int(area.key)
                groups[(kind.key, language.key, area_id)] = area.doc_count
    return groups


def _first(highlight, prefix: str) -> str | None:
    if highlight is None:
        return None
    for name, fragments in highlight.to_dict().items():
        if name.startswith(prefix) and fragments:
            return " … ".join(fragments)
    return None


class ElasticsearchEngine(Engine):
    name = "elasticsearch"

    def __init__(self, client=None):
        self.client = client or elasticsearch()

    def check(self) -> None:
        try:
            self.client.info()
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error

    # --- Writing ------------------------------------------------------------------------------

    def _new_index(self, source: str) -> str:
        name = f"{alias(source)}-{timezone.now():%Y%m%d%H%M%S%f}"
        DOCUMENTS[source]._index.clone(name=name, using=self.client).create()
        return name

    def ensure_indexes(self) -> None:
        """Create each alias with a first index if there is none yet (never let a write
        auto-create a concrete index under the alias's name)."""
        for source in DOCUMENTS:
            if not self.client.indices.exists_alias(name=alias(source)):
                name = self._new_index(source)
                self.client.indices.put_alias(index=name, name=alias(source))

    def _actions(self, docs: dict[tuple[str, int], list[IndexDoc]], indexes: dict[str, str]):
        for (source, object_id), found in docs.items():
            keep = {doc_id(source, object_id, doc.language) for doc in found}
            languages = [code for code, _name in settings.LANGUAGES] if source == PAGE else [""]
            for code in languages:
                stale = doc_id(source, object_id, code)
                if stale not in keep:
                    yield {"_op_type": "delete", "_index": indexes[source], "_id": stale}
            for doc, vector in with_vectors(found):
                yield {
                    **DOCUMENTS[source].from_doc(doc, vector).to_dict(include_meta=True),
                    "_index": indexes[source],
                }

    def _bulk(self, actions, refresh=False) -> int:
        try:
            done, errors = bulk(
                self.client, actions, raise_on_error=False, refresh=refresh, stats_only=False
            )
        except (TransportError, ApiError, BulkIndexError) as error:
            raise SearchUnavailable(str(error)) from error
        # With stats_only=False, bulk returns the list of errors (its annotation does not say).
        real = [e for e in errors if e.get("delete", {}).get("status") != 404]  # type: ignore[union-attr]
        if real:
            raise SearchUnavailable(f"{len(real)} documents refused, first: {real[0]}")
        return done

    def replace(self, docs: dict[tuple[str, int], list[IndexDoc]]) -> None:
        self.ensure_indexes()
        self._bulk(self._actions(docs, {source: alias(source) for source in DOCUMENTS}))

    def rebuild(self, batches: Iterable[list[IndexDoc]], progress=None) -> int:
        self.ensure_indexes()
        new = {source: self._new_index(source) for source in DOCUMENTS}
        indexed = 0
        for batch in batches:
            actions = [
                {**DOCUMENTS[doc.source].from_doc(doc, vector).to_dict(include_meta=True),
                 "_index": new[doc.source]}
                for doc, vector in with_vectors(batch)
            ]  # fmt: skip
            self._bulk(actions)
            indexed += len(batch)
            if progress:
                progress(len(batch))
        swap: list[dict[str, dict[str, str]]] = []
        old: list[str] = []
        for source, name in new.items():
            current = list(self.client.indices.get_alias(name=alias(source)).keys())
            old.extend(current)
            swap.extend({"remove": {"index": index, "alias": alias(source)}} for index in current)
            swap.append({"add": {"index": name, "alias": alias(source)}})
        self.client.indices.refresh(index=list(new.values()))
        self.client.indices.update_aliases(actions=swap)  # atomic: readers switch at once
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return indexed

    # --- Searching ----------------------------------------------------------------------------

    def search(self, request: EngineQuery) -> EngineResult:
        languages = request.query.languages_with_terms()
        if not languages:
            return EngineResult(hits=[])
        try:
            self.ensure_indexes()
            response = build_search(request, languages, client=self.client).execute()
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error
        hits = []
        for hit in response.hits:
            highlight = getattr(hit.meta, "highlight", None)
            title = _first(highlight, "title.")
            if title is None:
                title = next(iter(hit.title.to_dict().values()), "") if hit.title else ""
            hits.append(
                EngineHit(
                    source=hit.source,
                    object_id=int(hit.object_id),
                    language=hit.language,
                    kind=hit.kind,
                    score=float(hit.meta.score or 0),
                    title=title,
                    snippet=_first(highlight, "body.") or "",
                    url=getattr(hit, "url", "") or "",
                )
            )
        return EngineResult(hits=hits, groups=_groups(response.aggregations))
