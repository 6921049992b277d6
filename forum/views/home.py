from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from forum.caching import LISTING_TIMEOUT, listing_version
from forum.selectors import program_areas_with_boards


def home(request: HttpRequest) -> HttpResponse:
    """The program areas and the boards the visitor may read, in the visitor's language."""
    context = {
        # A callable: the template calls it only when it renders the listing, so a visitor
        # served from the cached fragment costs no query.
        "areas": partial(program_areas_with_boards, request.user),
        "listing_version": listing_version(),
        "listing_timeout": LISTING_TIMEOUT,
    }
    return render(request, "forum/home.html", context)
