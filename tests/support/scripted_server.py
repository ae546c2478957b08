"""A threaded HTTP/1.1 test server that plays back scripted responses.

A test enqueues responses per (method, path). The server serves them in order and
records every request it receives. Paths are matched without their query string and
exactly as sent, so `/v1/a%2Fb` and `/v1/a/b` are different paths. A request with
nothing scripted gets a 404 whose body names the request, and is listed in
`unscripted`. Request bodies are read by Content-Length, so chunked uploads are not
supported.

    with ScriptedServer() as server:
        server.enqueue("GET", "/v1/items", json_response({"items": []}))
        ...
        assert server.requests[0].headers["user-agent"] == "..."
"""

from __future__ import annotations

import json
import socket
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Literal, Self

__all__ = [
    "RecordedRequest",
    "ScriptedResponse",
    "ScriptedServer",
    "json_response",
]

Action = Literal["respond", "close", "truncate"]


@dataclass(frozen=True)
class ScriptedResponse:
    """One response to play back.

    `action` is "respond" for a normal response, "close" to close the connection
    without sending anything, or "truncate" to send the status line, the headers and
    the first half of the body, then close the connection. `delay` is in seconds and
    passes before anything is sent.
    """

    status: int = 200
    headers: Sequence[tuple[str, str]] = ()
    body: bytes = b""
    delay: float = 0.0
    action: Action = "respond"


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the server received it. Header names are lower-case."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    client_port: int


def json_response(
    payload: object,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    delay: float = 0.0,
) -> ScriptedResponse:
    """Build a response with a JSON body and `Content-Type: application/json`."""
    all_headers = [("Content-Type", "application/json"), *(headers or {}).items()]
    return ScriptedResponse(
        status=status, headers=all_headers, body=json.dumps(payload).encode(), delay=delay
    )


@dataclass
class _Script:
    queue: deque[ScriptedResponse] = field(default_factory=deque)
    fallback: ScriptedResponse | None = None


class ScriptedServer:
    """Serve scripted responses on 127.0.0.1 at an OS-assigned port."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scripts: dict[tuple[str, str], _Script] = {}
        self._requests: list[RecordedRequest] = []
        self._unscripted: list[RecordedRequest] = []
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """The base URL, `http://127.0.0.1:<port>`."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, in order of arrival."""
        with self._lock:
            return list(self._requests)

    @property
    def unscripted(self) -> list[RecordedRequest]:
        """The requests that found no scripted response."""
        with self._lock:
            return list(self._unscripted)

    def requests_to(self, method: str, path: str) -> list[RecordedRequest]:
        """The requests received for `method` and `path` (matched without the query)."""
        return [
            request
            for request in self.requests
            if request.method == method and _without_query(request.path) == path
        ]

    def enqueue(self, method: str, path: str, *responses: ScriptedResponse) -> None:
        """Append responses to play back, in order, for `method` and `path`."""
        with self._lock:
            script = self._scripts.setdefault((method, path), _Script())
            script.queue.extend(responses)

    def always(self, method: str, path: str, response: ScriptedResponse) -> None:
        """Play back `response` for `method` and `path` whenever the queue is empty."""
        with self._lock:
            self._scripts.setdefault((method, path), _Script()).fallback = response

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake up delayed responses and close open connections."""
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _shutdown_socket(connection)
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _next_response(self, request: RecordedRequest) -> ScriptedResponse | None:
        with self._lock:
            self._requests.append(request)
            script = self._scripts.get((request.method, _without_query(request.path)))
            if script is not None and script.queue:
                return script.queue.popleft()
            if script is not None and script.fallback is not None:
                return script.fallback
            self._unscripted.append(request)
            return None

    def _track(self, connection: socket.socket, *, open_: bool) -> None:
        with self._lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # Restarting tests quickly must not fail on a port in TIME_WAIT.
    allow_reuse_address = True


def _make_handler(server: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes. With Nagle's algorithm on, the body
        # waits for the client's delayed ACK, which adds about 40 ms to each response.
        disable_nagle_algorithm = True

        def setup(self) -> None:
            super().setup()
            server._track(self.connection, open_=True)

        def finish(self) -> None:
            server._track(self.connection, open_=False)
            try:
                super().finish()
            except OSError:
                pass

        def do_GET(self) -> None:
            self._serve()

        do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET

        def _serve(self) -> None:
            request = RecordedRequest(
                method=self.command,
                path=self.path,
                headers={name.lower(): value for name, value in self.headers.items()},
                body=self._read_body(),
                client_port=self.client_address[1],
            )
            response = server._next_response(request)
            if response is None:
                message = f"no scripted response for {request.method} {request.path}"
                response = json_response({"status": "error", "error": message}, status=404)

            if response.delay and server._stopping.wait(response.delay):
                self.close_connection = True
                return
            self._play(response)

        def _read_body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _play(self, response: ScriptedResponse) -> None:
            if response.action == "close":
                self.close_connection = True
                _shutdown_socket(self.connection)
                return

            self.send_response(response.status)
            for name, value in response.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()

            if response.action == "truncate":
                self.wfile.write(response.body[: len(response.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                _shutdown_socket(self.connection)
                return
            if self.command != "HEAD":
                self.wfile.write(response.body)

        def log_message(self, format: str, *args: object) -> None:
            # Tests read the recorded requests instead of an access log on stderr.
            pass

    return Handler


def _without_query(path: str) -> str:
    return path.split("?", 1)[0]


def _shutdown_socket(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
