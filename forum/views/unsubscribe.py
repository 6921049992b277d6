"""One-click unsubscribe from the notification e-mails or the digest (forum/mailing.py).

A mail client's button POSTs ``List-Unsubscribe=One-Click`` here (RFC 8058): no session, no
CSRF token, so the view is exempt and changes nothing but the one setting the signed token
names. A person following the link in the text gets a page with the button first (a link
scanner's GET must not unsubscribe anyone).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from forum.mailing import read_unsubscribe_token
from forum.models import Profile

FIELDS = {"notifications": "email_notifications", "digest": "digest"}
OFF = {"notifications": False, "digest": Profile.Digest.OFF}


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    named = read_unsubscribe_token(token)
    profile = None
    if named is not None:
        profile = Profile.objects.filter(user_id=named[0], deleted_at__isnull=True).first()
    if named is None or profile is None:
        return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
    kind = named[1]
    field = FIELDS[kind]
    already = getattr(profile, field) == OFF[kind]
    done = False
    if request.method == "POST" and not already:
        Profile.objects.filter(pk=profile.pk).update(**{field: OFF[kind]})
        done = True
    context = {"kind": kind, "already": already, "done": done}
    return render(request, "forum/unsubscribe.html", context)
