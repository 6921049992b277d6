"""What a socket may follow of a stream, and which stored streams a subscription covers."""

from __future__ import annotations

from dataclasses import dataclass

from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model

from forum.permissions import User, moderation_scope, stream_access, visible_boards
from forum.realtime import streams

# The source a site moderator's subscription covers: every area's moderation stream.
ALL_MODERATION = "moderation:*"


@dataclass
class Following:
    """One subscription of a socket: the stored streams it covers and the groups it joined."""

    stream: streams.Stream
    board_id: int | None
    sources: list[str]
    groups: list[str]
    languages: frozenset[str] | None = None  # moderation: only events in these languages

    @property
    def merged(self) -> bool:
        """Several stored streams under one name (a moderator's areas, the latest boards)."""
        return self.stream.kind in ("moderation", "latest")

    def covers(self, stored: str) -> bool:
        if stored in self.sources:
            return True
        return ALL_MODERATION in self.sources and stored.startswith("moderation:")


@database_sync_to_async
def _following(user: User, stream: streams.Stream, *, fresh: bool = False) -> Following | None:
    """What this user may follow of the stream (None: not found or forbidden, alike)."""
    if fresh and user is not None and user.is_authenticated:
        current = get_user_model().objects.filter(pk=user.pk).first()
        if current is None:
            return None
        user = current
    if stream.kind == "moderation":
        # Site moderators: every area and the site-wide queue, through the one group every
        # moderation event is also sent to. Area moderators: their areas' streams and groups.
        scope = moderation_scope(user)
        if scope is None:
            return None
        if scope.is_site_wide:
            return Following(stream, None, [ALL_MODERATION], [streams.SITE_MODERATION_GROUP])
        areas = [streams.moderation(area_id) for area_id in sorted(scope.areas or ())]
        sources, groups = [s.name for s in areas], [s.group for s in areas]
        return Following(stream, None, sources, groups, scope.languages)
    if stream.kind == "latest":
        # The boards the reader may read now; each board's audience change re-checks it
        # (its access group), and so does a change of the account's.
        ids = sorted(visible_boards(user).values_list("pk", flat=True))
        sources = [streams.board(pk).name for pk in ids]
        groups = [streams.board(pk).group for pk in ids] + [streams.access_group(pk) for pk in ids]
        return Following(stream, None, sources, groups)
    allowed, board_id = stream_access(user, stream)
    if not allowed:
        return None
    return Following(stream, board_id, [stream.name], [stream.group])
