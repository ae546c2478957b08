"""Scripted faults that replace or disturb the next responses of a route.

Faults take priority over normal handling, including authentication and
validation. Each request consumes the first queued fault whose method and path
prefix match it, and a fault stays queued until it has matched `times` requests.
When no queued fault matches, the random faults set with `inject_randomly`, if
any, get their chance.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Mapping, Sequence
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
    - `reset_connection` resets the connection (TCP RST) without a response.
    - `status` sends a response with that status, `headers` and `body`.
    - `after_apply="drop"` handles the request normally, then closes the
      connection instead of sending the response.

    With none of them, the request is handled normally after the delay.
    `truncate_body` sends only the first half of the response body, scripted
    or normal, and then closes the connection.
    """

    method: str
    path_prefix: str
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    times: int = 1
    drop_connection: bool = False
    reset_connection: bool = False
    delay: float = 0.0
    after_apply: AfterApply | None = None
    truncate_body: bool = False
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

        no_response = [self.drop_connection, self.reset_connection, self.after_apply is not None]
        if sum([self.status is not None, *no_response]) > 1:
            raise ValueError(
                "set at most one of status, drop_connection, reset_connection and after_apply"
            )
        if self.truncate_body and any(no_response):
            raise ValueError("truncate_body needs a response, so it cannot close the connection")

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
        return Response(
            status=self.status,
            body=body,
            headers=dict(self.headers),
            truncate_body=self.truncate_body,
        )


class RandomFaults:
    """Faults that hit a share of the requests, chosen by a seeded random generator.

    Each request that no queued fault matches draws one number. When it is below
    `rate`, one of the `faults` that match the request applies, picked at random. The sequence of draws is
    fixed by `seed`, but which request gets which draw depends on the order in
    which concurrent requests arrive.
    """

    def __init__(self, *, rate: float, seed: int, faults: Sequence[Fault]) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"rate must be between 0 and 1, got {rate}")
        if not faults:
            raise ValueError("faults must list at least one fault to choose from")
        self.rate = rate
        self.faults = tuple(faults)
        self._random = random.Random(seed)

    def choose(self, method: str, target: str) -> Fault | None:
        if self._random.random() >= self.rate:
            return None
        candidates = [fault for fault in self.faults if fault.matches(method, target)]
        if not candidates:
            return None
        return self._random.choice(candidates)


class FaultInjector:
    """The faults of one server, safe to change from tests while the server runs."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._random_faults: RandomFaults | None = None
        self._applied = 0
        self._applied_randomly = 0
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
        reset_connection: bool = False,
        delay: float = 0.0,
        after_apply: AfterApply | None = None,
        truncate_body: bool = False,
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
            reset_connection=reset_connection,
            delay=delay,
            after_apply=after_apply,
            truncate_body=truncate_body,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def inject_randomly(self, *, rate: float, seed: int, faults: Sequence[Fault]) -> None:
        """Apply one of `faults` to a random share `rate` of the requests, until cleared.

        The `times` of these faults is ignored: they stay in effect until `clear()`.
        """
        random_faults = RandomFaults(rate=rate, seed=seed, faults=faults)
        with self._lock:
            self._random_faults = random_faults

    def take(self, method: str, target: str) -> Fault | None:
        """Consume one use of the first queued fault that matches, or draw a random fault.

        Returns None when no fault applies to the request.
        """
        with self._lock:
            fault = self._take_queued(method, target)
            if fault is None and self._random_faults is not None:
                fault = self._random_faults.choose(method, target)
                if fault is not None:
                    self._applied_randomly += 1
            if fault is not None:
                self._applied += 1
        if fault is not None:
            logger.info("Applying injected fault to %s %s", method, target)
        return fault

    def pending(self) -> list[Fault]:
        """Return the queued faults that have uses left, in the order they apply."""
        with self._lock:
            return list(self._faults)

    @property
    def applied_count(self) -> int:
        """The number of requests that a fault, queued or random, applied to."""
        with self._lock:
            return self._applied

    @property
    def random_applied_count(self) -> int:
        """The number of requests that a random fault applied to."""
        with self._lock:
            return self._applied_randomly

    def clear(self) -> None:
        """Remove the queued faults and stop the random faults."""
        with self._lock:
            self._faults.clear()
            self._random_faults = None

    def _take_queued(self, method: str, target: str) -> Fault | None:
        for fault in self._faults:
            if fault.matches(method, target):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                return fault
        return None
