"""Vector decoding, base64 encoding and the two dense distance metrics.

turbopuffer sends and accepts base64 vectors as packed little-endian float32.
"""

from __future__ import annotations

import base64
import binascii
import math
import struct
from collections.abc import Sequence
from typing import Any, TypeGuard

from ._errors import BadRequest

_FLOAT32_SIZE = 4


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def decode_vector(value: Any, *, where: str) -> list[float]:
    """Return a vector given as a list of numbers or a base64 float32 string.

    Raises BadRequest naming `where` when the value is neither.
    """
    if isinstance(value, str):
        return decode_base64_floats(value, where=where)
    if isinstance(value, list) and all(is_number(item) for item in value):
        return [float(item) for item in value]
    raise BadRequest(f"{where} must be a list of numbers or a base64 string of float32 values")


def decode_base64_floats(text: str, *, where: str) -> list[float]:
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise BadRequest(f"{where} is not valid base64: {error}") from error
    if len(raw) % _FLOAT32_SIZE:
        raise BadRequest(f"{where} decodes to {len(raw)} bytes, which is not a multiple of 4")
    return list(struct.unpack(f"<{len(raw) // _FLOAT32_SIZE}f", raw))


def encode_base64_floats(values: Sequence[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode("ascii")


def distance(metric: str, left: Sequence[float], right: Sequence[float]) -> float:
    """Return the distance under `metric`. Lower is closer for both metrics."""
    if len(left) != len(right):
        raise BadRequest(
            f"query vector has {len(right)} dimensions but the stored vector has {len(left)}"
        )
    if metric == "euclidean_squared":
        return sum((a - b) ** 2 for a, b in zip(left, right, strict=True))
    if metric == "cosine_distance":
        return _cosine_distance(left, right)
    raise BadRequest(f"unknown distance_metric {metric!r}")


def _cosine_distance(left: Sequence[float], right: Sequence[float]) -> float:
    dot = sum(a * b for a, b in zip(left, right, strict=True))
    norms = math.sqrt(sum(a * a for a in left)) * math.sqrt(sum(b * b for b in right))
    if norms == 0:
        # A zero vector has no direction, so it counts as orthogonal to everything.
        return 1.0
    return 1.0 - dot / norms
