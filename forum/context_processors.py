from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from forum.caching import listing_version
from forum.language_links import path_language_links
from forum.permissions import moderation_scope
from forum.realtime.replay import newest_event_id
from forum.selectors import request_unread_count
from forum.services.following import muted_author_ids


def forum(request: HttpRequest) -> dict:
    """The header's language links and, for members, the unread-notification count; the
    versions that key the parts of base.html drawn once."""
    context: dict[str, object] = {
        "language_links": SimpleLazyObject(lambda: path_language_links(request)),
        "listing_version": SimpleLazyObject(listing_version),
        # Keys the header's and footer's static addresses drawn once: a new deployment's
        # files have new hashed names (empty where names are not hashed: development, tests).
        "static_version": getattr(staticfiles_storage, "manifest_hash", ""),
        # The live log's position this page is drawn at, read only by pages that follow a
        # stream (base.html's data-since; forum/static/forum/live.js subscribes from it).
        "live_since": SimpleLazyObject(newest_event_id),
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["unread_notifications"] = request_unread_count(request)
        context["moderation_scope"] = SimpleLazyObject(lambda: moderation_scope(user) or False)
        # The members whose posts fold for this reader (forum/static/forum/muted.js).
        context["muted_authors"] = SimpleLazyObject(
            lambda: " ".join(map(str, muted_author_ids(user)))
        )
    return context
