"""Errors that request handlers raise to end a request with an error response.

ApiError                 any error the fake server sends as {"status": "error", ...}
├── BadRequest           400: a request the spec allows but the fake cannot serve
├── Unauthorized         401: the bearer token is missing or wrong
├── Forbidden            403: a write to a read-only namespace
├── NotFound             404: unknown namespace, operation token or route
└── MethodNotAllowed     405: a known path with a method the spec does not list
"""

from __future__ import annotations


class ApiError(Exception):
    """Raised by a handler to end the request with an error body and an HTTP status."""

    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(ApiError):
    """Raised when a request is valid under the spec but breaks a rule of the API."""

    status = 400


class Unauthorized(ApiError):
    """Raised when the Authorization header does not carry the server's API key."""

    status = 401


class Forbidden(ApiError):
    """Raised when a request tries to change a read-only namespace."""

    status = 403


class NotFound(ApiError):
    """Raised when a namespace, copy operation or route does not exist."""

    status = 404


class MethodNotAllowed(ApiError):
    """Raised when the spec has the path but not the request method."""

    status = 405
