"""Request logs (config/requestlog.py): a line per request with nothing personal in it."""

import json
import logging
import sys

import pytest
from django.test import Client
from django.urls import path, reverse

from config.requestlog import FIELDS, JsonFormatter
from tests.config.test_settings import start


def boom(request):
    raise RuntimeError("a view that fails")


# For the one test that needs a failing view (pytest.mark.urls names this module).
urlpatterns = [path("boom/", boom)]


def request_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "forum.requests"]


@pytest.fixture
def caplog(caplog):
    caplog.set_level(logging.INFO, logger="forum.requests")
    return caplog


@pytest.mark.django_db
def test_a_visitors_request_is_one_line_with_its_fields_and_no_user(client, caplog):
    response = client.get(reverse("forum:home"))

    [line] = request_lines(caplog)
    assert line.levelno == logging.INFO
    assert line.method == "GET"
    assert line.path == reverse("forum:home")
    assert line.status == response.status_code == 200
    assert isinstance(line.duration_ms, float)
    assert line.duration_ms >= 0
    assert line.user_id is None
    assert line.request_id == response["X-Request-ID"]
    assert len(line.request_id) == 32  # uuid4().hex
    message = line.getMessage()
    for name in FIELDS:
        assert f"{name}=" in message


@pytest.mark.django_db
def test_a_members_request_carries_the_member_id_and_nothing_personal(client, member, caplog):
    member.email = "member.private@example.org"
    member.save()
    client.force_login(member)

    client.get(reverse("forum:home"), {"q": "secret-search-words", "email": member.email})

    [line] = request_lines(caplog)
    assert line.user_id == member.pk
    assert line.path == reverse("forum:home")
    text = line.getMessage() + json.dumps(vars(line), default=str)
    for personal in ("secret-search-words", "q=", member.email, member.username, "127.0.0.1"):
        assert personal not in text


@pytest.mark.django_db
def test_each_request_gets_its_own_id_available_to_the_view(client, caplog):
    first = client.get(reverse("forum:home"))
    second = client.get(reverse("forum:home"))

    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert first.wsgi_request.request_id == first["X-Request-ID"]
    assert [line.request_id for line in request_lines(caplog)] == [
        first["X-Request-ID"],
        second["X-Request-ID"],
    ]


@pytest.mark.django_db
def test_a_safe_request_id_from_the_client_is_kept(client, caplog):
    response = client.get(reverse("forum:home"), headers={"X-Request-ID": "nginx-7f3a.9_B"})

    assert response["X-Request-ID"] == "nginx-7f3a.9_B"
    assert request_lines(caplog)[0].request_id == "nginx-7f3a.9_B"


@pytest.mark.parametrize(
    "unsafe",
    ["x" * 65, "two words", "id\nstatus=200 forged line", "id\r\nX-Injected: 1", "", "ünï"],
)
@pytest.mark.django_db
def test_an_unsafe_request_id_from_the_client_is_replaced(client, caplog, unsafe):
    response = client.get(reverse("forum:home"), HTTP_X_REQUEST_ID=unsafe)

    replaced = response["X-Request-ID"]
    assert replaced != unsafe
    assert len(replaced) == 32
    assert replaced.isalnum()
    assert request_lines(caplog)[0].request_id == replaced


@pytest.mark.django_db
def test_a_path_with_a_newline_stays_on_one_line(client, caplog):
    client.get("/en/forum/%0Arequest forged=1/")

    [line] = request_lines(caplog)
    assert "\n" not in line.getMessage()
    assert " " not in line.path
    assert line.path == "/en/forum/%0Arequest%20forged=1/"


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_failing_view_is_logged_with_its_status(caplog):
    response = Client(raise_request_exception=False).get("/boom/")

    [line] = request_lines(caplog)
    assert response.status_code == line.status == 500
    assert line.path == "/boom/"


def record_of_a_request() -> logging.LogRecord:
    fields = {
        "request_id": "abc123",
        "method": "POST",
        "path": "/t/1/reply/",
        "status": 302,
        "duration_ms": 12.5,
        "user_id": 7,
    }
    record = logging.LogRecord("forum.requests", logging.INFO, __file__, 1, "request", (), None)
    record.__dict__.update(fields)
    return record


def test_the_json_formatter_emits_one_json_object_with_the_fields():
    line = JsonFormatter().format(record_of_a_request())

    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "INFO"
    assert data["logger"] == "forum.requests"
    assert {name: data[name] for name in FIELDS} == {
        "request_id": "abc123",
        "method": "POST",
        "path": "/t/1/reply/",
        "status": 302,
        "duration_ms": 12.5,
        "user_id": 7,
    }


def test_the_json_formatter_keeps_other_records_and_their_errors_on_one_line():
    try:
        raise ValueError("broken\nacross lines")
    except ValueError:
        record = logging.LogRecord(
            "forum.search", logging.ERROR, __file__, 1, "indexing failed", (), sys.exc_info()
        )

    data = json.loads(JsonFormatter().format(record))

    assert data["message"] == "indexing failed"
    assert "ValueError: broken" in data["exception"]
    assert "request_id" not in data


PRINT_FORMAT = """
import django, logging
django.setup()
logging.getLogger("forum.requests").info("request", extra={"request_id": "r1", "status": 200})
"""


@pytest.mark.parametrize(("log_format", "json_lines"), [("json", True), ("", False)])
def test_settings_print_json_lines_only_when_log_format_is_json(log_format, json_lines):
    result = start(PRINT_FORMAT, LOG_FORMAT=log_format)

    assert result.returncode == 0, result.stderr
    [line] = result.stderr.strip().splitlines()
    if json_lines:
        data = json.loads(line)
        assert data["request_id"] == "r1"
        assert data["status"] == 200
    else:
        assert line.endswith("INFO forum.requests request")


def test_a_malformed_log_format_stops_start_up_with_one_line():
    result = start(LOG_FORMAT="yaml")

    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Configuration error: LOG_FORMAT must be one of")
