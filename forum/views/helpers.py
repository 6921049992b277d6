from urllib.parse import urlencode

from django.contrib.auth.models import User as Member
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from forum.ids import row_id
from forum.models import Post
from forum.selectors import page_of_position


class AuthenticatedHttpRequest(HttpRequest):
    """The request a view behind login_required receives: its user is a signed-in account.
    For annotations only (django-stubs' recipe); Django still passes an HttpRequest."""

    user: Member


def post_url(post: Post, sent: object = None) -> str:
    """The thread page that holds the post, scrolled to it. ``sent``: the token of the form
    that was just accepted, so the browser drops its draft (forum/static/forum/drafts.js)."""
    url = reverse("forum:thread", args=[post.thread_id])
    page = page_of_position(post.position)
    params: dict[str, object] = {"page": page} if page > 1 else {}
    if sent is not None:
        params["sent"] = sent
    query = f"?{urlencode(params)}" if params else ""
    return f"{url}{query}#post-{post.position}"


def int_param(value, default: int = 1) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def id_param(value: str) -> int | None:
    """A row id from a query string, or None when it names none (forum.ids)."""
    return row_id(value)


def refused_but_kept(request: HttpRequest, check, form_class, **form_kwargs):
    """Run a permission check; if a POST is refused (suspended or locked meanwhile), return the
    bound form with the reason instead of a bare 403, so the text the member wrote survives."""
    try:
        check()
    except PermissionDenied as exc:
        if request.method != "POST":
            raise
        form = form_class(request.POST, **form_kwargs)
        form.is_valid()
        form.add_error(None, str(exc) or _("You cannot post here."))
        return form
    return None
