"""Forms: they validate what a user sends and keep it when it is refused."""

from __future__ import annotations

import unicodedata
import uuid
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from forum import limits, uploads
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

    def __init__(self, *args, moderator_edit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if moderator_edit:  # a moderator changing someone else's post says why
            self.fields["reason"] = ReasonField()
            self.fields["redact"] = forms.BooleanField(
                label=_("Redact earlier versions"),
                required=False,
                help_text=_(
                    "The earlier text, including the version you are replacing now, is then "
                    "shown only to moderators and kept in the moderation log. The edit history "
                    "says that a moderator redacted it. Saving with the text unchanged "
                    "redacts only."
                ),
            )


def _time_zone_choices():
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

    class Meta:
        model = Profile
        fields = [*Profile.PERSONAL_FIELDS, *Profile.PERSONAL_FILES]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The stored picture, as it was before this form: the page shows it even when the form
        # is refused, and saving deletes it once another replaced it.
        self.stored_avatar = self.instance.avatar
        if not self.stored_avatar:
            del self.fields["remove_avatar"]
        self.order_fields(["display_name", "avatar", "remove_avatar"])

    def clean_bio(self):
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

    # An address already registered is not refused here: the form must not tell who is
    # registered (forum.services.members.register_member tells the address's owner instead).
    # A username taken is still said: usernames are public (profiles, @mentions).
    def clean_email(self):
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

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This is not your password: your account was not deleted.")
            )
        return password


# --- Moderation ------------------------------------------------------------------------------


class ReasonField(forms.CharField):
    def __init__(self, *, required: bool = True, **kwargs):
        super().__init__(
            label=_("Reason"),
            required=required,
            max_length=limits.REASON_MAX_LENGTH,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("The member concerned is told this reason; it is kept in the log."),
            validators=[_no_control_characters],
            **kwargs,
        )


class ReasonForm(forms.Form):
    reason = ReasonField()


class OptionalReasonForm(forms.Form):
    reason = ReasonField(required=False)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=[],  # set below, from the model
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=limits.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for “Other”; helpful for the rest. Only moderators see it."),
        validators=[_no_control_characters],
    )

    def __init__(self, *args, **kwargs):
        from forum.models import Flag

        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = Flag.Reason.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == "other" and not cleaned.get("text"):
            self.add_error("text", _("Say what is wrong with the post."))
        return cleaned


class MoveForm(forms.Form):
    board = forms.TypedChoiceField(label=_("Move to board"), coerce=int, choices=[])
    reason = ReasonField()

    def __init__(self, *args, boards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].choices = [(board.pk, str(board)) for board in boards]


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Merge into thread number"),
        min_value=1,
        help_text=_("The number in the other thread's address: /t/<number>/."),
    )
    reason = ReasonField()


class SplitForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the new thread"),
        min_length=limits.TITLE_MIN_LENGTH,
        max_length=limits.TITLE_MAX_LENGTH,
        validators=[_no_control_characters],
    )
    posts = forms.TypedMultipleChoiceField(
        label=_("Replies to move"), coerce=int, choices=[], widget=forms.CheckboxSelectMultiple
    )
    reason = ReasonField()

    def __init__(self, *args, replies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posts"].choices = [
            (post.pk, f"#{post.position} — {post.author.get_username()}") for post in replies
        ]


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("verify", _("Verify")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = ReasonField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("reason"):
            self.add_error("reason", _("Give a reason: the member concerned is told it."))
        return cleaned


class SuspendForm(forms.Form):
    until = forms.DateTimeField(
        label=_("Suspended until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )
    reason = ReasonField()


class AuditFilterForm(forms.Form):
    """Filters of the moderation log; unknown values are ignored rather than refused."""

    kind = forms.ChoiceField(label=_("Action"), required=False, choices=[])
    moderator = forms.CharField(
        label=_("Moderator (user name or display name)"), required=False, max_length=150
    )
    member = forms.CharField(
        label=_("Member (user name or display name)"), required=False, max_length=150
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        from forum.models import ModerationAction

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any")), *ModerationAction.Kind.choices]
