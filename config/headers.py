"""The Content Security Policies (django-csp) that config/settings.py sets; config/csp.py picks
which one applies to a request."""

from __future__ import annotations

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

# The site's templates load scripts and styles only from files under /static/, so no inline
# script or style runs. 'self' in connect-src covers the same-origin WebSocket at /ws/ (ws: and
# wss: alike, CSP Level 3). NONCE adds a per-response nonce only when a template uses
# {{ request.csp_nonce }}; none does.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],  # with X_FRAME_OPTIONS for browsers without CSP 2
    }
}
# The Wagtail and Django admins ship inline scripts and styles of their own (Wagtail's
# InlinePanel and date pickers, Draftail, Django's admin widgets): under these prefixes they get
# this looser policy, which still keeps every script, fetch and form on this origin. Only staff
# sign in there, and the content they edit reaches the site through the strict policy.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Wagtail's stylesheet has a data: image; its uploader previews images from blob: URLs.
        "img-src": [SELF, "data:", "blob:"],
    }
}
