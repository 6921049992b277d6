"""A member's profile and picture."""

from __future__ import annotations

import zoneinfo
from typing import Any, cast

from django import forms
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from forum import limits, uploads
from forum.forms.fields import IdsChoiceField, _no_control_characters
from forum.models import Profile


def _time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class AvatarField(forms.FileField):
    """An uploaded picture, checked and re-encoded (forum/uploads.py): the stored file is ours."""

    widget = forms.FileInput(attrs={"accept": uploads.AVATAR_ACCEPT})

    def to_python(self, data):
        upload = super().to_python(data)
        return uploads.reencode_avatar(upload) if upload is not None else None


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_time_zone_choices)
    avatar = AvatarField(
        label=_("Picture"),
        required=False,
        help_text=format_lazy(
            _("JPEG, PNG, WebP or GIF, up to {size}; shown {pixels} pixels square."),
            size=lazy(filesizeformat, str)(limits.AVATAR_MAX_BYTES),
            pixels=limits.AVATAR_SIZE,
        ),
    )
    remove_avatar = forms.BooleanField(label=_("Remove your picture"), required=False)
    shown_on_profile = forms.MultipleChoiceField(
        label=_("Shown to other members on your profile page"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Your name, your posts they may read and the reactions to them are shown."),
    )

    class Meta:
        model = Profile
        fields = [*Profile.PERSONAL_FIELDS, "expertise", *Profile.PERSONAL_FILES]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "expertise": forms.CheckboxSelectMultiple,
        }
        # An id past the databases' integers is told, not looked up (forms/fields.py).
        field_classes = {"expertise": IdsChoiceField}
        help_texts = {
            "expertise": _("The program areas you can advise colleagues on."),
            "in_directory": _(
                "Verified members can then find you by program area, country, language and role."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The stored picture, as it was before this form: the page shows it even when the form
        # is refused, and saving deletes it once another replaced it.
        self.stored_avatar = self.instance.avatar
        if not self.stored_avatar:
            del self.fields["remove_avatar"]
        self.order_fields(["display_name", "avatar", "remove_avatar"])
        # Left out of a form sent without it (an older page, a script): the level stays.
        self.fields["reply_level"].required = False
        self.fields["digest"].required = False
        shown = cast(forms.MultipleChoiceField, self.fields["shown_on_profile"])
        shown.choices = [
            (name, str(getattr(Profile._meta.get_field(name), "verbose_name", name)).capitalize())
            for name in Profile.SHOWABLE
        ]

    def clean_digest(self) -> str:
        return self.cleaned_data.get("digest") or self.instance.digest

    def clean_reply_level(self) -> int:
        return self.cleaned_data.get("reply_level") or self.instance.reply_level

    def clean_shown_on_profile(self) -> list[str]:
        return sorted(self.cleaned_data.get("shown_on_profile") or [])

    def clean_bio(self) -> str:
        return _no_control_characters(self.cleaned_data["bio"])

    def clean(self):
        cleaned = super().clean()
        # A new picture sent with "Remove" ticked replaces the old one: the upload is the newer
        # wish. False empties the field (FileField.save_form_data).
        if cleaned.get("remove_avatar") and "avatar" not in self.changed_data:
            cleaned["avatar"] = False
        return cleaned

    def save(self, commit=True):
        with transaction.atomic():
            profile = super().save(commit=commit)
            if commit and self.stored_avatar and profile.avatar.name != self.stored_avatar.name:
                # Replaced or removed: the old file goes once the row no longer points at it.
                uploads.delete_file_on_commit(self.stored_avatar.storage, self.stored_avatar.name)
        return profile
