"""The one WebSocket of a browser tab, at /ws/ (protocol: docs/realtime.md).

What a socket may follow is in following.py, what a resubscribe replays in replay.py, the
late-delivery sweep in late.py.
"""

from __future__ import annotations

import json
import time

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from forum import limits
from forum.realtime import fanout, presence, streams
from forum.realtime.following import ALL_MODERATION, Following, _following
from forum.realtime.late import _SWEPT, start_sweeping, sweep
from forum.realtime.replay import _latest, _missed
from forum.realtime.streams import access_group

# Names the consumer module offered before replay and late delivery left it.
__all__ = [
    "ALL_MODERATION",
    "CLOSE_RATE_LIMITED",
    "MAX_MESSAGE_BYTES",
    "Following",
    "ForumConsumer",
    "sweep",
]

# A browser tab never needs to send more than this in one message.
MAX_MESSAGE_BYTES = 4096
CLOSE_RATE_LIMITED = 4429


class ForumConsumer(AsyncJsonWebsocketConsumer):
    async def dispatch(self, message: dict) -> None:
        # Channels hops to the database thread before every message to close stale
        # connections: a round trip through the one sync thread per socket and frame, though
        # most messages read nothing. Every database read here goes through
        # database_sync_to_async, which closes them around itself.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        self.subscriptions: dict[str, Following] = {}
        # Per subscription being set up: live events that arrived meanwhile, sent after it.
        self.early: dict[str, list[dict]] = {}
        # While an access re-check is under way (hold()), events wait here: one broadcast after
        # a board went private must not go out before the socket learns it lost the board.
        self.held, self.waiting = 0, list[dict]()
        self.last_sent: dict[str, int] = {}
        # Per subscription: ids at or below the floor the client has; ids above it delivered so
        # far. A set rather than "the highest id", because events of merged streams (the
        # moderation areas) can commit out of id order: a late, lower id still gets through.
        self.floor: dict[str, int] = {}
        self.seen: dict[str, set[int]] = {}
        self.window_start, self.window_count, self.strikes = time.monotonic(), 0, 0
        await self.accept()
        # The embedded default's layer relays other processes' messages to this one's sockets.
        start_polling = getattr(self.channel_layer, "start_polling", None)
        if start_polling is not None:
            start_polling()
        user = self.scope.get("user")
        # Whatever it follows, the socket belongs to its account and session: closed when the
        # session signs out or the password changes, re-checked when the account's access
        # changes (forum/realtime/accounts.py).
        self.account_groups = []
        if user is not None and user.is_authenticated:
            self.account_groups.append(streams.account_group(user.pk))
            session = self.scope.get("session")
            if session is not None and session.session_key:
                self.account_groups.append(streams.session_group(session.session_key))
        hub = await fanout.hub()
        for group in self.account_groups:
            await hub.join(group, self)
        await self.send_json(
            {"type": "hello", "authenticated": bool(user and user.is_authenticated)}
        )

    async def disconnect(self, code) -> None:
        _SWEPT.pop(self, None)
        hub = await fanout.hub()
        for group in getattr(self, "account_groups", []):
            await hub.leave(group, self)
        subscriptions = getattr(self, "subscriptions", {})
        while subscriptions:  # pop first, so the board's access group is left with the last
            _name, following = subscriptions.popitem()
            await self._leave(following)

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
        except RecursionError:  # deep nesting fits in 4 KiB: refuse it, keep the socket
            await self.send_error("message nests too deeply")
            return
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
        if last_id is not None and (
            not isinstance(last_id, int) or isinstance(last_id, bool) or last_id < 0
        ):
            await self.send_error("last_id must be a non-negative integer", stream=stream.name)
            return
        # The account as it is now, not as it was when the socket opened: a group left or a
        # verification withdrawn since must not let it follow new streams.
        following = await _following(user, stream, fresh=True)
        if following is None:
            # The same answer for "does not exist" and "not yours", so ids leak nothing.
            await self.send_error("stream not found", stream=stream.name)
            return
        # Join first, then replay: an event broadcast in between arrives twice at worst, and
        # the id check in _deliver drops the copy. Until the replay is done, live events wait
        # in self.early, so that the client gets them in order.
        self.subscriptions[stream.name] = following
        self.early[stream.name] = []
        hub = await fanout.hub()
        for group in following.groups:
            await hub.join(group, self)
        if following.board_id is not None:
            await hub.join(access_group(following.board_id), self)
        _SWEPT[self] = None
        start_sweeping()
        latest, newest = await _latest(following.sources, last_id)
        self.last_sent[stream.name] = last_id if last_id is not None else latest
        self.floor[stream.name], self.seen[stream.name] = self.last_sent[stream.name], set()
        if last_id is not None:
            # An id beyond the log's newest comes from another log (the database restored from
            # a backup, a client of another site): kept, it would drop every event up to it.
            # (Past the stream's own newest is usual: a page's cursor is the whole log's.)
            missed = None if last_id > newest else await _missed(following.sources, last_id, user)
            if missed is None:
                self.last_sent[stream.name] = self.floor[stream.name] = latest
                await self.send_json({"type": "resync", "stream": stream.name, "last_id": latest})
            else:
                # The reorder window's events come before last_id: let them through once.
                self.floor[stream.name] = min([last_id, *(e["id"] - 1 for e in missed)])
                # The client has last_id itself: with the floor below it, the sweep would send
                # it again at every pass (a page that reloads on it would reload each time).
                self.seen[stream.name].add(last_id)
                for event in missed:
                    await self._deliver(event, now=True, only=stream.name)
        reply = {
            "type": "subscribed",
            "stream": stream.name,
            "last_id": self.last_sent[stream.name],
        }
        if stream.kind == "thread" and stream.object_id is not None:  # a thread stream has an id
            reply["readers"] = await presence.enter(stream.object_id, self.channel_name)
        await self.send_json(reply)
        early = self.early[stream.name]
        while early and not self.held:  # what arrives while these go out joins the list's end
            await self._deliver(early.pop(0), now=True, only=stream.name)
        self.waiting[:0] = self.early.pop(stream.name)  # held meanwhile: after the re-check

    async def unsubscribe(self, name) -> None:
        following = self.subscriptions.pop(name, None) if isinstance(name, str) else None
        if following is None:
            await self.send_error("not subscribed", stream=str(name)[:80])
            return
        await self._leave(following)
        await self.send_json({"type": "unsubscribed", "stream": following.stream.name})

    async def _leave(self, following: Following) -> None:
        self.early.pop(following.stream.name, None)
        hub = await fanout.hub()
        for group in following.groups:
            await hub.leave(group, self)
        board_id = following.board_id
        still_on_board = any(
            f.board_id == board_id or access_group(board_id) in f.groups
            for f in self.subscriptions.values()
            if board_id is not None
        )
        if board_id is not None and not still_on_board:
            await hub.leave(access_group(board_id), self)
        thread_id = following.stream.object_id
        if following.stream.kind == "thread" and thread_id is not None:
            await presence.leave(thread_id, self.channel_name)

    # --- Outgoing ---------------------------------------------------------------------------

    async def forum_event(self, message: dict) -> None:
        """An event broadcast to a stream this socket follows (the hub, fanout.py, hands them
        over; this is for one sent to the socket's own channel)."""
        await self._deliver(message["event"])

    async def deliver(self, event: dict, text: str) -> None:
        """A broadcast event, already encoded once for every socket of the process."""
        await self._deliver(event, text=text)

    async def _deliver(
        self, event: dict, text: str | None = None, *, now: bool = False, only: str = ""
    ) -> None:
        """Send an event to each subscription that covers its stream (a board's event goes to
        ``board:<id>`` and to ``latest``) unless the client has it there; ``now``: from a
        replay or a backlog, for the subscription ``only`` when named."""
        names = [only] if only else self._followers_of(event["stream"])
        if not names:
            return
        if self.held or (self.waiting and not now):  # a re-check under way, or its backlog
            self.waiting.append(event)
            return
        for name in names:
            early = self.early.get(name)
            if early is not None and not now:  # the subscription is still being set up
                early.append(event)
            elif name in self.subscriptions:
                await self._send_to(name, event, text)

    async def _send_to(self, name: str, event: dict, text: str | None) -> None:
        event_id, seen = event["id"], self.seen[name]
        if event_id <= self.floor[name] or event_id in seen:
            return
        following = self.subscriptions[name]
        language = event["payload"].get("language") if isinstance(event["payload"], dict) else None
        if following.languages and language and language not in following.languages:
            return
        seen.add(event_id)
        if len(seen) > 2 * limits.REPLAY_LIMIT:  # keep the newest half
            self.floor[name] = sorted(seen)[limits.REPLAY_LIMIT]
            seen.difference_update([i for i in seen if i <= self.floor[name]])
        self.last_sent[name] = max(self.last_sent[name], event_id)
        if name != event["stream"]:  # merged: a moderator's areas, the latest boards
            await self.send_json({**event, "stream": name})
        else:
            await self.send(text_data=text if text is not None else json.dumps(event))

    def _followers_of(self, stored: str) -> list[str]:
        """The subscriptions an event of this stored stream belongs to."""
        names = [stored] if stored in self.subscriptions else []
        for name in ("moderation", "latest"):  # the merged subscriptions
            merged = self.subscriptions.get(name)
            if merged is not None and merged.covers(stored):
                names.append(name)
        return names

    async def forum_presence(self, message: dict) -> None:
        name = streams.thread(message["thread_id"]).name
        frame = {"type": "presence", "stream": name, "readers": message["readers"]}
        await self.send_frame(name, json.dumps(frame))

    async def send_frame(self, stream: str, text: str) -> None:
        """A frame about a stream (presence), encoded once by the hub, if still followed."""
        if stream in self.subscriptions and stream not in self.early and not self.held:
            await self.send(text_data=text)

    def hold(self) -> None:
        """An access change is on its way to this socket's own task (fanout.py): until it has
        been handled, events wait."""
        self.held += 1

    async def _release(self) -> None:
        self.held = max(0, self.held - 1)
        if self.held:
            return
        self.waiting.sort(key=lambda event: event["id"])  # per stream, ids grow
        while self.waiting and not self.held:
            event = self.waiting.pop(0)
            # Those forbidden now are no longer followed: they get nothing.
            for name in self._followers_of(event["stream"]):
                if name in self.early:
                    self.early[name].append(event)
                else:
                    await self._deliver(event, now=True, only=name)

    async def forum_access(self, message: dict) -> None:
        """A board's audience changed, or a thread left it: re-check what this socket follows."""
        try:
            await self._recheck_board(message["board_id"])
        finally:
            await self._release()

    async def _recheck_board(self, board_id: int) -> None:
        user = self.scope.get("user")
        hub = await fanout.hub()
        for name, following in list(self.subscriptions.items()):
            if following.merged and access_group(board_id) in following.groups:
                await self._refresh(name, following)  # the lists across boards
                continue
            if following.board_id != board_id:
                continue
            now = await _following(user, following.stream, fresh=True)
            if now is None:
                del self.subscriptions[name]
                await self._leave(following)
                await self.send_json(
                    {"type": "unsubscribed", "stream": name, "reason": "forbidden"}
                )
            elif now.board_id != following.board_id:  # the thread moved to another board
                following.board_id = now.board_id
                await hub.join(access_group(now.board_id), self)
                if not any(f.board_id == board_id for f in self.subscriptions.values()):
                    await hub.leave(access_group(board_id), self)

    async def forum_recheck(self, message: dict) -> None:
        """The account's access changed (groups, permissions, moderation scope, verification):
        every subscription is checked again; those now forbidden end, moderation follows the
        new scope."""
        try:
            await self._recheck_account()
        finally:
            await self._release()

    async def _recheck_account(self) -> None:
        for name, following in list(self.subscriptions.items()):
            await self._refresh(name, following)

    async def _refresh(self, name: str, following: Following) -> None:
        """Follow what the account may follow of the stream now: the same, other sources (a
        moderator's new scope, the boards a reader may read), or nothing."""
        now = await _following(self.scope.get("user"), following.stream, fresh=True)
        if now is not None and (now.sources, now.groups, now.languages) == (
            following.sources,
            following.groups,
            following.languages,
        ):
            return
        del self.subscriptions[name]
        await self._leave(following)
        if now is None:
            await self.send_json({"type": "unsubscribed", "stream": name, "reason": "forbidden"})
            return
        self.subscriptions[name] = now
        hub = await fanout.hub()
        for group in now.groups:
            await hub.join(group, self)

    async def forum_signout(self, message: dict) -> None:
        """Signed out, password changed or account deleted: close; the tab reconnects with
        whatever session it still holds (none, or the one the password change kept)."""
        await self.close()

    async def send_error(self, message: str, **extra) -> None:
        await self.send_json({"type": "error", "message": message, **extra})
