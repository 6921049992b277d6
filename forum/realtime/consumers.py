"""The one WebSocket of a browser tab, at /ws/.

This first version answers the protocol's ``ping`` and rejects everything it does not know
with an ``error`` message; the stream subscriptions are built on it (docs/realtime.md).
"""

from __future__ import annotations

import json

from channels.generic.websocket import AsyncJsonWebsocketConsumer

# A browser tab never needs to send more than this in one message.
MAX_MESSAGE_BYTES = 4096


class ForumConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        await self.accept()
        user = self.scope.get("user")
        await self.send_json(
            {"type": "hello", "authenticated": bool(user and user.is_authenticated)}
        )

    async def receive(self, text_data=None, bytes_data=None, **kwargs) -> None:
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
        if content["type"] == "ping":
            await self.send_json({"type": "pong", "id": content.get("id")})
        else:
            await self.send_error(f"unknown message type {content['type'][:40]!r}")

    async def send_error(self, message: str) -> None:
        await self.send_json({"type": "error", "message": message})
