"""Registration, e-mail confirmation and verification of members; their profile changes."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forum import limits, tasks
from forum.links import absolute_url
from forum.links import base_url as site_address
from forum.models import AllowedEmailDomain, Post, Profile, Thread
from forum.realtime import kinds
from forum.realtime.events import queue_event
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member

    from forum.forms import ProfileForm

CONFIRM_SALT = "forum.confirm-email"


class InvalidConfirmation(Exception):
    """The confirmation link is malformed, expired, or for an address that has changed."""


def confirmation_token(user: Member) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRM_SALT)


def register_member(
    *, username: str, email: str, password: str, language: str, base_url: str = "", **profile
):
    """Create an inactive account and its pending profile; e-mail the confirmation link.

    For an address already registered nothing is created: its owner is told by e-mail instead
    (with a fresh confirmation link if they never confirmed it), and the caller answers as for
    a new address, so the form does not tell who is registered. Returns the new account or None.
    ``base_url``: where links start (forum/links.py); empty, the request being answered.
    """
    with transaction.atomic():
        owners = list(registered_with(email).select_related("profile"))
        if owners:
            for owner in owners:
                transaction.on_commit(
                    partial(
                        tasks.send_registration_attempt_email.enqueue, owner.pk, language, base_url
                    )
                )
            return None
        user = get_user_model().objects.create_user(
            username=username, email=email, password=password, is_active=False
        )
        Profile.objects.create(user=user, preferred_language=language, **profile)
        transaction.on_commit(
            partial(tasks.send_confirmation_email.enqueue, user.pk, language, base_url)
        )
    return user


def queue_confirmation(user: Member, *, language: str, base_url: str = "") -> None:
    """Have the worker e-mail the confirmation link again (after this transaction commits)."""
    transaction.on_commit(
        partial(tasks.send_confirmation_email.enqueue, user.pk, language, base_url)
    )


def registered_with(email: str) -> QuerySet:
    """The accounts using this address, in any case (deleted accounts have none)."""
    return get_user_model().objects.filter(email__iexact=email.strip()).exclude(email="")


def is_unconfirmed(user: Member) -> bool:
    """Registered, never confirmed: inactive and never signed in, still pending, not deleted.

    (An account its member deleted, or one an administrator turned off, is not: neither a
    sign-in nor a password reset may wake those.)
    """
    if user.is_active or user.last_login is not None or not user.email:
        return False
    profile = Profile.objects.filter(user=user).first()
    return bool(
        profile
        and profile.verification == Profile.Verification.PENDING
        and profile.deleted_at is None
    )


def send_confirmation(user: Member, *, language: str, base_url: str = "") -> None:
    """E-mail the member the link that confirms their address (valid for some days)."""
    with translation.override(language):
        context = {
            "user": user,
            "url": confirmation_url(user, base_url=base_url),
            "days": limits.EMAIL_CONFIRMATION_MAX_AGE // 86400,
        }
        subject = render_to_string("forum/email/confirm_subject.txt", context).strip()
        body = render_to_string("forum/email/confirm.txt", context)
    send_mail(subject, body, None, [user.email])


def confirmation_url(user: Member, *, base_url: str = "") -> str:
    path = reverse("forum:confirm_email", args=[confirmation_token(user)])
    return absolute_url(path, captured=base_url)


def send_registration_attempt(owner: Member, *, language: str, base_url: str = "") -> None:
    """Tell an address's owner that someone registered with it: how to sign in, how to reset
    the password, and for an account never confirmed, a fresh link to confirm it."""
    profile = getattr(owner, "profile", None)
    with translation.override((profile.preferred_language if profile else "") or language):
        context = {
            "user": owner,
            "sign_in_url": absolute_url(reverse("login"), captured=base_url),
            "reset_url": absolute_url(reverse("password_reset"), captured=base_url),
            "confirm_url": (
                confirmation_url(owner, base_url=base_url) if is_unconfirmed(owner) else ""
            ),
            "days": limits.EMAIL_CONFIRMATION_MAX_AGE // 86400,
        }
        subject = render_to_string("forum/email/registration_attempt_subject.txt", context).strip()
        body = render_to_string("forum/email/registration_attempt.txt", context)
    send_mail(subject, body, None, [owner.email])


def is_allow_listed(email: str) -> bool:
    domain = email.rpartition("@")[2].strip().lower()
    return bool(domain) and AllowedEmailDomain.objects.filter(domain=domain).exists()


def confirm_email(token: str):
    """Activate the account the link was sent for; verify it if its domain is allow-listed."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=limits.EMAIL_CONFIRMATION_MAX_AGE)
    except signing.BadSignature as exc:
        raise InvalidConfirmation from exc
    with transaction.atomic():
        user = (
            get_user_model()
            .objects.select_for_update()
            .filter(pk=data.get("user"), email=data.get("email"))
            .first()
        )
        if user is None:
            raise InvalidConfirmation
        activate_member(user)
    return user


def activate_member(user: Member) -> None:
    """The member proved they read the address (a confirmation link, a password reset link):
    the account is active; verified at once if its domain is allow-listed, else queued."""
    with transaction.atomic():
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        profile, _ = Profile.objects.select_for_update().get_or_create(
            user=user, defaults={"display_name": user.get_username()}
        )
        if profile.verification == Profile.Verification.PENDING:
            if is_allow_listed(user.email):
                verify_member(moderator=None, member=user)
            else:  # now in the verification queue: its open pages refresh
                queue_event(area_id=None, kind=kinds.QUEUE_MEMBER, member_id=user.pk)


def update_profile(*, member: Member, form: ProfileForm) -> Profile:
    """Save the member's (valid) profile form; pages that show their name or picture follow."""
    if form.instance.user_id != member.pk:
        raise ValueError("this profile form is for another member")
    name_before = form.initial.get("display_name")
    picture_before = form.stored_avatar.name or ""
    with transaction.atomic():
        profile = form.save()  # deletes a replaced picture's file once committed
        name_changed = profile.display_name != name_before
        if name_changed or (profile.avatar.name or "") != picture_before:
            touch_pages_showing(member=member, name=name_changed)
        if "digest" in form.changed_data and profile.digest != Profile.Digest.OFF:
            # The first digest comes at once (what the member asked for), then each morning.
            from forum.tasks import send_member_digest

            base = site_address()
            transaction.on_commit(lambda: send_member_digest.enqueue(member.pk, base))
    return profile


def touch_pages_showing(*, member: Member, name: bool) -> None:
    """Move the change stamps of the pages that show the member's picture or name.

    Visitors' cached thread and board pages are keyed on them (forum/caching.py): without
    this, those pages keep the old name, or the address of a picture whose file is gone, for
    up to an hour. Thread pages show the picture and name with each post; board pages show
    names only (each thread's author and last poster). One UPDATE each, whatever the count.
    """
    now = stamp(threads=Post.objects.filter(author=member).values("thread_id"))
    if name:
        listed = Thread.objects.filter(Q(author=member) | Q(last_poster=member))
        stamp(boards=listed.values("board_id"), at=now)


def mark_verified(profile: Profile, *, moderator: Member | None) -> None:
    """Set a (locked) profile verified: the member may read members-only boards and post."""
    profile.verification = Profile.Verification.VERIFIED
    profile.verified_at = timezone.now()
    profile.verified_by = moderator
    profile.save(update_fields=["verification", "verified_at", "verified_by"])


def verify_member(*, moderator: Member | None, member: Member) -> Profile:
    """Verify a member without a decision to record (the e-mail allow-list, the admin, seeding).

    Moderators verify through forum.services.moderation.decide_membership, which also writes
    the audit row and tells the member.
    """
    with transaction.atomic():
        profile, _ = Profile.objects.select_for_update().get_or_create(
            user=member, defaults={"display_name": member.get_username()}
        )
        mark_verified(profile, moderator=moderator)
    return profile
