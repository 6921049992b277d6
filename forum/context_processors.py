from django.http import HttpRequest

from forum.selectors import unread_notification_count


def forum(request: HttpRequest) -> dict:
    """The header's unread-notification count (one query, only for signed-in members)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_notification_count(user)}
