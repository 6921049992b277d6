"""Notification and digest e-mails: a text part and an HTML part, and one-click unsubscribe.

Every such e-mail carries ``List-Unsubscribe`` (an address of this site with a signed token)
and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058): a mail client's button
turns that kind of e-mail off with one POST, and the link in the text does the same after one
click on a page. A token names the member and the kind (notifications or the digest), is signed
with the site's key and lasts UNSUBSCRIBE_DAYS; a forged, altered or expired one changes nothing.
"""

from __future__ import annotations

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from forum.links import absolute_url

SALT = "forum.unsubscribe"
UNSUBSCRIBE_DAYS = 90
KINDS = ("notifications", "digest")


def unsubscribe_token(user_id: int, kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    return signing.TimestampSigner(salt=SALT).sign_object({"u": user_id, "k": kind})


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """The member and the kind a token names; None when forged, altered or expired."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=UNSUBSCRIBE_DAYS * 24 * 60 * 60
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(value, dict):
        return None
    user_id, kind = value.get("u"), value.get("k")
    if not isinstance(user_id, int) or kind not in KINDS:
        return None
    return user_id, kind


def unsubscribe_url(user_id: int, kind: str, *, base: str = "") -> str:
    path = reverse("forum:unsubscribe", args=[unsubscribe_token(user_id, kind)])
    return absolute_url(path, captured=base)


def message(
    *, template: str, context: dict, to: str, user_id: int, kind: str, base: str = ""
) -> EmailMultiAlternatives:
    """forum/email/<template>_subject.txt, .txt and .html rendered (in the active language)
    into one e-mail with its unsubscribe headers."""
    link = unsubscribe_url(user_id, kind, base=base)
    context = {**context, "unsubscribe_url": link}
    subject = render_to_string(f"forum/email/{template}_subject.txt", context).strip()
    email = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"forum/email/{template}.txt", context),
        to=[to],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.attach_alternative(render_to_string(f"forum/email/{template}.html", context), "text/html")
    return email
