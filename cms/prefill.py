"""Prefill a page's empty language by machine translation (docs/translation.md, "Editors").

An editor asks (cms/prefill_views.py); ``request_prefill`` checks the request and has the worker
run ``cms.tasks.prefill_page`` after commit. The worker translates, from the page's latest
version, only the fields that are empty in the target language and written in the source
language, and saves them as a new draft revision, never published: a log entry on that
revision says it was machine-translated, by which route and how well, and the page goes live
only through the review workflow, as any edit does. Nothing is saved when the engine fails (the
task raises EngineError and the worker retries it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from cms import prefill_text
from cms.languages import is_empty
from forum.language import language_name
from forum.machine_translation import router
from forum.machine_translation.engines.base import EngineError

TASK_PATH = "cms.tasks.prefill_page"
LOG_ACTION = "cms.machine_translation"
# Addresses, not prose: a slug is checked against its siblings' and the forum's, and url_path
# follows it. An empty slug falls back to the English one (cms/models/pages.py).
NOT_PROSE = {"slug", "url_path"}


class PrefillRefused(Exception):
    """Why this prefill cannot be done, in words for the editor."""


class ReviewInProgress(EngineError):
    """The page went into review meanwhile: an approval would publish an unread draft, so the
    worker tries again later, once the review is over."""


@dataclass
class Plan:
    """Where each translated value goes, and the texts the engine is sent for them."""

    batch: prefill_text.Batch = field(default_factory=prefill_text.Batch)
    writes: list[tuple[Any, str, prefill_text.Finish]] = field(default_factory=list)

    @property
    def fields(self) -> list[str]:
        return [name for _obj, name, _done in self.writes]


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _translated_fields(model: type[models.Model]) -> list[str]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    # Inherited fields too (a page's title, SEO title and search description).
    return sorted(set(options.all_fields) - NOT_PROSE)


def _raw(model_field: models.Field, value: Any) -> Any:
    return (
        value.stream_block.get_prep_value(value) if isinstance(model_field, StreamField) else value
    )


def _plan_object(obj: models.Model, source: str, target: str, plan: Plan) -> None:
    for name in _translated_fields(type(obj)):
        own, theirs = (
            build_localized_fieldname(name, target),
            build_localized_fieldname(name, source),
        )
        value = getattr(obj, theirs, None)
        if not is_empty(getattr(obj, own, None)) or value is None or is_empty(value):
            continue
        model_field = obj._meta.get_field(own)
        if isinstance(model_field, StreamField):
            done = prefill_text.stream(
                model_field.stream_block, _raw(model_field, value), plan.batch
            )
        elif isinstance(model_field, RichTextField):
            done = prefill_text.rich_text(value, plan.batch)
        elif isinstance(model_field, (models.CharField, models.TextField)):
            done = _bounded(prefill_text.plain(value, plan.batch), model_field.max_length)
        else:
            continue
        plan.writes.append((obj, own, done))


def _bounded(done: prefill_text.Finish, limit: int | None) -> prefill_text.Finish:
    # A translation may run longer than its original: a title keeps within its column.
    return (lambda: done()[:limit].rstrip()) if limit else done


def plan(page: Page, source: str, target: str) -> Plan:
    """The fields of the page (and its inline children, such as an event's speakers) empty in
    ``target`` and written in ``source``, with the texts to translate for each."""
    result = Plan()
    _plan_object(page, source, target, result)
    for relation in get_all_child_relations(type(page)):
        for child in getattr(page, relation.get_accessor_name()).all():
            _plan_object(child, source, target, result)
    return result


def _in_review(page: Page) -> bool:
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def pending(page: Page) -> list[DBTaskResult]:
    """This page's prefills still to run (waiting, running, or retrying after a failure)."""
    return list(
        DBTaskResult.objects.filter(
            task_path=TASK_PATH,
            args_kwargs__kwargs__page_id=page.pk,
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        ).order_by("enqueued_at")
    )


def check(*, user, page: Page, source: str, target: str) -> router.Route:
    """The route that will translate, or PrefillRefused saying why the editor cannot ask."""
    languages = site_languages()
    if source not in languages or target not in languages:
        raise PrefillRefused(_("Choose two of the site's languages."))
    if source == target:
        raise PrefillRefused(_("Choose a language to translate from other than the one to fill."))
    if not page.permissions_for_user(user).can_edit():
        raise PrefillRefused(_("You may not edit this page."))
    names = {
        "source": language_name(source, in_sentence=True),
        "target": language_name(target, in_sentence=True),
    }
    route = router.route(source, target)
    if route is None:
        raise PrefillRefused(
            _("No machine translation engine covers %(source)s to %(target)s; nothing was changed.")
            % names
        )
    if _in_review(page):
        raise PrefillRefused(_("This page is awaiting review; prefill it once the review is over."))
    if any(row.args_kwargs["kwargs"].get("target") == target for row in pending(page)):
        raise PrefillRefused(
            _("A machine translation into %(target)s is already on its way.") % names
        )
    if not plan(page.get_latest_revision_as_object(), source, target).writes:
        raise PrefillRefused(
            _("No field is empty in %(target)s and written in %(source)s; nothing to prefill.")
            % names
        )
    return route


def request_prefill(*, user, page: Page, source: str, target: str) -> router.Route:
    """Check the request and have the worker prefill the page once the transaction commits."""
    route = check(user=user, page=page, source=source, target=target)

    def enqueue() -> None:
        from cms.tasks import prefill_page

        prefill_page.enqueue(page_id=page.pk, source=source, target=target, user_id=user.pk)

    transaction.on_commit(enqueue)
    return route


def prefill(*, page_id: int, source: str, target: str, user_id: int) -> int:
    """What the worker does: fill the empty fields of the page's latest version in ``target``
    by machine translation from ``source`` and save them as a draft revision; the number of
    fields filled. Raises EngineError (the worker retries) and saves nothing when it fails."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    page = Page.objects.filter(pk=page_id).first()
    if user is None or page is None:
        return 0
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        return 0  # the editor lost the page meanwhile: nothing is done in their name
    route = router.route(source, target)
    if route is None:
        return 0  # the engine that covered the pair was switched off: nothing to wait for
    if _in_review(page):
        raise ReviewInProgress("the page is awaiting review")
    draft = page.get_latest_revision_as_object()
    work = plan(draft, source, target)
    if not work.writes:
        return 0  # filled by hand meanwhile
    work.batch.translate(route.translate)
    with transaction.atomic(), override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        for obj, name, done in work.writes:
            setattr(obj, name, done())
        revision = draft.save_revision(user=user, clean=False)
        log(
            instance=draft,
            action=LOG_ACTION,
            user=user,
            revision=revision,
            content_changed=True,
            data={
                "source": source,
                "target": target,
                "route": route.name,
                "quality": route.quality,
                "fields": work.fields,
            },
        )
    return len(work.writes)
