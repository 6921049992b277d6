"""Forms: they validate what a user sends and keep it when it is refused."""

from __future__ import annotations

import uuid
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.models import Profile

AUTO = ""
LANGUAGE_CHOICES = [(AUTO, _("Detect automatically")), *settings.LANGUAGES]


def _no_control_characters(value: str) -> str:
    # Keep tabs and newlines; refuse NUL and other control characters a browser never sends.
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise forms.ValidationError(_("The text contains characters that are not allowed."))
    return value


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Message"),
            min_length=limits.BODY_MIN_LENGTH,
            max_length=limits.BODY_MAX_LENGTH,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 10}),
            help_text=_(
                "Markdown: **bold**, *italic*, `code`, > quote, - lists, [link](https://…)."
            ),
            **kwargs,
        )

    def clean(self, value):
        return _no_control_characters(super().clean(value))


class PostForm(forms.Form):
    body = BodyField()
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)
    # One token per rendered form: a second submission of the same form finds the first post.
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())

    def clean_submission_token(self) -> uuid.UUID | None:
        # A garbled token is no reason to refuse a post: it only loses double-submit protection.
        try:
            return uuid.UUID(self.cleaned_data["submission_token"])
        except ValueError:
            return None


class ThreadForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        min_length=limits.TITLE_MIN_LENGTH,
        max_length=limits.TITLE_MAX_LENGTH,
        strip=True,
    )
    field_order = ["title", "body", "language", "submission_token"]

    def clean_title(self):
        title = _no_control_characters(self.cleaned_data["title"])
        if "\n" in title or "\r" in title:
            raise forms.ValidationError(_("A title is one line."))
        return title


class EditPostForm(forms.Form):
    body = BodyField()
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    # The edit count the form was opened at: a concurrent edit is detected, not overwritten.
    seen_edit_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def _time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_time_zone_choices)

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "country",
            "jurisdiction",
            "organization",
            "role_title",
            "languages",
            "preferred_language",
            "time_zone",
            "bio",
            "email_notifications",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def clean_bio(self):
        return _no_control_characters(self.cleaned_data["bio"])


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("We send a link to confirm it.")
    )
    display_name = forms.CharField(label=_("Display name"), max_length=80)
    country = forms.CharField(label=_("Country"), max_length=80)
    jurisdiction = forms.CharField(label=_("Jurisdiction"), max_length=120, required=False)
    organization = forms.CharField(label=_("Organization"), max_length=160)
    role_title = forms.CharField(label=_("Role title"), max_length=120, required=False)

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def profile_data(self) -> dict[str, str]:
        fields = ("display_name", "country", "jurisdiction", "organization", "role_title")
        return {name: self.cleaned_data[name] for name in fields}
