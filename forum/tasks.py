"""Background work (django-tasks), always scheduled after the transaction commits.

A task that e-mails links is given ``base_url``: the site's address as the request that queued
it was reached at (forum/links.py), for a worker has no request of its own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from forum.links import absolute_url


@task()
def send_notification_emails(post_id: int, recipient_ids: list[int], base_url: str = "") -> int:
    """E-mail a notification to those of the recipients who asked for e-mail."""
    from forum.models import Notification

    notifications = (
        Notification.objects.filter(
            post_id=post_id,
            recipient_id__in=recipient_ids,
            recipient__profile__email_notifications=True,
        )
        .exclude(recipient__email="")
        .select_related("recipient__profile", "actor__profile", "thread", "post")
    )
    messages = []
    for notification in notifications:
        profile = notification.recipient.profile
        with translation.override(profile.preferred_language or settings.LANGUAGE_CODE):
            path = reverse("forum:post", args=[notification.post_id])
            context = {
                "notification": notification,
                "url": absolute_url(path, captured=base_url),
            }
            subject = render_to_string("forum/email/notification_subject.txt", context).strip()
            body = render_to_string("forum/email/notification.txt", context)
        messages.append((subject, body, None, [notification.recipient.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


@task()
def send_moderation_email(notification_id: int, base_url: str = "") -> int:
    """E-mail a member what a moderator did and why: always for acts on their account (they
    may not be able to sign in to read it), on opt-in for acts on their posts."""
    from forum.models import Notification

    notification = (
        Notification.objects.filter(pk=notification_id)
        .exclude(recipient__email="")
        .select_related("recipient__profile", "action", "thread")
        .first()
    )
    if notification is None or notification.action is None:
        return 0
    profile = getattr(notification.recipient, "profile", None)
    about_account = notification.action.kind in ACCOUNT_ACTIONS
    if not about_account and not (profile and profile.email_notifications):
        return 0
    language = (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        path = (
            reverse("forum:post", args=[notification.post_id])
            if notification.post_id
            else reverse("forum:notifications")
        )
        context = {
            "notification": notification,
            "action": notification.action,
            "url": absolute_url(path, captured=base_url),
        }
        subject = render_to_string("forum/email/moderation_subject.txt", context).strip()
        body = render_to_string("forum/email/moderation.txt", context)
    return send_mail(subject, body, None, [notification.recipient.email])


ACCOUNT_ACTIONS = {"verify", "reject_member", "warn", "suspend", "lift", "remove_avatar"}


@task()
def drain_search_queue() -> int:
    """Bring the search index up to date with every queued change (forum.search.queue)."""
    from forum.search.queue import drain

    return drain().indexed
