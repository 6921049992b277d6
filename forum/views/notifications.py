from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from forum import limits
from forum.machine_translation.service import shown_titles
from forum.selectors import notifications_for
from forum.services.notifications import mark_notifications_read
from forum.views.helpers import AuthenticatedHttpRequest


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        mark_notifications_read(user=request.user)
        return redirect("forum:notifications")
    paginator = Paginator(notifications_for(request.user), limits.NOTIFICATIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    notifications = list(page.object_list)
    threads = {n.thread_id: n.thread for n in notifications if n.thread_id and not n.action_id}
    shown = shown_titles(list(threads.values()), user=request.user, language=get_language())
    for notification in notifications:
        notification.shown_title = shown.get(notification.thread_id or 0, "")
    page.object_list = notifications
    return render(request, "forum/notifications.html", {"page": page})
