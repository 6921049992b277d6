"""Two-step sign-in: an authenticator app (TOTP) and one-time backup codes, with django-otp.

A member has two-step sign-in on when they have a confirmed TOTP device. Backup codes are one
StaticDevice of theirs (each code a StaticToken, deleted when used) and exist only beside it.
Codes are checked with django-otp's own ``verify_token``: a TOTP code is refused once a code of
its time step or a later one was accepted (a code is single use), and each device slows down
after wrong codes (1, 2, 4, 8 ... seconds, ``OTP_*_THROTTLE_FACTOR``).
"""

from __future__ import annotations

import re
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django_otp import device_classes
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from forum import limits
from forum.models import Passkey

TOTP_CODE = re.compile(r"[0-9]{6}")
BACKUP_CODE = re.compile(r"[a-z2-7]{8}")  # StaticToken.random_token(): 5 random bytes, base32
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


class TwoFactorError(Exception):
    """A refused step; ``str()`` is not shown: views say what went wrong in their own words."""


class AlreadyOn(TwoFactorError):
    pass


class NotStarted(TwoFactorError):
    pass


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking a code: the device that took it, or how long to wait."""

    device: Device | None = None
    wait_seconds: int = 0  # > 0: the device refuses every code this long after wrong ones

    @property
    def ok(self) -> bool:
        return self.device is not None


@dataclass(frozen=True)
class Status:
    on: bool
    since: datetime | None = None
    last_used_at: datetime | None = None
    backup_codes_left: int = 0


# --- Reads ----------------------------------------------------------------------------------


def app_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, or None when two-step sign-in is off."""
    if not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("pk").first()


def has_two_factor(user) -> bool:
    return bool(getattr(user, "pk", None)) and (
        TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()
    )


def pending_device(user) -> TOTPDevice | None:
    """The authenticator app being set up (created, not yet confirmed with a code)."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def status(user) -> Status:
    device = app_device(user)
    if device is None:
        return Status(on=False)
    left = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return Status(
        on=True,
        since=device.created_at,
        last_used_at=device.last_used_at,
        backup_codes_left=left,
    )


def export(user) -> dict:
    """For the member's data export: whether it is on, when, how many backup codes are left,
    and their passkeys' names and dates; never the key, the codes or a credential."""

    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    state = status(user)
    keys = Passkey.objects.filter(user=user).order_by("pk")
    return {
        "on": state.on,
        "since": iso(state.since),
        "last_used_at": iso(state.last_used_at),
        "backup_codes_left": state.backup_codes_left,
        "passkeys": [
            {"name": key.name, "added": iso(key.created_at), "last_used_at": iso(key.last_used_at)}
            for key in keys
        ],
    }


def secret_key(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


# --- Writes ---------------------------------------------------------------------------------


def start_enrolment(*, user) -> TOTPDevice:
    """Make a new, unconfirmed authenticator device (replacing an unfinished one)."""
    with transaction.atomic():
        if TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).exists():
            raise AlreadyOn
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def confirm_enrolment(*, user, code: str) -> tuple[CodeCheck, list[str]]:
    """Confirm the app being set up with a current code; on success, make the backup codes."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("-pk")
            .first()
        )
        if device is None:
            raise NotStarted
        check = _verify(device, code) if TOTP_CODE.fullmatch(code) else CodeCheck()
        codes: list[str] = []
        if check.ok:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _replace_backup_codes(user)
    # A wrong code's throttling count is saved by django-otp inside the block above, and kept:
    # the block ends normally whatever the outcome.
    return check, codes


def regenerate_backup_codes(*, user) -> list[str]:
    """Replace the user's backup codes with new ones (shown once; the old ones stop working)."""
    with transaction.atomic():
        if not TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).exists():
            raise NotStarted
        return _replace_backup_codes(user)


def verify_code(*, user, code: str) -> CodeCheck:
    """Check a sign-in code: six digits against the app, eight characters against the backup
    codes (a backup code works once). The code is already normalized (forms.py)."""
    with transaction.atomic():
        if TOTP_CODE.fullmatch(code):
            devices = TOTPDevice.objects.filter(user=user, confirmed=True)
        elif BACKUP_CODE.fullmatch(code):
            devices = StaticDevice.objects.filter(user=user, confirmed=True)
        else:
            return CodeCheck()
        # Locked, so two requests with one code cannot both pass (django-otp's verify_token).
        device = devices.select_for_update().order_by("pk").first()
        if device is None:
            return CodeCheck()
        return _verify(device, code)


def turn_off(*, user, code: str) -> CodeCheck:
    """Remove the app and the backup codes, once a current code (or backup code) is given."""
    with transaction.atomic():
        check = verify_code(user=user, code=code)
        if check.ok:
            remove_devices(user=user)
    return check


def remove_devices(*, user) -> None:
    """Every OTP device of the user, confirmed or not (account deletion, turning it off)."""
    with transaction.atomic():
        for model in device_classes():
            model.objects.filter(user=user).delete()


def _verify(device: Device, code: str) -> CodeCheck:
    allowed, details = device.verify_is_allowed()
    if not allowed:
        until = (details or {}).get("locked_until") or timezone.now()
        return CodeCheck(wait_seconds=max(1, round((until - timezone.now()).total_seconds())))
    return CodeCheck(device=device) if device.verify_token(code) else CodeCheck()


def _replace_backup_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    device.throttle_reset(commit=False)
    device.confirmed = True
    device.save()
    codes = _distinct_codes(limits.TWO_FACTOR_BACKUP_CODES)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _distinct_codes(count: int) -> list[str]:
    codes: list[str] = []
    while len(codes) < count:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    return codes
