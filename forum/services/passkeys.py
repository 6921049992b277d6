"""Passkeys (WebAuthn) as the second sign-in step, beside the authenticator app, with
py_webauthn for the ceremonies (docs/security.md, "Two-step sign-in").

A member with two-step sign-in on may add passkeys from a session that has given its second
step; at sign-in, after the password, a passkey then does what a code does. The app and its
backup codes stay: they are how a member who lost every passkey still gets in, and turning
two-step sign-in off removes the passkeys with them (they are django-otp devices).

Each ceremony's challenge is kept in the session, used once, and expires with the sign-in it
belongs to. The relying party is the host the browser sees (its name for the site); the origin
is that host with its scheme, so a passkey made here works nowhere else. A credential whose
signature counter goes backwards (a cloned authenticator) is refused.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from forum import limits
from forum.models import Passkey
from forum.services import two_factor

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member

SITE_NAME = "Prosecutors' Exchange"
ADDING = "forum_passkey_adding"
SIGNING_IN = "forum_passkey_signing_in"
CHALLENGE_SECONDS = 300


class PasskeyError(Exception):
    """A refused ceremony; ``str()`` is not shown: the views say why in their own words."""


class NotAllowed(PasskeyError):
    pass


class TooMany(PasskeyError):
    pass


class Refused(PasskeyError):
    pass


def relying_party(request: HttpRequest) -> tuple[str, str]:
    """(rp id, origin): the host the browser asked for (ALLOWED_HOSTS vouches for it)."""
    host = request.get_host()
    rp_id = host if host.startswith("[") else host.split(":", 1)[0]
    return rp_id, f"{request.scheme}://{host}"


def passkeys_of(user: Member) -> list[Passkey]:
    return list(Passkey.objects.filter(user=user, confirmed=True).order_by("pk"))


def _remember(request: HttpRequest, key: str, challenge: bytes, user: Member) -> None:
    request.session[key] = {
        "challenge": bytes_to_base64url(challenge),
        "user": user.pk,
        "at": int(time.time()),
    }


def _challenge(request: HttpRequest, key: str, user: Member) -> bytes:
    """This session's challenge for this user, once: a second answer to it is refused."""
    state = request.session.pop(key, None)
    try:
        fresh = 0 <= time.time() - int(state["at"]) <= CHALLENGE_SECONDS
        if not fresh or state["user"] != user.pk:
            raise Refused
        return base64url_to_bytes(state["challenge"])
    except (TypeError, KeyError, ValueError) as exc:
        raise Refused from exc


def _credential(answer: Any) -> dict:
    """The browser's answer, as a dict py_webauthn reads; anything else is refused."""
    if isinstance(answer, (bytes, str)):
        if len(answer) > limits.PASSKEY_RESPONSE_MAX_BYTES:
            raise Refused
        try:
            answer = json.loads(answer)
        except ValueError as exc:
            raise Refused from exc
    if not isinstance(answer, dict) or not isinstance(answer.get("id"), str):
        raise Refused
    return answer


# --- Adding a passkey -------------------------------------------------------------------------


def adding_options(request: HttpRequest, user: Member) -> str:
    """The options the browser's navigator.credentials.create() takes, as JSON."""
    if not two_factor.has_two_factor(user):
        raise NotAllowed
    existing = passkeys_of(user)
    if len(existing) >= limits.PASSKEYS_PER_MEMBER:
        raise TooMany
    rp_id, _origin = relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=SITE_NAME,
        user_id=str(user.pk).encode(),
        user_name=user.get_username(),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(key.credential_id))
            for key in existing
        ],
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    _remember(request, ADDING, options.challenge, user)
    return options_to_json(options)


def add(request: HttpRequest, user: Member, answer: Any, name: str) -> Passkey:
    """Check the browser's answer to this session's challenge and keep the new passkey."""
    challenge = _challenge(request, ADDING, user)
    credential = _credential(answer)
    rp_id, origin = relying_party(request)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (InvalidRegistrationResponse, ValueError, TypeError, KeyError) as exc:
        raise Refused from exc
    transports = credential.get("response", {}).get("transports") or []
    with transaction.atomic():
        if not two_factor.has_two_factor(user):
            raise NotAllowed
        if Passkey.objects.select_for_update().filter(user=user).count() >= (
            limits.PASSKEYS_PER_MEMBER
        ):
            raise TooMany
        credential_id = bytes_to_base64url(verified.credential_id)
        if Passkey.objects.filter(credential_id=credential_id).exists():
            raise Refused  # already this site's, for this member or another
        return Passkey.objects.create(
            user=user,
            name=(name.strip() or "Passkey")[: limits.PASSKEY_NAME_MAX_LENGTH],
            confirmed=True,
            credential_id=credential_id,
            public_key=verified.credential_public_key,
            sign_count=verified.sign_count,
            transports=[str(t) for t in transports if isinstance(t, str)][:8],
            created_at=timezone.now(),
        )


def remove(user: Member, pk: int) -> bool:
    """Remove one of the member's passkeys; False when they have no such passkey."""
    deleted, _kinds = Passkey.objects.filter(user=user, pk=pk).delete()
    return bool(deleted)


# --- Signing in with one ----------------------------------------------------------------------


def sign_in_options(request: HttpRequest, user: Member) -> str:
    """The options navigator.credentials.get() takes, for the member signing in, as JSON."""
    keys = passkeys_of(user)
    if not keys:
        raise NotAllowed
    rp_id, _origin = relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(key.credential_id)) for key in keys
        ],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _remember(request, SIGNING_IN, options.challenge, user)
    return options_to_json(options)


def verify_sign_in(request: HttpRequest, user: Member, answer: Any) -> Passkey:
    """The passkey that answered this session's challenge for ``user``; Refused otherwise."""
    challenge = _challenge(request, SIGNING_IN, user)
    credential = _credential(answer)
    rp_id, origin = relying_party(request)
    with transaction.atomic():
        key = (
            Passkey.objects.select_for_update()
            .filter(user=user, confirmed=True, credential_id=credential["id"])
            .first()
        )
        if key is None:
            raise Refused  # not one of this member's passkeys
        try:
            verified = verify_authentication_response(
                credential=credential,
                expected_challenge=challenge,
                expected_rp_id=rp_id,
                expected_origin=origin,
                credential_public_key=bytes(key.public_key),
                credential_current_sign_count=key.sign_count,
            )
        except (InvalidAuthenticationResponse, ValueError, TypeError, KeyError) as exc:
            raise Refused from exc
        key.sign_count = verified.new_sign_count
        key.last_used_at = timezone.now()
        key.save(update_fields=["sign_count", "last_used_at"])
    return key
