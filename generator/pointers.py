"""JSON pointers (RFC 6901): building, splitting and resolving them."""

from __future__ import annotations

from typing import Any


class PointerNotFound(LookupError):
    """Raised when a JSON pointer does not lead to a value in a document."""


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    """Append reference tokens to a pointer: join("/paths", "/a/{b}") == "/paths/~1a~1{b}"."""
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def split(pointer: str) -> list[str]:
    if pointer in ("", "#"):
        return []
    if pointer.startswith("#"):
        pointer = pointer[1:]
    if not pointer.startswith("/"):
        raise PointerNotFound(f"{pointer!r} is not a JSON pointer; it must start with '/'")
    return [unescape(token) for token in pointer[1:].split("/")]


def resolve(document: Any, pointer: str) -> Any:
    """Return the value at `pointer`, raising PointerNotFound naming the missing token."""
    value = document
    for token in split(pointer):
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise PointerNotFound(f"{pointer!r} does not exist: no {token!r} at that point")
    return value
