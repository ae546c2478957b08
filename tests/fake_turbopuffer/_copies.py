"""Asynchronous copy operations that clients start with a token and then poll.

An operation reports "running" for a configurable number of polls, or forever
when that number is None. The poll after that performs the copy and reports
"finished" with the WriteResult, or with the error the copy raised (for example
a missing source namespace). The copy happens at that moment, so documents
appear in the destination exactly when the operation first reports "finished".
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ._errors import ApiError, NotFound
from ._responses import error_body
from ._store import format_timestamp, now

logger = logging.getLogger(__name__)

CopyRunner = Callable[[], dict[str, Any]]


@dataclass
class CopyOperation:
    """One started copy and what it has reported so far."""

    token: str
    namespace: str
    run: CopyRunner
    started_at: datetime = field(default_factory=now)
    polls: int = 0
    finished_at: datetime | None = None
    result: dict[str, Any] | None = None


class CopyOperations:
    """The copy operations of one server, keyed by token.

    Callers hold the store lock, which also guards this registry.
    """

    def __init__(self, *, polls_until_finished: int | None) -> None:
        self.polls_until_finished = polls_until_finished
        self._operations: dict[str, CopyOperation] = {}

    def start(self, namespace: str, run: CopyRunner) -> CopyOperation:
        operation = CopyOperation(token=secrets.token_hex(16), namespace=namespace, run=run)
        self._operations[operation.token] = operation
        logger.info("Started copy operation %s into namespace %r", operation.token, namespace)
        return operation

    def poll(self, namespace: str, token: str) -> dict[str, Any]:
        """Return the CopyFromNamespaceOperation body for the next poll of `token`.

        Raises NotFound when the token is unknown or belongs to another namespace.
        """
        operation = self._operations.get(token)
        if operation is None or operation.namespace != namespace:
            raise NotFound(f"operation {token!r} not found in namespace {namespace!r}")

        operation.polls += 1
        if operation.result is None and self._still_running(operation):
            return {"status": "running", "start_time": format_timestamp(operation.started_at)}

        if operation.result is None:
            operation.result = _finish(operation)
            operation.finished_at = now()
        assert operation.finished_at is not None
        return {
            "status": "finished",
            "start_time": format_timestamp(operation.started_at),
            "finish_time": format_timestamp(operation.finished_at),
            "result": operation.result,
        }

    def _still_running(self, operation: CopyOperation) -> bool:
        limit = self.polls_until_finished
        return limit is None or operation.polls <= limit


def _finish(operation: CopyOperation) -> dict[str, Any]:
    started = time.monotonic()
    try:
        write_result = operation.run()
    except ApiError as error:
        logger.info("Copy operation %s failed: %s", operation.token, error.message)
        return {"error": {"status_code": error.status, "detail": error_body(error.message)}}
    logger.info("Copy operation %s finished in %.3f s", operation.token, time.monotonic() - started)
    return {"success": write_result}
