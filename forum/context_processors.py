from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info

from forum.permissions import moderation_scope
from forum.selectors import unread_notification_count


def _language_links(request: HttpRequest) -> list[dict]:
    """This same page in every site language (the switcher keeps the reader where they are)."""
    path, current = request.get_full_path(), get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def forum(request: HttpRequest) -> dict:
    """The header's language links and, for members, the unread-notification count."""
    context = {"language_links": SimpleLazyObject(lambda: _language_links(request))}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["unread_notifications"] = unread_notification_count(user)
        context["moderation_scope"] = SimpleLazyObject(lambda: moderation_scope(user) or False)
    return context
