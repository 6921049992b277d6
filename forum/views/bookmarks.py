"""A member's bookmarks: the form beside each post (a note and a reminder) and their list."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum import limits
from forum.models import Bookmark
from forum.services import bookmarks
from forum.views.helpers import int_param, post_url
from forum.views.posts import get_post


class BookmarkForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=limits.BOOKMARK_NOTE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"size": 60}),
    )
    remind_at = forms.DateTimeField(
        label=gettext_lazy("Remind me at"),
        required=False,
        help_text=gettext_lazy("In your time zone. Leave empty for no reminder."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_remind_at(self):
        remind_at = self.cleaned_data.get("remind_at")
        try:
            bookmarks.check_reminder(remind_at)
        except bookmarks.BookmarkError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return remind_at


@login_required
def bookmark_post(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a post with a note and a reminder, change them, or remove the bookmark."""
    post = get_post(request, pk)
    current = Bookmark.objects.filter(user_id=cast(int, request.user.pk), post=post).first()
    if request.method == "POST" and request.POST.get("remove"):
        bookmarks.remove_bookmark(user=request.user, post_id=post.pk)
        messages.success(request, _("The bookmark is removed."))
        return redirect(post_url(post))
    initial = {"note": current.note, "remind_at": current.remind_at} if current else {}
    form = BookmarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        bookmarks.bookmark_post(
            user=request.user,
            post=post,
            note=form.cleaned_data["note"],
            remind_at=form.cleaned_data["remind_at"],
        )
        messages.success(request, _("The post is bookmarked."))
        return redirect(post_url(post))
    status = 400 if form.errors else 200
    context = {"post": post, "form": form, "current": current}
    return render(request, "forum/bookmark_form.html", context, status=status)


@login_required
def bookmark_list(request: HttpRequest) -> HttpResponse:
    """The member's bookmarks of posts they may still read, newest first."""
    paginator = Paginator(bookmarks.readable_bookmarks(request.user), limits.THREADS_PER_PAGE)
    page = paginator.get_page(int_param(request.GET.get("page")))
    return render(request, "forum/bookmarks.html", {"page": page})


__all__ = ["bookmark_list", "bookmark_post"]
