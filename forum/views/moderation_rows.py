"""The rows of the review queue and the moderation log: read as plain values, rendered once.

A moderator's page is the same handful of rows seen again and again (the live queue re-fetches
its list after every flag, hold and decision), and rendering a row cost far more than reading
it. So each row is read as the values it shows (no model instances), and its HTML is cached
under a digest of exactly those values, with the language and time zone it was written in.
A row's key changes whenever anything it shows changes; nothing has to remember to invalidate
it, and no row is ever shown to a moderator whose own scope-filtered query did not return it
with these very values (the selectors decide who sees which rows; the cache only saves the
rendering). docs/performance.md, "Moderators' pages again (issue 21)".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from functools import cache as once
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.forms import Form
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from forum.caching import LISTING_TIMEOUT, listing_version
from forum.confidential import CATEGORIES
from forum.models import Board, Flag, ModerationAction, ProgramArea
from forum.models.members import public_name
from forum.permissions import Scope
from forum.queue_cache import REVIEW_QUEUE_TIMEOUT, QueuePage

ROW_TIMEOUT = 60 * 60  # seconds; a key names its content, so this only bounds the memory
QUEUE_ROW = "forum/moderation/_review_item.html"
QUEUE_FILTERS = "forum/moderation/_review_filters.html"
LOG_ROW = "forum/moderation/_log_row.html"


class _Named:
    """What public_name reads of a member, from a values() row: one rule for every name."""

    def __init__(self, username: str, display_name: str | None, deleted_at: datetime | None):
        self.username, self.display_name, self.deleted_at = username, display_name, deleted_at
        self.profile = self

    def get_username(self) -> str:
        return self.username


def _name(username: str, display_name: str | None, deleted_at: datetime | None) -> str:
    return str(public_name(_Named(username, display_name, deleted_at)))


class FlagLine(NamedTuple):
    reason: str  # the label, in the page's language
    text: str
    flagger: str


class QueueRow(NamedTuple):
    """Everything one review-queue item shows, and nothing else (its cache key is made of it)."""

    pk: int
    state: str
    position: int
    language: str
    created_at: datetime
    body_html: str
    title: str
    area: str
    board: str
    author_id: int
    author: str
    flags: tuple[FlagLine, ...]


class LogRow(NamedTuple):
    """Everything one moderation-log row shows."""

    pk: int
    created_at: datetime
    actor: str | None
    kind: str  # the label, in the page's language
    reason: str
    post_id: int | None
    position: int | None
    thread_id: int | None
    title: str | None
    member_id: int | None
    member: str | None
    board: str | None


def board_names() -> dict[int, tuple[str, str]]:
    """Board id → (area name, board name) in the active language: one query per listing
    version and language (forum.caching), then from the cache."""
    key = f"forum:moderation-board-names:{listing_version()}:{translation.get_language()}"
    names = cache.get(key)
    if names is None:
        names = {
            board.pk: (str(board.area.name), str(board.name))
            for board in Board.objects.select_related("area")
        }
        cache.set(key, names, LISTING_TIMEOUT)
    return names


def area_names() -> list[tuple[int, str]]:
    """Every program area as (id, name in the active language), in their order: one query per
    listing version and language, then from the cache."""
    key = f"forum:moderation-area-names:{listing_version()}:{translation.get_language()}"
    names = cache.get(key)
    if names is None:
        names = [(area.pk, str(area.name)) for area in ProgramArea.objects.all()]
        cache.set(key, names, LISTING_TIMEOUT)
    return names


def review_filters(scope: Scope, *, language: str, area_id: int | None) -> SafeString:
    """The review queue's filter form: the site languages and the areas of the moderator's
    scope, with the chosen ones selected; rendered once per content and language."""
    areas = tuple(
        (pk, name) for pk, name in area_names() if scope.areas is None or pk in scope.areas
    )
    content = (areas, language, area_id, bool(scope.languages))
    context = {
        "languages": settings.LANGUAGES,
        "language": language,
        "areas": [{"pk": pk, "name": name} for pk, name in areas],
        "area_id": area_id,
        "scope": scope,
    }
    return _cached(QUEUE_FILTERS, [(content, context)])[0]


def _page_of(model: type[Model], page: QuerySet, fields: Sequence[str]) -> list[tuple]:
    """The values of a page's rows, in its order: ``page`` is the selector's rows as ids,
    sliced to the page (the sort runs on those narrow rows), asked as a subquery."""
    return list(
        model._default_manager.filter(pk__in=page)
        .order_by(*page.query.order_by)
        .values_list(*fields)
    )


QUEUE_FIELDS = (
    "pk",
    "state",
    "position",
    "language",
    "created_at",
    "body_html",
    "thread__title",
    "thread__board_id",
    "author_id",
)
FLAG_FIELDS = ("post_id", "reason", "text", "flagger_id", "categories")
NAME_FIELDS = ("pk", "username", "profile__display_name", "profile__deleted_at")


def queue_items(page: QueuePage) -> list[SafeString]:
    """The review-queue items of a page (queue_cache.review_queue_page) as HTML, in its order.

    What the items show is read once per page and queue stamp, through the moderator's own
    queue (two queries), and kept under the page's key: every change of a queued post's state,
    flags, text, language, thread or board moves the stamp (services/review.py), and
    the key holds the listing version and the moderator's scope. Only the members' names are
    read on every request (one query): a new name or a deleted account moves no queue stamp.
    The items' HTML is kept by their content (rendered)."""
    if not page.ids:
        return []
    posts, open_flags = _kept_rows(page)
    if not posts:
        return []
    members = {post[8] for post in posts} | {flag[3] for flag in open_flags}
    named = get_user_model().objects.filter(pk__in=members).values_list(*NAME_FIELDS)
    names = {pk: _name(*name) for pk, *name in named}
    return rendered(QUEUE_ROW, _queue_rows(posts, open_flags, names))


def _kept_rows(page: QueuePage) -> tuple[list[tuple], list[tuple]]:
    """The page's posts and their open flags as values (QUEUE_FIELDS, FLAG_FIELDS), kept under
    the page's key."""
    key = f"{page.key}:rows"
    kept = cache.get(key)
    if kept is None:
        order = {pk: place for place, pk in enumerate(page.ids)}
        found = page.queue().filter(pk__in=page.ids).prefetch_related(None).order_by()
        posts = sorted(found.values_list(*QUEUE_FIELDS), key=lambda post: order[post[0]])
        open_flags = Flag.objects.filter(
            post_id__in=[post[0] for post in posts], outcome=Flag.Outcome.OPEN
        )
        kept = (posts, list(open_flags.order_by("pk").values_list(*FLAG_FIELDS)))
        cache.set(key, kept, REVIEW_QUEUE_TIMEOUT)
    return kept


def _queue_rows(posts: list[tuple], open_flags: list[tuple], names: dict) -> list[QueueRow]:
    reasons = {code: str(label) for code, label in Flag.Reason.choices}
    flags: dict[int, list[FlagLine]] = {}
    for post_id, reason, text, flagger_id, categories in open_flags:
        label = reasons.get(reason, reason)
        if categories:  # its author's confirmation past the confidential-data check
            marked = ", ".join(str(CATEGORIES[c]) for c in categories if c in CATEGORIES)
            label = _("%(reason)s (marked: %(marked)s)") % {"reason": label, "marked": marked}
        line = FlagLine(label, text, names.get(flagger_id, ""))
        flags.setdefault(post_id, []).append(line)
    boards = board_names()
    rows = []
    for pk, state, position, language, created_at, body, title, board_id, author_id in posts:
        area, board = boards.get(board_id, ("", ""))
        rows.append(
            QueueRow(
                pk,
                state,
                position,
                language,
                created_at,
                body,
                title,
                area,
                board,
                author_id,
                names.get(author_id, ""),
                tuple(flags.get(pk, ())),
            )
        )
    return rows


LOG_FIELDS = (
    "pk",
    "created_at",
    "actor__username",
    "kind",
    "reason",
    "post_id",
    "post__position",
    "thread_id",
    "thread__title",
    "member_id",
    "member__username",
    "board_id",
)


def log_rows(page: QuerySet) -> list[LogRow]:
    """The moderation-log rows of a page of their ids (views/moderation.py): one query."""
    actions = _page_of(ModerationAction, page, LOG_FIELDS)
    boards = board_names()
    kinds = {code: str(label) for code, label in ModerationAction.Kind.choices}
    rows = []
    for row in actions:
        pk, created_at, actor, kind, reason, post_id, position, thread_id, title = row[:9]
        member_id, member, board_id = row[9:]
        board = boards.get(board_id, ("", ""))[1] if board_id else None
        rows.append(
            LogRow(
                pk,
                created_at,
                actor,
                kinds.get(kind, kind),
                reason,
                post_id,
                position,
                thread_id,
                title,
                member_id,
                member,
                board,
            )
        )
    return rows


@once
def _template_stamp(name: str) -> str:
    """A digest of the row template's source: a changed template (a deploy) misses old rows."""
    source = get_template(name).template.source  # type: ignore[attr-defined]
    return hashlib.blake2b(source.encode(), digest_size=6).hexdigest()


def _digest(content: object) -> str:
    return hashlib.blake2b(repr(content).encode(), digest_size=16).hexdigest()


def _cached(template: str, contents: Sequence[tuple[tuple, dict]]) -> list[SafeString]:
    """Each context rendered with the template, from the cache where the same content (the
    tuple beside it: everything the context shows) was rendered before in this language and
    time zone; the others rendered now and kept. Without the request: what is cached shows the
    same to every moderator whose own query found that content.

    The whole list is kept too, under the digest of its parts: an unchanged page is one cache
    read, a changed one reads its parts and renders only the new ones."""
    prefix = ":".join(
        [
            "forum:moderation-html",
            _template_stamp(template),
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
        ]
    )
    keys = [f"{prefix}:{_digest(content)}" for content, _context in contents]
    whole_key = f"{prefix}:list:{_digest(keys)}"
    whole = cache.get(whole_key) if len(keys) > 1 else None
    if whole is not None:
        return [mark_safe(part) for part in whole]  # noqa: S308 (rendered by our templates)
    found = cache.get_many(keys)
    missing: dict[str, object] = {}
    compiled = get_template(template)
    for key, (_content, context) in zip(keys, contents, strict=True):
        if key not in found:
            found[key] = missing[key] = compiled.render(context)
    parts = [found[key] for key in keys]
    if len(keys) > 1:
        missing[whole_key] = parts
    if missing:
        cache.set_many(missing, ROW_TIMEOUT)
    return [mark_safe(part) for part in parts]  # noqa: S308 (rendered by our templates)


def rendered(template: str, rows: Sequence[QueueRow | LogRow]) -> list[SafeString]:
    """The rows' HTML (QUEUE_ROW or LOG_ROW), each rendered once per content."""
    return _cached(template, [(row, {"row": row}) for row in rows])


def rendered_form(form: Form, *also: object, template: str = "forum/_form.html") -> SafeString:
    """A GET form as typed (its values and their errors), rendered once per content: Django's
    widget templates cost more than the rest of the log page, and a third of a search page.
    ``also``: what else the form shows (the choices it offers a reader, the listing version of
    their names); the errors are in the key too, since a form's answer may depend on the
    database (a member's name) or the request (a rate limit)."""
    # A QueryDict when bound, an empty MultiValueDict when not: both have getlist.
    values = form.data.getlist  # type: ignore[attr-defined]
    typed = tuple((name, tuple(values(name))) for name in form.fields)
    errors = form.errors.get_json_data() if form.is_bound else None
    return _cached(template, [((form.is_bound, typed, errors, also), {"form": form})])[0]
