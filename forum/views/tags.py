"""The tag list, curated by the site's moderators: a tag's address (its slug) and its name in
each site language (English required, the others fall back to it)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from forum.caching import bump_listing_version
from forum.forms.fields import _no_control_characters
from forum.models import Tag
from forum.permissions import check_site_moderator
from forum.services.tags import tags_with_counts

NAME_FIELDS = [f"name_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES]


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["slug", *NAME_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_en"].required = True

    def clean(self):
        cleaned = super().clean()
        for name in NAME_FIELDS:
            if cleaned.get(name):
                cleaned[name] = _no_control_characters(cleaned[name].strip())
        return cleaned


@login_required
def tag_admin(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The list with a form to add a tag, or (``pk``) to change one."""
    check_site_moderator(request.user)
    tag = get_object_or_404(Tag, pk=pk) if pk is not None else None
    form = TagForm(request.POST or None, instance=tag)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        bump_listing_version()  # the lists' filters offer the tag
        messages.success(request, _("The tag “%s” is saved.") % saved.name)
        return redirect("forum:moderation_tags")
    context = {"form": form, "tag": tag, "tags": tags_with_counts(request.user)}
    status = 400 if form.errors else 200
    return render(request, "forum/moderation/tags.html", context, status=status)


__all__ = ["TagForm", "tag_admin"]
