"""Writes: upserts, patches, deletes, filtered and conditional writes, and their results."""

from __future__ import annotations

import base64
import gzip
import json
import struct

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer

from .helpers import write


def _base64_floats(*values: float) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode()


def test_upsert_rows_stores_documents(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    result = write(client, "ns", upsert_rows=[{"id": 2, "a": "x"}, {"id": 1, "b": [1, 2]}])

    assert result["status"] == "OK"
    assert result["rows_affected"] == 2
    assert result["rows_upserted"] == 2
    assert result["billing"]["billable_logical_bytes_written"] > 0
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "b": [1, 2]}, {"id": 2, "a": "x"}]


def test_upsert_same_id_replaces_document(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "a": "old", "b": 1}])

    write(client, "ns", upsert_rows=[{"id": 1, "a": "new"}])
    write(client, "ns", upsert_rows=[{"id": 1, "a": "new"}])

    assert fake_turbopuffer.documents("ns") == [{"id": 1, "a": "new"}]
    assert fake_turbopuffer.write_count("ns") == 3


def test_upsert_drops_null_attributes(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "a": None, "b": 2}])

    assert fake_turbopuffer.documents("ns") == [{"id": 1, "b": 2}]


def test_upsert_columns_stores_documents(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    result = write(
        client,
        "ns",
        upsert_columns={"id": [1, 2], "vector": [[1, 0], [0, 1]], "name": ["a", None]},
    )

    assert result["rows_upserted"] == 2
    assert fake_turbopuffer.documents("ns") == [
        {"id": 1, "vector": [1.0, 0.0], "name": "a"},
        {"id": 2, "vector": [0.0, 1.0]},
    ]


def test_upsert_columns_rejects_short_column(client: httpx.Client) -> None:
    response = client.post("/v2/namespaces/ns", json={"upsert_columns": {"id": [1, 2], "a": [1]}})

    assert response.status_code == 400
    assert "upsert_columns.a" in response.json()["error"]


def test_base64_vectors_are_decoded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "vector": _base64_floats(1.5, -2.0)}])

    assert fake_turbopuffer.documents("ns") == [{"id": 1, "vector": [1.5, -2.0]}]


def test_base64_vector_column_is_split_per_id(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_columns={"id": [1, 2], "vector": _base64_floats(1, 2, 3, 4)})

    documents = fake_turbopuffer.documents("ns")
    assert [document["vector"] for document in documents] == [[1.0, 2.0], [3.0, 4.0]]


def test_base64_vectors_in_column_list_are_decoded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(
        client,
        "ns",
        upsert_columns={"id": [1, 2], "vector": [_base64_floats(1, 2), _base64_floats(3, 4)]},
    )

    documents = fake_turbopuffer.documents("ns")
    assert [document["vector"] for document in documents] == [[1.0, 2.0], [3.0, 4.0]]


def test_invalid_base64_vector_is_rejected(client: httpx.Client) -> None:
    response = client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1, "vector": "%%%"}]})

    assert response.status_code == 400
    assert "base64" in response.json()["error"]


def test_patch_rows_merges_attributes(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "a": 1, "b": 2}])

    result = write(client, "ns", patch_rows=[{"id": 1, "b": 3, "c": 4}, {"id": 99, "b": 5}])

    assert result["rows_patched"] == 1
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "a": 1, "b": 3, "c": 4}]


def test_patch_with_null_removes_attribute(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "a": 1, "b": 2}])

    write(client, "ns", patch_rows=[{"id": 1, "a": None}])

    assert fake_turbopuffer.documents("ns") == [{"id": 1, "b": 2}]


def test_patch_columns_merges_attributes(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}, {"id": 2}])

    write(client, "ns", patch_columns={"id": [1, 2], "tag": ["x", "y"]})

    assert fake_turbopuffer.documents("ns") == [{"id": 1, "tag": "x"}, {"id": 2, "tag": "y"}]


def test_deletes_remove_documents(fake_turbopuffer: FakeTurbopuffer, client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}, {"id": 2}, {"id": "three"}])

    result = write(client, "ns", deletes=[1, "three", 404])

    assert result["rows_deleted"] == 2
    assert result["rows_affected"] == 2
    assert fake_turbopuffer.documents("ns") == [{"id": 2}]


def test_delete_by_filter_removes_matches(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "n": 1}, {"id": 2, "n": 5}, {"id": 3, "n": 9}])

    result = write(
        client, "ns", delete_by_filter=["n", "Gte", 5], delete_by_filter_allow_partial=True
    )

    assert result["rows_deleted"] == 2
    assert result["rows_remaining"] is False
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "n": 1}]


def test_patch_by_filter_patches_matches(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "n": 1}, {"id": 2, "n": 5}])

    result = write(
        client, "ns", patch_by_filter={"filters": ["n", "Eq", 5], "patch": {"seen": True}}
    )

    assert result["rows_patched"] == 1
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "n": 1}, {"id": 2, "n": 5, "seen": True}]


def test_upsert_condition_compares_with_new_document(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "version": 2}, {"id": 2, "version": 2}])

    result = write(
        client,
        "ns",
        upsert_rows=[{"id": 1, "version": 3}, {"id": 2, "version": 1}, {"id": 3, "version": 1}],
        upsert_condition=["version", "Lt", {"$ref_new": "version"}],
    )

    assert result["rows_upserted"] == 2
    assert fake_turbopuffer.documents("ns") == [
        {"id": 1, "version": 3},
        {"id": 2, "version": 2},
        {"id": 3, "version": 1},
    ]


def test_patch_condition_skips_failing_documents(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "locked": True}, {"id": 2, "locked": False}])

    write(
        client,
        "ns",
        patch_rows=[{"id": 1, "x": 1}, {"id": 2, "x": 1}],
        patch_condition=["locked", "Eq", False],
    )

    assert fake_turbopuffer.documents("ns") == [
        {"id": 1, "locked": True},
        {"id": 2, "locked": False, "x": 1},
    ]


def test_delete_condition_skips_failing_documents(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "keep": True}, {"id": 2, "keep": False}])

    result = write(client, "ns", deletes=[1, 2], delete_condition=["keep", "Eq", False])

    assert result["rows_deleted"] == 1
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "keep": True}]


def test_return_affected_ids_lists_ids(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}, {"id": 2}])

    result = write(
        client,
        "ns",
        upsert_rows=[{"id": 3}],
        patch_rows=[{"id": 1, "a": 1}],
        deletes=[2],
        return_affected_ids=True,
    )

    assert result["upserted_ids"] == [3]
    assert result["patched_ids"] == [1]
    assert result["deleted_ids"] == [2]
    assert result["rows_affected"] == 3


def test_affected_ids_are_omitted_by_default(client: httpx.Client) -> None:
    result = write(client, "ns", upsert_rows=[{"id": 1}])

    assert "upserted_ids" not in result


def test_create_namespace_creates_empty_namespace(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "empty", create_namespace=True, schema={"id": "uuid"})

    assert fake_turbopuffer.namespace_names() == ["empty"]
    assert client.get("/v1/namespaces/empty/schema").json() == {"id": {"type": "uuid"}}


def test_create_namespace_false_requires_existing(client: httpx.Client) -> None:
    response = client.post(
        "/v2/namespaces/absent", json={"upsert_rows": [{"id": 1}], "create_namespace": False}
    )

    assert response.status_code == 404


def test_write_without_documents_does_not_create(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post("/v2/namespaces/absent", json={"deletes": [1]})

    assert response.status_code == 404
    assert fake_turbopuffer.namespace_names() == []


def test_failed_write_changes_nothing(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "a": 1}])

    # The Fuzzy operator is valid under the spec but the fake cannot evaluate it,
    # so the write fails after its upsert part has run.
    response = client.post(
        "/v2/namespaces/ns",
        json={
            "upsert_rows": [{"id": 2}],
            "deletes": [1],
            "delete_condition": [
                "a",
                "Fuzzy",
                "x",
                {"max_edit_distance": [{"min_query_chars": 3, "distance": 0}]},
            ],
        },
    )

    assert response.status_code == 400
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "a": 1}]
    assert fake_turbopuffer.write_count("ns") == 1


def test_failed_first_write_leaves_no_namespace(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post("/v2/namespaces/new", json={"upsert_columns": {"id": [1, 2], "a": [1]}})

    assert response.status_code == 400
    assert fake_turbopuffer.namespace_names() == []


def test_write_count_counts_requests(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    for index in range(3):
        write(client, "ns", upsert_rows=[{"id": index}])

    assert fake_turbopuffer.write_count("ns") == 3
    assert fake_turbopuffer.write_count("other") == 0


def test_distance_metric_is_stored(client: httpx.Client) -> None:
    write(
        client,
        "ns",
        upsert_rows=[{"id": 1, "vector": [1.0, 0.0]}],
        distance_metric="euclidean_squared",
    )

    schema = client.get("/v1/namespaces/ns/schema").json()

    assert schema["vector"]["ann"] == {"distance_metric": "euclidean_squared"}


def test_gzip_request_body_is_decoded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    payload = gzip.compress(json.dumps({"upsert_rows": [{"id": 7}]}).encode())

    response = client.post(
        "/v2/namespaces/ns",
        content=payload,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )

    assert response.status_code == 200
    assert fake_turbopuffer.documents("ns") == [{"id": 7}]


@pytest.mark.parametrize(
    "body",
    [
        {"upsert_rows": "nope"},
        {"upsert_rows": [{"name": "missing id"}]},
        {"deletes": [1.5]},
        {"distance_metric": "manhattan"},
        {"delete_by_filter": ["a", "Similar", 1]},
        {"patch_by_filter": {"patch": {}, "filters": ["a", "Nope", 1]}},
    ],
)
def test_invalid_write_is_rejected_and_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client, body: dict[str, object]
) -> None:
    response = client.post("/v2/namespaces/ns", json=body)

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert len(errors) >= 1
    assert all(
        error.startswith("POST /v2/namespaces/{namespace}: request body") for error in errors
    )
    assert fake_turbopuffer.namespace_names() == []
