from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

from forum import limits
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
    return render(request, "forum/notifications.html", {"page": page})
