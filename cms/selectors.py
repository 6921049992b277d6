"""Read queries for the pages: each runs a constant number of SQL queries, whatever the size."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from forum.models import Board, ProgramArea
from forum.permissions import User, visible_boards
from forum.selectors import latest_threads

__all__ = ["area_boards", "latest_threads", "program_cards", "upcoming_events"]


@dataclass
class ProgramCard:
    area: ProgramArea
    page: object | None  # the area's live ProgramPage, if editors have published one


def program_cards() -> list[ProgramCard]:
    """Every program area with its published page (two queries)."""
    from cms.models import ProgramPage

    live = ProgramPage.objects.live().defer_streamfields().order_by("path")
    pages = {page.area_id: page for page in live}
    return [ProgramCard(area, pages.get(area.pk)) for area in ProgramArea.objects.all()]


def area_boards(user: User, area_id: int) -> list[Board]:
    """The area's boards this user may read."""
    return list(visible_boards(user).filter(area_id=area_id).order_by("position", "slug"))


def upcoming_events(*, area_id: int | None = None, limit: int = 3):
    """The next live events (not yet over), soonest first."""
    from cms.models import EventPage

    events = EventPage.objects.live().filter(ends_at__gte=timezone.now())
    if area_id is not None:
        events = events.filter(area_id=area_id)
    return list(events.order_by("starts_at")[:limit])
