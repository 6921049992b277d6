"""Content Security Policy: the site's strict policy, and the looser one the two admins need.

The policies themselves are in settings ("Headers"); this middleware only picks which applies.
"""

from __future__ import annotations

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY under ADMIN_PATH_PREFIXES."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # Wagtail previews a page by running the site's middleware on a simulated request for
        # the page's own URL (request.is_dummy), inside the admin's request for the preview. The
        # header belongs to that outer response: the admin's policy, framable by the editor.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        # A view's own @csp decorator (parts.config) still wins over the admin policy.
        if parts.config is None and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        # Browsers ignore X-Frame-Options when frame-ancestors is present, so the two must agree:
        # a view that lets its own site frame it (Wagtail's preview panel) gets 'self' here too.
        if response.get("X-Frame-Options") == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
