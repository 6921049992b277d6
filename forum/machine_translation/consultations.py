"""Machine translation of private consultations' messages, as threads have for posts
(forum/machine_translation/service.py): each participant reads every message in a language
they read, the original beside it. A consultation is private, so only the engines that run on
this machine translate it (router.route's ``restricted``, as for members-only boards): its text
is never sent to a hosted engine. Asked for lazily, by the page of a reader who needs it; the
worker stores it and the open page fetches the list again (kinds.CONSULTATION_MESSAGE)."""

from __future__ import annotations

from django.core.cache import cache as shared_cache
from django.db import transaction
from django_tasks import task

from forum.language import language_name
from forum.machine_translation import markup, router
from forum.machine_translation.service import (
    ASKED_TTL,
    Reading,
    languages_read,
    translate_each,
)
from forum.models import Message, MessageTranslation
from forum.realtime import kinds, streams
from forum.realtime.events import publish_event


def message_readings(messages: list[Message], *, user, language: str) -> dict[int, Reading]:
    """How each message reads for this reader on a page in ``language`` (one query, none when
    every message is in a language they read), asking the worker for those missing."""
    result = {message.pk: Reading("original") for message in messages}
    foreign = [message for message in messages if message.language != language]
    if foreign:
        reads = languages_read(user)
        foreign = [message for message in foreign if message.language not in reads]
    if not foreign:
        return result
    stored = {
        row.message_id: row
        for row in MessageTranslation.objects.filter(message__in=foreign, language=language)
    }
    missing = []
    for message in foreign:
        source = str(language_name(message.language, in_sentence=True))
        if message.pk in stored:
            row = stored[message.pk]
            result[message.pk] = Reading("translated", source, row.quality, row.body_html, language)
        elif router.route(message.language, language, restricted=True) is None:
            result[message.pk] = Reading("unavailable", source)
        else:
            result[message.pk] = Reading("pending", source)
            missing.append(message.pk)
    if missing:
        _ask(missing, language)
    return result


def _ask(message_ids: list[int], language: str) -> None:
    def enqueue() -> None:
        fresh = [
            pk
            for pk in message_ids
            if shared_cache.add(f"mt:message:{pk}:{language}", 1, ASKED_TTL)
        ]
        if fresh:
            translate_messages.enqueue(fresh, language)

    transaction.on_commit(enqueue)


def translate_message(message: Message, language: str) -> MessageTranslation | None:
    """Translate one message into ``language`` with the machine's own engines, store it and
    tell the open pages, in one transaction; None when no such engine covers the pair."""
    route = router.route(message.language, language, restricted=True)
    if route is None:
        return None
    html = markup.translate_html(message.body_html, route.translate)
    with transaction.atomic():
        row, _created = MessageTranslation.objects.update_or_create(
            message=message,
            language=language,
            defaults={
                "source_language": message.language,
                "engine": route.name,
                "quality": route.quality,
                "body_html": html,
            },
        )
        publish_event(
            stream=streams.consultation(message.consultation_id),
            kind=kinds.CONSULTATION_MESSAGE,
            payload={
                "consultation_id": message.consultation_id,
                "message_id": message.pk,
                "translated": language,
            },
        )
    return row


@task()
def translate_messages(message_ids: list[int], language: str) -> int:
    """The worker's side: translate these messages into ``language`` and tell the open pages;
    those translated already are skipped; an engine that fails raises once the others are
    done, and the worker retries."""
    made = MessageTranslation.objects.filter(message_id__in=message_ids, language=language)
    waiting = Message.objects.filter(pk__in=message_ids).exclude(pk__in=made.values("message_id"))
    return translate_each(waiting, lambda message: translate_message(message, language) is not None)
