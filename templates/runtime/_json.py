"""JSON encoding and decoding, with orjson when it is installed.

orjson is several times faster than the standard library and serialises numpy arrays
directly (OPT_SERIALIZE_NUMPY), which matters for request bodies full of vectors.
Without orjson the standard `json` module is used, with the same output for tuples,
datetimes and UUIDs.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

__all__ = ["dumps", "loads"]


def _default(value: object) -> object:
    """Convert the values that the standard `json` module cannot encode by itself."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)

    # Checking the module name avoids importing numpy just to test for its arrays.
    to_list = getattr(value, "tolist", None)
    if type(value).__module__ == "numpy" and callable(to_list):
        return to_list()

    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


try:
    import orjson
except ImportError:
    import json

    def dumps(value: object) -> bytes:
        """Serialise `value` to compact UTF-8 JSON bytes.

        Raises TypeError for a value of an unsupported type, and ValueError for NaN or
        infinity, which JSON cannot represent.
        """
        text = json.dumps(
            value, default=_default, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
        return text.encode("utf-8")

    def loads(data: bytes | str) -> Any:
        """Parse JSON bytes or text. Raises ValueError for invalid JSON."""
        return json.loads(data)

else:
    _OPTIONS = orjson.OPT_SERIALIZE_NUMPY

    def dumps(value: object) -> bytes:
        """Serialise `value` to compact UTF-8 JSON bytes.

        Raises TypeError for a value of an unsupported type. orjson writes NaN and
        infinity as null.
        """
        return orjson.dumps(value, default=_default, option=_OPTIONS)

    def loads(data: bytes | str) -> Any:
        """Parse JSON bytes or text. Raises ValueError for invalid JSON."""
        return orjson.loads(data)
