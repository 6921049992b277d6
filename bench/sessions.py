"""A signed-in session for a benchmark's reader, made as django.contrib.auth.login makes one,
for the snippets the benchmarks run in the site's environment (Django set up, cwd the project):

    from bench.sessions import signed_in
    key = signed_in(member)  # the value of the session cookie
"""

from __future__ import annotations

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore


def signed_in(user) -> str:
    """The key of a new session signed in as ``user`` (through Django's own model backend)."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key
