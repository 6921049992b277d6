"""Open sockets follow their account: what the member may read is checked again when it changes.

A socket is authorised when it subscribes; the account behind it can change while it stays
open. Signing out closes the sockets of that session; a password change closes every socket of
the account (other sessions end with it; the tab reconnects with what it still holds); a change
of groups, permissions, moderation scope, verification or the account's activity re-checks
every subscription of the member's open sockets at once (ForumConsumer.forum_recheck). A
board's own visibility change is announced to its followers (forum/signals.py).
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from forum.models import Moderator, Profile
from forum.realtime import sender, streams

logger = logging.getLogger(__name__)
User = get_user_model()


def _send(group: str, kind: str) -> None:
    try:
        sender.group_send(group, {"type": kind, "group": group})
    except Exception:  # the change stands; a socket re-checks at its next subscribe anyway
        logger.exception("could not tell %s of an account change", group)


def close_sockets_of_session(session_key: str | None) -> None:
    if session_key:
        _send(streams.session_group(session_key), "forum.signout")


def close_sockets_of(user_id: int) -> None:
    """After commit: every socket of the account closes (deletion, password change)."""
    transaction.on_commit(lambda: _send(streams.account_group(user_id), "forum.signout"))


def recheck_sockets_of(user_ids) -> None:
    """After commit: every open socket of these accounts re-checks what it follows."""
    ids = sorted({int(pk) for pk in user_ids})

    def tell() -> None:
        for user_id in ids:
            _send(streams.account_group(user_id), "forum.recheck")

    if ids:
        transaction.on_commit(tell)


@receiver(user_logged_out)
def signed_out(request, **kwargs) -> None:
    # Sent before the session is flushed: its key still names the sockets opened with it.
    session = getattr(request, "session", None)
    close_sockets_of_session(session.session_key if session is not None else None)


@receiver(pre_save, sender=User)
def account_saved(instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    before = (
        User.objects.filter(pk=instance.pk).values("password", "is_active", "is_superuser").first()
    )
    if before is None:
        return
    if before["password"] != instance.password:
        close_sockets_of(instance.pk)
    elif (before["is_active"], before["is_superuser"]) != (
        instance.is_active,
        instance.is_superuser,
    ):
        recheck_sockets_of([instance.pk])


@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
def memberships_changed(instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "pre_clear", "post_clear"):
        return
    if isinstance(instance, User):
        recheck_sockets_of([instance.pk])
    elif action == "pre_clear":  # a group emptied: its members are known only before
        recheck_sockets_of(instance.user_set.values_list("pk", flat=True))
    elif pk_set:
        recheck_sockets_of(pk_set)


@receiver(m2m_changed, sender=Group.permissions.through)
def group_permissions_changed(instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Group):
        recheck_sockets_of(instance.user_set.values_list("pk", flat=True))


@receiver(post_save, sender=Moderator)
@receiver(post_delete, sender=Moderator)
def moderator_changed(instance, **kwargs) -> None:
    recheck_sockets_of([instance.user_id])


@receiver(m2m_changed, sender=Moderator.areas.through)
def moderator_areas_changed(instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Moderator):
        recheck_sockets_of([instance.user_id])


@receiver(pre_save, sender=Profile)
def verification_changed(instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None or (update_fields is not None and "verification" not in update_fields):
        return
    before = Profile.objects.filter(pk=instance.pk).values_list("verification", flat=True).first()
    if before is not None and before != instance.verification:
        recheck_sockets_of([instance.user_id])
