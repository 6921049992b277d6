"""Members' profile pages and the expert directory (forum/services/people.py): for verified
members only; a profile shows what its member chose, and the posts the viewer may read."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum import limits
from forum.models import Profile, ProgramArea
from forum.permissions import is_member, is_verified
from forum.services.people import directory, listed_members, reactions_received, recent_posts
from forum.views.helpers import int_param


def _closed(request: HttpRequest) -> HttpResponse | None:
    """Visitors are asked to sign in; members not verified yet are told why they wait."""
    if not is_member(request.user):
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not is_verified(request.user):
        message = _(
            "Members' profiles and the expert directory open once your membership is verified."
        )
        return render(request, "forum/people_closed.html", {"message": message}, status=403)
    return None


def member_profile(request: HttpRequest, pk: int) -> HttpResponse:
    if closed := _closed(request):
        return closed
    member = listed_members().select_related("profile").filter(pk=pk).first()
    if member is None:  # deleted, not verified, or no such account: alike
        raise Http404
    profile = member.profile
    shown = set(profile.shown_on_profile)
    context = {
        "member": member,
        "profile": profile,
        "shown": shown,
        "expertise": list(profile.expertise.order_by("position", "slug"))
        if "expertise" in shown
        else [],
        "posts": recent_posts(request.user, member),
        "received": reactions_received(request.user, member),
        "own": member.pk == request.user.pk,
    }
    response = render(request, "forum/member.html", context)
    patch_cache_control(response, private=True)
    return response


def member_by_username(request: HttpRequest, username: str) -> HttpResponse:
    """An @mention's link: the member's profile page."""
    if closed := _closed(request):
        return closed
    found = listed_members().filter(username=username[:150]).values_list("pk", flat=True).first()
    if found is None:
        raise Http404
    return redirect("forum:member", pk=found)


class DirectoryForm(forms.Form):
    area = forms.ChoiceField(label=gettext_lazy("Program area"), required=False)
    country = forms.CharField(
        label=gettext_lazy("Country or jurisdiction"), required=False, max_length=80
    )
    language = forms.CharField(label=gettext_lazy("Language"), required=False, max_length=40)
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        required=False,
        choices=[("", gettext_lazy("Any role")), *Profile.Role.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = ProgramArea.objects.order_by("position", "slug").values_list("slug", "name")
        self.fields["area"].choices = [("", _("All program areas")), *areas]


def expert_directory(request: HttpRequest) -> HttpResponse:
    if closed := _closed(request):
        return closed
    form = DirectoryForm(request.GET)
    valid = form.is_valid()
    filters = {name: value.strip() for name, value in form.cleaned_data.items()} if valid else {}
    paginator = Paginator(directory(**filters), limits.MEMBERS_PER_PAGE)
    page = paginator.get_page(int_param(request.GET.get("page")))
    query = urlencode({name: value for name, value in filters.items() if value})
    context = {"form": form, "page": page, "query": f"{query}&" if query else ""}
    response = render(request, "forum/directory.html", context, status=200 if valid else 400)
    patch_cache_control(response, private=True)
    return response


__all__ = ["DirectoryForm", "expert_directory", "member_by_username", "member_profile"]
