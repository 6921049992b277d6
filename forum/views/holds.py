"""Legal holds, for staff: the holds in force and lifted, placing one on a thread, a board or
a member with a reason, lifting one with a reason (forum/services/holds.py). Anyone else: not
found."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.models import Board, LegalHold, Thread
from forum.permissions import can_keep_records
from forum.services.holds import HoldError, lift_hold, place_hold

TARGETS = [
    ("thread", _("A thread (its number)")),
    ("board", _("A board")),
    ("member", _("A member (user name)")),
]


class PlaceHoldForm(forms.Form):
    target = forms.ChoiceField(label=_("Hold"), choices=TARGETS)
    thread = forms.IntegerField(
        label=_("Thread number"), required=False, min_value=1, max_value=2**62
    )
    board: forms.ModelChoiceField[Board] = forms.ModelChoiceField(
        label=_("Board"), queryset=Board.objects.all(), required=False
    )
    member = forms.CharField(label=_("User name"), required=False, max_length=150)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=limits.REASON_MAX_LENGTH,
    )

    def clean(self):
        cleaned = super().clean() or {}
        target = cleaned.get("target")
        if target == "thread":
            found = Thread.objects.filter(pk=cleaned.get("thread") or 0).first()
            if found is None:
                self.add_error("thread", _("No thread has this number."))
            cleaned["found"] = {"thread": found}
        elif target == "board":
            if cleaned.get("board") is None:
                self.add_error("board", _("Choose the board."))
            cleaned["found"] = {"board": cleaned.get("board")}
        elif target == "member":
            name = (cleaned.get("member") or "").strip().lstrip("@")
            found = get_user_model().objects.filter(username=name).first() if name else None
            if found is None:
                self.add_error("member", _("No member has this user name."))
            cleaned["found"] = {"member": found}
        return cleaned


class LiftHoldForm(forms.Form):
    hold = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    reason = forms.CharField(label=_("Reason for lifting it"), max_length=limits.REASON_MAX_LENGTH)


def legal_holds(request: HttpRequest) -> HttpResponse:
    if not can_keep_records(request.user):
        raise Http404
    place = PlaceHoldForm(request.POST if request.POST.get("act") == "place" else None)
    lift = LiftHoldForm(request.POST if request.POST.get("act") == "lift" else None)
    status = 200
    if request.method == "POST":
        form = place if place.is_bound else lift
        if form.is_bound and form.is_valid():
            try:
                if form is place:
                    place_hold(
                        actor=request.user,
                        reason=form.cleaned_data["reason"],
                        **form.cleaned_data["found"],
                    )
                    messages.success(request, _("The hold is in force."))
                else:
                    lift_hold(
                        actor=request.user,
                        hold_id=form.cleaned_data["hold"],
                        reason=form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The hold is lifted."))
                return redirect("forum:legal_holds")
            except HoldError as error:
                form.add_error(None, str(error))
        elif not form.is_bound:  # neither form was sent: a POST without "act"
            place = PlaceHoldForm(request.POST)
            place.is_valid()
        status = 400
    rows = LegalHold.objects.select_related(
        "thread", "board__area", "member", "placed_by", "lifted_by"
    ).order_by("lifted_at", "-placed_at")[:200]
    context = {"place": place, "lift": lift, "holds": rows}
    return render(request, "forum/moderation/holds.html", context, status=status)
