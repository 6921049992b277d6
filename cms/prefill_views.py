"""The editor's side of machine prefill: a page action ("Prefill a language by machine
translation", in the page header's menu, cms/wagtail_hooks.py) opening a form of two languages.

The form says which languages the page lacks, what is already on its way (or waiting to try
again after an engine failure), and, on submit, either why nothing can be done or that the
worker was asked; the draft it makes appears in the page's history (cms/prefill.py).
"""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms import prefill
from forum.language import language_name
from forum.worker.runner import attempts


class PrefillForm(forms.Form):
    source = forms.ChoiceField(label=gettext_lazy("Translate from"))
    target = forms.ChoiceField(
        label=gettext_lazy("Fill in"),
        help_text=gettext_lazy(
            "Only the fields empty in this language are filled; the others stay as written."
        ),
    )

    def __init__(self, *args, page: Page, **kwargs):
        super().__init__(*args, **kwargs)
        draft = page.get_latest_revision_as_object()
        titled = [
            code
            for code in prefill.site_languages()
            if (getattr(draft, build_localized_fieldname("title", code), "") or "").strip()
        ]
        choices = [(code, language_name(code)) for code in prefill.site_languages()]
        for name in ("source", "target"):
            self.fields[name].choices = choices  # type: ignore[attr-defined]
        untitled = [code for code in prefill.site_languages() if code not in titled]
        self.initial.setdefault("source", titled[0] if titled else choices[0][0])
        self.initial.setdefault("target", untitled[0] if untitled else choices[-1][0])


class PrefillView(WagtailAdminTemplateMixin, FormView):
    form_class = PrefillForm
    template_name = "cms/admin/machine_prefill.html"
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Prefill a language by machine translation")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "page": self.page}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        context["history_url"] = reverse("wagtailadmin_pages:history", args=[self.page.pk])
        context["pending"] = [
            {
                "source": language_name(row.args_kwargs["kwargs"]["source"], in_sentence=True),
                "target": language_name(row.args_kwargs["kwargs"]["target"], in_sentence=True),
                "retrying": attempts(row) > 0,
            }
            for row in prefill.pending(self.page)
        ]
        return context

    def form_valid(self, form):
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        try:
            route = prefill.request_prefill(
                user=self.request.user, page=self.page, source=source, target=target
            )
        except prefill.PrefillRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Machine translation from %(source)s into %(target)s (%(route)s, %(quality)s) "
                "is on its way. It will be saved as a draft for review; it is never published "
                "by itself."
            )
            % {
                "source": language_name(source, in_sentence=True),
                "target": language_name(target, in_sentence=True),
                "route": route.name,
                "quality": quality_label(route.quality),
            },
        )
        return redirect("cms_machine_prefill", page_id=self.page.pk)


def quality_label(quality: str) -> str:
    """The route's quality in the editor's language."""
    return {"good": _("good"), "fair": _("fair"), "rough": _("rough")}.get(quality, quality)
