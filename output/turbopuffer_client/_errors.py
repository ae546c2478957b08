"""Exceptions raised by the API client.

The hierarchy:

    APIError
    ├── APIConnectionError
    │   └── APITimeoutError
    ├── APIResponseValidationError
    ├── APIStatusError
    │   ├── BadRequestError             (400)
    │   ├── AuthenticationError         (401)
    │   ├── PermissionDeniedError       (403)
    │   ├── NotFoundError               (404)
    │   ├── ConflictError               (409)
    │   ├── UnprocessableEntityError    (422)
    │   ├── RateLimitError              (429)
    │   └── InternalServerError         (500 and above)
    └── AsyncOperationError

No exception here stores the request headers or puts them in its message, so the API
key does not appear in messages or reprs. A connection error's `__cause__` is the
original httpx exception, whose request keeps its headers, but httpx masks the
Authorization header in their repr.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import httpx
from pydantic import ValidationError

from ._json import loads

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncOperationError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "status_error",
    "status_error_from_parts",
]

_MAX_EXCERPT_CHARS = 200
_MAX_LISTED_VALIDATION_ERRORS = 3
_HTML_TAG = re.compile(r"<[^>]*>")
_WHITESPACE = re.compile(r"\s+")


class APIError(Exception):
    """Base class of every error the client raises."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIConnectionError(APIError):
    """Raised when the request could not be sent or no complete response came back.

    `request` contains only the method and URL of the failed request, without its headers.
    """

    request: httpx.Request

    def __init__(self, request: httpx.Request, message: str | None = None) -> None:
        self.request = httpx.Request(request.method, request.url)
        super().__init__(
            message
            or f"Connection error: {request.method} {_url_without_query(request)}"
        )


class APITimeoutError(APIConnectionError):
    """Raised when a request, or the whole wait for an asynchronous operation, timed out."""

    def __init__(self, request: httpx.Request, message: str | None = None) -> None:
        super().__init__(
            request,
            message
            or f"Request timed out: {request.method} {_url_without_query(request)}",
        )


class APIResponseValidationError(APIError):
    """Raised when a successful response body does not have the shape the API describes.

    The message names the path of each invalid field (for example `rows.0.id`) and
    the problem. It quotes no value from the body, because the body may contain
    anything the server sent, but an object key can be part of a path. `body` is the
    parsed JSON, or the text when the body is not JSON.
    """

    status_code: int
    body: object

    def __init__(
        self, *, status_code: int, body: object, error: ValidationError
    ) -> None:
        super().__init__(_describe_validation_error(error))
        self.status_code = status_code
        self.body = body


class APIStatusError(APIError):
    """Raised when the server responds with a status code outside 2xx.

    `message` is the server's error text when the body is `{"status": "error", "error":
    "..."}`, otherwise a short excerpt of the body or the reason phrase. `body` is the
    parsed JSON, or the text when the body is not JSON. When the operation declares a
    schema for this status code and the body matches it, `body` is that model instead.
    """

    status_code: int
    body: object
    headers: httpx.Headers

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: object,
        headers: httpx.Headers | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body
        self.headers = headers if headers is not None else httpx.Headers()

    def __str__(self) -> str:
        reason = httpx.codes.get_reason_phrase(self.status_code)
        status = f"{self.status_code} {reason}" if reason else str(self.status_code)
        if not self.message or self.message == reason:
            return status
        return f"{status}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """Raised for 400 Bad Request."""


class AuthenticationError(APIStatusError):
    """Raised for 401 Unauthorized, usually a missing or invalid API key."""


class PermissionDeniedError(APIStatusError):
    """Raised for 403 Forbidden."""


class NotFoundError(APIStatusError):
    """Raised for 404 Not Found."""


class ConflictError(APIStatusError):
    """Raised for 409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """Raised for 422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """Raised for 429 Too Many Requests."""


class InternalServerError(APIStatusError):
    """Raised for any status code of 500 or above."""


class AsyncOperationError(APIError):
    """Raised when an asynchronous operation cannot be followed.

    Examples: a 202 response without a Location header, a Location on another origin
    than the base URL, or an unknown status in the operation body.
    """


_ERROR_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(
    status_code: int, body_bytes: bytes, headers: Mapping[str, str] | httpx.Headers
) -> APIStatusError:
    """Build the APIStatusError subclass for a non-2xx response."""
    body = parse_body(body_bytes)
    message = _error_message(body)
    if message is None:
        message = _excerpt(body_bytes, headers) or httpx.codes.get_reason_phrase(
            status_code
        )

    return _error_class(status_code)(
        message, status_code=status_code, body=body, headers=httpx.Headers(headers)
    )


def status_error_from_parts(
    status_code: int, message: str, body: object
) -> APIStatusError:
    """Build the APIStatusError subclass for an error reported without an HTTP response.

    An asynchronous operation reports its failure inside a 200 response, as a status code
    and an error detail.
    """
    return _error_class(status_code)(message, status_code=status_code, body=body)


def parse_body(body_bytes: bytes) -> object:
    """Return the body parsed as JSON, or decoded as text when it is not valid JSON."""
    try:
        return loads(body_bytes)
    except ValueError:
        return body_bytes.decode("utf-8", errors="replace")


def _error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return _ERROR_CLASSES.get(status_code, APIStatusError)


def _error_message(body: object) -> str | None:
    """Return the string `error` field of a JSON object, as in `{"status": "error", "error": "..."}`."""
    if isinstance(body, dict):
        error = body.get("error")  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
        if isinstance(error, str):
            return error
    return None


def _excerpt(body_bytes: bytes, headers: Mapping[str, str] | httpx.Headers) -> str:
    """Return the start of the body as one line of text, without HTML tags."""
    text = body_bytes.decode("utf-8", errors="replace")
    content_type = httpx.Headers(headers).get("content-type", "")
    if "html" in content_type or text.lstrip().startswith("<"):
        text = _HTML_TAG.sub(" ", text)

    text = _WHITESPACE.sub(" ", text).strip()
    if len(text) > _MAX_EXCERPT_CHARS:
        text = text[:_MAX_EXCERPT_CHARS] + "..."
    return text


def _describe_validation_error(error: ValidationError) -> str:
    """Return one line that names each invalid field path and its problem."""
    details = error.errors(include_url=False, include_input=False)
    problems: list[str] = []
    for detail in details[:_MAX_LISTED_VALIDATION_ERRORS]:
        path = ".".join(str(part) for part in detail["loc"]) or "(root)"
        message = detail["msg"]
        if detail["type"] == "union_tag_invalid":
            # Of pydantic-core's message templates (2.x, see list_all_errors()), this is
            # the only one that quotes the input itself, so it is rebuilt without it.
            context = detail.get("ctx", {})
            message = (
                f"Input tag found using {context.get('discriminator')} does not match any "
                f"of the expected tags: {context.get('expected_tags')}"
            )
        problems.append(f"{path}: {message}")

    summary = "; ".join(problems)
    hidden = len(details) - _MAX_LISTED_VALIDATION_ERRORS
    if hidden > 0:
        summary += f" (and {hidden} more)"
    return f"Response body does not match the expected type {error.title}: {summary}"


def _url_without_query(request: httpx.Request) -> str:
    return str(request.url.copy_with(query=None))
