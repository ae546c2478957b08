"""Base64 vector encoding: compared byte for byte with an independent struct encoding."""

from __future__ import annotations

import base64
import math
import random
import struct
from types import SimpleNamespace
from typing import Any

import numpy
import pytest

WRITE_KEYS: dict[str, Any] = {
    "rows": ("upsert_rows", "patch_rows"),
    "columns": ("upsert_columns", "patch_columns"),
    "attributes": ("vector",),
    "schema_key": "schema",
}


def reference_encoding(values: list[float]) -> str:
    """Little-endian float32 packed by struct, then standard base64."""
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode("ascii")


def float32_values(values: list[float]) -> list[float]:
    return list(struct.unpack(f"<{len(values)}f", struct.pack(f"<{len(values)}f", *values)))


def random_vector(seed: int, dims: int = 768) -> list[float]:
    generator = random.Random(seed)
    return [generator.uniform(-2.0, 2.0) for _ in range(dims)]


def test_encoding_matches_struct_reference(runtime: SimpleNamespace) -> None:
    for seed in range(5):
        values = random_vector(seed)

        assert runtime.vectors.encode_vector(values) == reference_encoding(values)


def test_encoding_is_little_endian(runtime: SimpleNamespace) -> None:
    # 1.0 as float32 is 0x3F800000, so little-endian bytes are 00 00 80 3F.
    assert base64.b64decode(runtime.vectors.encode_vector([1.0])) == b"\x00\x00\x80\x3f"


def test_numpy_arrays_match_struct_reference(runtime: SimpleNamespace) -> None:
    values = random_vector(11)
    expected = reference_encoding(values)

    for dtype in ("<f4", ">f4", "<f8"):
        array = numpy.asarray(values, dtype=dtype)
        assert runtime.vectors.encode_vector(array) == expected, dtype
    strided = numpy.asarray(values + values, dtype="<f4")[::2]
    assert runtime.vectors.encode_vector(strided) == reference_encoding(values[::2] + values[::2])


def test_round_trip_is_exact(runtime: SimpleNamespace) -> None:
    values = random_vector(3) + [0.0, -0.0, 1e-40, 3.4e38, -3.4e38]

    decoded = runtime.vectors.decode_vector(runtime.vectors.encode_vector(values))

    assert decoded == float32_values(values)
    assert math.copysign(1.0, decoded[-4]) == -1.0


def test_integers_are_encoded_as_floats(runtime: SimpleNamespace) -> None:
    assert runtime.vectors.encode_vector([1, 2, 3]) == reference_encoding([1.0, 2.0, 3.0])


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 1e39])
def test_values_a_float32_cannot_hold_are_rejected(runtime: SimpleNamespace, bad: float) -> None:
    with pytest.raises(ValueError, match="NaN, infinity or a value too large"):
        runtime.vectors.encode_vector([0.5, bad])
    with pytest.raises(ValueError, match="NaN, infinity or a value too large"):
        runtime.vectors.encode_vector(numpy.asarray([0.5, bad], dtype="<f8"))


def test_largest_float32_is_not_taken_for_infinity(runtime: SimpleNamespace) -> None:
    # Its high byte is 0x7F, like infinity's, so the quick scan flags it for a full check.
    largest = struct.unpack("<f", b"\xff\xff\x7f\x7f")[0]

    assert runtime.vectors.encode_vector([largest, -largest]) == reference_encoding(
        [largest, -largest]
    )


def test_non_vectors_are_rejected(runtime: SimpleNamespace) -> None:
    with pytest.raises(TypeError, match="sequence of numbers"):
        runtime.vectors.encode_vector(3.0)
    with pytest.raises(TypeError, match="only numbers"):
        runtime.vectors.encode_vector([0.1, "x"])
    with pytest.raises(TypeError, match="one-dimensional numeric array"):
        runtime.vectors.encode_vector(numpy.zeros((2, 2), dtype="<f4"))


def test_standard_library_fallback_matches_pybase64(runtime: SimpleNamespace) -> None:
    packed = struct.pack("<768f", *random_vector(8))

    assert runtime.vectors._b64encode_stdlib(packed) == base64.b64encode(packed).decode()
    assert runtime.vectors._b64encode(packed) == runtime.vectors._b64encode_stdlib(packed)


def test_decode_returns_float_lists_unchanged(runtime: SimpleNamespace) -> None:
    assert runtime.vectors.decode_vector([0.25, 1]) == [0.25, 1.0]


def test_decode_rejects_bad_base64(runtime: SimpleNamespace) -> None:
    with pytest.raises(ValueError, match="not valid base64"):
        runtime.vectors.decode_vector("not base64!")
    with pytest.raises(ValueError, match="not a whole number of 4-byte float32 values"):
        runtime.vectors.decode_vector(base64.b64encode(b"\x00\x00\x80").decode())


def test_body_rows_encode_vector_attributes_only(runtime: SimpleNamespace) -> None:
    vector = random_vector(1, dims=4)
    rows = [
        {"id": 1, "vector": vector, "tags": [1.0, 2.0], "title": "a"},
        {"id": 2, "vector": "AACAPw==", "title": "b"},
        {"id": 3, "title": "no vector"},
    ]
    body = {"upsert_rows": rows, "distance_metric": "cosine_distance"}

    encoded = runtime.vectors.encode_body_vectors(body, **WRITE_KEYS)

    assert encoded["upsert_rows"][0] == {
        "id": 1,
        "vector": reference_encoding(vector),
        "tags": [1.0, 2.0],
        "title": "a",
    }
    assert encoded["upsert_rows"][1] is rows[1]
    assert encoded["upsert_rows"][2] is rows[2]
    assert encoded["distance_metric"] == "cosine_distance"
    assert rows[0]["vector"] is vector


def test_body_rows_leave_non_numeric_vectors_to_the_server(runtime: SimpleNamespace) -> None:
    rows = [{"id": 1, "vector": ["a", "b"]}, {"id": 2, "vector": []}, {"id": 3, "vector": None}]

    encoded = runtime.vectors.encode_body_vectors({"patch_rows": rows}, **WRITE_KEYS)

    assert encoded["patch_rows"] == rows


def test_body_schema_declares_more_vector_attributes(runtime: SimpleNamespace) -> None:
    values = [0.5, 0.25]
    body = {
        "upsert_rows": [{"id": 1, "vector": values, "image": values, "small": values}],
        "schema": {"image": "[2]f32", "small": {"type": "[2]f16"}, "vector": {"type": "[2]f16"}},
    }

    row = runtime.vectors.encode_body_vectors(body, **WRITE_KEYS)["upsert_rows"][0]

    assert row["image"] == reference_encoding(values)
    assert row["small"] == values
    assert row["vector"] == values


def test_body_columns_encode_each_vector(runtime: SimpleNamespace) -> None:
    vectors = [random_vector(seed, dims=3) for seed in range(3)]
    columns = {"id": [1, 2, 3], "vector": vectors, "title": ["a", "b", "c"]}

    encoded = runtime.vectors.encode_body_vectors({"upsert_columns": columns}, **WRITE_KEYS)

    assert encoded["upsert_columns"]["vector"] == [reference_encoding(v) for v in vectors]
    assert encoded["upsert_columns"]["title"] == ["a", "b", "c"]
    assert columns["vector"] is vectors


def test_body_columns_accept_numpy_matrices_and_flat_vectors(runtime: SimpleNamespace) -> None:
    vectors = [random_vector(seed, dims=3) for seed in range(2)]
    matrix = numpy.asarray(vectors, dtype="<f4")
    flat = vectors[0] + vectors[1]

    from_matrix = runtime.vectors.encode_body_vectors(
        {"upsert_columns": {"id": [1, 2], "vector": matrix}}, **WRITE_KEYS
    )
    from_flat = runtime.vectors.encode_body_vectors(
        {"patch_columns": {"id": [1, 2], "vector": flat}}, **WRITE_KEYS
    )

    assert from_matrix["upsert_columns"]["vector"] == [reference_encoding(v) for v in vectors]
    assert from_flat["patch_columns"]["vector"] == reference_encoding(flat)


def test_body_errors_name_the_document(runtime: SimpleNamespace) -> None:
    rows = [{"id": 1, "vector": [0.1]}, {"id": 2, "vector": [math.nan]}]

    with pytest.raises(ValueError, match=r"upsert_rows\[1\]\.vector contains NaN"):
        runtime.vectors.encode_body_vectors({"upsert_rows": rows}, **WRITE_KEYS)
