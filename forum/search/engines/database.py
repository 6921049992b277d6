"""The database engine: the index is the ``SearchEntry`` table in the site's own database.

PostgreSQL: each entry's tsvector is built with its language's text-search configuration
(``analysis.CONFIGS``) through Django's ``django.contrib.postgres.search`` and GIN-indexed; a
query is parsed by ``websearch_to_tsquery`` once per configuration and each parse is matched
only against entries of its languages. SQLite: an FTS5 table holds the terms analysed in Python
by the same rules (``analysis``), and the query is one FTS5 expression with a clause per
language. Both then apply the same permission and filter conditions with the ORM, rank
(ts_rank / bm25), and mark the matching words of each hit with the same Python highlighter.

Why not Wagtail's ``modelsearch`` database backends (which the Wagtail admin's page search keeps
using): they take one text-search configuration per backend, not one per row, and give no
highlighted snippets, so multilingual posts would be stemmed as English. docs/search.md.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import DatabaseError, connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Replace

from forum.models import SearchEntry
from forum.models.search import DOCUMENT_INDEX
from forum.search import analysis, embeddings, vectors
from forum.search.documents import IndexDoc
from forum.search.engines.base import (
    FACETS,
    NARROWING,
    Audience,
    Engine,
    EngineHit,
    EngineQuery,
    EngineResult,
    Filters,
)
from forum.search.engines.fusion import fuse, nearest

logger = logging.getLogger(__name__)

SNIPPET_WORDS = 40

# SQLite's FTS5 table (migration 0006). Every value is a parameter; the only text built from
# input is the MATCH expression, itself a parameter, whose terms are all quoted strings.
FTS_INSERT = "INSERT INTO forum_search_fts (rowid, title, body, lang) VALUES (%s, %s, %s, %s)"
FTS_DELETE = "DELETE FROM forum_search_fts WHERE rowid = %s"
FTS_DELETE_ALL = "DELETE FROM forum_search_fts"
FTS_MATCHING = "SELECT rowid FROM forum_search_fts WHERE forum_search_fts MATCH %s"
# bm25 is lower for better matches: negated, so higher is better; a title word weighs ten body
# words, the language column nothing.
FTS_SCORE = (
    "(SELECT -bm25(forum_search_fts, 10.0, 1.0, 0.0) FROM forum_search_fts "
    "WHERE forum_search_fts MATCH %s AND rowid = forum_searchentry.id)"
)


# One statement answers the full-text side of a search: the matches (the engine's condition, the
# audience and the narrowing filters, compiled by the ORM) are read once into a CTE, which gives
# the (kind, language, area) counts the facets are made of ("g"), the best matches whose facet
# values were ``chosen`` ("t": as many as the fused page may need) and which of the vector side's
# candidates also match ("v", so they are counted once). Reading the matches once rather than
# once per part halves the work of a search (docs/performance.md).
SEARCH_SQL = """
WITH matches AS MATERIALIZED ({matches})
SELECT 'g', kind, language, area_id, COUNT(*), NULL, NULL
FROM matches GROUP BY kind, language, area_id
UNION ALL
SELECT 't', NULL, NULL, NULL, id, score, created_at FROM (
    SELECT id, score, created_at FROM matches WHERE chosen
    ORDER BY score DESC, created_at DESC, id DESC LIMIT %s
) AS top
{also}"""
ALSO_SQL = "UNION ALL SELECT 'v', NULL, NULL, NULL, id, NULL, NULL FROM matches WHERE id IN ({})"


def audience_q(audience: Audience) -> Q:
    """The permission filter (the same rule as Audience.may_see)."""
    if audience.everything:
        return Q()
    shown = Q(board_id__isnull=True) | Q(board_id__in=audience.boards, state="published")
    if audience.moderated:
        shown |= Q(board_id__in=audience.moderated)
    if audience.user_id is not None:
        shown |= Q(board_id__in=audience.boards, author_id=audience.user_id)
    return shown


def narrowing_q(filters: Filters) -> Q:
    """The filters that are not facets: board, author, dates."""
    q = Q(**filters.equal(NARROWING))
    if filters.author_ids is not None:
        q &= Q(author_id__in=filters.author_ids)
    if filters.since is not None:
        q &= Q(created_at__gte=filters.since)
    if filters.until is not None:
        q &= Q(created_at__lt=filters.until)
    return q


def facets_q(filters: Filters) -> Q:
    return Q(**filters.equal(FACETS))


def _condition(q: Q):
    """A condition as a true/false column (true when there is none)."""
    if not q:
        return Value(True, output_field=BooleanField())
    return ExpressionWrapper(q, output_field=BooleanField())


def _entry(doc: IndexDoc, vector) -> SearchEntry:
    return SearchEntry(
        vector=embeddings.to_bytes(vector),
        source=doc.source,
        object_id=doc.object_id,
        language=doc.language,
        config=analysis.config_for(doc.language),
        kind=doc.kind,
        title=doc.title,
        body=doc.body,
        cjk_terms=analysis.cjk_terms(f"{doc.title} {doc.body}"),
        url=doc.url,
        area_id=doc.area_id,
        board_id=doc.board_id,
        thread_id=doc.thread_id,
        author_id=doc.author_id,
        state=doc.state,
        created_at=doc.created_at,
    )


class DatabaseEngine(Engine):
    name = "database"

    # --- Writing ------------------------------------------------------------------------------

    def replace(self, docs: dict[tuple[str, int], list[IndexDoc]]) -> None:
        by_source = defaultdict(list)
        for source, object_id in docs:
            by_source[source].append(object_id)
        with transaction.atomic():
            stale = SearchEntry.objects.none()
            for source, ids in by_source.items():
                stale = stale | SearchEntry.objects.filter(source=source, object_id__in=ids)
            self._forget(list(stale.values_list("pk", flat=True)))
            stale.delete()
            self._insert([doc for found in docs.values() for doc in found])
            vectors.new_token()

    def rebuild(self, batches: Iterable[list[IndexDoc]], progress=None) -> int:
        """In one transaction: searches go on reading the old index until it commits."""
        indexed = 0
        with transaction.atomic():
            self._forget_all()
            SearchEntry.objects.all().delete()
            for batch in batches:
                self._insert(batch)
                indexed += len(batch)
                if progress:
                    progress(len(batch))
            vectors.new_token()
        return indexed

    def _insert(self, docs: list[IndexDoc]) -> list[SearchEntry]:
        embedded = embeddings.embed([embeddings.entry_text(doc.title, doc.body) for doc in docs])
        entries = SearchEntry.objects.bulk_create(
            [_entry(doc, vector) for doc, vector in zip(docs, embedded, strict=True)],
            batch_size=500,
        )
        if entries:
            self._analyse(entries)
        return entries

    @abstractmethod
    def _analyse(self, entries: list[SearchEntry]) -> None:
        """Index the new entries' text the engine's way (a tsvector, FTS5 rows)."""

    def _forget(self, ids: list[int]) -> None:
        """Drop what the engine keeps beside the entries (SQLite's FTS rows)."""

    def _forget_all(self) -> None:
        """Drop everything the engine keeps beside the entries."""

    def check(self) -> None:
        connection.ensure_connection()

    # --- Searching ----------------------------------------------------------------------------

    @abstractmethod
    def _match(self, request: EngineQuery, languages: list[str]):
        """(condition on SearchEntry, score expression: higher is better)."""

    def search(self, request: EngineQuery) -> EngineResult:
        """Full-text matches and the vector side's nearest entries, fused (fusion.py)."""
        languages = request.query.languages_with_terms()
        if not languages:
            return EngineResult(hits=[])
        near = nearest(request)
        shown = audience_q(request.audience) & narrowing_q(request.filters)
        chosen = _condition(facets_q(request.filters))
        # The candidates read back through the same filter: judged by their current rows.
        candidates = {
            row["id"]: row
            for row in SearchEntry.objects.filter(pk__in=[pk for pk, _ in near])
            .filter(shown)
            .annotate(chosen=chosen)
            .values("id", "kind", "language", "area_id", "chosen")
        }
        groups, text_ranked, also = self._text_side(
            request, languages, shown, chosen, list(candidates)
        )
        for pk, row in candidates.items():
            if pk not in also:
                key = (row["kind"], row["language"], row["area_id"])
                groups[key] = groups.get(key, 0) + 1
        vector_ranked = [pk for pk, _ in near if pk in candidates and candidates[pk]["chosen"]]
        fused = fuse(text_ranked, vector_ranked)
        page = fused.order[request.offset : request.offset + request.limit]
        entries = SearchEntry.objects.defer("document", "vector", "cjk_terms").in_bulk(page)
        hits = []
        for pk in page:
            entry = entries[pk]
            wanted = request.query.highlight_terms(entry.language)
            hits.append(
                EngineHit(
                    source=entry.source,
                    object_id=entry.object_id,
                    language=entry.language,
                    kind=entry.kind,
                    score=fused.scores[pk],
                    title=analysis.highlight(entry.title, entry.language, wanted),
                    snippet=analysis.highlight(
                        entry.body, entry.language, wanted, words=SNIPPET_WORDS
                    ),
                    url=entry.url,
                    by_meaning=pk in fused.by_meaning,
                )
            )
        return EngineResult(hits=hits, groups=groups)

    def _text_side(self, request: EngineQuery, languages, shown, chosen, candidates: list[int]):
        """(facet groups, the best chosen matches' ids in order, candidates that also match)."""
        match, score = self._match(request, languages)
        matches = (
            SearchEntry.objects.filter(match)
            .filter(shown)
            .annotate(score=score, chosen=chosen)
            .values("id", "kind", "language", "area_id", "created_at", "score", "chosen")
            .order_by()
        )
        inner, params = matches.query.sql_with_params()
        also = ALSO_SQL.format(", ".join(["%s"] * len(candidates))) if candidates else ""
        depth = request.offset + request.limit + len(candidates)
        with connection.cursor() as cursor:
            cursor.execute(
                SEARCH_SQL.format(matches=inner, also=also), [*params, depth, *candidates]
            )
            rows = cursor.fetchall()
        groups, top, matched = {}, [], set()
        for tag, kind, language, area_id, value, rank, created_at in rows:
            if tag == "g":
                groups[(kind, language, area_id)] = value
            elif tag == "t":
                top.append((float(rank or 0), created_at, value))
            else:
                matched.add(value)
        top.sort(reverse=True)  # score, created_at, id: descending
        return groups, [pk for _rank, _created, pk in top], matched


class PostgresEngine(DatabaseEngine):
    """PostgreSQL full-text search, one text-search configuration per entry's language.

    Each vector also holds a language lexeme (``xlangen``...), so the whole per-language match
    is one tsquery the GIN index answers alone: (english parse & xlangen) | (spanish parse &
    xlanges) | ... -- no row of another language is fetched only to be filtered out.
    """

    def rebuild(self, batches: Iterable[list[IndexDoc]], progress=None) -> int:
        indexed = super().rebuild(batches, progress)
        self._tidy()
        return indexed

    @staticmethod
    def _tidy() -> None:
        """After a rebuild, without blocking searches: the GIN index built again in one pass
        (grown row by row after a mass delete it is over twice the size and several times
        slower to scan: docs/performance.md), the dead rows' space freed and the planner's
        statistics brought up to date. REINDEX CONCURRENTLY and VACUUM cannot run inside a
        transaction; inside one (a caller's, a test's) only the statistics are refreshed."""
        quote = connection.ops.quote_name
        table = quote(SearchEntry._meta.db_table)
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute(f"ANALYZE {table}")
                return
            try:
                cursor.execute(f"REINDEX INDEX CONCURRENTLY {quote(DOCUMENT_INDEX)}")
                cursor.execute(f"VACUUM (ANALYZE) {table}")
            except DatabaseError:  # the index is whole and current, only slower than it could be
                logger.warning("search index rebuilt but not tidied", exc_info=True)

    def _analyse(self, entries: list[SearchEntry]) -> None:
        config = F("config")
        SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(
            document=SearchVector("title", weight="A", config=config)
            + SearchVector("body", "cjk_terms", weight="B", config=config)
            + SearchVector(Concat(Value("xlang"), Replace("language", Value("-"))),
                           weight="D", config="simple")
        )  # fmt: skip

    @staticmethod
    def _parsed_languages(text: str, languages: list[str]) -> list[str]:
        """The languages whose configuration leaves the query some lexeme: an empty parse
        joined to a language lexeme would match every text of that language (PostgreSQL's
        russian configuration, for one, drops English stop-words the Python lists keep)."""
        configs = [analysis.config_for(code) for code in languages]
        sql = "SELECT " + ", ".join(
            ["numnode(websearch_to_tsquery(%s::regconfig, %s))"] * len(configs)
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for config in configs for value in (config, text)])
            sizes = cursor.fetchone()
        return [code for code, size in zip(languages, sizes, strict=True) if size]

    def _match(self, request: EngineQuery, languages: list[str]):
        text = analysis.with_cjk_bigrams(request.query.canonical())
        languages = self._parsed_languages(text, languages)
        if not languages:
            return Q(pk__in=[]), Value(0.0, output_field=FloatField())
        parts = []
        for code in languages:
            marker = SearchQuery(f"xlang{_lang_token(code)}", config="simple", search_type="raw")
            parsed = SearchQuery(text, config=analysis.config_for(code), search_type="websearch")
            parts.append(parsed & marker)
        query = parts[0]
        for part in parts[1:]:
            query = query | part
        return Q(document=query), SearchRank(F("document"), query)


def _lang_token(code: str) -> str:
    return code.replace("-", "")


def _phrase(terms: list[str]) -> str:
    return '"' + " ".join(terms).replace('"', '""') + '"'


class SqliteEngine(DatabaseEngine):
    """SQLite FTS5 over terms analysed in Python (forum.search.analysis)."""

    def _analyse(self, entries: list[SearchEntry]) -> None:
        rows = [
            (
                entry.pk,
                " ".join(analysis.terms(entry.title, entry.language)),
                " ".join(analysis.terms(entry.body, entry.language)),
                _lang_token(entry.language),
            )
            for entry in entries
        ]
        with connection.cursor() as cursor:
            cursor.executemany(FTS_INSERT, rows)

    def _forget(self, ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(FTS_DELETE, [(pk,) for pk in ids])

    def _forget_all(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(FTS_DELETE_ALL)

    @staticmethod
    def expression(request: EngineQuery, languages: list[str]) -> str:
        """One FTS5 expression: for each language, its analysed words in that language's
        entries. Every term is a quoted string, so nothing the user types is FTS5 syntax."""
        clauses = []
        for code in languages:
            wanted, excluded = request.query.analysed(code)
            text = " AND ".join(_phrase(seq) for seq in wanted)
            clause = f"{{title body}} : ({text})"
            if excluded:
                unwanted = " OR ".join(_phrase(seq) for seq in excluded)
                clause = f"({clause}) NOT {{title body}} : ({unwanted})"
            clauses.append(f"(lang : {_phrase([_lang_token(code)])} AND {clause})")
        return " OR ".join(clauses)

    def _match(self, request: EngineQuery, languages: list[str]):
        expression = self.expression(request, languages)
        matching = RawSQL(FTS_MATCHING, [expression])  # noqa: S611 - a constant, one parameter
        score = RawSQL(FTS_SCORE, [expression], output_field=FloatField())  # noqa: S611 - same
        return Q(pk__in=matching), score
