"""The daily or weekly digest: the most active threads in what a member follows, by e-mail at
07:00 in their time zone, titles in their language (forum/mailing.py adds one-click unsubscribe).

What they follow is what they track or watch: threads, boards and program areas (a muted one
never counts, nor a thread in it); only threads they may read now, as their boards list them.
A member with nothing new is sent nothing, and is looked at again at the next morning.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation

from forum import mailing
from forum.links import absolute_url
from forum.machine_translation.service import shown_titles
from forum.models import Post, Profile, Subscription, Thread
from forum.permissions import visible_boards
from forum.selectors import listed_threads
from forum.services.following import muted_threads_excluded

MORNING = 7  # local hour
TOP = 10
PERIOD = {Profile.Digest.DAILY: timedelta(days=1), Profile.Digest.WEEKLY: timedelta(days=7)}
FOLLOWING = Subscription.Level.TRACKING  # tracking or watching


def last_morning(now: datetime, zone: str) -> datetime:
    """The latest 07:00 in this time zone at or before ``now``."""
    try:
        local = now.astimezone(zoneinfo.ZoneInfo(zone or "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        local = now.astimezone(zoneinfo.ZoneInfo("UTC"))
    morning = local.replace(hour=MORNING, minute=0, second=0, microsecond=0)
    return morning if morning <= local else morning - timedelta(days=1)


def is_due(profile: Profile, now: datetime) -> bool:
    period = PERIOD.get(Profile.Digest(profile.digest))
    if period is None:
        return False
    morning = last_morning(now, profile.time_zone)
    sent = profile.digest_sent_at
    return sent is None or sent < morning - (period - timedelta(days=1))


def digest_threads(user, *, since: datetime) -> list[Thread]:
    """The most active threads since ``since`` among those the member follows (by posts
    published since), then by latest activity; at most TOP."""
    rows = Subscription.objects.filter(user=user, level__gte=FOLLOWING)
    followed = (
        Q(pk__in=rows.filter(thread__isnull=False).values("thread_id"))
        | Q(board_id__in=rows.filter(board__isnull=False).values("board_id"))
        | Q(board__area_id__in=rows.filter(area__isnull=False).values("area_id"))
    )
    threads = listed_threads(Thread.objects.filter(board__in=visible_boards(user)))
    threads = muted_threads_excluded(threads.filter(followed, last_post_at__gte=since), user)
    recent = Q(posts__created_at__gte=since, posts__state=Post.State.PUBLISHED)
    return list(
        threads.annotate(activity=Count("posts", filter=recent))
        .filter(activity__gt=0)
        .select_related("board")
        .order_by("-activity", "-last_post_at", "-pk")[:TOP]
    )


def send_digest(profile: Profile, *, now: datetime, base: str = "") -> bool:
    """E-mail this member their digest if it holds anything; True when sent. Either way the
    morning is marked done."""
    user = profile.user
    period = PERIOD[Profile.Digest(profile.digest)]
    since = max(profile.digest_sent_at or now - period, now - period)
    threads = digest_threads(user, since=since)
    Profile.objects.filter(pk=profile.pk).update(digest_sent_at=now)
    if not threads or not user.email:
        return False
    language = profile.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        shown = shown_titles(threads, user=user, language=language)
        items = [
            {
                "title": shown.get(thread.pk) or thread.title,
                "original": thread.title if shown.get(thread.pk) else "",
                "board": thread.board.name,
                "activity": thread.activity,  # type: ignore[attr-defined]
                "url": absolute_url(reverse("forum:thread", args=[thread.pk]), captured=base),
            }
            for thread in threads
        ]
        context = {"items": items, "weekly": profile.digest == Profile.Digest.WEEKLY}
        mailing.message(
            template="digest",
            context=context,
            to=user.email,
            user_id=user.pk,
            kind="digest",
            base=base,
        ).send()
    return True


def send_digests(*, now: datetime | None = None, base: str = "") -> tuple[int, int]:
    """Send every digest that is due (the worker runs it every 15 minutes); returns (looked
    at, sent)."""
    now = now or timezone.now()
    candidates = (
        Profile.objects.exclude(digest=Profile.Digest.OFF)
        .filter(deleted_at__isnull=True, verification=Profile.Verification.VERIFIED)
        .select_related("user")
        .order_by("pk")
    )
    looked = sent = 0
    for profile in candidates.iterator(chunk_size=500):
        if not profile.user.is_active or not is_due(profile, now):
            continue
        looked += 1
        sent += send_digest(profile, now=now, base=base)
    return looked, sent


def digests_wanted() -> bool:
    return Profile.objects.exclude(digest=Profile.Digest.OFF).exists()
