"""The response value that handlers return and the error body every error uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Response:
    """An HTTP response before serialization.

    `body` is a JSON value, or bytes that are sent unchanged (used by injected
    faults that need a body the API would never send). With `truncate_body`
    the server declares the full Content-Length, sends only the first half of
    the body and closes the connection.
    """

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    truncate_body: bool = False


@dataclass(frozen=True)
class Disconnect:
    """An instruction to close the connection without sending a response.

    The server closes it normally (FIN), or with a TCP reset (RST) when `reset`
    is set, which the client sees as "connection reset by peer".
    """

    reset: bool = False


def error_body(message: str) -> dict[str, str]:
    """Build the error body shape shared by every turbopuffer error response."""
    return {"status": "error", "error": message}


def error_response(status: int, message: str) -> Response:
    return Response(status=status, body=error_body(message))
