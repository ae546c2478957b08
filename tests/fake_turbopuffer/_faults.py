"""Scripted faults that replace or disturb the next responses of a route.

Faults take priority over normal handling, including authentication and
validation. Each request consumes the first queued fault whose method and path
prefix match it, and a fault stays queued until it has matched `times` requests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ._responses import Response, error_body

logger = logging.getLogger(__name__)

AfterApply = Literal["drop"]


@dataclass
class Fault:
    """One scripted fault.

    `delay` (seconds) comes first. Then at most one of these happens:

    - `drop_connection` closes the connection without a response.
    - `status` sends a response with that status, `headers` and `body`.
    - `after_apply="drop"` handles the request normally, then closes the
      connection instead of sending the response.

    With none of them, the request is handled normally after the delay.
    """

    method: str
    path_prefix: str
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    times: int = 1
    drop_connection: bool = False
    delay: float = 0.0
    after_apply: AfterApply | None = None
    remaining: int = field(init=False)

    def __post_init__(self) -> None:
        self.method = self.method.upper()
        self.remaining = self.times
        if self.times < 1:
            raise ValueError(f"times must be at least 1, got {self.times}")
        if self.delay < 0:
            raise ValueError(f"delay must be zero or more seconds, got {self.delay}")
        if self.after_apply not in (None, "drop"):
            raise ValueError(f"after_apply must be None or 'drop', got {self.after_apply!r}")
        outcomes = [self.status is not None, self.drop_connection, self.after_apply is not None]
        if sum(outcomes) > 1:
            raise ValueError("set at most one of status, drop_connection and after_apply")

    def matches(self, method: str, target: str) -> bool:
        return self.method in ("*", method.upper()) and target.startswith(self.path_prefix)

    def response(self) -> Response:
        """Build the scripted response, which requires `status` to be set."""
        assert self.status is not None
        body = self.body
        if body is None:
            body = error_body(f"injected fault: HTTP {self.status}") if self.status >= 400 else {}
        if isinstance(body, str):
            body = body.encode()
        return Response(status=self.status, body=body, headers=dict(self.headers))


class FaultInjector:
    """The queue of faults of one server, safe to change from tests while the server runs."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def inject(
        self,
        method: str,
        path_prefix: str,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        times: int = 1,
        drop_connection: bool = False,
        delay: float = 0.0,
        after_apply: AfterApply | None = None,
    ) -> Fault:
        """Queue a fault for requests whose method and raw target (path and query) match.

        `method` may be "*" for any method. Raises ValueError for conflicting options.
        """
        fault = Fault(
            method=method,
            path_prefix=path_prefix,
            status=status,
            headers=dict(headers or {}),
            body=body,
            times=times,
            drop_connection=drop_connection,
            delay=delay,
            after_apply=after_apply,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, method: str, target: str) -> Fault | None:
        """Consume one use of the first queued fault that matches, or return None."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, target):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                    logger.info("Applying injected fault to %s %s", method, target)
                    return fault
        return None

    def pending(self) -> list[Fault]:
        """Return the faults that have uses left, in the order they apply."""
        with self._lock:
            return list(self._faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
