from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

DOCUMENT_INDEX = "search_entry_document"  # the GIN index on SearchEntry.document


class SearchEntry(models.Model):
    """The database engine's index: one row per searchable text (a post, or a page in one
    language), with what the permission filter and the facets need beside it.

    On PostgreSQL ``document`` is the entry's tsvector, built with the text-search configuration
    of its language (``config``) and GIN-indexed; on SQLite the FTS5 table ``forum_search_fts``
    (created by migration 0006) holds the analysed terms, its rowid this row's id.
    """

    class Kind(models.TextChoices):
        THREAD = "thread"  # a thread's opening post, with the title
        POST = "post"  # a reply
        PAGE = "page"  # a Wagtail page in one language

    source = models.CharField(max_length=10)  # "post" or "page": which table object_id names
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    config = models.CharField(max_length=20)  # PostgreSQL text-search configuration
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    cjk_terms = models.TextField(blank=True)  # bigrams of the CJK text (analysis.cjk_terms)
    url = models.CharField(max_length=500, blank=True)  # pages only: posts link by id
    area_id = models.PositiveBigIntegerField(null=True)
    board_id = models.PositiveBigIntegerField(null=True)
    thread_id = models.PositiveBigIntegerField(null=True)
    author_id = models.PositiveBigIntegerField(null=True)
    state = models.CharField(max_length=10)  # the post's state; "published" for pages
    created_at = models.DateTimeField()
    document = SearchVectorField(null=True)
    # The multilingual sentence embedding of the title and text (forum.search.embeddings): 512
    # float16 values, 1 KB; computed by whoever writes the entry (the worker's drain, a reindex).
    vector = models.BinaryField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id", "language"], name="search_entry_once"
            ),
        ]
        # Created on PostgreSQL only (migration 0006).
        indexes = [GinIndex(fields=["document"], name=DOCUMENT_INDEX)]

    def __str__(self) -> str:
        return f"{self.source} {self.object_id} ({self.language})"


class SearchQueueItem(models.Model):
    """A post or page whose index entry must be brought up to date, written in the same
    transaction as the change. The queue is drained after commit (forum.search.queue); an item
    stays until the engine took the update, so an engine outage delays updates, never loses
    them. Done items are kept for a day: a reindex replays those done while it ran."""

    source = models.CharField(max_length=10)
    object_id = models.PositiveBigIntegerField()
    queued_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["done_at", "next_attempt_at"], name="search_queue_due"),
            models.Index(fields=["queued_at"], name="search_queue_queued"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.object_id}"


class SearchIndexState(models.Model):
    """One row, locked by whoever writes to the index, so one process at a time does.

    ``vectors_token`` changes with every write to the index: each process's cache of the
    entries' vectors (forum.search.vectors) is brought up to date when it sees a new one."""

    vectors_token = models.CharField(max_length=32, blank=True, default="")

    def __str__(self) -> str:
        return "search index"

    @classmethod
    def locked(cls) -> "SearchIndexState":
        """The row, locked until the transaction ends (call inside one)."""
        state = cls.objects.select_for_update().filter(pk=1).first()
        if state is None:
            cls.objects.get_or_create(pk=1)
            state = cls.objects.select_for_update().get(pk=1)
        return state
