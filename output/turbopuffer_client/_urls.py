"""Base URL checks, path parameter encoding and query strings."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from urllib.parse import quote, urlencode

import httpx

from ._types import NotGiven

__all__ = [
    "build_url",
    "encode_path_parameter",
    "encode_query",
    "is_same_origin",
    "url_for_log",
    "validate_base_url",
]

_ALLOWED_SCHEMES = ("http", "https")


def encode_path_parameter(value: str) -> str:
    """Percent-encode `value` for use as one path segment.

    Everything except the RFC 3986 unreserved characters (letters, digits, `-`, `.`,
    `_` and `~`) is encoded, so `/`, `?`, `#` and `%` cannot change the path. A segment
    of only dots is encoded too, because `.` and `..` are removed as dot segments.
    Raises ValueError for an empty value.
    """
    if not value:
        raise ValueError("A path parameter must not be empty.")
    if value in (".", ".."):
        return value.replace(".", "%2E")
    return quote(value, safe="")


def validate_base_url(base_url: str) -> str:
    """Return `base_url` without a trailing slash after checking that it is http(s).

    Raises ValueError naming the URL and the accepted schemes otherwise. A URL with a
    user name or password is rejected without quoting it, because it contains a secret.
    """
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL as error:
        raise ValueError(f"Invalid base_url {base_url!r}: {error}") from None

    if url.userinfo:
        raise ValueError(
            "Invalid base_url: it must not contain a user name or password. "
            "Pass the API key as api_key=... instead."
        )
    if url.scheme not in _ALLOWED_SCHEMES or not url.host:
        raise ValueError(
            f"Invalid base_url {base_url!r}: expected an absolute URL with the scheme "
            f"{' or '.join(_ALLOWED_SCHEMES)}, for example 'https://api.example.com'."
        )
    if url.port is not None and url.port > 65535:
        raise ValueError(
            f"Invalid base_url {base_url!r}: the port must be at most 65535."
        )
    if url.query or url.fragment:
        raise ValueError(
            f"Invalid base_url {base_url!r}: it must not contain a query or fragment."
        )
    return base_url.rstrip("/")


def build_url(base_url: str, path: str, params: Mapping[str, object] | None) -> str:
    """Join the base URL, an already encoded path (which may contain a query) and params."""
    url = base_url + path
    query = encode_query(params) if params else ""
    if not query:
        return url
    separator = "&" if "?" in path else "?"
    return url + separator + query


def encode_query(params: Mapping[str, object]) -> str:
    """Encode query parameters as a query string.

    None and NOT_GIVEN values are dropped, a list or tuple becomes a repeated key,
    booleans become `true` and `false`, and enums are sent as their value.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if isinstance(value, list | tuple):
            items: list[object] = list(value)  # pyright: ignore[reportUnknownArgumentType]
            pairs.extend(
                (key, text)
                for item in items
                if (text := _query_value(item)) is not None
            )
        else:
            text = _query_value(value)
            if text is not None:
                pairs.append((key, text))
    return urlencode(pairs, quote_via=quote)


def is_same_origin(url: httpx.URL, other: httpx.URL) -> bool:
    """Return whether both URLs have the same scheme, host and port.

    httpx.URL stores a scheme's default port as None, so `https://h` and `https://h:443`
    compare equal.
    """
    return (
        url.scheme == other.scheme and url.host == other.host and url.port == other.port
    )


def url_for_log(url: httpx.URL) -> str:
    """Return the URL without its query string, which may contain values not meant for logs."""
    return str(url.copy_with(query=None, fragment=None))


def _query_value(value: object) -> str | None:
    if value is None or isinstance(value, NotGiven):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)
