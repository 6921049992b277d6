"""Private consultations (forum/models/consultations.py): started with one or more verified
colleagues who accept them, answered by its participants, reported to the site moderators,
left. Each act is one transaction; the other participants are notified (and live, their
header's count), never anyone else."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits, markup
from forum.language import detect_language
from forum.links import base_url
from forum.models import Consultation, Message, Notification, Participant, Profile, Report
from forum.permissions import may_post
from forum.permissions.consultations import check_start_consultation, participates
from forum.realtime import kinds, streams
from forum.realtime.events import publish_event
from forum.services.attachments import attach
from forum.services.notifications import tell_member
from forum.tasks import send_consultation_emails

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


class ConsultationError(ValueError):
    """The consultation cannot be started or written as asked; the message says why."""


def recipients_named(author: Member, names: list[str]) -> list[Member]:
    """The verified members these user names name, each accepting consultations; the reason
    otherwise (the same for "no such member" and "not verified": nothing leaks of accounts)."""
    wanted = list(dict.fromkeys(name.strip().lstrip("@") for name in names if name.strip()))
    if not wanted:
        raise ConsultationError(_("Name at least one member to consult."))
    if len(wanted) > limits.CONSULTATION_MAX_RECIPIENTS:
        raise ConsultationError(
            _("Consult at most %(count)d members at once.")
            % {"count": limits.CONSULTATION_MAX_RECIPIENTS}
        )
    if author.get_username() in wanted:
        raise ConsultationError(_("You cannot consult yourself."))
    found = {
        user.get_username(): user
        for user in get_user_model()
        .objects.filter(
            username__in=wanted,
            is_active=True,
            profile__verification=Profile.Verification.VERIFIED,
            profile__deleted_at__isnull=True,
        )
        .select_related("profile")
    }
    for name in wanted:
        member = found.get(name)
        if member is None:
            raise ConsultationError(_("No member is called @%(name)s.") % {"name": name[:150]})
        if not member.profile.accepts_consultations:
            raise ConsultationError(
                _("@%(name)s does not accept private consultations.") % {"name": name}
            )
    return [found[name] for name in wanted]


def start_consultation(
    *,
    author: Member,
    recipients: list[str],
    subject: str,
    body: str,
    language: str | None = None,
    submission_token: uuid.UUID | None = None,
    attachments: Sequence[int] = (),
) -> Consultation:
    check_start_consultation(author)
    members = recipients_named(author, recipients)
    with transaction.atomic():
        if submission_token is not None:  # the same form sent twice: the first one
            sent = Message.objects.filter(author=author, submission_token=submission_token)
            if (first := sent.select_related("consultation").first()) is not None:
                return first.consultation
        consultation = Consultation.objects.create(subject=subject.strip(), started_by=author)
        now = timezone.now()
        Participant.objects.create(consultation=consultation, user=author, last_read_at=now)
        Participant.objects.bulk_create(
            [Participant(consultation=consultation, user=member) for member in members]
        )
        _add_message(consultation, author, body, language, submission_token, attachments)
    return consultation


def send_message(
    *,
    author: Member,
    consultation: Consultation,
    body: str,
    language: str | None = None,
    submission_token: uuid.UUID | None = None,
    attachments: Sequence[int] = (),
) -> Message:
    with transaction.atomic():
        current = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not (participates(author, current) and may_post(author)):
            raise ConsultationError(_("You may not write in this consultation."))
        if submission_token is not None:
            sent = Message.objects.filter(author=author, submission_token=submission_token)
            if (first := sent.first()) is not None:
                return first
        return _add_message(current, author, body, language, submission_token, attachments)


def _add_message(
    consultation, author, body, language, submission_token, attachments: Sequence[int] = ()
) -> Message:
    now = timezone.now()
    fallback = getattr(getattr(author, "profile", None), "preferred_language", "") or "en"
    message = Message.objects.create(
        consultation=consultation,
        author=author,
        body_source=body,
        body_html=markup.render(body),
        language=language or detect_language(body, fallback=fallback),
        created_at=now,
        submission_token=submission_token,
    )
    attach(uploader=author, ids=list(attachments), message=message)
    Consultation.objects.filter(pk=consultation.pk).update(last_message_at=now)
    Participant.objects.filter(consultation=consultation, user=author).update(last_read_at=now)
    others = Participant.objects.filter(consultation=consultation, left_at__isnull=True).exclude(
        user=author
    )
    told = list(others.values_list("user_id", flat=True))
    for user_id in told:
        tell_member(
            user_id, Notification.Kind.CONSULTATION, actor=author, consultation=consultation
        )
    # Ids only: an open page fetches the list as its reader may read it (views/consultations).
    publish_event(
        stream=streams.consultation(consultation.pk),
        kind=kinds.CONSULTATION_MESSAGE,
        payload={"consultation_id": consultation.pk, "message_id": message.pk},
    )
    if told:
        base = base_url()
        transaction.on_commit(
            lambda: send_consultation_emails.enqueue(message.pk, sorted(told), base)
        )
    return message


def report_consultation(*, reporter: Member, consultation: Consultation, reason: str) -> Report:
    reason = reason.strip()
    if not reason:
        raise ConsultationError(_("Say what the moderators should look at."))
    with transaction.atomic():
        current = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not participates(reporter, current):
            raise ConsultationError(_("Only its participants may report a consultation."))
        report = Report.objects.create(consultation=current, reporter=reporter, reason=reason)
        if current.reported_at is None:
            current.reported_at = report.created_at
            current.save(update_fields=["reported_at"])
    return report


def leave_consultation(*, user: Member, consultation: Consultation) -> None:
    """The member reads it no more (its messages stay for the others, and for the moderators
    if it was reported)."""
    Participant.objects.filter(consultation=consultation, user=user, left_at__isnull=True).update(
        left_at=timezone.now()
    )


def mark_read(*, user: Member, consultation: Consultation) -> None:
    Participant.objects.filter(consultation=consultation, user=user).update(
        last_read_at=timezone.now()
    )
    Notification.objects.filter(
        recipient=user, consultation=consultation, read_at__isnull=True
    ).update(read_at=timezone.now())
