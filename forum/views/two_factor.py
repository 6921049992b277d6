"""Two-step sign-in: its page in the member's account (set up, backup codes, turn off) and the
code step of signing in. The rules are in forum/permissions.py, the writes in
forum/services/two_factor.py, the pending sign-in in forum/signin.py.
"""

from __future__ import annotations

import re
import unicodedata

import qrcode
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathFillImage

from forum import limits, signin
from forum.permissions import can_use_two_factor
from forum.services import two_factor
from forum.services.passkeys import passkeys_of
from forum.throttling import CODE_ATTEMPTS, PASSWORD_CHECK, refuse_over_limit
from forum.views.accounts import follow_preferred_language, locked_out
from forum.views.helpers import AuthenticatedHttpRequest

NOT_A_CODE = gettext_lazy(
    "Enter the 6-digit code your authenticator app shows, or one of your 8-character backup codes."
)
NOT_AN_APP_CODE = gettext_lazy("Enter the 6-digit code your authenticator app shows.")
SEPARATORS = re.compile(r"[\s\-]+")


# --- Forms ----------------------------------------------------------------------------------


class CodeField(forms.CharField):
    """A code as people type it: spaces and dashes ignored, digits of any script read as the
    digits they are (an Arabic keyboard types ١٢٣), letters in either case."""

    def __init__(self, *, backup_codes: bool, **kwargs):
        self.backup_codes = backup_codes
        message = NOT_A_CODE if backup_codes else NOT_AN_APP_CODE
        super().__init__(
            label=_("Code"),
            max_length=limits.TWO_FACTOR_CODE_MAX_LENGTH,
            strip=True,
            error_messages={
                "required": message,
                "max_length": message,
                "null_characters_not_allowed": message,
            },
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "inputmode": "text" if backup_codes else "numeric",
                    "autocapitalize": "off",
                    "spellcheck": "false",
                    "size": 12,
                }
            ),
            **kwargs,
        )
        self.message = message

    def clean(self, value):
        code = SEPARATORS.sub("", super().clean(value))
        code = "".join(
            str(unicodedata.decimal(ch)) if ch.isdecimal() else ch.lower() for ch in code
        )
        if two_factor.TOTP_CODE.fullmatch(code) or (
            self.backup_codes and two_factor.BACKUP_CODE.fullmatch(code)
        ):
            return code
        raise forms.ValidationError(self.message)


class CodeForm(forms.Form):
    def __init__(self, *args, backup_codes: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"] = CodeField(backup_codes=backup_codes)
        self.fields["code"].widget.attrs["autofocus"] = True  # the page's one field


class TurnOffForm(forms.Form):
    """Turning two-step sign-in off asks for the password and a current code."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["code"] = CodeField(backup_codes=True)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


def wrong_code(check: two_factor.CodeCheck) -> str:
    if check.wait_seconds:
        return ngettext(
            "After a wrong code, codes are refused for a moment: wait %(seconds)d second, then "
            "enter the code your app shows now.",
            "After wrong codes, codes are refused for a moment: wait %(seconds)d seconds, then "
            "enter the code your app shows now.",
            check.wait_seconds,
        ) % {"seconds": check.wait_seconds}
    return _(
        "This code is not right, or it was already used. Enter the code your app shows now, "
        "or an unused backup code."
    )


def qr_code(device: TOTPDevice) -> SafeString:
    """The key as a QR code, inline SVG: drawn here, so no image request and no data: URL."""
    image = qrcode.make(device.config_url, image_factory=SvgPathFillImage, border=2)
    svg = image.get_image()
    svg.set("role", "img")
    svg.set("aria-label", _("QR code of your key, for your authenticator app"))
    svg.set("class", "qr-code")
    svg.set("width", "200")
    svg.set("height", "200")
    # Safe: qrcode's own path data and the attributes above, escaped by ElementTree.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


# --- The account page -------------------------------------------------------------------------


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "forum/two_factor/overview.html", {"refused": True}, status=403)


@never_cache
@login_required
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    status = two_factor.status(request.user)
    if not (status.on or can_use_two_factor(request.user)):
        return _refused(request)
    context = {
        "status": status,
        "setting_up": two_factor.pending_device(request.user),
        "passkeys": passkeys_of(request.user) if status.on else [],
        "gave_code": signin.session_gave_code(request.user),
    }
    return render(request, "forum/two_factor/overview.html", context)


@never_cache
@login_required
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not can_use_two_factor(user):
        return _refused(request)
    if request.method == "POST" and "start" in request.POST:
        try:
            two_factor.start_enrolment(user=user)
        except two_factor.AlreadyOn:
            return redirect("forum:two_factor")
        return redirect("forum:two_factor_setup")
    device = two_factor.pending_device(user)
    if device is None:
        return redirect("forum:two_factor")
    form = CodeForm(request.POST or None, backup_codes=False)
    if request.method == "POST" and form.is_valid():
        try:
            check, codes = two_factor.confirm_enrolment(user=user, code=form.cleaned_data["code"])
        except two_factor.NotStarted:
            return redirect("forum:two_factor")
        if check.ok:
            # This session has just shown it holds the app: it counts as signed in with it.
            otp_login(request, check.device)
            messages.success(request, _("Two-step sign-in is on."))
            return render(
                request, "forum/two_factor/backup_codes.html", {"codes": codes, "first": True}
            )
        form.add_error("code", wrong_code(check))
    context = {"form": form, "qr_code": qr_code(device), "key": two_factor.secret_key(device)}
    return render(request, "forum/two_factor/setup.html", context)


@never_cache
@login_required
@require_POST
def backup_codes(request: HttpRequest) -> HttpResponse:
    # Only a session that gave a code (sign-in or set-up) may see new codes.
    if not signin.session_gave_code(request.user):
        return redirect("forum:two_factor")
    try:
        codes = two_factor.regenerate_backup_codes(user=request.user)
    except two_factor.NotStarted:
        return redirect("forum:two_factor")
    return render(request, "forum/two_factor/backup_codes.html", {"codes": codes})


@never_cache
@login_required
@sensitive_post_parameters("password", "code")
@require_http_methods(["GET", "POST"])
def turn_off(request: HttpRequest) -> HttpResponse:
    if not two_factor.has_two_factor(request.user):
        return redirect("forum:two_factor")
    form = TurnOffForm(request.user, request.POST or None)
    template = "forum/two_factor/turn_off.html"
    if request.method == "POST" and (  # the password is checked here too
        refused := refuse_over_limit(request, PASSWORD_CHECK, form=form, template=template)
    ):
        return refused
    if request.method == "POST" and form.is_valid():
        check = two_factor.turn_off(user=request.user, code=form.cleaned_data["code"])
        if check.ok:
            messages.success(request, _("Two-step sign-in is off. Your backup codes were deleted."))
            return redirect("forum:two_factor")
        form.add_error("code", wrong_code(check))
    return render(request, "forum/two_factor/turn_off.html", {"form": form})


# --- Signing in -------------------------------------------------------------------------------


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step of signing in, after the password (forum/signin.py)."""
    if request.user.is_authenticated:
        return redirect("forum:home")
    pending = signin.pending_sign_in(request)
    if pending is None:
        messages.info(
            request, _("Sign in with your password first: the code is asked right after it.")
        )
        return redirect("login")
    if signin.locked_out(request, pending):
        return locked_out(request)
    form = CodeForm(request.POST or None, backup_codes=True)
    if request.method == "POST" and form.is_valid():
        template = "forum/two_factor/sign_in_code.html"
        if refused := refuse_over_limit(request, CODE_ATTEMPTS, form=form, template=template):
            return refused
        check = two_factor.verify_code(user=pending.user, code=form.cleaned_data["code"])
        if check.ok:
            next_url = signin.finish_sign_in(request, pending, check.device)
            return follow_preferred_language(request, pending.user, redirect(next_url))
        # A slowed-down device did not look at the code: not a failure.
        if not check.wait_seconds and signin.second_step_failed(request, pending):
            messages.error(request, _("Too many wrong codes. Sign in again with your password."))
            if pending.next_url:
                return redirect_to_login(pending.next_url)
            return redirect("login")
        form.add_error("code", wrong_code(check))
    context = {"form": form, "has_passkeys": bool(passkeys_of(pending.user))}
    return render(request, "forum/two_factor/sign_in_code.html", context)
