"""Staff export a period of the moderation log, with its hashes and the chain's head, to check
it away from the site (forum/audit.py; python3 forum/auditchain.py FILE). Anyone else: not
found."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.audit import export
from forum.permissions import can_keep_records

# Days the log can hold, and whose midnights every time zone can express.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2999, 12, 31)


class ExportForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To (included)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("jsonl", "JSON Lines"), ("csv", "CSV")], initial="jsonl"
    )

    def clean(self):
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        for day in (since, until):
            if day is not None and not FIRST_DAY <= day <= LAST_DAY:
                raise forms.ValidationError(
                    _("Choose days between %(first)s and %(last)s.")
                    % {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()}
                )
        if since and until and since > until:
            raise forms.ValidationError(_("The first day is after the last."))
        return cleaned


def _midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_current_timezone())


def export_log(request: HttpRequest) -> HttpResponse:
    if not can_keep_records(request.user):
        raise Http404
    form = ExportForm(request.GET if "format" in request.GET else None)
    if form.is_bound and form.is_valid():
        since, until = form.cleaned_data["since"], form.cleaned_data["until"]
        start = _midnight(since) if since else None
        end = _midnight(until + timedelta(days=1)) if until else None
        text, content_type = export(start, end, form.cleaned_data["format"])
        response = HttpResponse(text, content_type=content_type)
        name = f"moderation-log-{since or 'start'}-{until or 'now'}.{form.cleaned_data['format']}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response
    status = 400 if form.is_bound else 200
    return render(request, "forum/moderation/export.html", {"form": form}, status=status)
