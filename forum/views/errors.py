"""Error pages that render without the database: 500, 503 (a service down) and 400.

Django calls ``handler500`` inside the ``except`` that caught the error, so the exception is
still at hand: a database that does not answer (stopped, restarting, out of connections) is
a 503 with Retry-After and a page saying the site will be back, not "an error occurred". The
templates extend nothing and use no context processor: base.html reads the menu from the
database, which is the thing that may be down.
"""

from __future__ import annotations

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30

# OperationalError: no connection, the server went away, the pool timed out. InterfaceError:
# a connection closed under the request. Other DatabaseErrors (a constraint, bad SQL) are bugs.
UNAVAILABLE = (OperationalError, InterfaceError)


def _page(template: str, status: int) -> HttpResponse:
    context = {"LANGUAGE_CODE": get_language(), "LANGUAGE_BIDI": get_language_bidi()}
    return HttpResponse(loader.get_template(template).render(context), status=status)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE) or (
        isinstance(error, DatabaseError) and isinstance(error.__cause__, UNAVAILABLE)
    ):
        response = _page("503.html", 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _page("500.html", 500)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page("400.html", 400)
