"""Passkeys: WebAuthn credentials a member signs in with as their second step, beside the
authenticator app (forum/services/passkeys.py)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, TimestampMixin


class Passkey(TimestampMixin, Device):
    """One authenticator's credential for this site (a phone, a security key, a laptop's
    fingerprint reader). A django-otp device, so a session signed in with it is verified like
    one that gave a code, and removing a member's devices removes it too. It takes no typed
    code: ``verify_token`` refuses every one."""

    # django-otp's base classes are untyped: the fields say their types themselves.
    credential_id: models.CharField[str, str] = models.CharField(
        max_length=1400, unique=True
    )  # base64url, at most 1,023 bytes
    public_key: models.BinaryField[bytes, bytes] = models.BinaryField()  # COSE
    sign_count: models.PositiveBigIntegerField[int, int] = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")

    def verify_token(self, token: str) -> bool:
        return False
