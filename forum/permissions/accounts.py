"""Accounts: who holds a role, who may close their own account, who uses two-step sign-in."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from forum.models import Moderator
from forum.permissions.roles import User, is_member, is_moderator, is_verified

EDITOR_ACCESS = "wagtailadmin.access_admin"


def holds_a_role(user: User) -> bool:
    """Moderators (any scope, even one with no area yet), editors and reviewers (the Wagtail
    admin), staff and superusers."""
    return is_member(user) and (
        user.is_staff
        or user.is_superuser
        or is_moderator(user)
        or Moderator.objects.filter(user=user).exists()
        or user.has_perm(EDITOR_ACCESS)
    )


def can_delete_own_account(user: User) -> bool:
    """Members delete their own account; moderators, editors and staff ask an administrator."""
    # Their roles, and the decisions and pages that name them, are handed over first: closing
    # such an account is an administrator's act, not a self-service one.
    return is_member(user) and not holds_a_role(user)


def check_delete_own_account(user: User) -> None:
    if not can_delete_own_account(user):
        raise PermissionDenied(
            _(
                "Accounts of moderators, editors and administrators are closed by an "
                "administrator: please contact one."
            )
        )


def can_use_two_factor(user: User) -> bool:
    """Who may turn on two-step sign-in: every role above, and verified members (they read the
    members-only boards, which are worth protecting too). Pending members wait for verification."""
    return is_verified(user) or holds_a_role(user)


def must_use_two_factor(user: User) -> bool:
    """With REQUIRE_TWO_FACTOR_FOR_STAFF on, the roles that enrol before using their tools."""
    return bool(settings.REQUIRE_TWO_FACTOR_FOR_STAFF) and holds_a_role(user)


def can_keep_records(user: User) -> bool:
    """Staff (the site's administrators) keep the association's records: they export the whole
    moderation log for an audit (its readers on the site see only their own scope of it), place
    and lift legal holds, and set retention policies."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_staff)
