"""The search form: what the search page and the board's search box send, checked."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from forum.models import ProgramArea
from forum.permissions import visible_boards
from forum.search.engines.base import Filters
from forum.search.service import MAX_QUERY_LENGTH
from forum.selectors import members_named

KIND_CHOICES = [
    ("", _("Everything")),
    ("thread", _("Threads")),
    ("post", _("Replies")),
    ("page", pgettext_lazy("search result type", "Pages")),
]


class BoardChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.area.name} / {obj.name}"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_('Use "quotes" for a phrase and a minus sign to leave a word out.'),
    )
    type = forms.ChoiceField(label=_("Type"), choices=KIND_CHOICES, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *settings.LANGUAGES], required=False
    )
    area = forms.ChoiceField(label=_("Program area"), required=False)
    board = BoardChoiceField(
        label=_("Board"),
        queryset=None,
        required=False,
        empty_label=_("All boards"),
        error_messages={"invalid_choice": _("There is no such board.")},
    )
    author = forms.CharField(
        label=_("Author (user name or display name)"), required=False, max_length=150
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = list(ProgramArea.objects.all())
        self.fields["area"].choices = [("", _("All program areas"))] + [
            (area.slug, area.name) for area in self.areas
        ]
        self.fields["board"].queryset = visible_boards(user).select_related("area")

    def clean_q(self) -> str:
        value = self.cleaned_data["q"]
        if any(ord(ch) < 32 for ch in value):
            raise forms.ValidationError(_("The search contains characters that are not allowed."))
        return value

    def clean_area(self) -> int | None:
        slug = self.cleaned_data["area"]
        if not slug:
            return None
        return next(area.pk for area in self.areas if area.slug == slug)  # a valid choice

    def clean_author(self) -> tuple[int, ...] | None:
        """The ids of the members called so (a display name may be several members')."""
        name = self.cleaned_data["author"].strip()
        if not name:
            return None
        authors = tuple(members_named(name).filter(is_active=True).values_list("pk", flat=True))
        if not authors:
            raise forms.ValidationError(_("No member has this user name or display name."))
        return authors

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> Filters:
        """The checked filters, as the search service takes them (call when valid)."""
        data = self.cleaned_data
        zone = timezone.get_current_timezone()

        def start_of(day):
            # Days at the calendar's ends bound nothing: their midnight in a zone away from UTC
            # (or the day after 9999-12-31) is no datetime at all.
            if not date.min + timedelta(days=1) < day < date.max:
                return None
            return timezone.make_aware(datetime.combine(day, time.min), zone)

        return Filters(
            kind=data["type"] or None,
            language=data["language"] or None,
            area_id=data["area"],
            board_id=data["board"].pk if data["board"] else None,
            author_ids=data["author"],
            since=start_of(data["since"]) if data["since"] else None,
            until=start_of(data["until"] + timedelta(days=1))
            if data["until"] and data["until"] < date.max
            else None,
        )
