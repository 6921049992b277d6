"""A post's preview while it is written: the server draws the text with the post's own Markdown
and sanitizer (forum/markup.py), so what is previewed is what will be posted
(forum/static/forum/preview.js asks, shortly after typing stops)."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum.confidential import check
from forum.forms.fields import BodyField
from forum.markup import render
from forum.throttling import PREVIEW, RateLimited, throttle, too_many_requests


class PreviewForm(forms.Form):
    body = BodyField()


def _answer(text: str, status: int, content_type: str = "text/plain") -> HttpResponse:
    response = HttpResponse(text, status=status, content_type=f"{content_type}; charset=utf-8")
    patch_cache_control(response, private=True, no_store=True)  # a member's unsent text
    return response


@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The text's HTML (200), or why not as plain text: 400 (the form's reason), 403 (signed
    out: the page asks to sign in again), 429 (too many previews, with Retry-After)."""
    if not request.user.is_authenticated:
        return _answer(_("Sign in again to see the preview: your text is kept."), 403)
    form = PreviewForm(request.POST)
    if not form.is_valid():
        reasons = [str(reason) for reason in form.errors.get("body", ())]
        return _answer(" ".join(reasons) or _("Nothing to preview."), 400)
    try:
        throttle(request, PREVIEW)
    except RateLimited as refusal:
        return too_many_requests(_answer(str(refusal), 429), refusal)
    body = form.cleaned_data["body"]
    return _answer(_check_notice(body) + render(body), 200, "text/html")


def _check_notice(body: str) -> str:
    """Said while typing: what the confidential-data check will ask about when it is sent."""
    found = check(body)
    if not found:
        return ""
    listed = ", ".join(
        format_html("<mark>{}</mark> ({})", finding.text, finding.label) for finding in found
    )
    return format_html(
        '<p class="check-notice" role="note">{} {}</p>',
        _("This may be confidential case data; you will be asked about it when you send:"),
        mark_safe(listed),  # noqa: S308 (each piece escaped by format_html)
    )
