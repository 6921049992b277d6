"""Requests under a language prefix the site does not have."""

from __future__ import annotations

import re

from django.conf import settings
from django.shortcuts import render
from django.urls import get_urlconf, is_valid_path
from django.utils import translation

# Something that looks like a language code: /it/, /pt-br/, /zh_TW/.
LANGUAGE_SHAPED = re.compile(r"^/([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8}){0,2})(?:/|$)")
SITE_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


class UnknownLanguagePrefixMiddleware:
    """/it/programs/ is a 404 page in the default language, not a redirect to /en/it/programs/.

    Without this, LocaleMiddleware would prefix the visitor's language to any path it does not
    know, and Wagtail (which catches every path) would answer that with its own 404 in the
    visitor's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = LANGUAGE_SHAPED.match(request.path_info)
        if (
            match
            and match.group(1).lower() not in SITE_LANGUAGES
            and not is_valid_path(request.path_info, getattr(request, "urlconf", get_urlconf()))
        ):
            with translation.override(settings.LANGUAGE_CODE):
                request.LANGUAGE_CODE = settings.LANGUAGE_CODE
                response = render(request, "404.html", status=404)
            response.headers["Content-Language"] = settings.LANGUAGE_CODE
            return response
        return self.get_response(request)
