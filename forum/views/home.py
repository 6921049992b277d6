from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from forum.selectors import program_areas_with_boards


def home(request: HttpRequest) -> HttpResponse:
    """The program areas and the boards the visitor may read, in the visitor's language."""
    areas = program_areas_with_boards(request.user)
    return render(request, "forum/home.html", {"areas": areas})
