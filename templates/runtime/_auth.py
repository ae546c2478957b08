"""Bearer-token authentication and API key lookup.

The key lives only inside BearerAuth. Its repr and str mask the key, and the errors
raised here never quote it.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import httpx

__all__ = ["BearerAuth", "resolve_api_key"]

_MASK = "****"


class BearerAuth(httpx.Auth):
    """Set `Authorization: Bearer <key>` on every request sent with this auth.

    When httpx (0.28 and 0.29) follows a redirect, it copies the headers but drops
    Authorization if the target is on another origin. The one exception is an
    http-to-https redirect on the same host and default ports.
    """

    def __init__(self, api_key: str) -> None:
        _validate_api_key(api_key)
        self._header_value = f"Bearer {api_key}"
        self._secret = api_key.encode("utf-8")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header_value
        yield request

    def redact(self, data: bytes) -> bytes:
        """Return `data` with every occurrence of the API key replaced by a mask.

        A server may echo the key back in an error body, and that body ends up in an
        exception message.
        """
        if self._secret in data:
            return data.replace(self._secret, _MASK.encode("ascii"))
        return data

    def __repr__(self) -> str:
        return f"BearerAuth(api_key='{_MASK}')"

    __str__ = __repr__


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
