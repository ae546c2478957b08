"""Dense vectors as base64 strings of little-endian float32 values.

A base64 vector is a quarter of the size of the same vector written as JSON numbers,
and it costs less CPU to encode here and to parse on the server. `encode_vector` and
`decode_vector` convert single vectors. `encode_body_vectors` rewrites the vectors of
a request body before it is serialised, in the methods of the operations that the
generator's configuration marks.

Vectors may be given as sequences of numbers or as numpy arrays of any numeric dtype.
numpy is optional: it is imported only after the caller has passed a numpy array.
pybase64, when installed, encodes several times faster than the standard library.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import re
import struct
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, TypeGuard

__all__ = ["decode_vector", "encode_body_vectors", "encode_vector"]

_FLOAT32_BYTES = 4
# A declared attribute type such as "[768]f32". f16 vectors are left as JSON numbers,
# because their base64 form would be float16, not float32.
_FLOAT32_VECTOR_TYPE = re.compile(r"\[\d+\]f32")


def _b64encode_stdlib(data: Any) -> str:
    return binascii.b2a_base64(data, newline=False).decode("ascii")


_b64encode: Callable[[Any], str]
try:
    import pybase64
except ImportError:
    _b64encode = _b64encode_stdlib
else:
    _b64encode = pybase64.b64encode_as_string


def encode_vector(vector: Sequence[float] | Any) -> str:
    """Encode one vector as base64 of its little-endian float32 values.

    `vector` is a sequence of numbers or a one-dimensional numpy array. Raises
    ValueError when a value is NaN, infinite, or too large for float32, and
    TypeError for any other input.
    """
    if _is_numpy_array(vector):
        if vector.ndim != 1 or vector.dtype.kind not in "biuf":
            raise TypeError(
                "a vector must be a one-dimensional numeric array, "
                f"not of shape {vector.shape} and dtype {vector.dtype}"
            )
        return _encode_array(vector, where="vector")
    if isinstance(vector, Sequence) and not isinstance(vector, str | bytes):
        return _encode_numbers(vector, where="vector")
    raise TypeError(
        f"a vector must be a sequence of numbers, not {type(vector).__name__}"
    )


def decode_vector(value: str | Sequence[float]) -> list[float]:
    """Return the float values of a vector from a response.

    A query with `vector_encoding="base64"` returns each vector as a base64 string of
    little-endian float32 values; this decodes it. A vector that is already a list of
    numbers is returned as a new list. Raises ValueError for a string that is not
    base64 or whose length is not a whole number of float32 values.
    """
    if not isinstance(value, str):
        return [float(item) for item in value]

    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error as error:
        raise ValueError(f"the vector is not valid base64: {error}") from None
    if len(raw) % _FLOAT32_BYTES:
        raise ValueError(
            f"the vector decodes to {len(raw)} bytes, which is not a whole number "
            "of 4-byte float32 values"
        )
    return list(_float32_struct(len(raw) // _FLOAT32_BYTES).unpack(raw))


def encode_body_vectors(
    body: Mapping[str, Any],
    *,
    rows: Collection[str],
    columns: Collection[str],
    attributes: Collection[str],
    schema_key: str | None,
) -> dict[str, Any]:
    """Return a copy of a request body with its vectors encoded as base64.

    `rows` name the body keys that contain lists of documents, and `columns` the keys
    that contain documents as a map of attribute name to a list of values. The vector
    attributes are `attributes` plus every attribute that the body's `schema_key`
    declares with a float32 vector type such as "[768]f32". An attribute declared with
    another type there is left as it is. Values that are already strings, or
    not vectors at all, are sent unchanged. The caller's objects are not modified.
    """
    names = _vector_attributes(body.get(schema_key) if schema_key else None, attributes)
    if not names:
        return dict(body)

    encoded = dict(body)
    for key in rows:
        documents = body.get(key)
        if isinstance(documents, Sequence) and not isinstance(documents, str | bytes):
            encoded[key] = _encode_rows(documents, names, where=key)
    for key in columns:
        table = body.get(key)
        if isinstance(table, Mapping):
            encoded[key] = _encode_columns(table, names, where=key)
    return encoded


def _vector_attributes(schema: object, attributes: Collection[str]) -> frozenset[str]:
    # NOTE: only this call's schema is known here, so a `vector` attribute that an
    # earlier write declared as f16 is still sent as float32 base64.
    names = set(attributes)
    if not isinstance(schema, Mapping):
        return frozenset(names)

    for name, declared in schema.items():
        declared_type = (
            declared.get("type") if isinstance(declared, Mapping) else declared
        )
        if not isinstance(declared_type, str):
            continue
        if _FLOAT32_VECTOR_TYPE.fullmatch(declared_type):
            names.add(name)
        else:
            names.discard(name)
    return frozenset(names)


def _encode_rows(
    documents: Sequence[Any], names: frozenset[str], *, where: str
) -> list[Any]:
    encoded = []
    for index, document in enumerate(documents):
        if not isinstance(document, Mapping):
            encoded.append(document)
            continue

        copy: dict[str, Any] | None = None
        for name in names & document.keys():
            value = _encode_if_vector(document[name], where=f"{where}[{index}].{name}")
            if value is not document[name]:
                copy = copy if copy is not None else dict(document)
                copy[name] = value
        encoded.append(document if copy is None else copy)
    return encoded


def _encode_columns(
    table: Mapping[str, Any], names: frozenset[str], *, where: str
) -> dict[str, Any]:
    encoded = dict(table)
    for name in names & table.keys():
        column = table[name]
        column_where = f"{where}.{name}"
        if _is_numpy_array(column) and column.ndim == 2:
            encoded[name] = _encode_array_rows(column, where=column_where)
        elif isinstance(column, list | tuple) and column and not _is_number(column[0]):
            encoded[name] = [
                _encode_if_vector(value, where=f"{column_where}[{index}]")
                for index, value in enumerate(column)
            ]
        else:
            # One flat vector with every document's values in turn, as a list or a
            # one-dimensional array, or a value that is no vector and stays as it is.
            encoded[name] = _encode_if_vector(column, where=column_where)
    return encoded


def _encode_if_vector(value: object, *, where: str) -> object:
    """Encode `value` when it is a vector of numbers; return anything else unchanged.

    Checking each item's type in Python would cost more than encoding, so a list is
    packed straight away, and one that contains anything but numbers is sent unchanged.
    """
    if _is_numpy_array(value):
        if value.ndim != 1 or value.dtype.kind not in "biuf":
            return value
        return _encode_array(value, where=where)
    if not isinstance(value, list | tuple) or not value:
        return value
    try:
        return _encode_numbers(value, where=where)
    except TypeError:
        return value


def _encode_numbers(values: Sequence[float], *, where: str) -> str:
    try:
        packed = _float32_struct(len(values)).pack(*values)
    except OverflowError:
        raise _not_finite(where) from None
    except struct.error:
        raise TypeError(f"{where} must contain only numbers") from None
    return _encode_packed(packed, where=where)


def _encode_array(array: Any, *, where: str) -> str:
    """Encode a one-dimensional numpy array of any numeric dtype."""
    if array.dtype.str != "<f4":
        array = _as_float32(array)
    return _encode_packed(array.tobytes(), where=where)


def _encode_packed(packed: bytes, *, where: str) -> str:
    # A NaN or infinite float32 has all exponent bits set, so its high byte is 0x7F or
    # 0xFF. Scanning the high bytes is cheap, and only a hit checks the values.
    high_bytes = packed[_FLOAT32_BYTES - 1 :: _FLOAT32_BYTES]
    if b"\x7f" in high_bytes or b"\xff" in high_bytes:
        values = _float32_struct(len(packed) // _FLOAT32_BYTES).unpack(packed)
        if not all(math.isfinite(value) for value in values):
            raise _not_finite(where)
    return _b64encode(packed)


def _encode_array_rows(array: Any, *, where: str) -> list[str]:
    """Encode each row of a two-dimensional numpy array as one base64 vector."""
    import numpy

    if array.dtype.kind not in "biuf":
        raise TypeError(f"{where} must be a numeric array, not of dtype {array.dtype}")
    floats = numpy.ascontiguousarray(_as_float32(array))
    if not numpy.isfinite(floats).all():
        raise _not_finite(where)
    return [_b64encode(row) for row in floats]


def _as_float32(array: Any) -> Any:
    """Convert to little-endian float32; values too large for it become infinity."""
    import numpy

    # The callers reject infinity with a clearer message than numpy's warning.
    with numpy.errstate(over="ignore"):
        return array.astype("<f4", copy=False)


def _not_finite(where: str) -> ValueError:
    return ValueError(
        f"{where} contains NaN, infinity or a value too large for float32, "
        "which a vector cannot hold"
    )


@functools.lru_cache(maxsize=64)
def _float32_struct(length: int) -> struct.Struct:
    return struct.Struct(f"<{length}f")


def _is_number(value: object) -> bool:
    return isinstance(value, float | int) and not isinstance(value, bool)


def _is_numpy_array(value: object) -> TypeGuard[Any]:
    # Checking the type's module avoids importing numpy to test every value.
    return type(value).__name__ == "ndarray" and type(value).__module__ == "numpy"
