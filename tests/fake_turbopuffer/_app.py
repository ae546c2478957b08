"""Turn one HTTP request into a response: record, route, validate, fault, authenticate, handle.

The application never raises. Problems with the client's request become
`validation_errors` and error responses. Problems of the fake itself (an
unhandled exception, a response the spec forbids) become `internal_errors`,
so tests notice when the fake drifts from the spec.
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from ._context import RequestContext, ServerState
from ._errors import ApiError, Unauthorized
from ._faults import Fault, FaultInjector
from ._responses import Disconnect, Response, error_response
from ._routes import ROUTES
from ._routing import RequestTarget, RouteError, RouteMatch, Router, parse_target
from ._spec import OpenApiSpec
from ._validation import check_query_parameters, check_request_body, check_response

logger = logging.getLogger(__name__)


class RecordedRequest(NamedTuple):
    """A request as the server received it, with lower-case header names.

    `path` is the raw request target, query string included. `body` is the
    parsed JSON body, or None when the body is empty or not valid JSON.
    """

    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass(frozen=True)
class IncomingRequest:
    method: str
    target: str
    headers: dict[str, str]
    raw_body: bytes


class Application:
    """The request pipeline of one fake server, shared by all connection threads."""

    def __init__(
        self, *, spec: OpenApiSpec, api_key: str, state: ServerState, faults: FaultInjector
    ) -> None:
        self.spec = spec
        self.state = state
        self.faults = faults
        self.requests: list[RecordedRequest] = []
        self.validation_errors: list[str] = []
        self.internal_errors: list[str] = []
        self._api_key = api_key
        self._router = Router(spec.operations)
        self._records_lock = threading.Lock()

    def handle(self, request: IncomingRequest) -> Response | Disconnect:
        """Return the response to send, or how to close the connection without a response."""
        try:
            return self._handle(request)
        except Exception as error:
            logger.exception("Handling %s %s failed", request.method, request.target)
            return self._internal_error(
                500, f"{request.method} {request.target}: unhandled {type(error).__name__}: {error}"
            )

    def _handle(self, request: IncomingRequest) -> Response | Disconnect:
        raw_body, body, json_error = _decode_body(request)
        with self._records_lock:
            self.requests.append(
                RecordedRequest(request.method, request.target, request.headers, body)
            )

        target = parse_target(request.target)
        try:
            match = self._router.match(request.method, target)
        except RouteError as error:
            self._record_validation_errors([f"{request.method} {request.target}: {error.message}"])
            route_response = error_response(error.status, error.message)
            return self._respond_unless_faulted(request, lambda: route_response)

        problems = self._check_request(match, target, request, raw_body, body, json_error)
        self._record_validation_errors(problems)
        return self._respond_unless_faulted(
            request, lambda: self._respond(match, target, request, body, problems)
        )

    def _respond_unless_faulted(
        self, request: IncomingRequest, respond: Callable[[], Response]
    ) -> Response | Disconnect:
        """Apply the first matching injected fault, or call `respond` when none matches."""
        fault = self.faults.take(request.method, request.target)
        if fault is None:
            return respond()
        return _apply_fault(fault, respond)

    def _check_request(
        self,
        match: RouteMatch,
        target: RequestTarget,
        request: IncomingRequest,
        raw_body: bytes,
        body: Any,
        json_error: str | None,
    ) -> list[str]:
        operation = match.operation
        route = ROUTES.get((operation.method, operation.path_key))
        problems = check_query_parameters(self.spec, operation, target.query)
        problems += check_request_body(
            self.spec,
            operation,
            raw_body=raw_body,
            body=body,
            json_error=json_error,
            content_type=request.headers.get("content-type"),
            body_kind=route.body_kind if route else None,
        )
        return problems

    def _respond(
        self,
        match: RouteMatch,
        target: RequestTarget,
        request: IncomingRequest,
        body: Any,
        problems: list[str],
    ) -> Response:
        operation = match.operation
        if not self._authorized(request.headers.get("authorization", "")):
            logger.info(
                "Rejected %s %s: missing or invalid API key", request.method, request.target
            )
            return error_response(
                Unauthorized.status, "missing or invalid API key in the Authorization header"
            )
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            return error_response(400, f"request does not match the API spec: {problems[0]}{more}")

        route = ROUTES.get((operation.method, operation.path_key))
        if route is None:
            return self._internal_error(
                501, f"{operation.label}: the fake server has no handler for this operation"
            )

        context = RequestContext(
            state=self.state,
            operation=operation,
            path_params=match.path_params,
            query=dict(target.query),
            headers=request.headers,
            body=body,
        )
        try:
            response = route.handler(context)
        except ApiError as error:
            logger.info(
                "%s %s failed with %d: %s",
                request.method,
                request.target,
                error.status,
                error.message,
            )
            response = error_response(error.status, error.message)
        except Exception as error:
            logger.exception("Handler for %s failed", operation.label)
            return self._internal_error(
                500, f"{operation.label}: unhandled {type(error).__name__}: {error}"
            )

        self._check_response(match, response)
        return response

    def _authorized(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and token.strip() == self._api_key

    def _check_response(self, match: RouteMatch, response: Response) -> None:
        problems = check_response(self.spec, match.operation, response.status, response.body)
        if problems:
            logger.error("The fake server sent a response the spec forbids: %s", problems[0])
            with self._records_lock:
                self.internal_errors.extend(problems)

    def _internal_error(self, status: int, message: str) -> Response:
        with self._records_lock:
            self.internal_errors.append(message)
        return error_response(status, message)

    def _record_validation_errors(self, problems: list[str]) -> None:
        if not problems:
            return
        logger.warning("Request does not match the spec: %s", "; ".join(problems))
        with self._records_lock:
            self.validation_errors.extend(problems)


def _apply_fault(fault: Fault, respond: Callable[[], Response]) -> Response | Disconnect:
    if fault.delay:
        time.sleep(fault.delay)
    if fault.drop_connection:
        return Disconnect()
    if fault.reset_connection:
        return Disconnect(reset=True)
    if fault.status is not None:
        return fault.response()
    if fault.after_apply == "drop":
        respond()
        return Disconnect()

    response = respond()
    if fault.truncate_body:
        return replace(response, truncate_body=True)
    return response


def _decode_body(request: IncomingRequest) -> tuple[bytes, Any, str | None]:
    """Return the decompressed body, its parsed JSON (or None) and the JSON error, if any."""
    raw_body = request.raw_body
    if request.headers.get("content-encoding", "").lower() == "gzip" and raw_body:
        try:
            raw_body = gzip.decompress(raw_body)
        except (OSError, EOFError) as error:
            return raw_body, None, f"gzip body could not be decompressed: {error}"
    if not raw_body:
        return raw_body, None, None
    try:
        return raw_body, json.loads(raw_body), None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return raw_body, None, str(error)
