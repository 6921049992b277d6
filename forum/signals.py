"""Receivers for decoupled side effects only (cache invalidation), never for domain writes."""

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from forum.caching import bump_listing_version, bump_roles_version
from forum.models import (
    Board,
    BoardCheck,
    CaseNumberPattern,
    ModerationSettings,
    Moderator,
    ProgramArea,
)
from forum.realtime.events import announce_access_change


@receiver(post_save, sender=ProgramArea)
@receiver(post_delete, sender=ProgramArea)
@receiver(post_save, sender=Board)
@receiver(post_delete, sender=Board)
@receiver(m2m_changed, sender=Board.allowed_groups.through)
def listing_changed(**kwargs) -> None:
    # After commit, so a concurrent request cannot re-cache the old listing under the new key.
    transaction.on_commit(bump_listing_version)


@receiver(post_save, sender=BoardCheck)
@receiver(post_delete, sender=BoardCheck)
@receiver(post_save, sender=CaseNumberPattern)
@receiver(post_delete, sender=CaseNumberPattern)
def check_rules_changed(**kwargs) -> None:
    # The confidential-data check's rules (services/confidential.py) and the first posts held
    # (services/review.py) are kept under the listing version; now and after commit, as for
    # the roles below.
    bump_listing_version()
    transaction.on_commit(bump_listing_version)


@receiver(post_save, sender=ModerationSettings)
def moderation_settings_changed(created: bool, **kwargs) -> None:
    # Created by its first load() with the defaults, which is what that load returned: nothing
    # kept is out of date, and the listing's caches are not thrown away for it.
    if not created:
        check_rules_changed()


@receiver(post_save, sender=Moderator)
@receiver(post_delete, sender=Moderator)
@receiver(m2m_changed, sender=Moderator.areas.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=Group.permissions.through)
@receiver(post_delete, sender=Group)
@receiver(post_delete, sender=Permission)
def roles_changed(**kwargs) -> None:
    # Now and after commit: the scopes kept in the cache (permissions.roles) are asked again,
    # and a request that read the old roles meanwhile cannot keep them under the new version.
    bump_roles_version()
    transaction.on_commit(bump_roles_version)


@receiver(post_save, sender=Board)
@receiver(m2m_changed, sender=Board.allowed_groups.through)
def board_audience_changed(instance, **kwargs) -> None:
    """Open sockets re-check their access to the board's streams (it may have become private)."""
    if isinstance(instance, Board):
        announce_access_change(instance.pk)
