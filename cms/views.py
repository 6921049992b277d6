"""Wagtail's password forms for restricted pages and document collections, made safe first.

Wagtail ends a right password with ``django.shortcuts.redirect(return_url)``, which reads a
return address without a "/" as the name of a URL to reverse: "0" is a 500. Wagtail's own form
always sends the page's path; anything else (a hand-made form) is replaced by "/" here, before
Wagtail's view reads it. Wagtail's check for another site's address still runs after.
"""

from __future__ import annotations

from functools import wraps

from wagtail import views as page_views
from wagtail.documents.views import serve as document_views


def _with_local_return_url(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not request.POST.get("return_url", "").startswith("/"):
            data = request.POST.copy()
            data["return_url"] = "/"
            request.POST = data
        return view(request, *args, **kwargs)

    return wrapper


page_password = _with_local_return_url(page_views.authenticate_with_password)
document_password = _with_local_return_url(document_views.authenticate_with_password)
