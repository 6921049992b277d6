"""Which search engine this deployment uses, and whether it answers.

Elasticsearch (through elasticsearch-dsl) when ELASTICSEARCH_URL is set; otherwise the
database itself is the engine (PostgreSQL full-text or SQLite FTS).
"""

from __future__ import annotations

from django.conf import settings
from elasticsearch_dsl import connections


def engine_name() -> str:
    return settings.SEARCH_ENGINE


def elasticsearch():
    """The shared elasticsearch-dsl client for the configured URL, created on first use."""
    url = settings.ELASTICSEARCH_URL
    try:
        return connections.get_connection(url)
    except KeyError:
        return connections.create_connection(url, hosts=[url], request_timeout=5)


def elasticsearch_version() -> str:
    """Ask the cluster for its version; raises when it does not answer."""
    return elasticsearch().info()["version"]["number"]
