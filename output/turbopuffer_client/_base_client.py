"""The HTTP clients that generated resource methods call: SyncAPIClient and AsyncAPIClient.

Both have the same surface. `request()` builds one HTTP request, sends it with retries,
follows an asynchronous operation when the call is marked as one, and validates the
JSON response body as the type that the generated code passes in. A text or binary
response is returned as str or bytes when the generated code passes `response_kind`.

The API key is sent only through the auth object that `build_auth` returns for the
client's AuthScheme. The log lines and reprs here do not contain it, and error bodies
are scrubbed of it before they become exception messages.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import httpx

from ._async_operations import (
    PREFER_RESPOND_ASYNC,
    async_sleep,
    async_wait_for_operation,
    is_accepted_for_async,
    operation_url,
    wait_for_operation,
)
from ._auth import BEARER, AuthScheme, build_auth
from ._bodies import BodyEncoding, encode_body
from ._errors import APIConnectionError, APIError, APITimeoutError, status_error
from ._json import dumps
from ._responses import ResponseKind, read_raw_body, validate_json_body, validate_value
from ._retries import RetryPolicy, is_retryable_status, parse_retry_after, retry_delay
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._urls import build_url, encode_path_parameter, url_for_log, validate_base_url

__all__ = ["AsyncAPIClient", "SyncAPIClient", "encode_path_parameter"]

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2

# Level 1 compresses JSON well at a fraction of the CPU time of the default level 6.
_GZIP_LEVEL = 1
# wbits=31 makes zlib write the gzip container (header and CRC) around the deflate data.
_GZIP_WBITS = 31


class _ClientCore:
    """Configuration, request building and retry decisions shared by both clients."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        compression: bool,
        user_agent: str,
        auth_scheme: AuthScheme,
    ) -> None:
        self.base_url = validate_base_url(base_url)
        self.base_url_parsed = httpx.URL(self.base_url)
        self.auth = build_auth(api_key, auth_scheme)
        self.follow_redirects = self.auth.httpx_follows_redirects
        self.timeout = _to_httpx_timeout(timeout)
        self.retry_policy = RetryPolicy(max_retries=max_retries)
        self.compression = compression
        self.headers: dict[str, str] = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip" if compression else "identity",
            "User-Agent": user_agent,
            **(default_headers or {}),
        }

    def resolve_timeout(self, timeout: Timeout | NotGiven) -> httpx.Timeout:
        if isinstance(timeout, NotGiven):
            return self.timeout
        return _to_httpx_timeout(timeout)

    def build_request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None,
        body: object,
        timeout: httpx.Timeout,
        async_operation: bool,
        headers: Mapping[str, str] | None,
        body_encoding: BodyEncoding = "json",
        content_type: str = "application/json",
    ) -> httpx.Request:
        """Build the request for one call, serialising the body once.

        The request is built directly rather than with the http_client's build_request,
        which costs about twice as much CPU time because it merges the client's default
        headers, cookies and base URL. None of those are used here.
        """
        request_headers = dict(self.headers)
        content: bytes | None = None
        if not isinstance(body, NotGiven):
            if body_encoding == "json":
                content = dumps(body)
            else:
                content, content_type = encode_body(
                    body, encoding=body_encoding, content_type=content_type
                )
            request_headers["Content-Type"] = content_type
            if self.compression:
                content = zlib.compress(content, _GZIP_LEVEL, wbits=_GZIP_WBITS)
                request_headers["Content-Encoding"] = "gzip"

        if async_operation:
            request_headers["Prefer"] = PREFER_RESPOND_ASYNC
        if headers:
            request_headers.update(headers)

        url = build_url(self.base_url, path, params)
        return httpx.Request(
            method,
            url,
            content=content,
            headers=request_headers,
            extensions={"timeout": timeout.as_dict()},
        )

    def build_poll_request(
        self, url: httpx.URL, *, timeout: httpx.Timeout, remaining: float | None
    ) -> httpx.Request:
        timeout = _shorten_timeout(timeout, remaining)
        return httpx.Request(
            "GET", url, headers=self.headers, extensions={"timeout": timeout.as_dict()}
        )

    def connection_failure(
        self, request: httpx.Request, error: httpx.RequestError
    ) -> tuple[APIConnectionError, bool]:
        """Wrap an httpx error and return it with whether the request may be retried.

        Timeouts, network errors and a server that closed the connection early are
        retried. Errors in what the client itself sent are not.
        """
        detail = (
            f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        )
        target = f"{request.method} {url_for_log(request.url)}"
        failure: APIConnectionError
        if isinstance(error, httpx.TimeoutException):
            failure = APITimeoutError(
                request, f"Request timed out: {target} ({detail})"
            )
        else:
            failure = APIConnectionError(
                request, f"Connection error: {target} ({detail})"
            )

        failure.__cause__ = error
        retryable = isinstance(
            error,
            httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError,
        )
        return failure, retryable

    def status_failure(self, response: httpx.Response) -> tuple[APIError, bool]:
        body = self.auth.redact(response.content)
        failure = status_error(response.status_code, body, response.headers)
        return failure, is_retryable_status(response.status_code)

    def next_retry_delay(
        self,
        request: httpx.Request,
        failure: APIError,
        *,
        attempt: int,
        retry_after: str | None,
        deadline: float | None,
    ) -> float | None:
        """Return the seconds to wait before retrying, or None to raise `failure` now.

        A retry that could only start after the deadline is not made.
        """
        policy = self.retry_policy
        if attempt > policy.max_retries:
            return None

        delay = retry_delay(policy, attempt, retry_after)
        if deadline is not None and time.monotonic() + delay >= deadline:
            return None

        logger.info(
            "Retrying %s %s in %.2f s (retry %d of %d) after: %s",
            request.method,
            url_for_log(request.url),
            delay,
            attempt,
            policy.max_retries,
            failure,
        )
        return delay

    def log_attempt(
        self, request: httpx.Request, outcome: str, *, attempt: int, started: float
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)",
                request.method,
                url_for_log(request.url),
                outcome,
                (time.perf_counter() - started) * 1000,
                attempt,
            )

    def operation_first_delay(self, response: httpx.Response) -> float | None:
        retry_after = response.headers.get("retry-after")
        return parse_retry_after(retry_after) if retry_after is not None else None


class SyncAPIClient:
    """Send requests to the API, with retries, authentication and response validation.

    `timeout` is in seconds. `compression=True` gzips request bodies and requests
    gzip-encoded responses. A given `http_client` supplies the transport, connection limits,
    proxies and event hooks, but not its default headers, cookies or base URL, and
    `close()` leaves it open. `retry_policy` may be replaced after construction to tune
    the retry delays.
    """

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        user_agent: str,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        compression: bool = False,
        http_client: httpx.Client | None = None,
        auth_scheme: AuthScheme = BEARER,
    ) -> None:
        self._core = _ClientCore(
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            compression=compression,
            user_agent=user_agent,
            auth_scheme=auth_scheme,
        )
        self._owns_http_client = http_client is None
        if http_client is None:
            http_client = httpx.Client(timeout=self._core.timeout)
        self._http_client = http_client

    @property
    def base_url(self) -> str:
        return self._core.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._core.retry_policy

    @retry_policy.setter
    def retry_policy(self, policy: RetryPolicy) -> None:
        self._core.retry_policy = policy

    def request(
        self,
        method: str,
        path: str,
        *,
        response_type: object,
        params: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        async_operation: bool = False,
        headers: Mapping[str, str] | None = None,
        body_encoding: BodyEncoding = "json",
        content_type: str = "application/json",
        response_kind: ResponseKind = "json",
    ) -> Any:
        """Send one API call and return its response body validated as `response_type`.

        `path` is already percent-encoded and may contain a query string. `timeout`
        overrides the client's. For an asynchronous operation it bounds the whole wait,
        polls included. `body_encoding` and `content_type` set how `body` is sent (JSON
        unless the operation declares another media type). `response_kind="text"` or
        `"bytes"` returns the body as str or bytes without validation. Raises an
        APIError subclass when the call fails.
        """
        core = self._core
        request_timeout = core.resolve_timeout(timeout)
        deadline = _deadline(request_timeout) if async_operation else None
        request = core.build_request(
            method,
            path,
            params=params,
            body=body,
            timeout=request_timeout,
            async_operation=async_operation,
            headers=headers,
            body_encoding=body_encoding,
            content_type=content_type,
        )
        response = self._send(request, deadline=deadline)
        if not (async_operation and is_accepted_for_async(response)):
            if response_kind != "json":
                return read_raw_body(response, response_kind)
            return validate_json_body(
                response.content, response_type, status_code=response.status_code
            )

        def poll(url: httpx.URL, remaining: float | None) -> httpx.Response:
            poll_request = core.build_poll_request(
                url, timeout=request_timeout, remaining=remaining
            )
            return self._send(poll_request, deadline=deadline)

        value = wait_for_operation(
            poll,
            operation_url(response, base_url=core.base_url_parsed),
            deadline=deadline,
            first_delay=core.operation_first_delay(response),
            redact=core.auth.redact,
        )
        return validate_value(value, response_type, status_code=200)

    def _send(
        self, request: httpx.Request, *, deadline: float | None
    ) -> httpx.Response:
        """Send `request`, retrying per the retry policy, and return the 2xx response."""
        core = self._core
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            retry_after: str | None = None
            failure: APIError
            try:
                response = self._http_client.send(
                    request, auth=core.auth, follow_redirects=core.follow_redirects
                )
            except httpx.RequestError as error:
                core.log_attempt(
                    request, type(error).__name__, attempt=attempt, started=started
                )
                failure, retryable = core.connection_failure(request, error)
            else:
                core.log_attempt(
                    request, str(response.status_code), attempt=attempt, started=started
                )
                if response.is_success:
                    return response
                failure, retryable = core.status_failure(response)
                retry_after = response.headers.get("retry-after")

            delay = None
            if retryable:
                delay = core.next_retry_delay(
                    request,
                    failure,
                    attempt=attempt,
                    retry_after=retry_after,
                    deadline=deadline,
                )
            if delay is None:
                raise failure
            time.sleep(delay)

    def close(self) -> None:
        """Close the connection pool, unless the caller passed in its own http_client."""
        if self._owns_http_client:
            self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class AsyncAPIClient:
    """The asynchronous form of SyncAPIClient, with the same surface.

    It sleeps with asyncio, so it runs on an asyncio event loop.
    """

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        user_agent: str,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        compression: bool = False,
        http_client: httpx.AsyncClient | None = None,
        auth_scheme: AuthScheme = BEARER,
    ) -> None:
        self._core = _ClientCore(
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            compression=compression,
            user_agent=user_agent,
            auth_scheme=auth_scheme,
        )
        self._owns_http_client = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(timeout=self._core.timeout)
        self._http_client = http_client

    @property
    def base_url(self) -> str:
        return self._core.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._core.retry_policy

    @retry_policy.setter
    def retry_policy(self, policy: RetryPolicy) -> None:
        self._core.retry_policy = policy

    async def request(
        self,
        method: str,
        path: str,
        *,
        response_type: object,
        params: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        async_operation: bool = False,
        headers: Mapping[str, str] | None = None,
        body_encoding: BodyEncoding = "json",
        content_type: str = "application/json",
        response_kind: ResponseKind = "json",
    ) -> Any:
        """Send one API call and return its response body validated as `response_type`.

        The asynchronous form of SyncAPIClient.request.
        """
        core = self._core
        request_timeout = core.resolve_timeout(timeout)
        deadline = _deadline(request_timeout) if async_operation else None
        request = core.build_request(
            method,
            path,
            params=params,
            body=body,
            timeout=request_timeout,
            async_operation=async_operation,
            headers=headers,
            body_encoding=body_encoding,
            content_type=content_type,
        )
        response = await self._send(request, deadline=deadline)
        if not (async_operation and is_accepted_for_async(response)):
            if response_kind != "json":
                return read_raw_body(response, response_kind)
            return validate_json_body(
                response.content, response_type, status_code=response.status_code
            )

        async def poll(url: httpx.URL, remaining: float | None) -> httpx.Response:
            poll_request = core.build_poll_request(
                url, timeout=request_timeout, remaining=remaining
            )
            return await self._send(poll_request, deadline=deadline)

        value = await async_wait_for_operation(
            poll,
            operation_url(response, base_url=core.base_url_parsed),
            deadline=deadline,
            first_delay=core.operation_first_delay(response),
            redact=core.auth.redact,
        )
        return validate_value(value, response_type, status_code=200)

    async def _send(
        self, request: httpx.Request, *, deadline: float | None
    ) -> httpx.Response:
        """Send `request`, retrying per the retry policy, and return the 2xx response."""
        core = self._core
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            retry_after: str | None = None
            failure: APIError
            try:
                response = await self._http_client.send(
                    request, auth=core.auth, follow_redirects=core.follow_redirects
                )
            except httpx.RequestError as error:
                core.log_attempt(
                    request, type(error).__name__, attempt=attempt, started=started
                )
                failure, retryable = core.connection_failure(request, error)
            else:
                core.log_attempt(
                    request, str(response.status_code), attempt=attempt, started=started
                )
                if response.is_success:
                    return response
                failure, retryable = core.status_failure(response)
                retry_after = response.headers.get("retry-after")

            delay = None
            if retryable:
                delay = core.next_retry_delay(
                    request,
                    failure,
                    attempt=attempt,
                    retry_after=retry_after,
                    deadline=deadline,
                )
            if delay is None:
                raise failure
            await async_sleep(delay)

    async def close(self) -> None:
        """Close the connection pool, unless the caller passed in its own http_client."""
        if self._owns_http_client:
            await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


def _to_httpx_timeout(timeout: Timeout) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout)


def _deadline(timeout: httpx.Timeout) -> float | None:
    """Return the time.monotonic() value by which an asynchronous operation must finish.

    The read timeout is the limit, because it is the one that bounds waiting for the
    server. None means no deadline.
    """
    if timeout.read is None:
        return None
    return time.monotonic() + timeout.read


def _shorten_timeout(timeout: httpx.Timeout, remaining: float | None) -> httpx.Timeout:
    """Return `timeout` with every part cut to at most `remaining` seconds."""
    if remaining is None:
        return timeout

    def shorten(seconds: float | None) -> float:
        return remaining if seconds is None else min(seconds, remaining)

    return httpx.Timeout(
        connect=shorten(timeout.connect),
        read=shorten(timeout.read),
        write=shorten(timeout.write),
        pool=shorten(timeout.pool),
    )
