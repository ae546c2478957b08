"""Classify the media types of request and response bodies.

The generated method passes the result to the runtime client, so the choice between
JSON and the other encodings is made once, when the client is generated.
"""

from __future__ import annotations

from typing import Literal

BodyEncoding = Literal["json", "form", "multipart", "binary"]
ResponseKind = Literal["json", "text", "bytes"]

FORM = "application/x-www-form-urlencoded"


def essence(media_type: str) -> str:
    """Return the type and subtype in lower case, without parameters such as charset."""
    return media_type.split(";", 1)[0].strip().lower()


def is_json(media_type: str) -> bool:
    """Return whether the media type is JSON: application/json or a `+json` suffix type."""
    base = essence(media_type)
    return base == "application/json" or base.endswith("+json")


def body_encoding(media_type: str) -> BodyEncoding:
    """Return how a request body of this media type is encoded.

    Types that are neither JSON nor a form are sent as raw content, text/plain included.
    """
    base = essence(media_type)
    if is_json(base):
        return "json"
    if base == FORM:
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    return "binary"


def response_kind(media_type: str | None, *, binary_schema: bool) -> ResponseKind:
    """Return whether a response body is validated JSON, text (str) or bytes.

    A response without a media type is read as JSON. A text/* type is text unless its
    schema has `format: binary`, and any other type is bytes.
    """
    if media_type is None or is_json(media_type):
        return "json"
    if essence(media_type).startswith("text/") and not binary_schema:
        return "text"
    return "bytes"
