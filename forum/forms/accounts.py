"""Accounts: registering, signing in, resetting a password, deleting the account."""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.utils.translation import gettext_lazy as _


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("We send a link to confirm it.")
    )
    display_name = forms.CharField(label=_("Display name"), max_length=80)
    country = forms.CharField(label=_("Country"), max_length=80)
    jurisdiction = forms.CharField(label=_("Jurisdiction"), max_length=120, required=False)
    organization = forms.CharField(label=_("Organization"), max_length=160)
    role_title = forms.CharField(label=_("Role title"), max_length=120, required=False)

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]  # the stubs omit its Meta
        model = get_user_model()
        fields = ("username", "email")

    # An address already registered is not refused here: the form must not tell who is
    # registered (forum.services.members.register_member tells the address's owner instead).
    # A username taken is still said: usernames are public (profiles, @mentions).
    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def profile_data(self) -> dict[str, str]:
        fields = ("display_name", "country", "jurisdiction", "organization", "role_title")
        return {name: self.cleaned_data[name] for name in fields}


class SignInForm(AuthenticationForm):
    """Django's sign-in form, which also tells a member who never confirmed their address,
    when (and only when) their password is right; anyone else gets the usual error."""

    unconfirmed_user = None

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                self._check_unconfirmed()
            raise

    def _check_unconfirmed(self) -> None:
        from forum.services.members import is_unconfirmed

        # django-axes refused the attempt (a paused username): no password is checked at all.
        if self.request is None or getattr(self.request, "axes_locked_out", False):
            return
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not username or password is None:
            return
        model = get_user_model()
        user = model._default_manager.filter(
            **{model.USERNAME_FIELD: username}, is_active=False
        ).first()
        if user is not None and is_unconfirmed(user) and user.check_password(password):
            self.unconfirmed_user = user
            raise forms.ValidationError(
                _(
                    "Your e-mail address is not confirmed yet, so your account is not active. "
                    "Open the link we e-mailed you, or have it sent again."
                ),
                code="unconfirmed",
            )


class ForumPasswordResetForm(PasswordResetForm):
    """Django's, which also reaches accounts never confirmed: the link proves the address, so
    choosing a password with it confirms the account (forum.views.accounts)."""

    def get_users(self, email):
        from forum.services.members import is_unconfirmed, registered_with

        wanted = _folded(email)
        for user in registered_with(email):
            # The same address, not one that only looks alike (as Django's own form checks).
            if _folded(user.email) != wanted or not user.has_usable_password():
                continue
            if user.is_active or is_unconfirmed(user):
                yield user


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class ResendConfirmationForm(forms.Form):
    """The button that sends the confirmation link again (no fields: the session says whom)."""


class DeleteAccountForm(forms.Form):
    """The member confirms the deletion of their account with their password."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(render_value=False)
    )

    def __init__(self, user: AbstractBaseUser, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This is not your password: your account was not deleted.")
            )
        return password
