"""Vectors through the generated client and the fake server: base64 on the wire, floats back."""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterator

import numpy
import pytest
from turbopuffer_client import Turbopuffer, decode_vector

from tests.fake_turbopuffer import FakeTurbopuffer


@pytest.fixture
def tpuf(fake_turbopuffer: FakeTurbopuffer) -> Iterator[Turbopuffer]:
    client = Turbopuffer(api_key="test-key", base_url=fake_turbopuffer.base_url, max_retries=0)
    yield client
    client.close()


def float32(values: list[float]) -> list[float]:
    return list(struct.unpack(f"<{len(values)}f", struct.pack(f"<{len(values)}f", *values)))


def packed(values: list[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode("ascii")


VECTORS = {1: [0.1, 0.2, 0.3], 2: [0.9, -0.1, 0.5], 3: [-0.7, 0.25, 0.125]}


def test_write_sends_base64_vectors(tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer) -> None:
    rows = [{"id": key, "vector": vector, "title": str(key)} for key, vector in VECTORS.items()]

    tpuf.namespace("docs").write(upsert_rows=rows, distance_metric="cosine_distance")

    sent = fake_turbopuffer.requests[-1].body["upsert_rows"]
    assert [row["vector"] for row in sent] == [packed(vector) for vector in VECTORS.values()]
    assert [row["title"] for row in sent] == ["1", "2", "3"]


def test_numpy_vectors_need_no_conversion(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    rows = [
        {"id": key, "vector": numpy.asarray(v, dtype=numpy.float32)} for key, v in VECTORS.items()
    ]

    ns.write(upsert_rows=rows, distance_metric="euclidean_squared")
    result = ns.query(
        rank_by=("vector", "ANN", numpy.asarray([0.1, 0.2, 0.3])),
        top_k=1,
        include_attributes=["vector"],
    )

    rows_back = result.rows or []
    assert [row.id for row in rows_back] == [1]
    assert rows_back[0].vector == float32(VECTORS[1])


def test_numpy_matrix_in_columns(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    matrix = numpy.asarray(list(VECTORS.values()), dtype=numpy.float32)

    ns.write(
        upsert_columns={"id": list(VECTORS), "vector": matrix}, distance_metric="cosine_distance"
    )
    result = ns.query(rank_by=("id", "asc"), top_k=3, include_attributes=["vector"])

    assert [row.vector for row in result.rows or []] == [float32(v) for v in VECTORS.values()]


def test_base64_query_results_decode_to_floats(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    ns.write(
        upsert_rows=[{"id": key, "vector": v} for key, v in VECTORS.items()],
        distance_metric="cosine_distance",
    )

    result = ns.query(
        rank_by=("id", "asc"), top_k=3, include_attributes=["vector"], vector_encoding="base64"
    )

    rows = result.rows or []
    assert all(isinstance(row.vector, str) for row in rows)
    assert [decode_vector(row.vector or "") for row in rows] == [
        float32(v) for v in VECTORS.values()
    ]


def test_schema_declared_vector_attribute_is_encoded(
    tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    ns = tpuf.namespace("docs")

    ns.write(
        upsert_rows=[{"id": 1, "image": [0.5, 0.25], "scores": [0.5, 0.25]}],
        schema={"image": {"type": "[2]f32"}},
    )

    sent = fake_turbopuffer.requests[-1].body["upsert_rows"][0]
    assert sent["image"] == packed([0.5, 0.25])
    assert sent["scores"] == [0.5, 0.25]
    assert fake_turbopuffer.documents("docs")[0]["image"] == [0.5, 0.25]
