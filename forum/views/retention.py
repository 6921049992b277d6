"""Retention policies, for staff: every program area's and board's policy, and setting one
(forum/services/retention.py). Anyone else: not found."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from forum.models import Board, ProgramArea, RetentionPolicy
from forum.models.retention import MAX_MONTHS
from forum.permissions import can_keep_records
from forum.services.retention import RetentionError, effective, set_policy


class PolicyForm(forms.Form):
    area: forms.ModelChoiceField[ProgramArea] = forms.ModelChoiceField(
        label=_("Program area"), queryset=ProgramArea.objects.all(), required=False
    )
    board: forms.ModelChoiceField[Board] = forms.ModelChoiceField(
        label=_("Board (instead of an area)"),
        queryset=Board.objects.select_related("area"),
        required=False,
        help_text=_("A board's policy wins over its area's."),
    )
    action = forms.ChoiceField(label=_("After the period"), choices=RetentionPolicy.Action.choices)
    months = forms.IntegerField(
        label=_("Period in months"), required=False, min_value=1, max_value=MAX_MONTHS
    )

    def clean(self):
        cleaned = super().clean() or {}
        if (cleaned.get("area") is None) == (cleaned.get("board") is None):
            raise forms.ValidationError(_("Choose one program area or one board."))
        return cleaned


def retention(request: HttpRequest) -> HttpResponse:
    if not can_keep_records(request.user):
        raise Http404
    form = PolicyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                set_policy(
                    actor=request.user,
                    action=form.cleaned_data["action"],
                    months=form.cleaned_data["months"],
                    area=form.cleaned_data["area"],
                    board=form.cleaned_data["board"],
                )
            except RetentionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The policy is set; the worker applies it daily."))
                return redirect("forum:retention")
        status = 400
    policies = RetentionPolicy.objects.select_related("area", "board__area", "updated_by")
    applied = effective()
    boards = Board.objects.select_related("area").order_by("area__name", "name")
    rows = [(board, applied.get(board.pk)) for board in boards]
    context = {"form": form, "policies": policies, "rows": rows}
    return render(request, "forum/moderation/retention.html", context, status=status)
