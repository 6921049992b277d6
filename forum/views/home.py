from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from forum.activity import areas_with_activity, member_areas
from forum.caching import LISTING_TIMEOUT, activity_version, listing_version


def home(request: HttpRequest) -> HttpResponse:
    """The program areas and the boards the visitor may read, in the visitor's language."""
    context = {
        # A callable: the template calls it only when it renders the listing, so a visitor
        # served from the cached fragment costs no query.
        "areas": partial(areas_with_activity, request.user, language=get_language()),
        # A member's: drawn once per reader class, their unread marks put in (forum/activity.py).
        "member_areas": partial(member_areas, request.user, language=get_language()),
        "listing_version": listing_version(),
        # Visitors' copy shows each board's latest thread and counts: kept until one moves.
        "activity_version": activity_version,
        "listing_timeout": LISTING_TIMEOUT,
    }
    return render(request, "forum/home.html", context)
