from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

SMALL = engines["django"].from_string("<!DOCTYPE html><title>{{ title }}</title><p>{{ text }}</p>")


def ceiling(request: HttpRequest) -> HttpResponse:
    """No database, no middleware work of its own: what Django + Daphne cost on their own."""
    return HttpResponse(SMALL.render({"title": "ceiling", "text": "a small template"}))


urlpatterns = [path("bench/ceiling", ceiling), *site_urlpatterns]
