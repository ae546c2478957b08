"""Authentication of requests, and API key lookup.

Four schemes, chosen by the generated client from the spec's security scheme:

    BearerAuth   `Authorization: Bearer <key>`
    BasicAuth    `Authorization: Basic <base64 of user:password>`
    APIKeyAuth   the key in a named header, query parameter or cookie

The key lives only inside the auth object. Its repr and str mask the key, `redact`
removes it from error bodies, and the errors raised here never quote it.
"""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Generator
from dataclasses import dataclass
from typing import ClassVar, Literal
from urllib.parse import quote

import httpx

from ._urls import is_same_origin

__all__ = [
    "APIKeyAuth",
    "AuthScheme",
    "BasicAuth",
    "BearerAuth",
    "SecretAuth",
    "build_auth",
    "resolve_api_key",
]

_MASK = "****"
# The same limit as httpx's own redirect following (max_redirects=20 in 0.28 and 0.29).
_MAX_REDIRECTS = 20
# Characters that end or break a cookie value (RFC 6265, section 4.1.1, cookie-octet).
_COOKIE_BREAKING = frozenset(' ",;\\')

AuthLocation = Literal["header", "query", "cookie"]


@dataclass(frozen=True)
class AuthScheme:
    """Security scheme of the spec: where the key goes, without the key itself.

    `kind` is "bearer", "basic", "api_key", or "none" for an API without security
    schemes. `location` and `name` place an API key: the header, query parameter or
    cookie that carries it.
    """

    kind: Literal["bearer", "basic", "api_key", "none"] = "bearer"
    location: AuthLocation = "header"
    name: str = "Authorization"


BEARER = AuthScheme()


class SecretAuth(httpx.Auth):
    """Base class of the schemes: masks the key in repr and str and redacts it from bodies.

    `httpx_follows_redirects` is False for a scheme whose credential httpx would copy
    to another origin on a redirect. Such a scheme follows redirects in its auth flow,
    and the client sends with `follow_redirects=False`.
    """

    httpx_follows_redirects: ClassVar[bool] = True

    def __init__(self, secrets: tuple[str, ...]) -> None:
        # Longest first, so a secret that contains another is masked whole.
        ordered = sorted(set(secrets), key=len, reverse=True)
        self._secrets = tuple(secret.encode("utf-8") for secret in ordered if secret)

    def redact(self, data: bytes) -> bytes:
        """Return `data` with every occurrence of the key replaced by a mask.

        A server may echo the key back in an error body, and that body ends up in an
        exception message.
        """
        for secret in self._secrets:
            if secret in data:
                data = data.replace(secret, _MASK.encode("ascii"))
        return data

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_key='{_MASK}')"

    def __str__(self) -> str:
        return repr(self)


class NoAuth(SecretAuth):
    """Send requests unchanged, for an API that declares no security scheme."""

    def __init__(self) -> None:
        super().__init__(())

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        yield request

    def __repr__(self) -> str:
        return "NoAuth()"


class BearerAuth(SecretAuth):
    """Set `Authorization: Bearer <key>` on every request sent with this auth.

    When httpx (0.28 and 0.29) follows a redirect, it copies the headers but drops
    Authorization if the target is on another origin. The one exception is an
    http-to-https redirect on the same host and default ports.
    """

    def __init__(self, api_key: str) -> None:
        _validate_api_key(api_key)
        super().__init__((api_key,))
        self._header_value = f"Bearer {api_key}"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header_value
        yield request


class BasicAuth(SecretAuth):
    """Set `Authorization: Basic ...` from credentials given as `user:password`.

    httpx drops Authorization on a redirect to another origin, as for BearerAuth.
    """

    def __init__(self, credentials: str) -> None:
        _validate_api_key(credentials)
        _, separator, password = credentials.partition(":")
        if not separator:
            raise ValueError(
                "Basic authentication needs the API key as 'user:password', "
                "but the key contains no ':'."
            )

        token = base64.b64encode(credentials.encode("utf-8")).decode("ascii")
        super().__init__((credentials, password, token))
        self._header_value = f"Basic {token}"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header_value
        yield request


class APIKeyAuth(SecretAuth):
    """Send the key in the header, query parameter or cookie called `name`.

    httpx copies custom headers to every redirect target, so this auth follows
    redirects itself: the key goes again to the same origin and to no other. A cookie
    key is merged into the Cookie header that cookie parameters may have set.

    A query key is added to a copy of the request, so the request that the client
    logs and puts into exceptions has no key in its URL. httpx logs each request URL
    at INFO level on the `httpx` logger, so a filter on that logger masks the key.
    """

    httpx_follows_redirects: ClassVar[bool] = False

    def __init__(self, api_key: str, *, location: AuthLocation, name: str) -> None:
        _validate_api_key(api_key)
        if not name:
            raise ValueError(f"The {location} name for the API key is empty.")
        if location == "cookie" and _COOKIE_BREAKING & set(api_key):
            raise ValueError(
                "The API key contains a character that a cookie value cannot hold: "
                'space, ", comma, semicolon or backslash.'
            )

        encoded = quote(api_key, safe="")
        super().__init__((api_key, encoded))
        self._api_key = api_key
        self.location: AuthLocation = location
        self.name = name
        if location == "query":
            _url_log_filter.add_secrets((api_key, encoded))

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        origin = request.url
        response = yield self._with_key(request)

        for _ in range(_MAX_REDIRECTS):
            redirect = response.next_request
            if redirect is None:
                return
            if is_same_origin(redirect.url, origin):
                redirect = self._with_key(redirect)
            elif self.location == "header":
                redirect.headers.pop(self.name, None)
            response = yield redirect

    def _with_key(self, request: httpx.Request) -> httpx.Request:
        if self.location == "header":
            request.headers[self.name] = self._api_key
            return request

        if self.location == "cookie":
            cookie = f"{self.name}={self._api_key}"
            existing = request.headers.get("Cookie")
            request.headers["Cookie"] = f"{cookie}; {existing}" if existing else cookie
            return request

        return httpx.Request(
            request.method,
            request.url.copy_merge_params({self.name: self._api_key}),
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )


def build_auth(api_key: str, scheme: AuthScheme) -> SecretAuth:
    """Return the auth object that sends `api_key` in the way `scheme` describes."""
    if scheme.kind == "none":
        return NoAuth()
    if scheme.kind == "basic":
        return BasicAuth(api_key)
    if scheme.kind == "api_key":
        return APIKeyAuth(api_key, location=scheme.location, name=scheme.name)
    return BearerAuth(api_key)


def resolve_api_key(api_key: str | None, *, env_var: str) -> str:
    """Return `api_key`, or the value of the environment variable `env_var` when it is None.

    Raises ValueError when neither gives a non-empty key.
    """
    if api_key is None:
        api_key = os.environ.get(env_var) or None
    if api_key is None:
        raise ValueError(
            f"No API key given: pass api_key=... to the client or set the {env_var} "
            "environment variable."
        )

    _validate_api_key(api_key)
    return api_key


def _validate_api_key(api_key: str) -> None:
    """Raise ValueError when the key is empty or cannot be sent in an HTTP header.

    The message never contains the key itself.
    """
    if not api_key.strip():
        raise ValueError("The API key is empty.")
    if not api_key.isascii() or not api_key.isprintable() or api_key != api_key.strip():
        raise ValueError(
            "The API key contains characters that are not allowed in an HTTP header: "
            "whitespace at either end, control characters or non-ASCII characters."
        )


class _SecretMaskingFilter(logging.Filter):
    """Mask query-string API keys in the records of the logger it is attached to."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add_secrets(self, secrets: tuple[str, ...]) -> None:
        self._secrets.update(secret for secret in secrets if secret)

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(self._mask(argument) for argument in record.args)
        return True

    def _mask(self, argument: object) -> object:
        if not isinstance(argument, str | httpx.URL):
            return argument
        text = str(argument)
        masked = text
        for secret in sorted(self._secrets, key=len, reverse=True):
            masked = masked.replace(secret, _MASK)
        return argument if masked == text else masked


_url_log_filter = _SecretMaskingFilter()
logging.getLogger("httpx").addFilter(_url_log_filter)
