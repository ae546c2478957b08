"""Encoding of request bodies that are not JSON: forms, multipart forms and raw content.

The generator reads the operation's media type, so the generated method passes a fixed
encoding to the client. JSON bodies never come here.

    form       application/x-www-form-urlencoded, from a mapping of field values
    multipart  multipart/form-data, from a mapping of fields and files
    binary     any other media type, from bytes, str or a binary file object
"""

from __future__ import annotations

import datetime
import enum
import os
import secrets
from collections.abc import Mapping
from typing import Literal, Protocol, cast, runtime_checkable
from urllib.parse import quote, urlencode

from ._json import dumps
from ._types import NotGiven

__all__ = ["BodyEncoding", "ReadableBinary", "encode_body"]

BodyEncoding = Literal["json", "form", "multipart", "binary"]


@runtime_checkable
class ReadableBinary(Protocol):
    """A binary file object, such as `open(path, "rb")` or `io.BytesIO`."""

    # Typed as object because a file opened in text mode has read() too, returning str.
    def read(self, size: int = -1, /) -> object: ...


def encode_body(body: object, *, encoding: BodyEncoding, content_type: str) -> tuple[bytes, str]:
    """Return the bytes of `body` and the Content-Type header to send with them.

    A file object is read whole, so a retry can send the same bytes again. Raises
    TypeError for a value that the encoding cannot carry.
    """
    if encoding == "form":
        return _encode_form(_fields(body)).encode("ascii"), content_type
    if encoding == "multipart":
        boundary = secrets.token_hex(16)
        content = _encode_multipart(_fields(body), boundary)
        return content, f"{content_type}; boundary={boundary}"
    if encoding == "binary":
        return _content_bytes(body), content_type
    return dumps(body), content_type


def _fields(body: object) -> Mapping[str, object]:
    if not isinstance(body, Mapping):
        raise TypeError(
            f"A form body must be a mapping of field names to values, not {type(body).__name__}."
        )
    fields: Mapping[str, object] = body  # pyright: ignore[reportUnknownVariableType]
    return fields


def _encode_form(fields: Mapping[str, object]) -> str:
    """Encode fields as OpenAPI's default for forms does: style form, exploded.

    A list repeats its key, and an object sends each of its properties as a field.
    """
    pairs: list[tuple[str, str]] = []
    for name, value in fields.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, Mapping):
            members: Mapping[str, object] = value  # pyright: ignore[reportUnknownVariableType]
            pairs.extend((str(key), _scalar_text(item)) for key, item in members.items())
        elif isinstance(value, list | tuple):
            items: list[object] = list(value)  # pyright: ignore[reportUnknownArgumentType]
            pairs.extend((name, _scalar_text(item)) for item in items)
        else:
            pairs.append((name, _scalar_text(value)))
    return urlencode(pairs, quote_via=quote)


def _encode_multipart(fields: Mapping[str, object], boundary: str) -> bytes:
    """Encode fields as multipart/form-data parts (RFC 7578).

    Bytes and file objects become file parts. A list sends one part per item, and an
    object or other JSON value becomes a part of type application/json.
    """
    parts: list[bytes] = []
    for name, value in fields.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, list | tuple):
            items: list[object] = list(value)  # pyright: ignore[reportUnknownArgumentType]
            parts.extend(_multipart_part(name, item) for item in items)
        else:
            parts.append(_multipart_part(name, value))

    delimiter = f"--{boundary}\r\n".encode("ascii")
    closing = f"--{boundary}--\r\n".encode("ascii")
    return b"".join(delimiter + part + b"\r\n" for part in parts) + closing


def _multipart_part(name: str, value: object) -> bytes:
    disposition = f'Content-Disposition: form-data; name="{_quote_part_name(name)}"'
    file_content = _file_content(value)
    if file_content is not None:
        filename = _file_name(value) or name
        disposition += f'; filename="{_quote_part_name(filename)}"'
        head = f"{disposition}\r\nContent-Type: application/octet-stream\r\n\r\n"
        return head.encode("utf-8") + file_content

    if isinstance(value, Mapping | list | tuple):
        head = f"{disposition}\r\nContent-Type: application/json\r\n\r\n"
        return head.encode("utf-8") + dumps(cast(object, value))
    return f"{disposition}\r\n\r\n{_scalar_text(value)}".encode()


def _quote_part_name(name: str) -> str:
    """Escape a field or file name as the HTML form encoding does: `"`, CR and LF as %XX."""
    return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _file_name(value: object) -> str | None:
    name: object = getattr(value, "name", None)
    return os.path.basename(name) if isinstance(name, str) and name else None


def _file_content(value: object) -> bytes | None:
    """Return the bytes of a bytes-like value or binary file object, None for other values."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, ReadableBinary):
        content = value.read()
        if isinstance(content, bytes):
            return content
        raise TypeError("A file in a request body must be opened in binary mode ('rb').")
    return None


def _content_bytes(value: object) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    content = _file_content(value)
    if content is None:
        raise TypeError(
            "Binary content must be bytes, str or a file opened in binary mode, "
            f"not {type(value).__name__}."
        )
    return content


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)
