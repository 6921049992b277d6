"""Daphne for the sockets, with a clean stop: ``python -m config.daphne`` takes Daphne's own
arguments (``-b 127.0.0.1 -p 8101 --proxy-headers config.asgi:application``).

Daphne alone, on SIGTERM, cancels its applications and drops the connections, so browsers see
an abnormal close (1006). Here every open socket is first closed with 1012 (service restart),
which tells live.js to reconnect at once, to another process behind the proxy, and resume from
its last event id; the process then ends well within a systemd or container stop's 10 s.
"""

from __future__ import annotations

import logging

from daphne.cli import CommandLineInterface
from daphne.server import Server
from daphne.ws_protocol import WebSocketProtocol

logger = logging.getLogger("forum.daphne")

SERVICE_RESTART = 1012
CLOSE_WAIT_SECONDS = 1.0  # for the close frames to go out before the applications are cancelled


class GracefulServer(Server):
    def kill_all_applications(self):
        sockets = [
            protocol
            for protocol in list(self.connections)
            if isinstance(protocol, WebSocketProtocol) and protocol.state == protocol.STATE_OPEN
        ]
        for protocol in sockets:
            try:
                # Below sendClose, which allows applications only 1000 and 3000-4999; 1012 is
                # the server's own code (RFC 6455 registry: service restart).
                protocol.sendCloseFrame(code=SERVICE_RESTART, isReply=False)
            except Exception:
                logger.debug("socket already closing", exc_info=True)
        logger.info("closed %s socket(s) with %s; stopping", len(sockets), SERVICE_RESTART)
        from twisted.internet import reactor, task  # Daphne installed the asyncio reactor

        waited = task.deferLater(reactor, CLOSE_WAIT_SECONDS if sockets else 0, lambda: None)
        waited.addCallback(lambda _ignored: Server.kill_all_applications(self))
        return waited


class GracefulCommandLineInterface(CommandLineInterface):
    server_class = GracefulServer


def main() -> None:
    GracefulCommandLineInterface.entrypoint()


if __name__ == "__main__":
    main()
