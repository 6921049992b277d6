"""Dates in the member's own time zone (Profile.time_zone); visitors read UTC.

Visitors all get UTC, so the pages cached for visitors (forum/caching.py) read the same for
every visitor; members' pages are never cached.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone


def member_time_zone(user) -> zoneinfo.ZoneInfo | None:
    """The member's time zone, or None (visitors, and a name that is not a time zone)."""
    if not user.is_authenticated:
        return None
    profile = getattr(user, "profile", None)
    name = getattr(profile, "time_zone", "") or ""
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class MemberTimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = member_time_zone(request.user)
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
