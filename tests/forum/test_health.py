import os
import socket
import threading

import pytest
import requests
from django.test import override_settings

from tests.live import DaphneServer, free_port, project_env

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:1"  # nothing listens on loopback port 1
ELSEWHERE = "203.0.113.7"  # a documentation address: neither loopback nor this machine


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
    expected_layer = "RedisChannelLayer" if settings.REDIS_URL else "RelayChannelLayer"
    assert report["channel_layer"]["backend"].endswith(expected_layer)


def test_healthz_answers_503_naming_an_unreachable_channel_layer(client):
    with override_settings(CHANNEL_LAYERS=redis_layer(f"redis://{CLOSED_PORT}/0")):
        response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["channel_layer"]
    assert report["checks"]["channel_layer"]["error"]
    assert report["checks"]["database"]["ok"]


UNREACHABLE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://{CLOSED_PORT}/0",
    }
}


def test_healthz_answers_503_naming_an_unreachable_cache(client):
    with override_settings(CACHES=UNREACHABLE_CACHE):
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
    # The budget is every check's: short enough to wait out, long enough that the services that
    # do answer (the database, the cache) answer within it on a loaded machine.
    with override_settings(
        CHANNEL_LAYERS=redis_layer(f"redis://{silent_server}/0"), HEALTH_CHECK_TIMEOUT=2
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["channel_layer"]
    assert report["checks"]["channel_layer"]["error"] == "no answer within 2 s"


@pytest.mark.elasticsearch
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL")
def test_healthz_reports_the_elasticsearch_cluster_it_uses(client):
    report = client.get("/healthz").json()["checks"]["search"]

    assert report["ok"]
    assert report["engine"] == "elasticsearch"
    assert int(report["version"].split(".")[0]) >= 8


def test_live_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_ready_answers_200_when_every_service_answers(client):
    response = client.get("/healthz/ready")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["failing"] == []
    assert set(report["checks"]) == {"database", "channel_layer", "cache", "search"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_ready_answers_200_degraded_while_the_cache_server_is_down(client):
    with override_settings(CACHES=UNREACHABLE_CACHE):
        response = client.get("/healthz/ready")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["failing"] == ["cache"]
    assert report["checks"]["database"]["ok"]


def test_ready_answers_200_degraded_while_the_channel_layer_is_down(client):
    with override_settings(CHANNEL_LAYERS=redis_layer(f"redis://{CLOSED_PORT}/0")):
        response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"


@pytest.fixture(scope="module")
def site_without_database():
    """Daphne serving a site whose PostgreSQL does not answer (as in tests/config/test_outages)."""
    env = project_env(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/forum",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
    )
    server = DaphneServer(env).start()
    yield server
    server.stop()


def test_ready_answers_503_when_the_database_does_not_answer(site_without_database):
    response = requests.get(f"{site_without_database.url}/healthz/ready", timeout=30)

    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "error"
    assert "database" in report["failing"]
    assert report["checks"]["database"]["error"]  # asked from loopback: the details


def test_live_answers_200_while_the_database_does_not(site_without_database):
    response = requests.get(f"{site_without_database.url}/healthz/live", timeout=30)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def backend_details(report: dict) -> set[str]:
    return {key for detail in report["checks"].values() for key in detail} - {"ok"}


@pytest.mark.parametrize("path", ["/healthz", "/healthz/ready"])
@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_backends_and_versions_are_shown_to_the_machine_itself(client, path, address):
    report = client.get(path, REMOTE_ADDR=address).json()

    database = report["checks"]["database"]
    assert database["engine"] in {"sqlite", "postgresql"}
    assert database["version"][0].isdigit()
    assert report["checks"]["cache"]["backend"]
    assert report["checks"]["search"]["engine"] in {"database", "elasticsearch"}


@pytest.mark.parametrize("path", ["/healthz", "/healthz/ready"])
def test_backends_and_versions_are_shown_to_staff_from_elsewhere(client, staff, path):
    client.force_login(staff)

    report = client.get(path, REMOTE_ADDR=ELSEWHERE).json()

    assert report["checks"]["database"]["version"]
    assert report["checks"]["channel_layer"]["backend"]


@pytest.mark.parametrize("path", ["/healthz", "/healthz/ready"])
@pytest.mark.parametrize("who", ["visitor", "member"])
def test_others_from_elsewhere_read_statuses_only(client, member, path, who):
    if who == "member":
        client.force_login(member)

    response = client.get(path, REMOTE_ADDR=ELSEWHERE)

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert set(report["checks"]) == {"database", "channel_layer", "cache", "search"}
    assert backend_details(report) == set()


@pytest.mark.parametrize("header", ["HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP"])
def test_a_visitor_through_a_proxy_on_this_machine_reads_statuses_only(client, header):
    report = client.get("/healthz/ready", REMOTE_ADDR="127.0.0.1", **{header: ELSEWHERE}).json()

    assert report["status"] == "ok"
    assert backend_details(report) == set()


def test_a_visitor_from_elsewhere_learns_which_service_fails_but_not_why(client):
    with override_settings(CACHES=UNREACHABLE_CACHE):
        report = client.get("/healthz/ready", REMOTE_ADDR=ELSEWHERE).json()

    assert report["status"] == "degraded"
    assert report["failing"] == ["cache"]
    assert report["checks"]["cache"] == {"ok": False}
    assert CLOSED_PORT not in str(report)
