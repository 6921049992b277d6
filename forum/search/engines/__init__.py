"""The search engines: the database (PostgreSQL or SQLite) and Elasticsearch, one interface."""

from __future__ import annotations

from django.conf import settings

from forum.search.engines.base import Engine


def get_engine() -> Engine:
    """The engine this deployment uses (settings.SEARCH_ENGINE), on the default database."""
    if settings.SEARCH_ENGINE == "elasticsearch":
        from forum.search.engines.elastic import ElasticsearchEngine

        return ElasticsearchEngine()
    from django.db import connection

    from forum.search.engines import database

    if connection.vendor == "postgresql":
        return database.PostgresEngine()
    return database.SqliteEngine()
