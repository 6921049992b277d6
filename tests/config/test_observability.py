"""Errors to Sentry without personal data, metrics for Prometheus for the machine and staff only
(config/observability.py). No Sentry service is reachable here: a local HTTP server stands in
for it and reads the envelopes sentry-sdk really sends, in Sentry's documented envelope format."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.config.test_settings import start
from tests.live import ROOT, project_env


@pytest.mark.django_db
def test_metrics_answer_the_machine_itself(client):
    client.get("/healthz/live")
    page = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert page.status_code == 200
    text = page.content.decode()
    assert "django_http_requests_total_by_view_transport_method_total" in text
    assert "django_http_responses_total_by_status_total" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"REMOTE_ADDR": "203.0.113.9"},
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"},  # through nginx
    ],
)
def test_metrics_are_refused_to_anyone_else(client, headers):
    assert client.get("/metrics", **headers).status_code == 403


@pytest.mark.django_db
def test_metrics_are_refused_to_members_and_shown_to_staff(client, member, staff):
    client.force_login(member)
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    client.force_login(staff)
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 200


class Envelopes(BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        self.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


ERROR = """
import logging, django
django.setup()
logging.getLogger("forum.worker").error(
    "task %s parked after 5 attempt(s): %s", "42", "SMTP refused for lucia@fiscalia.example"
)
import sentry_sdk
sentry_sdk.flush(timeout=5)
"""


def test_an_error_log_line_reaches_sentry_in_its_envelope_format():
    Envelopes.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Envelopes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/42"
        subprocess.run(
            [sys.executable, "-c", ERROR],
            cwd=ROOT,
            env=project_env(SENTRY_DSN=dsn),
            check=True,
            timeout=60,
        )
    finally:
        server.shutdown()
    assert Envelopes.received, "sentry-sdk sent nothing"
    path, body = Envelopes.received[0]
    assert path == "/api/42/envelope/"
    header, item_header, payload = body.split(b"\n")[:3]
    assert json.loads(item_header)["type"] == "event"
    event = json.loads(payload)
    assert event["level"] == "error"
    assert event["logger"] == "forum.worker"
    assert event["logentry"]["message"].startswith("task %s parked")
    assert "user" not in event or "ip_address" not in event.get("user", {})
    assert "event_id" in json.loads(header)
    assert b"lucia@fiscalia.example" not in body  # a member's address is masked
    assert "[address]" in json.dumps(event["logentry"])


def test_a_malformed_sentry_dsn_stops_start_up_naming_it():
    result = start(SENTRY_DSN="not a dsn")
    assert result.returncode != 0
    assert "SENTRY_DSN" in result.stderr
