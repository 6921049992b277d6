"""The review step in Wagtail's admin, made visible: a confirmation when a reviewer approves,
and the reviewer's preview in every language.

Wagtail routes each page type's admin views through its ``PageViewSet``
(``register_admin_viewset``, cms/wagtail_hooks.py); these are Wagtail's own views with one
thing added each.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import PreviewRevisionForTaskView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState

from cms import languages


def translated_languages(page: Page) -> list[str]:
    """The languages the page has its own title in, named in each (the others show English)."""
    return [
        get_language_info(code)["name_local"]
        for code, _name in settings.LANGUAGES
        if (getattr(page, build_localized_fieldname("title", code), "") or "").strip()
    ]


def approval_message(page_id: int) -> str:
    """What an approval did: the page went live (in which languages), or on to the next step."""
    page = Page.objects.get(pk=page_id)
    title = page.get_admin_display_title()
    state = page.current_workflow_state
    if state is not None and state.current_task_state is not None:
        return _("Approved: “%(title)s” is sent to the next step, %(task)s.") % {
            "title": title,
            "task": state.current_task_state.task.name,
        }
    if page.go_live_at and page.go_live_at > timezone.now():
        return _("Approved: “%(title)s” will go live at its scheduled time.") % {"title": title}
    if page.live and not page.has_unpublished_changes:
        return _("Approved: “%(title)s” is now live in %(languages)s.") % {
            "title": title,
            "languages": ", ".join(translated_languages(page)),
        }
    return _("Approved: “%(title)s”.") % {"title": title}


class ConfirmingWorkflowActionView(WorkflowActionView):
    """Approving from the dashboard (or a task's own form) says what happened to the page."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.action_name == "approve" and self.task_state.status == TaskState.STATUS_APPROVED:
            messages.success(request, approval_message(self.object.pk))
        return response


class ConfirmingEditView(EditView):
    """Approving from the page editor's action menu says what happened to the page too."""

    def perform_workflow_action(self):
        task_state = self.page.current_workflow_task_state
        response = super().perform_workflow_action()
        if task_state is not None:
            task_state.refresh_from_db()
            if self.workflow_action == "approve" and task_state.status == TaskState.STATUS_APPROVED:
                messages.success(self.request, approval_message(self.page.pk))
        return response


class LanguagePreviewForTaskView(PreviewRevisionForTaskView):
    """The version awaiting review, in the language ``?mode=`` names (English by default).

    Wagtail's own view always previews the default mode; the page it renders here links to
    itself in every language (cms/templates/cms/_preview_languages.html).
    """

    def get(self, request, *args, **kwargs):
        if not self.task_state:
            return super().get(request, *args, **kwargs)
        if not self.task.get_actions(self.object, request.user):
            return super().get(request, *args, **kwargs)  # Wagtail's refusal
        revision = self.task_state.revision
        page = revision.as_object()
        return page.make_preview_request(
            request,
            languages.preview_language(request.GET.get("mode")),
            extra_request_attrs={"revision_id": revision.id, "cms_preview_url": request.path},
        )


class SitePageViewSet(PageViewSet):
    """Wagtail's page views for the site's page types, with the review step's additions."""

    edit_view_class = ConfirmingEditView
    workflow_action_view_class = ConfirmingWorkflowActionView
    workflow_preview_view_class = LanguagePreviewForTaskView
