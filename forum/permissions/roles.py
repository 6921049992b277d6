"""Who the user is to the forum: a member, verified or pending, suspended, a moderator and of
which scope. Every other module of the policy builds on these answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

from django.contrib.auth.models import AnonymousUser, Permission
from django.contrib.auth.models import User as Account
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from forum.caching import roles_version
from forum.models import Board, Moderator, Profile

# Who asks: an account (the project uses Django's own user model) or a visitor.
User = Account | AnonymousUser
MODERATE = "forum.moderate"


def is_member(user: User) -> TypeGuard[Account]:
    """A signed-in, active account, verified or not (so never a visitor)."""
    return bool(user.is_authenticated and user.is_active)


@dataclass(frozen=True)
class Scope:
    """What a moderator moderates: areas None means every area (a site moderator)."""

    areas: frozenset[int] | None
    languages: frozenset[str] | None  # None: posts in every language fill their queues

    @property
    def is_site_wide(self) -> bool:
        return self.areas is None


SCOPE_CACHE = "_forum_scope"


def moderation_scope(user: User) -> Scope | None:
    """The user's moderation scope, or None for a non-moderator (cached on the user object)."""
    if isinstance(user, AnonymousUser) or not is_member(user):
        return None
    if hasattr(user, SCOPE_CACHE):
        cached: Scope | None = getattr(user, SCOPE_CACHE)
        return cached
    key = f"forum:scope:{user.pk}:{int(user.is_superuser)}:{roles_version()}"
    kept = cache.get(key)
    if kept is None:
        kept = (_scope_of(user),)  # a tuple: None is an answer too
        cache.set(key, kept, SCOPE_TIMEOUT)
    setattr(user, SCOPE_CACHE, kept[0])  # asked several times a request: once from the cache
    return kept[0]


# The roles version moves with every change of who moderates what; this only bounds the copies.
SCOPE_TIMEOUT = 10 * 60


def _scope_of(user: Account) -> Scope | None:
    scope: Scope | None = None
    # One query for what every page asks of every member (user.has_perm would take two, and
    # the moderator row a third): the permission, held or through a group, and the row.
    app_label, codename = MODERATE.split(".")
    granted = Permission.objects.filter(
        Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
        content_type__app_label=app_label,
        codename=codename,
    )
    answers = (
        Account.objects.filter(pk=user.pk)
        .values(
            site=Exists(granted),
            areas=Exists(Moderator.objects.filter(user=OuterRef("pk"))),
        )
        .first()
    ) or {"site": False, "areas": False}
    if user.is_superuser or answers["site"]:
        scope = Scope(areas=None, languages=None)
    elif answers["areas"]:
        row = Moderator.objects.filter(user=user).prefetch_related("areas").first()
        if row is not None:
            areas = frozenset(area.pk for area in row.areas.all())
            if areas:
                scope = Scope(areas=areas, languages=frozenset(row.languages) or None)
    return scope


def is_moderator(user: User) -> bool:
    """A moderator of any scope."""
    return moderation_scope(user) is not None


def is_site_moderator(user: User) -> bool:
    scope = moderation_scope(user)
    return bool(scope and scope.is_site_wide)


def moderates_area(user: User, area_id: int) -> bool:
    scope = moderation_scope(user)
    return bool(scope and (scope.areas is None or area_id in scope.areas))


def moderates_board(user: User, board: Board) -> bool:
    return moderates_area(user, board.area_id)


def check_moderate_board(user: User, board: Board) -> None:
    """Raise 403 for an act on a board outside the user's moderation scope."""
    if not moderates_board(user, board):
        raise PermissionDenied(_("This is outside the boards you moderate."))


def check_site_moderator(user: User) -> None:
    if not is_site_moderator(user):
        raise PermissionDenied(_("Only site moderators may do this."))


def profile_of(user: User) -> Profile | None:
    if isinstance(user, AnonymousUser) or not is_member(user):
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def is_verified(user: User) -> TypeGuard[Account]:
    """A member a moderator (or the e-mail allow-list) has verified; moderators count too."""
    if not is_member(user):
        return False
    profile = profile_of(user)
    return bool((profile and profile.is_verified) or is_moderator(user))


def is_suspended(user: User) -> bool:
    profile = profile_of(user)
    return bool(profile and profile.is_suspended)


def may_post(user: User) -> bool:
    """Verified and not suspended: may write anything at all (where the board allows)."""
    return is_verified(user) and not is_suspended(user)


def awaits_verification(user: User) -> bool:
    """A member who confirmed their address and waits for a site moderator's decision (the
    header tells them what happens next). Moderators never wait: they count as verified."""
    profile = profile_of(user)
    return bool(
        profile
        and profile.verification == Profile.Verification.PENDING
        and profile.deleted_at is None
        and not is_moderator(user)
    )
