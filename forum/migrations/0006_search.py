"""The database search engine's tables: entries, the queue of pending index updates, and the
index state row. PostgreSQL gets a GIN index on the entries' tsvector; SQLite gets an FTS5 table
of analysed terms instead (forum/search/analysis.py), its rowid the entry's id."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.utils.timezone
from django.db import migrations, models

FTS_TABLE = "forum_search_fts"


class OnPostgreSQL(migrations.operations.base.Operation):
    """An operation applied to the schema on PostgreSQL only (always to the model state)."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, operation):
        self.operation = operation

    def state_forwards(self, app_label, state):
        self.operation.state_forwards(app_label, state)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{self.operation.describe()} (PostgreSQL only)"

    def deconstruct(self):
        return (self.__class__.__name__, [self.operation], {})


def create_fts_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        # Terms are analysed in Python (stems, stop-words, CJK bigrams): the tokenizer only
        # splits on spaces. ``lang`` holds the entry's language code, for the per-language match.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "title, body, lang, tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_fts_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0005_moderation"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("source", models.CharField(max_length=10)),
                ("object_id", models.PositiveBigIntegerField()),
                ("language", models.CharField(max_length=10)),
                ("config", models.CharField(max_length=20)),
                (
                    "kind",
                    models.CharField(
                        choices=[("thread", "Thread"), ("post", "Post"), ("page", "Page")],
                        max_length=10,
                    ),
                ),
                ("title", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("cjk_terms", models.TextField(blank=True)),
                ("url", models.CharField(blank=True, max_length=500)),
                ("area_id", models.PositiveBigIntegerField(null=True)),
                ("board_id", models.PositiveBigIntegerField(null=True)),
                ("thread_id", models.PositiveBigIntegerField(null=True)),
                ("author_id", models.PositiveBigIntegerField(null=True)),
                ("state", models.CharField(max_length=10)),
                ("created_at", models.DateTimeField()),
                ("document", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("source", "object_id", "language"), name="search_entry_once"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchQueueItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("source", models.CharField(max_length=10)),
                ("object_id", models.PositiveBigIntegerField()),
                ("queued_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("attempts", models.PositiveIntegerField(default=0)),
                ("next_attempt_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("last_error", models.TextField(blank=True)),
                ("done_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["done_at", "next_attempt_at"], name="search_queue_due"),
                    models.Index(fields=["queued_at"], name="search_queue_queued"),
                ],
            },
        ),
        OnPostgreSQL(
            migrations.AddIndex(
                model_name="searchentry",
                index=django.contrib.postgres.indexes.GinIndex(
                    fields=["document"], name="search_entry_document"
                ),
            )
        ),
        migrations.RunPython(create_fts_table, drop_fts_table),
    ]
