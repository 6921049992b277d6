import os
import socket
import threading

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:1"  # nothing listens on loopback port 1


def redis_layer(url):
    return {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [url]}}
    }


def test_healthz_reports_each_service_and_answers_200(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["failing"] == []
    assert set(report["checks"]) == {"database", "channel_layer", "cache", "search"}
    assert all(check["ok"] for check in report["checks"].values())
    assert report["checks"]["search"]["engine"] in {"database", "elasticsearch"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_names_the_configured_backends(client, settings):
    report = client.get("/healthz").json()["checks"]

    assert report["database"]["engine"] in {"sqlite", "postgresql"}
    expected_layer = "RedisChannelLayer" if settings.REDIS_URL else "InMemoryChannelLayer"
    assert report["channel_layer"]["backend"].endswith(expected_layer)


def test_healthz_answers_503_naming_an_unreachable_channel_layer(client):
    with override_settings(CHANNEL_LAYERS=redis_layer(f"redis://{CLOSED_PORT}/0")):
        response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["channel_layer"]
    assert report["checks"]["channel_layer"]["error"]
    assert report["checks"]["database"]["ok"]


def test_healthz_answers_503_naming_an_unreachable_cache(client):
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
        }
    }
    with override_settings(CACHES=caches):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


def test_healthz_answers_503_naming_an_unreachable_elasticsearch(client):
    with override_settings(
        SEARCH_ENGINE="elasticsearch", ELASTICSEARCH_URL=f"http://{CLOSED_PORT}"
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["search"]
    assert report["checks"]["search"]["error"]


@pytest.fixture
def silent_server():
    """A real TCP server on loopback that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"127.0.0.1:{server.getsockname()[1]}"
    server.close()
    for conn in accepted:
        conn.close()


def test_healthz_gives_up_on_a_service_that_hangs_and_says_so(client, silent_server):
    with override_settings(
        CHANNEL_LAYERS=redis_layer(f"redis://{silent_server}/0"), HEALTH_CHECK_TIMEOUT=0.5
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["channel_layer"]
    assert report["checks"]["channel_layer"]["error"] == "no answer within 0.5 s"


@pytest.mark.elasticsearch
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL")
def test_healthz_reports_the_elasticsearch_cluster_it_uses(client):
    report = client.get("/healthz").json()["checks"]["search"]

    assert report["ok"]
    assert report["engine"] == "elasticsearch"
    assert int(report["version"].split(".")[0]) >= 8
