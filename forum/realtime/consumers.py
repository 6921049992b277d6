"""The one WebSocket of a browser tab, at /ws/ (protocol: docs/realtime.md)."""

from __future__ import annotations

import json
import time

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from forum import limits
from forum.models import Event
from forum.permissions import stream_access
from forum.realtime import streams

# A browser tab never needs to send more than this in one message.
MAX_MESSAGE_BYTES = 4096
CLOSE_RATE_LIMITED = 4429


def access_group(board_id: int) -> str:
    return f"access.board.{board_id}"


@database_sync_to_async
def _access(user, stream):
    return stream_access(user, stream)


@database_sync_to_async
def _missed(stream_name: str, after: int) -> list[dict] | None:
    """Events after ``after``, oldest first; None when there are too many to replay."""
    events = list(
        Event.objects.filter(stream=stream_name, pk__gt=after).order_by("pk")[
            : limits.REPLAY_LIMIT + 1
        ]
    )
    if len(events) > limits.REPLAY_LIMIT:
        return None
    return [event.as_message() for event in events]


@database_sync_to_async
def _latest(stream_name: str) -> int:
    return (
        Event.objects.filter(stream=stream_name)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )


class ForumConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.subscriptions: dict[str, tuple[streams.Stream, int | None]] = {}
        self.last_sent: dict[str, int] = {}
        self.window_start, self.window_count, self.strikes = time.monotonic(), 0, 0
        await self.accept()
        user = self.scope.get("user")
        await self.send_json(
            {"type": "hello", "authenticated": bool(user and user.is_authenticated)}
        )

    async def disconnect(self, code) -> None:
        subscriptions = getattr(self, "subscriptions", {})
        while subscriptions:  # pop first, so the board's access group is left with the last
            _name, (stream, board_id) = subscriptions.popitem()
            await self._leave(stream, board_id)

    # --- Incoming ---------------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None, **kwargs) -> None:
        if not await self._within_rate():
            return
        if text_data is None:
            await self.send_error("binary frames are not accepted")
            return
        if len(text_data.encode()) > MAX_MESSAGE_BYTES:
            await self.send_error(f"message larger than {MAX_MESSAGE_BYTES} bytes")
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self.send_error("message is not valid JSON")
            return
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self.send_error('message must be a JSON object with a "type"')
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict, **kwargs) -> None:
        kind = content["type"]
        if kind == "ping":
            await self.send_json({"type": "pong", "id": content.get("id")})
        elif kind == "subscribe":
            await self.subscribe(content.get("stream"), content.get("last_id"))
        elif kind == "unsubscribe":
            await self.unsubscribe(content.get("stream"))
        else:
            await self.send_error(f"unknown message type {kind[:40]!r}")

    async def _within_rate(self) -> bool:
        now = time.monotonic()
        if now - self.window_start > limits.SOCKET_RATE_WINDOW:
            self.window_start, self.window_count = now, 0
        self.window_count += 1
        if self.window_count <= limits.SOCKET_MESSAGES_PER_WINDOW:
            return True
        self.strikes += 1
        if self.strikes >= limits.SOCKET_RATE_STRIKES:
            await self.close(code=CLOSE_RATE_LIMITED)
        else:
            await self.send_error("too many messages: slow down")
        return False

    async def subscribe(self, name, last_id) -> None:
        user = self.scope.get("user")
        stream = streams.parse(name, user_id=getattr(user, "pk", None))
        if stream is None:
            await self.send_error("unknown stream", stream=str(name)[:80])
            return
        if stream.name in self.subscriptions:
            await self.send_error("already subscribed", stream=stream.name)
            return
        if len(self.subscriptions) >= limits.SUBSCRIPTIONS_PER_SOCKET:
            await self.send_error("too many subscriptions", stream=stream.name)
            return
        if last_id is not None and (not isinstance(last_id, int) or last_id < 0):
            await self.send_error("last_id must be a non-negative integer", stream=stream.name)
            return
        allowed, board_id = await _access(user, stream)
        if not allowed:
            # The same answer for "does not exist" and "not yours", so ids leak nothing.
            await self.send_error("stream not found", stream=stream.name)
            return
        # Join first, then replay: an event broadcast in between arrives twice at worst, and
        # the id check in forum_event drops the copy.
        await self.channel_layer.group_add(stream.group, self.channel_name)
        if board_id is not None:
            await self.channel_layer.group_add(access_group(board_id), self.channel_name)
        self.subscriptions[stream.name] = (stream, board_id)
        latest = await _latest(stream.name)
        self.last_sent[stream.name] = last_id if last_id is not None else latest
        if last_id is not None:
            missed = await _missed(stream.name, last_id)
            if missed is None:
                self.last_sent[stream.name] = latest
                await self.send_json({"type": "resync", "stream": stream.name, "last_id": latest})
            else:
                for event in missed:
                    await self._deliver(event)
        await self.send_json(
            {"type": "subscribed", "stream": stream.name, "last_id": self.last_sent[stream.name]}
        )

    async def unsubscribe(self, name) -> None:
        entry = self.subscriptions.pop(name, None) if isinstance(name, str) else None
        if entry is None:
            await self.send_error("not subscribed", stream=str(name)[:80])
            return
        await self._leave(*entry)
        await self.send_json({"type": "unsubscribed", "stream": entry[0].name})

    async def _leave(self, stream: streams.Stream, board_id: int | None) -> None:
        await self.channel_layer.group_discard(stream.group, self.channel_name)
        still_on_board = any(b == board_id for _, b in self.subscriptions.values())
        if board_id is not None and not still_on_board:
            await self.channel_layer.group_discard(access_group(board_id), self.channel_name)

    # --- Outgoing ---------------------------------------------------------------------------

    async def forum_event(self, message: dict) -> None:
        """An event broadcast to a stream this socket follows."""
        await self._deliver(message["event"])

    async def _deliver(self, event: dict) -> None:
        stream = event["stream"]
        if stream not in self.subscriptions or event["id"] <= self.last_sent.get(stream, 0):
            return
        self.last_sent[stream] = event["id"]
        await self.send_json(event)

    async def forum_access(self, message: dict) -> None:
        """A board's audience changed: drop the streams this user may no longer read."""
        user = self.scope.get("user")
        for name, (stream, board_id) in list(self.subscriptions.items()):
            if board_id != message["board_id"]:
                continue
            allowed, _ = await _access(user, stream)
            if not allowed:
                del self.subscriptions[name]
                await self._leave(stream, board_id)
                await self.send_json(
                    {"type": "unsubscribed", "stream": name, "reason": "forbidden"}
                )

    async def send_error(self, message: str, **extra) -> None:
        await self.send_json({"type": "error", "message": message, **extra})
