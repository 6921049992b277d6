"""The site as `make run` serves it: a real Daphne process on loopback, HTTP and WebSocket."""

import json

import pytest
from django.utils.html import escape
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from cms.demo_content import forum as demo
from tests.live import DaphneServer, project_env, seeded_env
from tests.live import http_get as get


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated, seeded SQLite site (plus Redis when the suite runs with REDIS_URL)."""
    server = DaphneServer(seeded_env(tmp_path_factory.mktemp("site"))).start()
    yield server
    server.stop()


def test_daphne_serves_the_home_page_in_english_spanish_and_french(site):
    for language in ("en", "es", "fr"):
        status, body = get(f"{site.url}/{language}/forum/")
        assert status == 200
        for _, names, _ in demo.PROGRAM_AREAS:
            assert f"<h2>{escape(names[language])}</h2>" in body


def test_daphne_redirects_the_root_to_the_browsers_language(site):
    status, body = get(f"{site.url}/", language="es")

    assert status == 200
    assert '<html lang="es" dir="ltr" ' in body


def test_daphne_serves_static_files(site):
    status, body = get(f"{site.url}/static/forum/site.css")

    assert status == 200
    assert ".areas" in body


def test_daphne_reports_health(site):
    status, body = get(f"{site.url}/healthz")

    assert status == 200
    assert json.loads(body)["failing"] == []


def test_a_websocket_connects_through_daphne_at_ws(site):
    with connect(f"{site.ws_url}/ws/", origin=site.url, open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10)) == {"type": "hello", "authenticated": False}
        socket.send(json.dumps({"type": "ping", "id": "a"}))
        assert json.loads(socket.recv(timeout=10)) == {"type": "pong", "id": "a"}


def test_daphne_refuses_a_websocket_from_another_origin(site):
    with (
        pytest.raises(InvalidStatus),
        connect(f"{site.ws_url}/ws/", origin="https://evil.example", open_timeout=10),
    ):
        pass


def test_healthz_answers_503_naming_the_database_when_it_is_down():
    # PostgreSQL on a loopback port where nothing listens: the database is "down".
    env = project_env(DATABASE_URL="postgres://postgres@127.0.0.1:1/forum")
    server = DaphneServer(env).start()
    try:
        status, body = get(f"{server.url}/healthz")
    finally:
        server.stop()

    assert status == 503
    report = json.loads(body)
    assert "database" in report["failing"]
    assert report["checks"]["channel_layer"]["ok"]
