"""The parts of a member's data export kept beside their posts (forum/services/privacy.py):
unsent drafts, bookmarks, reactions, the messages of their private consultations, and the
list of the files they attached (each downloadable at its address while they may read it)."""

from __future__ import annotations

from django.urls import reverse

from forum.models import Attachment, Bookmark, Draft, Message, Reaction


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def kept_for_the_member(member) -> dict:
    return {
        "drafts": [
            {
                "thread_id": d.thread_id,
                "board_id": d.board_id,
                "title": d.title,
                "body": d.body,
                "updated_at": _iso(d.updated_at),
            }
            for d in Draft.objects.filter(user=member)
        ],
        "bookmarks": [
            {"post_id": b.post_id, "note": b.note, "remind_at": _iso(b.remind_at)}
            for b in Bookmark.objects.filter(user=member)
        ],
        "reactions": [
            {"post_id": r.post_id, "kind": r.kind, "created_at": _iso(r.created_at)}
            for r in Reaction.objects.filter(user=member)
        ],
        "consultation_messages": [
            {
                "consultation": m.consultation.subject,
                "body": m.body_source,
                "created_at": _iso(m.created_at),
            }
            for m in Message.objects.filter(author=member).select_related("consultation")
        ],
        "attachments": [
            {
                "name": a.name,
                "kind": a.kind,
                "size": a.size,
                "post_id": a.post_id,
                "consultation_message_id": a.message_id,
                "address": reverse("forum:attachment", args=[a.pk, a.name]),
                "uploaded_at": _iso(a.created_at),
            }
            for a in Attachment.objects.filter(uploader=member)
        ],
    }
