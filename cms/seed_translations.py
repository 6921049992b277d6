"""The demo forum's posts queued for machine translation into every site language an engine
reaches, so a newcomer reading in Portuguese finds the Spanish threads already translated: the
worker that `make run` starts makes them in its first minutes (pages show "on its way" until
then, and the translations arrive live)."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.db import transaction

from forum.machine_translation import router
from forum.models import Post, PostTranslation

# Posts per task: a task's engine calls stay short, and the worker interleaves other work.
PER_TASK = 20


def queue_translations() -> int:
    """Queue (after commit) every missing translation of a published post into a site
    language with a route; how many post translations were queued."""
    from forum.tasks import translate_posts

    posts = Post.objects.filter(state=Post.State.PUBLISHED).order_by("pk")
    current = list(posts.values_list("pk", "language", "edit_count"))
    made = set(PostTranslation.objects.values_list("post_id", "revision", "language"))
    queued = 0
    for target, _name in settings.LANGUAGES:
        ids = [
            pk
            for pk, language, version in current
            if language != target
            and (pk, version, target) not in made
            and router.route(language, target) is not None
        ]
        for start in range(0, len(ids), PER_TASK):
            chunk = ids[start : start + PER_TASK]
            transaction.on_commit(partial(translate_posts.enqueue, chunk, target))
        queued += len(ids)
    return queued
