"""A member's visits, as Discourse counts them: "New" lists what started since the last one.

A visit is a run of requests with less than an hour between them. The profile keeps when the
member was last seen (written at most every five minutes, one UPDATE) and when their previous
visit ended; signing in starts a visit too. "New" reaches back to the previous visit (the
member's joining for a first one), never more than NEW_AT_MOST: a member back after a year is
not shown a year of threads as new.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from forum.models import Profile

SEEN_EVERY = timedelta(minutes=5)
NEW_VISIT_AFTER = timedelta(hours=1)
NEW_AT_MOST = timedelta(days=30)


def note_visit(profile: Profile, *, now: datetime | None = None, starting: bool = False) -> None:
    """Mark the member seen now; a gap of an hour or more (or a sign-in) starts a new visit."""
    now = now or timezone.now()
    last = profile.last_seen_at
    if not starting and last is not None and now - last < SEEN_EVERY:
        return
    previous = profile.previous_visit_at
    if last is None or starting or now - last >= NEW_VISIT_AFTER:
        previous = last
    Profile.objects.filter(pk=profile.pk).update(last_seen_at=now, previous_visit_at=previous)
    profile.last_seen_at, profile.previous_visit_at = now, previous


def new_since(user) -> datetime:
    """Where "New" starts for this member."""
    floor = timezone.now() - NEW_AT_MOST
    profile = getattr(user, "profile", None)
    since = getattr(profile, "previous_visit_at", None) or user.date_joined
    return max(since, floor)


class VisitMiddleware:
    """After the authentication middleware: a signed-in member with a profile is seen."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            profile = getattr(user, "profile", None)
            if profile is not None and profile.deleted_at is None:
                note_visit(profile)
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="forum.visits.signed_in")
def signed_in(sender, request, user, **kwargs) -> None:
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        note_visit(profile, starting=True)
