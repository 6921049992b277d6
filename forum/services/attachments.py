"""Attachments kept, given to a post or a consultation message, replaced on edit, and swept.

A file is checked and stored when its form is sent (forum/forms/attachments.py), before the rest
of the form is known to be right: a form refused for its title keeps its files, ticked, and the
member does not pick them again. Until the post is written they are the uploader's alone; the
post's own transaction then takes them (``attach``), and the worker removes those never sent
(``sweep_unsent``).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import cast

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from forum import limits
from forum.attachments import ATTACHMENT_FOLDER, Checked
from forum.models import Attachment, Message, Post
from forum.permissions.roles import User

UNSENT = Q(post__isnull=True, message__isnull=True)


def unsent_of(user: User) -> QuerySet[Attachment]:
    """The files a member uploaded with a form not yet sent (theirs alone)."""
    if not user.is_authenticated:
        return Attachment.objects.none()
    return Attachment.objects.filter(UNSENT, uploader_id=user.pk)


def keep(uploader: User, checked: list[Checked]) -> list[Attachment]:
    """Store checked files as the uploader's unsent attachments, in one transaction; the files
    written are removed again if it does not commit."""
    written: list[str] = []
    try:
        with transaction.atomic():
            kept = [_store(uploader, item, written) for item in checked]
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return kept


def _store(uploader: User, item: Checked, written: list[str]) -> Attachment:
    token = secrets.token_hex(16)
    extension = item.name.rpartition(".")[2].lower()
    name = default_storage.save(f"{ATTACHMENT_FOLDER}/{token}.{extension}", item.content)
    written.append(name)
    thumbnail = ""
    if item.thumbnail is not None:
        thumbnail = default_storage.save(f"{ATTACHMENT_FOLDER}/{token}.thumb.webp", item.thumbnail)
        written.append(thumbnail)
    return Attachment.objects.create(
        uploader_id=cast(int, uploader.pk),
        kind=item.kind,
        name=item.name,
        content_type=item.content_type,
        size=item.content.size,
        file=name,
        thumbnail=thumbnail,
        width=item.width,
        height=item.height,
    )


def attach(
    *, uploader: User, ids: list[int], post: Post | None = None, message: Message | None = None
) -> int:
    """Give the uploader's unsent attachments ``ids`` to a new post or message, inside its
    transaction; returns how many it took (one already taken, or someone else's, is not)."""
    if not ids:
        return 0
    taken = (
        unsent_of(uploader)
        .filter(pk__in=ids[: limits.ATTACHMENTS_PER_POST])
        .update(post=post, message=message)
    )
    if post is not None and taken:
        post.attachment_count = taken
        post.save(update_fields=["attachment_count"])
    return taken


def replace(*, editor: User, post: Post, ids: list[int]) -> bool:
    """An edit's attachments: the post's own that ``ids`` keeps, and the editor's unsent ones it
    adds; the others are deleted with their files once the edit commits. Whether any changed."""
    current = set(post.attachments.values_list("pk", flat=True))
    wanted = set(ids)
    dropped = Attachment.objects.filter(post=post).exclude(pk__in=wanted)
    removed = _delete(dropped)
    room = limits.ATTACHMENTS_PER_POST - len(current & wanted)
    added = unsent_of(editor).filter(pk__in=sorted(wanted - current)[: max(room, 0)])
    taken = added.update(post=post)
    if removed or taken:
        post.attachment_count = post.attachments.count()
        post.save(update_fields=["attachment_count"])
    return bool(removed or taken)


def _delete(attachments: QuerySet[Attachment]) -> int:
    names = [name for pair in attachments.values_list("file", "thumbnail") for name in pair if name]
    deleted, _by_model = attachments.delete()
    if names:
        transaction.on_commit(lambda: _remove(names))
    return deleted


def _remove(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def sweep_unsent(now=None) -> int:
    """Remove the files uploaded with forms never sent, a day on (the worker, hourly)."""
    before = (now or timezone.now()) - timedelta(hours=limits.UNSENT_ATTACHMENT_HOURS)
    with transaction.atomic():
        return _delete(Attachment.objects.filter(UNSENT, created_at__lt=before))


def delete_of_posts(post_ids: list[int]) -> None:
    """Posts deleted for good (retention): their files go, once the deletion commits."""
    _delete(Attachment.objects.filter(post_id__in=post_ids))


def delete_all_of(uploader: User) -> None:
    """An account deleted: its unsent files go (those in posts stay with the posts)."""
    _delete(unsent_of(uploader))


def payload(attachment: Attachment) -> dict:
    """What live.js needs to show one attachment of a post that arrives live."""
    data = {
        "url": reverse("forum:attachment", args=[attachment.pk, attachment.name]),
        "name": attachment.name,
        "kind": attachment.kind,
        "size": attachment.size,
    }
    if attachment.is_image:
        width, height = attachment.thumbnail_size
        data |= {
            "thumbnail": reverse("forum:attachment_thumbnail", args=[attachment.pk]),
            "width": width,
            "height": height,
        }
    return data
