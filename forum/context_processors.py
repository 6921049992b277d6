from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from forum.language_links import path_language_links
from forum.permissions import moderation_scope
from forum.selectors import unread_notification_count


def forum(request: HttpRequest) -> dict:
    """The header's language links and, for members, the unread-notification count."""
    context: dict[str, object] = {
        "language_links": SimpleLazyObject(lambda: path_language_links(request))
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["unread_notifications"] = unread_notification_count(user)
        context["moderation_scope"] = SimpleLazyObject(lambda: moderation_scope(user) or False)
    return context
