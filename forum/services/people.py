"""Members as other members see them: profile pages and the expert directory (issue 23).

What a profile shows is the member's choice (``Profile.shown_on_profile``); their posts and
the reactions to them are those the viewer may read, on any board; the directory lists
verified members who opted in. Both are for verified members only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from forum import limits
from forum.models import Post, Profile, Reaction
from forum.models.reactions import SYMBOLS
from forum.permissions import User, readable_threads_q, visible_boards


def listed_members() -> QuerySet:
    """Accounts a profile or the directory may show: verified, active, not deleted."""
    return get_user_model().objects.filter(
        is_active=True,
        profile__verification=Profile.Verification.VERIFIED,
        profile__deleted_at__isnull=True,
    )


def posts_seen_by(viewer: User, author) -> QuerySet[Post]:
    """The author's published posts the viewer may read, newest first."""
    return (
        Post.objects.filter(author=author, state=Post.State.PUBLISHED)
        .filter(thread__board__in=visible_boards(viewer), thread__merged_into__isnull=True)
        .filter(readable_threads_q(viewer, "thread__"))
        .select_related("thread__board__area")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class Received:
    kind: str
    label: str
    symbol: str
    count: int


def reactions_received(viewer: User, author) -> list[Received]:
    """Reactions to the author's posts the viewer may read, by kind (one query)."""
    counts = dict(
        Reaction.objects.filter(post__in=posts_seen_by(viewer, author).values("pk"))
        .values("kind")
        .annotate(count=Count("pk"))
        .values_list("kind", "count")
    )
    return [
        Received(kind, str(label), SYMBOLS[kind], counts.get(kind, 0))
        for kind, label in Reaction.Kind.choices
    ]


def recent_posts(viewer: User, author) -> list[Post]:
    return list(posts_seen_by(viewer, author)[: limits.PROFILE_RECENT_POSTS])


def directory(*, area: str = "", country: str = "", language: str = "", role: str = "") -> QuerySet:
    """Verified members in the directory, by name, narrowed by what is given. A member's
    country, languages, role and program areas count only if they show them on their profile
    (``shown_on_profile`` holds field names: the quotes match one name whole)."""
    members = listed_members().filter(profile__in_directory=True)
    if area:
        members = members.filter(
            profile__expertise__slug=area, profile__shown_on_profile__icontains='"expertise"'
        )
    if country:
        members = members.filter(
            Q(profile__country__icontains=country, profile__shown_on_profile__icontains='"country"')
            | Q(
                profile__jurisdiction__icontains=country,
                profile__shown_on_profile__icontains='"jurisdiction"',
            )
        )
    if language:
        members = members.filter(
            profile__languages__icontains=language,
            profile__shown_on_profile__icontains='"languages"',
        )
    if role:
        members = members.filter(
            profile__professional_role=role,
            profile__shown_on_profile__icontains='"professional_role"',
        )
    return (
        members.select_related("profile")
        .prefetch_related("profile__expertise")
        .order_by("profile__display_name", "username")
        .distinct()
    )
