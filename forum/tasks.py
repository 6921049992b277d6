"""Background work (django-tasks), always enqueued after the transaction commits and run by the
worker (forum/worker/: retries, back-off, the periodic jobs; `manage.py run_worker`).

A task that e-mails links is given ``base_url``: the site's address as the request that queued
it was reached at (forum/links.py), for a worker has no request of its own.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from forum import limits, mailing
from forum.links import absolute_url


@task()
def send_notification_emails(post_id: int, recipient_ids: list[int], base_url: str = "") -> int:
    """E-mail a notification to those of the recipients who asked for e-mail and may still read
    the post: the worker runs later than the reply (seconds, or hours after an outage), and a
    post hidden or deleted since, a thread held or moved, or a board the member has lost by
    then is no longer theirs to be told of (as on the notifications page, selectors.py). The
    thread's title is given in the recipient's language where its translation is stored, with
    the original in parentheses."""
    from forum.machine_translation.service import languages_read, titles
    from forum.models import Notification, Post
    from forum.permissions import readers_of_thread

    notifications = list(
        Notification.objects.filter(
            post_id=post_id,
            post__state=Post.State.PUBLISHED,
            recipient_id__in=recipient_ids,
            recipient__profile__email_notifications=True,
        )
        .exclude(recipient__email="")
        .select_related("recipient__profile", "actor__profile", "thread", "post__thread__board")
    )
    if not notifications:
        return 0
    post = notifications[0].post
    if post is None:  # filtered on post_id above: never, but the field may be empty
        return 0
    thread = post.thread  # where the post is now
    readers = readers_of_thread(thread, {n.recipient_id for n in notifications})
    translated: dict[str, str] = {}  # one query per language among the recipients, at most
    messages = []
    for notification in notifications:
        if notification.recipient_id not in readers:
            continue
        profile = notification.recipient.profile
        language = profile.preferred_language or settings.LANGUAGE_CODE
        title = (notification.thread or thread).title
        if notification.thread_id == thread.pk and thread.language not in (
            languages_read(notification.recipient) | {language}
        ):
            if language not in translated:
                translated[language] = titles([thread], language).get(thread.pk, "")
            if translated[language]:
                with translation.override(language):
                    both = {"translated": translated[language], "original": thread.title}
                    title = translation.gettext("%(translated)s (%(original)s)") % both
        with translation.override(language):
            path = reverse("forum:post", args=[notification.post_id])
            context = {
                "notification": notification,
                "title": title,
                "url": absolute_url(path, captured=base_url),
            }
            messages.append(
                mailing.message(
                    template="notification",
                    context=context,
                    to=notification.recipient.email,
                    user_id=notification.recipient_id,
                    kind="notifications",
                    base=base_url,
                )
            )
    return (get_connection().send_messages(messages) or 0) if messages else 0


@task()
def send_consultation_emails(message_id: int, recipient_ids: list[int], base_url: str = "") -> int:
    """E-mail the participants told of a consultation's message who asked for e-mail and still
    take part when the worker gets to it. The e-mail names who wrote and links to it; the text
    stays on the site, with its participants (docs/decisions.md)."""
    from forum.models import Message, Participant

    message = Message.objects.select_related("consultation", "author__profile").filter(
        pk=message_id
    )
    found = message.first()
    if found is None:
        return 0
    participants = (
        Participant.objects.filter(
            consultation_id=found.consultation_id,
            user_id__in=recipient_ids,
            left_at__isnull=True,
            user__profile__email_notifications=True,
        )
        .exclude(user__email="")
        .select_related("user__profile")
    )
    path = reverse("forum:consultation", args=[found.consultation_id])
    messages = []
    for participant in participants:
        profile = participant.user.profile
        with translation.override(profile.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "message": found,
                "consultation": found.consultation,
                "url": absolute_url(path, captured=base_url),
            }
            messages.append(
                mailing.message(
                    template="consultation",
                    context=context,
                    to=participant.user.email,
                    user_id=participant.user_id,
                    kind="notifications",
                    base=base_url,
                )
            )
    return (get_connection().send_messages(messages) or 0) if messages else 0


@task()
def notify_post_readers(
    post_id: int, source: str, previous_source: str, new_thread: bool, base_url: str = ""
) -> int:
    """Tell the watchers, the quoted and the mentioned of a post (services.notifications),
    in one transaction: a retry after a failure finds nothing half done. A post no longer
    published when the worker gets to it (hidden or deleted since) tells nobody; who may read
    it is the policy's answer at that moment (readers_of_thread)."""
    from django.db import transaction

    from forum.models import Post
    from forum.services.notifications import tell_about_post

    post = (
        Post.objects.filter(pk=post_id, state=Post.State.PUBLISHED)
        .select_related("thread__board")
        .first()
    )
    if post is None:
        return 0
    with transaction.atomic():
        told = tell_about_post(
            post,
            source=source,
            new_thread=new_thread,
            previous_source=previous_source,
            base=base_url,
        )
    return len(told)


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


@task()
def send_confirmation_email(user_id: int, language: str, base_url: str = "") -> int:
    """The link that confirms a new member's address (forum/services/members.py)."""
    from django.contrib.auth import get_user_model

    from forum.services.members import send_confirmation

    user = get_user_model().objects.filter(pk=user_id, is_active=False).exclude(email="").first()
    if user is None:  # confirmed or deleted meanwhile: nothing to send
        return 0
    send_confirmation(user, language=language, base_url=base_url)
    return 1


@task()
def send_registration_attempt_email(owner_id: int, language: str, base_url: str = "") -> int:
    """Tell an address's owner that someone tried to register with it."""
    from django.contrib.auth import get_user_model

    from forum.services.members import send_registration_attempt

    owner = get_user_model().objects.filter(pk=owner_id).exclude(email="").first()
    if owner is None:
        return 0
    send_registration_attempt(owner, language=language, base_url=base_url)
    return 1


# --- Scheduled (forum/worker/schedule.py) ---------------------------------------------------


@task()
def prune_events(days: int = 0) -> int:
    """Delete live events older than the retention (docs/realtime.md)."""
    from forum.models import Event

    cutoff = timezone.now() - timedelta(days=days or limits.EVENT_RETENTION_DAYS)
    return Event.objects.filter(created_at__lt=cutoff).delete()[0]


@task()
def apply_retention() -> dict:
    """Anonymize or delete the posts past their board's retention (forum/services/retention)."""
    from forum.services.retention import run

    return run()


@task()
def sweep_unsent_attachments() -> int:
    """Remove the files uploaded with forms never sent (forum/services/attachments.py)."""
    from forum.services.attachments import sweep_unsent

    return sweep_unsent()


@task()
def send_bookmark_reminders() -> int:
    """The bookmark reminders that are due (forum/services/bookmarks.py)."""
    from forum.services.bookmarks import send_due_reminders

    return send_due_reminders()


@task()
def send_digests(base_url: str = "") -> int:
    """The daily and weekly digests that are due (forum/digests.py); how many were sent."""
    from forum.digests import send_digests as send

    return send(base=base_url)[1]


@task()
def send_member_digest(user_id: int, base_url: str = "") -> bool:
    """One member's digest, if it is due (forum/digests.py): the first, just turned on."""
    from forum.digests import is_due, send_digest
    from forum.models import Profile

    profile = (
        Profile.objects.filter(user_id=user_id, deleted_at__isnull=True)
        .select_related("user")
        .first()
    )
    now = timezone.now()
    if profile is None or not is_due(profile, now):
        return False
    return send_digest(profile, now=now, base=base_url)


@task()
def analyze_database() -> bool:
    """Refresh the embedded SQLite database's planner statistics (ANALYZE): without them SQLite
    sorts every thread for Latest instead of walking its index (forum/views/lists.py).
    PostgreSQL's autovacuum does this itself; True when it ran."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


@task()
def clear_expired_sessions() -> int:
    """What `manage.py clearsessions` does, for the configured session engine."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return 1


@task()
def prune_task_results() -> int:
    """Forget finished tasks after some days; parked ones stay until staff deal with them."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=limits.TASK_RESULTS_KEEP_DAYS)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=cutoff
    ).delete()[0]


@task()
def release_stuck_tasks() -> int:
    from forum.worker.runner import release_stuck

    return release_stuck()


@task()
def prune_relay() -> int:
    from forum.realtime.relay import prune

    return prune()


@task()
def translate_posts(post_ids: list[int], language: str) -> int:
    """Machine-translate these posts (their current version) into ``language``, store each
    and tell the pages waiting for it. Posts no longer published, or translated already, are
    skipped (a first post whose title changed since gets its title again); an engine that
    fails raises once the others are done, and the worker retries."""
    from forum.machine_translation.service import translate_each, translate_post, translate_title
    from forum.models import Post, PostTranslation

    posts = list(
        Post.objects.filter(pk__in=post_ids, state=Post.State.PUBLISHED).select_related(
            "thread__board"
        )
    )
    made = set(
        PostTranslation.objects.filter(post__in=posts, language=language).values_list(
            "post_id", "revision"
        )
    )

    def translate(post: Post) -> bool:
        if (post.pk, post.edit_count) in made:
            if post.position == 1:
                translate_title(post, language)
            return False
        return translate_post(post, language) is not None

    return translate_each(posts, translate)
