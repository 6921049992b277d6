from typing import cast
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString

from forum.caching import listing_version
from forum.search.forms import KIND_CHOICES, BoardChoiceField, SearchForm
from forum.search.service import Results, search
from forum.throttling import SEARCH, RateLimited, throttle, too_many_requests
from forum.views.helpers import int_param
from forum.views.moderation_rows import rendered_form

FACET_PARAMS = {"kind": "type", "language": "language", "area_id": "area"}


def search_page(request: HttpRequest) -> HttpResponse:
    """Search posts and pages: GET only, so a search is a link that can be shared."""
    form = SearchForm(request.GET or None, user=request.user)
    results = None
    facets = []
    refusal = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        try:
            throttle(request, SEARCH)
        except RateLimited as exc:
            refusal = exc
            form.add_error(None, str(exc))  # the form keeps the query and filters
        else:
            results = search(
                form.cleaned_data["q"],
                request.user,
                form.filters(),
                page=int_param(request.GET.get("page")),
            )
            facets = _facet_links(request, form, results)
    params = request.GET.copy()
    params.pop("page", None)
    response = render(
        request,
        "forum/search.html",
        {
            "form": form,
            "search_form": drawn_form(form),
            "results": results,
            "facets": facets,
            "query": f"{params.urlencode()}&" if params else "",
        },
        status=503 if results and results.unavailable else 200,
    )
    return response if refusal is None else too_many_requests(response, refusal)


def drawn_form(form: SearchForm) -> SafeString:
    """The form, kept for readers offered the same boards (a councillor's, with the council's
    board, for them alone) in the same listing version (the boards' and areas' names)."""
    offered = cast(BoardChoiceField, form.fields["board"]).queryset
    boards = tuple(offered.values_list("pk", flat=True)) if offered is not None else ()
    return rendered_form(form, listing_version(), boards, template="forum/_search_form.html")


def _facet_links(request: HttpRequest, form: SearchForm, results: Results) -> list[dict]:
    """Each facet's values with counts and the link that selects (or clears) them."""
    labels = {
        "kind": dict(KIND_CHOICES),
        "language": dict(settings.LANGUAGES),
        "area_id": {area.pk: area.name for area in form.areas},
    }
    area_slugs = {area.pk: area.slug for area in form.areas}
    selected = {
        "kind": form.cleaned_data["type"] or None,
        "language": form.cleaned_data["language"] or None,
        "area_id": form.cleaned_data["area"],
    }
    titles = {"kind": form.fields["type"].label, "language": form.fields["language"].label,
              "area_id": form.fields["area"].label}  # fmt: skip
    groups = []
    for name, counts in results.facets.items():
        if not counts:
            continue
        param = FACET_PARAMS[name]
        values = []
        for value, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
            if value is None:
                continue
            params = request.GET.copy()
            params.pop("page", None)
            is_selected = value == selected[name]
            if is_selected:
                params.pop(param, None)
            else:
                params[param] = area_slugs.get(value, value) if name == "area_id" else value
            values.append(
                {
                    "label": labels[name].get(value, value),
                    "count": count,
                    "selected": is_selected,
                    "url": "?" + urlencode(list(params.lists()), doseq=True),
                    "lang": value if name == "language" else "",
                }
            )
        groups.append({"title": titles[name], "values": values})
    return groups
