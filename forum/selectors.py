"""Read queries for pages: each runs a constant number of SQL queries, whatever the data size."""

from __future__ import annotations

from django.db.models import Prefetch

from forum.models import ProgramArea
from forum.permissions import User, visible_boards


def program_areas_with_boards(user: User) -> list[ProgramArea]:
    """Every program area, each with ``readable_boards``: the boards this user may read."""
    boards = visible_boards(user).order_by("position", "slug")
    return list(
        ProgramArea.objects.prefetch_related(
            Prefetch("boards", queryset=boards, to_attr="readable_boards")
        )
    )
