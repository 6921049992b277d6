"""Request logs: one line per request, and the LOGGING settings that print them.

A line carries the request id, method, path, status, duration and the member's id, and nothing
personal: no username, e-mail, client address or query string (search terms and tokens travel
there). Plain text by default; JSON lines with LOG_FORMAT=json, for a log collector.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.http import HttpRequest, HttpResponseBase
from django.utils.functional import SimpleLazyObject, empty

logger = logging.getLogger("forum.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# A client's (or the proxy's) id is kept only when it cannot smuggle anything into a log line.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# The fields of a request line, in the order the text line shows them.
FIELDS = ("request_id", "method", "path", "status", "duration_ms", "user_id")
# The characters a path keeps unencoded; everything else (spaces, newlines) is %-encoded.
PATH_SAFE = "/:@!$&'()*+,;=-._~"


def request_id_from(request: HttpRequest) -> str:
    """The incoming X-Request-ID when it is a short safe token, else a fresh one."""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def user_id_of(request: HttpRequest) -> int | None:
    """The signed-in member's id, or None; read only if the request already loaded its user."""
    user = getattr(request, "user", None)  # absent when an earlier middleware answered
    # Loading the user here would cost a visitor's request a session read: a log line never
    # costs a query. Every request that reaches a view has its user loaded by then
    # (forum.timezones, forum.signin).
    if user is None or (isinstance(user, SimpleLazyObject) and vars(user)["_wrapped"] is empty):
        return None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    """Just after SecurityMiddleware: times and logs every response, the later middleware's too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_id = request_id_from(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        started = time.perf_counter()
        # Django turns a view's exception into a 500 response inside the chain, so a failed
        # request is logged here with its status like any other.
        response = self.get_response(request)
        fields = {
            "request_id": request_id,
            "method": request.method,
            "path": quote(request.path, safe=PATH_SAFE),
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user_id_of(request),
        }
        line = " ".join(f"{name}={fields[name]}" for name in FIELDS)
        logger.info("request %s", line, extra=fields)
        response[REQUEST_ID_HEADER] = request_id
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and a request line's fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str)


def logging_config(log_format: str) -> dict[str, Any]:
    """Settings' LOGGING: warnings and up from everything, request lines from forum.requests."""
    formatters = {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": JsonFormatter},
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"chosen": formatters[log_format]},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "chosen"}},
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {logger.name: {"level": "INFO"}},
    }
