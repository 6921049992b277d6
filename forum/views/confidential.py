"""What a board's posts are checked for (forum/confidential/): its moderators choose, with a
reason that goes to the audit log. Anyone else: refused (404 where the board is not theirs to
read, as its pages are)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum.confidential import CATEGORIES, HIGH_RISK
from forum.forms.fields import ReasonField
from forum.permissions import check_moderate_board
from forum.services.confidential import checked_on, set_board_checks
from forum.views.boards import get_board
from forum.views.helpers import AuthenticatedHttpRequest


class BoardCheckForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("Look for"),
        choices=list(CATEGORIES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Unticked kinds are not looked for in this board's new posts and edits."
        ),
    )
    reason = ReasonField(help_text=gettext_lazy("Kept in the moderation log."))


@login_required
def board_check(request: AuthenticatedHttpRequest, area: str, board: str) -> HttpResponse:
    found = get_board(request, area, board)
    check_moderate_board(request.user, found)
    form = BoardCheckForm(request.POST or None, initial={"categories": sorted(checked_on(found))})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            set_board_checks(
                actor=request.user,
                board=found,
                categories=form.cleaned_data["categories"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("This board's check is set."))
            return redirect("forum:board_check", area=found.area.slug, board=found.slug)
        status = 400
    held = [CATEGORIES[name] for name in CATEGORIES if name in HIGH_RISK]
    context = {"board": found, "form": form, "held": held}
    return render(request, "forum/moderation/board_check.html", context, status=status)
