"""The page editor, through Wagtail's own hooks: language toggles that read as buttons and name
their language, "Submit for review" as an editor's first action, the review views
(cms/admin_views.py) for every page type of the site, and prefilling an empty language by
machine translation (cms/prefill_views.py), logged in the page's history."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from cms import prefill
from cms.admin_views import SitePageViewSet
from cms.models import SitePage
from cms.prefill_views import PrefillView, quality_label
from forum.language import language_name

EDITOR_CSS = "cms/admin/language_toggles.css"
EDITOR_JS = "cms/admin/language_toggles.js"


def site_page_types() -> list[type[SitePage]]:
    found, pending = [], [SitePage]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if not model._meta.abstract:
            found.append(model)
    return found


@hooks.register("register_admin_viewset")
def register_site_page_viewsets():
    return [SitePageViewSet(model=model) for model in site_page_types()]


# After wagtail-modeltranslation's own toggles (its hooks have the default order, 0), so this
# stylesheet comes after its own and the script finds the toggles it built.
@hooks.register("insert_editor_js", order=100)
def language_toggles():
    """Each language's toggle is labelled with the language's own name (wagtail-modeltranslation
    shows the bare code, "es"), and reads as a button, pressed or not, at full contrast."""
    names = {code: get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}
    return format_html(
        '{}<link rel="stylesheet" href="{}"><script src="{}" defer></script>',
        json_script(
            {
                "languages": names,
                "showAll": str(_("Show every language")),
                "hint": str(_("Choose the languages whose fields you want to see and edit.")),
            },
            "cms-language-toggles",
        ),
        static(EDITOR_CSS),
        static(EDITOR_JS),
    )


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow>", named for what it does here."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context.get("page").current_workflow_state if context.get("page") else None
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit for review")
        else:
            context["label"] = _("Submit for review")
        return context


@hooks.register("construct_page_action_menu")
def review_step_first(menu_items, request, context):
    """The first item is the footer's visible button; the rest hide behind its arrow.

    An editor who may not publish gets "Submit for review" there instead of "Save draft"; a
    reviewer looking at a page awaiting their review gets "Approve".
    """
    names = [item.name for item in menu_items]
    if "approve" in names:
        menu_items.insert(0, menu_items.pop(names.index("approve")))
    elif "action-submit" in names and "action-publish" not in names:
        submit = menu_items.pop(names.index("action-submit"))
        menu_items.insert(0, SubmitForReviewMenuItem(order=submit.order))


@hooks.register("register_admin_urls")
def machine_prefill_urls():
    return [
        path(
            "pages/<int:page_id>/machine-translation/",
            PrefillView.as_view(),
            name="cms_machine_prefill",
        )
    ]


class MachinePrefillButton(PageMenuItem):
    label = _("Prefill a language by machine translation")
    icon_name = "globe"

    def is_shown(self, user):
        return isinstance(self.page.specific_deferred, SitePage) and (
            self.page.permissions_for_user(user).can_edit()
        )

    @property
    def url(self):
        return reverse("cms_machine_prefill", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def machine_prefill_button(page, user, view_name, next_url=None):
    yield MachinePrefillButton(page=page, priority=67)  # after History


@hooks.register("register_log_actions")
def machine_prefill_log(actions):
    @actions.register_action(prefill.LOG_ACTION)
    class MachineTranslated(LogFormatter):
        label = _("Machine translation")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _(
                "Draft prefilled by machine translation from %(source)s into %(target)s "
                "(%(route)s, quality: %(quality)s): %(fields)s"
            ) % {
                "source": language_name(data.get("source", ""), in_sentence=True),
                "target": language_name(data.get("target", ""), in_sentence=True),
                "route": data.get("route", ""),
                "quality": quality_label(data.get("quality", "")),
                "fields": ", ".join(data.get("fields", [])),
            }

        def format_comment(self, log_entry):
            return _("Machine-translated: to be read and corrected before it is submitted.")
