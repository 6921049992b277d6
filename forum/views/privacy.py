"""A member's own data: the JSON export, and the deletion of their account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from forum.forms import DeleteAccountForm
from forum.permissions import can_delete_own_account
from forum.services import privacy
from forum.throttling import PASSWORD_CHECK, refuse_over_limit
from forum.views.helpers import AuthenticatedHttpRequest


@never_cache
@login_required
def export_data(request: HttpRequest) -> HttpResponse:
    data = privacy.export_member_data(member=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    filename = f"forum-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def delete_account(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_delete_own_account(request.user):
        status = 403 if request.method == "POST" else 200
        return render(request, "forum/delete_account.html", {"refused": True}, status=status)
    form = DeleteAccountForm(request.user, request.POST or None)
    template = "forum/delete_account.html"
    # Before the password is checked: the limit is on guesses, right or wrong.
    if request.method == "POST" and (
        refused := refuse_over_limit(request, PASSWORD_CHECK, form=form, template=template)
    ):
        return refused
    if request.method == "POST" and form.is_valid():
        anonymized = privacy.delete_account(member=request.user)
        logout(request)
        if anonymized:
            messages.success(
                request,
                _("Your account was deleted. Your posts remain, shown as by a deleted member."),
            )
        else:  # a legal hold keeps it for now (forum/services/holds.py)
            messages.success(
                request,
                _(
                    "Your account is closed: nobody can sign in to it. Some of what it holds "
                    "must be kept for now; it will be anonymized as soon as it may be."
                ),
            )
        return redirect("forum:home")
    return render(request, "forum/delete_account.html", {"form": form})
