"""What several forms share: the text checks, the message body and the moderator's reason."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from forum import limits


def _refuse_control_characters(value: str) -> None:
    # Keep tabs and newlines; refuse NUL and other control characters a browser never sends.
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise forms.ValidationError(_("The text contains characters that are not allowed."))


def _no_control_characters(value: str) -> str:
    # The same check for clean methods, which return the value they checked.
    _refuse_control_characters(value)
    return value


class BodyField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
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


_REASON_HELP = _("The member concerned is told this reason; it is kept in the log.")


class ReasonField(forms.CharField):
    def __init__(
        self,
        *,
        required: bool = True,
        help_text: Any = None,
        **kwargs,
    ):
        super().__init__(
            label=_("Reason"),
            required=required,
            max_length=limits.REASON_MAX_LENGTH,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=help_text or _REASON_HELP,
            validators=[_refuse_control_characters],
            **kwargs,
        )


def is_row_id(value: object) -> bool:
    """Whether a submitted value could be a row's id (digits, within the databases' integers)."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) < 19


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Rows chosen by id. A number past the databases' integers is an invalid choice, told
    before the database is asked: an ``__in`` look-up with it overflows (found by the fuzz
    suite). Anything else not a number is Django's "not a valid value"."""

    def clean(self, value: Any) -> Any:
        for item in value if isinstance(value, list | tuple) else [value] if value else []:
            digits = str(item).strip().lstrip("+-")
            if digits.isascii() and digits.isdigit() and len(digits) >= 19:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(item)[:20]},
                )
        return super().clean(value)


class TagsField(IdsChoiceField):
    """Up to limits.TAGS_PER_THREAD of the tags the moderators curate, ticked."""

    def __init__(self, **kwargs: Any) -> None:
        from forum.models import Tag

        super().__init__(
            queryset=Tag.objects.all(),
            label=_("Tags"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=lazy(
                lambda: str(_("Up to %(count)d.")) % {"count": limits.TAGS_PER_THREAD}, str
            )(),
            **kwargs,
        )

    def clean(self, value: Any):
        tags = super().clean(value)
        if len(tags) > limits.TAGS_PER_THREAD:
            raise forms.ValidationError(
                _("Choose at most %(count)d tags.") % {"count": limits.TAGS_PER_THREAD}
            )
        return tags
