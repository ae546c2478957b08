"""Namespace listing, deletion, schema, metadata, cache warming and recall."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer.pytest_plugin import FakeTurbopufferFactory

from .helpers import write


def _create(client: httpx.Client, *names: str) -> None:
    for name in names:
        write(client, name, upsert_rows=[{"id": 1}])


def test_list_sorts_namespaces_by_id(client: httpx.Client) -> None:
    _create(client, "b", "c", "a")

    body = client.get("/v1/namespaces").json()

    assert body == {"namespaces": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}


def test_list_filters_by_prefix(client: httpx.Client) -> None:
    _create(client, "app-1", "app-2", "other")

    body = client.get("/v1/namespaces", params={"prefix": "app-"}).json()

    assert [item["id"] for item in body["namespaces"]] == ["app-1", "app-2"]


def test_list_pages_with_cursor(client: httpx.Client) -> None:
    _create(client, "n1", "n2", "n3", "n4", "n5")

    pages = []
    params: dict[str, str | int] = {"page_size": 2}
    for _ in range(5):
        body = client.get("/v1/namespaces", params=params).json()
        pages.append([item["id"] for item in body["namespaces"]])
        if "next_cursor" not in body:
            break
        params = {"page_size": 2, "cursor": body["next_cursor"]}

    assert pages == [["n1", "n2"], ["n3", "n4"], ["n5"]]


def test_list_omits_cursor_on_exact_last_page(client: httpx.Client) -> None:
    _create(client, "n1", "n2")

    body = client.get("/v1/namespaces", params={"page_size": 2}).json()

    assert len(body["namespaces"]) == 2
    assert "next_cursor" not in body


def test_list_uses_default_page_size(fake_turbopuffer_factory: FakeTurbopufferFactory) -> None:
    server = fake_turbopuffer_factory(default_page_size=1)
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": "Bearer test-key"}
    ) as http_client:
        _create(http_client, "a", "b")

        body = http_client.get("/v1/namespaces").json()

    assert body["namespaces"] == [{"id": "a"}]
    assert body["next_cursor"] == "a"


def test_list_rejects_page_size_above_maximum(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.get("/v1/namespaces", params={"page_size": 1001})

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert "query parameter 'page_size'" in errors[0]
    assert "1001" in errors[0]


def test_delete_removes_namespace(client: httpx.Client) -> None:
    _create(client, "gone")

    response = client.delete("/v2/namespaces/gone")

    assert response.json() == {"status": "OK"}
    assert client.get("/v1/namespaces").json()["namespaces"] == []


def test_delete_missing_namespace_is_404(client: httpx.Client) -> None:
    response = client.delete("/v2/namespaces/missing")

    assert response.status_code == 404
    assert response.json() == {"status": "error", "error": "namespace 'missing' not found"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/namespaces/missing/schema"),
        ("GET", "/v2/namespaces/missing/metadata"),
        ("GET", "/v1/namespaces/missing/hint_cache_warm"),
        ("POST", "/v2/namespaces/missing/query"),
        ("POST", "/v2/namespaces/missing/explain_query"),
        ("POST", "/v1/namespaces/missing/_debug/recall"),
    ],
)
def test_reads_of_missing_namespace_are_404(client: httpx.Client, method: str, path: str) -> None:
    response = client.request(method, path, json={} if method == "POST" else None)

    assert response.status_code == 404
    assert response.json()["status"] == "error"


def test_schema_is_inferred_from_documents(client: httpx.Client) -> None:
    write(
        client,
        "ns",
        upsert_rows=[
            {
                "id": 1,
                "vector": [0.1, 0.2, 0.3],
                "title": "a",
                "count": 3,
                "score": 0.5,
                "done": True,
                "tags": ["x"],
                "ratings": [1, 2],
            }
        ],
        distance_metric="euclidean_squared",
    )

    schema = client.get("/v1/namespaces/ns/schema").json()

    assert schema == {
        "id": {"type": "uint"},
        "vector": {"type": "[3]f32", "ann": {"distance_metric": "euclidean_squared"}},
        "title": {"type": "string"},
        "count": {"type": "int"},
        "score": {"type": "float"},
        "done": {"type": "bool"},
        "tags": {"type": "[]string"},
        "ratings": {"type": "[]int"},
    }


def test_schema_reports_string_ids(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": "doc-1"}])

    assert client.get("/v1/namespaces/ns/schema").json() == {"id": {"type": "string"}}


def test_schema_merges_declared_options(client: httpx.Client) -> None:
    write(
        client,
        "ns",
        upsert_rows=[{"id": 1, "body": "text"}],
        schema={"body": {"type": "string", "full_text_search": True}, "created": "datetime"},
    )

    schema = client.get("/v1/namespaces/ns/schema").json()

    assert schema["body"] == {"type": "string", "full_text_search": True}
    assert schema["created"] == {"type": "datetime"}


def test_schema_update_returns_whole_schema(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "title": "a"}])

    response = client.post(
        "/v1/namespaces/ns/schema", json={"title": {"type": "string", "filterable": False}}
    )

    assert response.status_code == 200
    assert response.json() == {
        "id": {"type": "uint"},
        "title": {"type": "string", "filterable": False},
    }


def test_schema_drop_removes_attribute(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "title": "a", "keep": 1}])

    response = client.post("/v1/namespaces/ns/schema", json={"title": {"drop": True}})

    assert "title" not in response.json()
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "keep": 1}]


def test_metadata_reports_counts_and_times(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1, "a": "x"}, {"id": 2}])

    metadata = client.get("/v2/namespaces/ns/metadata").json()

    assert metadata["approx_row_count"] == 2
    assert metadata["approx_logical_bytes"] > 0
    assert metadata["encryption"] == {"mode": "default"}
    assert metadata["index"] == {"status": "up-to-date"}
    assert metadata["schema"]["a"] == {"type": "string"}
    created = datetime.fromisoformat(metadata["created_at"])
    updated = datetime.fromisoformat(metadata["updated_at"])
    assert created.tzinfo is not None
    assert updated >= created
    assert "pinning" not in metadata
    assert "read_only" not in metadata


def test_metadata_patch_enables_pinning(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])

    metadata = client.patch("/v1/namespaces/ns/metadata", json={"pinning": {"replicas": 3}}).json()

    assert metadata["pinning"]["replicas"] == 3
    assert metadata["pinning"]["status"]["replicas"] == 3
    assert metadata["pinning"]["status"]["ready_replicas"] == 3


def test_metadata_patch_true_pins_one_replica(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])

    metadata = client.patch("/v1/namespaces/ns/metadata", json={"pinning": True}).json()

    assert metadata["pinning"]["replicas"] == 1


def test_metadata_patch_null_removes_pinning(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])
    client.patch("/v1/namespaces/ns/metadata", json={"pinning": True})

    metadata = client.patch("/v1/namespaces/ns/metadata", json={"pinning": None}).json()
    persisted = client.get("/v2/namespaces/ns/metadata").json()

    assert "pinning" not in metadata
    assert "pinning" not in persisted


def test_metadata_patch_rejects_zero_replicas(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])

    response = client.patch("/v1/namespaces/ns/metadata", json={"pinning": {"replicas": 0}})

    assert response.status_code == 400
    assert len(fake_turbopuffer.take_validation_errors()) == 1


def test_read_only_namespace_rejects_writes(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])

    metadata = client.patch("/v1/namespaces/ns/metadata", json={"read_only": True}).json()
    write_response = client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 2}]})
    schema_response = client.post("/v1/namespaces/ns/schema", json={"a": "string"})

    assert metadata["read_only"] is True
    assert write_response.status_code == 403
    assert schema_response.status_code == 403


def test_read_only_can_be_lifted(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])
    client.patch("/v1/namespaces/ns/metadata", json={"read_only": True})

    client.patch("/v1/namespaces/ns/metadata", json={"read_only": False})

    assert write(client, "ns", upsert_rows=[{"id": 2}])["rows_upserted"] == 1


def test_hint_cache_warm_accepts(client: httpx.Client) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])

    response = client.get("/v1/namespaces/ns/hint_cache_warm")

    assert response.status_code == 202
    assert response.json() == {"status": "ACCEPTED"}
    assert "preference-applied" not in response.headers


def test_recall_reports_perfect_recall(client: httpx.Client) -> None:
    rows = [{"id": index, "vector": [float(index), 1.0]} for index in range(1, 6)]
    write(client, "ns", upsert_rows=rows, distance_metric="euclidean_squared")

    body = client.post("/v1/namespaces/ns/_debug/recall", json={"num": 3, "top_k": 2}).json()

    assert body["avg_recall"] == 1.0
    assert body["avg_exhaustive_count"] == 2
    assert body["avg_ann_count"] == 2
    assert "ground_truth" not in body


def test_recall_returns_ground_truth(client: httpx.Client) -> None:
    rows = [{"id": index, "vector": [float(index), 0.0]} for index in range(1, 4)]
    write(client, "ns", upsert_rows=rows, distance_metric="euclidean_squared")

    body = client.post(
        "/v1/namespaces/ns/_debug/recall",
        json={"rank_by": ["vector", "ANN", [2.9, 0.0]], "top_k": 2, "include_ground_truth": True},
    ).json()

    [truth] = body["ground_truth"]
    assert truth["query_vector"] == [2.9, 0.0]
    assert [row["id"] for row in truth["nearest_neighbors"]] == [3, 2]
    assert truth["nearest_neighbors"][0]["$dist"] == pytest.approx(0.01)
