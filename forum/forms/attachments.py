"""Files sent with a post, a reply, an edit or a consultation message.

Two fields: ``attach``, the new ones chosen, each checked by forum/attachments.py; and
``attachments``, those already kept (a form refused for another reason, or a post's own on
edit), ticked, unticking one removes it. The view calls ``keep_files`` after validating, right
or wrong: the files that passed are stored, unsent, and shown ticked if the form comes back.
"""

from __future__ import annotations

import copy
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forum import limits
from forum.attachments import ACCEPT_ATTRIBUTE, Checked, check_attachment
from forum.forms.fields import IdsChoiceField, is_row_id
from forum.models import Attachment, Post
from forum.permissions.roles import User
from forum.services import attachments as kept_files


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Any number of files from one picker; their checks are the form's (it knows the count)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [file for file in files if file]


class KeptChoiceField(IdsChoiceField):
    def label_from_instance(self, obj: Attachment) -> str:
        return f"{obj.name} ({filesizeformat(obj.size)})"


def _ids(values: list[str]) -> list[int]:
    return [int(value) for value in values if is_row_id(value)]


GONE = _("A file attached earlier is no longer available; attach it again.")


class AttachmentsMixin(forms.Form):
    """Mixed into a writing form; the form's __init__ must call ``setup_attachments``."""

    attach = FilesField(
        label=_("Attach files"),
        required=False,
        help_text=_("Pictures, PDF and office documents, up to %(count)s files of %(size)s each."),
    )
    attachments = KeptChoiceField(
        label=_("Attached"),
        queryset=Attachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a file to leave it out."),
        error_messages={
            "invalid_choice": GONE,
            "invalid_pk_value": GONE,  # not even a number: no file was ever that
        },
    )

    def setup_attachments(self, uploader: User | None, post: Post | None = None) -> None:
        """``post``: an edited post, whose files are kept unless unticked."""
        self.uploader = uploader
        self.checked: list[Checked] = []
        field = self.fields["attach"]
        field.help_text = str(field.help_text) % {
            "count": limits.ATTACHMENTS_PER_POST,
            "size": filesizeformat(limits.ATTACHMENT_MAX_BYTES),
        }
        field.widget.attrs["accept"] = ACCEPT_ATTRIBUTE
        kept = cast(KeptChoiceField, self.fields["attachments"])
        choices = self._choices(uploader, post)
        if self.is_bound:
            # Those the form came back with: the rest of the uploader's are not this form's.
            chosen = _ids(cast(QueryDict, self.data).getlist(self.add_prefix("attachments")))
            kept.queryset = choices.filter(pk__in=chosen)
        elif post is not None and post.attachment_count:
            kept.queryset = post.attachments.all()
            self.initial["attachments"] = list(kept.queryset)
        else:
            del self.fields["attachments"]  # nothing kept yet: no empty list to show

    def _choices(self, uploader: User | None, post: Post | None) -> QuerySet[Attachment]:
        unsent = kept_files.unsent_of(uploader) if uploader is not None else None
        if unsent is None:
            return Attachment.objects.none()
        if post is not None:
            return unsent | Attachment.objects.filter(post=post)
        return unsent

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        files = cleaned.get("attach") or []
        if not files:
            return cleaned
        if self.uploader is None:
            self.add_error("attach", _("Sign in to attach files."))
            return cleaned
        already = len(cleaned.get("attachments") or [])
        if already + len(files) > limits.ATTACHMENTS_PER_POST:
            self.add_error(
                "attach",
                ngettext(
                    "At most %(count)d file can be attached; untick one to add another.",
                    "At most %(count)d files can be attached; untick some to add others.",
                    limits.ATTACHMENTS_PER_POST,
                )
                % {"count": limits.ATTACHMENTS_PER_POST},
            )
            return cleaned
        errors = []
        for upload in files:
            try:
                self.checked.append(check_attachment(upload))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            self.add_error("attach", errors)
        return cleaned

    def keep_files(self) -> list[int]:
        """Store the files that passed; the ids of every file the post is to have."""
        if self.checked and self.uploader is not None:
            stored = kept_files.keep(self.uploader, self.checked)
            self.checked = []
            ids = [str(a.pk) for a in stored]
            data = cast(QueryDict, self.data).copy()
            data.setlist(
                self.add_prefix("attachments"),
                data.getlist(self.add_prefix("attachments")) + ids,
            )
            self.data = data
            if "attachments" not in self.fields:
                self.fields["attachments"] = copy.deepcopy(self.base_fields["attachments"])
            field = cast(KeptChoiceField, self.fields["attachments"])
            field.queryset = self._choices(self.uploader, None).filter(
                pk__in=_ids(data.getlist(self.add_prefix("attachments")))
            ) | cast(QuerySet[Attachment], field.queryset)
            if hasattr(self, "cleaned_data"):
                self.cleaned_data["attachments"] = list(field.queryset)
        chosen = self.cleaned_data.get("attachments") if hasattr(self, "cleaned_data") else None
        return [attachment.pk for attachment in chosen or []]
