"""Who reads and writes a private consultation: its participants who have not left it, and,
once a participant reported it, the site moderators (to read). Nobody else, on any surface:
a consultation someone may not read is "not found", whatever its id."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from forum.models import Consultation, Participant
from forum.permissions.roles import User, is_member, is_site_moderator, is_verified, may_post


def participates(user: User, consultation: Consultation) -> bool:
    if not is_member(user):
        return False
    return Participant.objects.filter(
        consultation=consultation, user_id=user.pk, left_at__isnull=True
    ).exists()


def can_read_consultation(
    user: User, consultation: Consultation, *, participant: bool | None = None
) -> bool:
    """``participant``: participates()'s answer when the caller has it (a page asks once)."""
    if participant is None:
        participant = participates(user, consultation)
    return participant or (consultation.reported_at is not None and is_site_moderator(user))


def check_read_consultation(
    user: User, consultation: Consultation, *, participant: bool | None = None
) -> None:
    if not can_read_consultation(user, consultation, participant=participant):
        raise Http404


def can_write_consultation(
    user: User, consultation: Consultation, *, participant: bool | None = None
) -> bool:
    if participant is None:
        participant = participates(user, consultation)
    return participant and may_post(user)


def check_start_consultation(user: User) -> None:
    """Verified members who may post start consultations."""
    if not (is_verified(user) and may_post(user)):
        raise PermissionDenied(
            _("Private consultations open once your membership is verified, while you may post.")
        )
