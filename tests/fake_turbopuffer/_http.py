"""The stdlib HTTP/1.1 server that feeds requests to the application.

Connections are kept alive between requests. The server tracks open
connections so that `close_connections` can end idle keep-alive connections
when the fake stops, and so that tests can check how many connections a
client keeps open.
"""

from __future__ import annotations

import json
import logging
import socket
import struct
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ._app import Application, IncomingRequest
from ._responses import Disconnect, Response

logger = logging.getLogger(__name__)

# Maximum number of chunks the chunked-body reader accepts, so a broken client cannot loop it.
_MAX_CHUNKS = 100_000
# SO_LINGER on with a zero timeout makes close() send a TCP reset instead of a FIN.
_RESET_ON_CLOSE = struct.pack("ii", 1, 0)


@dataclass(frozen=True)
class ConnectionStats:
    """Counts of client connections: open now, the most open at once, and accepted in total."""

    open: int
    peak_open: int
    accepted: int


class HttpServer(ThreadingHTTPServer):
    """A threading HTTP server bound to one application."""

    daemon_threads = True
    # The listen backlog. socketserver's default of 5 overflows when many clients connect
    # at once, and the kernel then drops connection attempts, which clients see as
    # connect timeouts of a second or more.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], application: Application) -> None:
        super().__init__(address, _RequestHandler)
        self.application = application
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._peak_open = 0
        self._accepted = 0

    def track(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(connection)
            self._accepted += 1
            self._peak_open = max(self._peak_open, len(self._connections))

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out or hung up before the response is normal in
        # fault tests, so it is logged instead of printed as a traceback.
        # socketserver calls this inside its except block, so exc_info() is that error.
        logger.debug("Connection from %s ended with %r", client_address, sys.exc_info()[1])

    def connection_stats(self) -> ConnectionStats:
        with self._connections_lock:
            return ConnectionStats(
                open=len(self._connections), peak_open=self._peak_open, accepted=self._accepted
            )

    def close_connections(self) -> None:
        """Shut down every open connection so that its handler thread ends."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                # The peer closed it first, so nothing is left to shut down.
                pass


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes. With Nagle's algorithm the
    # body waits for the client's delayed ACK, adding about 40 ms per response.
    disable_nagle_algorithm = True
    server: HttpServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_OPTIONS(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - %s", self.address_string(), format % args)

    def _serve(self) -> None:
        try:
            raw_body = self._read_body()
        except ValueError as error:
            self.close_connection = True
            self._send(Response(status=400, body={"status": "error", "error": str(error)}))
            return

        headers = {name.lower(): value for name, value in self.headers.items()}
        request = IncomingRequest(
            method=self.command, target=self.path, headers=headers, raw_body=raw_body
        )
        response = self.server.application.handle(request)
        if isinstance(response, Disconnect):
            self._disconnect(reset=response.reset)
            return
        self._send(response)

    def _disconnect(self, *, reset: bool) -> None:
        """Close the connection without a status line, so the client sees it dropped."""
        self.close_connection = True
        if reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RESET_ON_CLOSE)
            # Closing here, before socketserver's shutdown(SHUT_WR) could send a FIN,
            # makes the client receive the reset first.
            self.connection.close()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked_body()
        length_header = self.headers.get("Content-Length")
        if not length_header:
            return b""
        try:
            length = int(length_header)
        except ValueError as error:
            raise ValueError(f"invalid Content-Length {length_header!r}") from error
        return self.rfile.read(length)

    def _read_chunked_body(self) -> bytes:
        chunks: list[bytes] = []
        for _ in range(_MAX_CHUNKS):
            size_line = self.rfile.readline()
            try:
                size = int(size_line.split(b";")[0].strip(), 16)
            except ValueError as error:
                raise ValueError(f"invalid chunk size line {size_line!r}") from error
            if size == 0:
                self._skip_trailers()
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()
        raise ValueError(f"request body has more than {_MAX_CHUNKS} chunks")

    def _skip_trailers(self) -> None:
        for _ in range(_MAX_CHUNKS):
            if self.rfile.readline() in (b"\r\n", b"\n", b""):
                return

    def _send(self, response: Response) -> None:
        if isinstance(response.body, bytes):
            payload = response.body
        else:
            payload = json.dumps(response.body).encode()

        self.send_response(response.status)
        names = {name.lower() for name in response.headers}
        if "content-type" not in names:
            self.send_header("Content-Type", "application/json")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if response.truncate_body:
            # The full length was declared, so the client sees the connection end mid-body.
            self.close_connection = True
            payload = payload[: len(payload) // 2]
        if self.command != "HEAD":
            self.wfile.write(payload)
