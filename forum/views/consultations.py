"""Private consultations (forum/services/consultations.py): the member's list, starting one
with colleagues, reading and answering it, reporting it to the site moderators, leaving it;
and the moderators' list of reported ones. A consultation someone may not read is not found."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import limits
from forum.forms import PostForm
from forum.forms.fields import ReasonField, _no_control_characters
from forum.machine_translation.consultations import message_readings
from forum.models import Consultation, Message, Participant
from forum.permissions import check_site_moderator
from forum.permissions.consultations import (
    can_write_consultation,
    check_read_consultation,
    check_start_consultation,
    participates,
)
from forum.services import consultations as service
from forum.services.confidential import rules_for
from forum.throttling import POSTING, refuse_over_limit
from forum.views.helpers import AuthenticatedHttpRequest, int_param, refused_but_kept


class ConsultationForm(PostForm):
    to = forms.CharField(
        label=gettext_lazy("Members to consult"),
        max_length=400,
        help_text=gettext_lazy("Their user names, separated by commas: @name, @other."),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), min_length=3, max_length=200)
    field_order = ["to", "subject", "body", "language", "attach", "attachments", "submission_token"]

    def clean_to(self) -> list[str]:
        return [name for name in re.split(r"[\s,;]+", self.cleaned_data["to"]) if name]

    def clean_subject(self) -> str:
        return _no_control_characters(" ".join(self.cleaned_data["subject"].split()))


class ReportForm(forms.Form):
    reason = ReasonField()


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = (
        Participant.objects.filter(user=request.user, left_at__isnull=True)
        .select_related("consultation")
        .order_by("-consultation__last_message_at", "-pk")
    )
    page = Paginator(rows, limits.CONSULTATIONS_PER_PAGE).get_page(
        int_param(request.GET.get("page"))
    )
    return _private(render(request, "forum/consultations/inbox.html", {"page": page}))


@login_required
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    template = "forum/consultations/new.html"
    refused = refused_but_kept(
        request,
        lambda: check_start_consultation(request.user),
        ConsultationForm,
        uploader=request.user,
    )
    if refused is not None:
        return _private(render(request, template, {"form": refused}, status=403))
    initial = {"to": f"@{request.GET['to'][:150]}"} if request.GET.get("to") else {}
    form = ConsultationForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        uploader=request.user,
        check=rules_for(None),  # a private message is checked too; confirmed, it is sent
    )
    status = 200
    if request.method == "POST":
        valid = form.is_valid()
        files = form.keep_files()
        if valid:
            if refused := refuse_over_limit(request, POSTING, form=form, template=template):
                return refused
            try:
                consultation = service.start_consultation(
                    author=request.user,
                    recipients=form.cleaned_data["to"],
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    language=form.cleaned_data["language"] or None,
                    submission_token=form.cleaned_data["submission_token"],
                    attachments=files,
                )
            except service.ConsultationError as exc:
                form.add_error("to", str(exc))
            else:
                return redirect("forum:consultation", pk=consultation.pk)
        status = 400
    return _private(render(request, template, {"form": form}, status=status))


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    participant = participates(request.user, consultation)  # asked once for the whole page
    check_read_consultation(request.user, consultation, participant=participant)
    writes = can_write_consultation(request.user, consultation, participant=participant)
    form = PostForm(
        request.POST or None, request.FILES or None, uploader=request.user, check=rules_for(None)
    )
    status = 200
    if request.method == "POST":
        valid = form.is_valid()
        files = form.keep_files() if writes else []
        if not writes:
            form.add_error(None, _("You may not write in this consultation."))
            status = 403
        elif valid:
            context = {"consultation": consultation, "thread_messages": []}
            template = "forum/consultations/detail.html"
            if refused := refuse_over_limit(
                request, POSTING, form=form, template=template, context=context
            ):
                return refused
            service.send_message(
                author=request.user,
                consultation=consultation,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"] or None,
                submission_token=form.cleaned_data["submission_token"],
                attachments=files,
            )
            return redirect("forum:consultation", pk=consultation.pk)
        else:
            status = 400
    if participant:
        service.mark_read(user=request.user, consultation=consultation)
    context = {
        "consultation": consultation,
        "thread_messages": _messages(consultation, request.user),
        "participants": consultation.participants.select_related("user__profile"),
        "form": form if writes else None,
        "participant": participant,
        "LANGUAGE": get_language(),
    }
    return _private(render(request, "forum/consultations/detail.html", context, status=status))


def _messages(consultation: Consultation, user) -> list[Message]:
    """The messages, each with how it reads for ``user`` (machine-translated where they do
    not read its language) and its files."""
    messages = list(
        consultation.messages.select_related("author__profile").prefetch_related("attachments")
    )
    shown = message_readings(messages, user=user, language=get_language())
    for message in messages:
        setattr(message, "reading", shown[message.pk])  # noqa: B010 - what the template reads
    return messages


@login_required
def messages_fragment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The list of messages, for the open page to take when one arrives live (the event
    carries ids only): asked of the policy again, so one who left reads nothing more."""
    consultation = get_object_or_404(Consultation, pk=pk)
    participant = participates(request.user, consultation)
    check_read_consultation(request.user, consultation, participant=participant)
    if participant:
        service.mark_read(user=request.user, consultation=consultation)
    context = {"thread_messages": _messages(consultation, request.user), "LANGUAGE": get_language()}
    return _private(render(request, "forum/consultations/_messages.html", context))


@login_required
def report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    participant = participates(request.user, consultation)
    check_read_consultation(request.user, consultation, participant=participant)
    if not participant:
        raise PermissionDenied(_("Only its participants may report a consultation."))
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            service.report_consultation(
                reporter=request.user, consultation=consultation, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The site moderators can now read this consultation."))
            return redirect("forum:consultation", pk=consultation.pk)
        status = 400
    context = {"consultation": consultation, "form": form}
    return _private(render(request, "forum/consultations/report.html", context, status=status))


@login_required
@require_POST
def leave(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    if not participates(request.user, consultation):
        raise Http404
    service.leave_consultation(user=request.user, consultation=consultation)
    messages.success(request, _("You left the consultation."))
    return redirect("forum:consultations")


@login_required
def reported(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The consultations a participant reported: the site moderators' to read."""
    check_site_moderator(request.user)
    rows = Consultation.objects.filter(reported_at__isnull=False).prefetch_related("reports")
    page = Paginator(rows.order_by("-reported_at", "-pk"), limits.CONSULTATIONS_PER_PAGE)
    context = {"page": page.get_page(int_param(request.GET.get("page")))}
    return _private(render(request, "forum/consultations/reported.html", context))


__all__ = [
    "ConsultationForm",
    "ReportForm",
    "detail",
    "inbox",
    "leave",
    "messages_fragment",
    "report",
    "reported",
]
