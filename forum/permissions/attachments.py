"""Who may fetch an attached file: whoever may read the text it was attached to, and nobody
else, whatever its id. A post's file follows the post (its thread's board, its state: a held or
hidden post's files are its author's and the board's moderators'; a deleted post's, the
moderators' alone); a consultation message's follows the consultation; a file whose form was
never sent is its uploader's. Any other request is "not found", as for the post itself."""

from __future__ import annotations

from django.http import Http404

from forum.models import Attachment
from forum.permissions.consultations import can_read_consultation
from forum.permissions.roles import User, is_member
from forum.permissions.threads import Standing


def can_see_attachment(user: User, attachment: Attachment) -> bool:
    if attachment.post is not None:
        post = attachment.post
        standing = Standing(user, post.thread)
        if post.is_deleted:
            return standing.reads and standing.moderates
        return standing.sees_post(post)
    if attachment.message is not None:
        return can_read_consultation(user, attachment.message.consultation)
    return is_member(user) and attachment.uploader_id == user.pk


def check_see_attachment(user: User, attachment: Attachment) -> None:
    if not can_see_attachment(user, attachment):
        raise Http404
