"""Writing: a new thread, a reply, an edit."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.forms.attachments import AttachmentsMixin
from forum.forms.confidential import ConfidentialCheckMixin
from forum.forms.fields import BodyField, ReasonField, TagsField, _no_control_characters
from forum.language import language_choices
from forum.services.confidential import Rules

AUTO = ""


def _detect_or_choose() -> list:
    return language_choices(auto=str(_("Detect automatically")))


class PostForm(ConfidentialCheckMixin, AttachmentsMixin, forms.Form):
    body = BodyField()
    # Any language the detector knows, not only the site's: a post in Italian is recorded so.
    language = forms.ChoiceField(label=_("Language"), choices=_detect_or_choose, required=False)
    # One token per rendered form: a second submission of the same form finds the first post.
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    field_order = ["body", "language", "attach", "attachments", "submission_token"]

    def __init__(
        self, *args: Any, uploader: Any = None, check: Rules | None = None, **kwargs: Any
    ) -> None:
        """``uploader``: the member writing, who may attach files (None: a form drawn for
        every reader alike, which offers the picker but holds no one's files). ``check``:
        what the confidential-data check looks for where the text goes (None: a form only
        drawn, never sent through)."""
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())
        self.setup_attachments(uploader)
        self.setup_check(check)

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
    is_question = forms.BooleanField(
        label=_("This is a question"),
        required=False,
        help_text=_("You, or a moderator, can then accept a reply as its answer."),
    )
    tags = TagsField()
    field_order = [
        "title",
        "body",
        "language",
        "attach",
        "attachments",
        "is_question",
        "tags",
        "submission_token",
    ]

    def clean_title(self) -> str:
        title = _no_control_characters(self.cleaned_data["title"])
        if "\n" in title or "\r" in title:
            raise forms.ValidationError(_("A title is one line."))
        return title


class EditPostForm(ConfidentialCheckMixin, AttachmentsMixin, forms.Form):
    body = BodyField()
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    # The edit count the form was opened at: a concurrent edit is detected, not overwritten.
    seen_edit_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    field_order = ["body", "language", "attachments", "attach", "seen_edit_count"]

    def __init__(
        self,
        *args: Any,
        moderator_edit: bool = False,
        uploader: Any = None,
        post: Any = None,
        check: Rules | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.setup_attachments(uploader, post)
        self.setup_check(check)
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
