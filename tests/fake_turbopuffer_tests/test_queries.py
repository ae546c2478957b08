"""Queries: ranking, filters, limits, projection, aggregation, multi-query and explain."""

from __future__ import annotations

import base64
import struct
from typing import Any

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer

from .helpers import query, row_ids, write

DOCUMENTS: list[dict[str, Any]] = [
    {
        "id": 1,
        "color": "red",
        "size": 3,
        "tags": ["a", "b"],
        "title": "The quick brown fox",
        "price": 9.5,
    },
    {"id": 2, "color": "blue", "size": 5, "tags": ["b", "c"], "title": "A lazy dog"},
    {"id": 3, "color": "Red", "size": 7, "tags": [], "title": "quick dog jumps over the dog"},
]


@pytest.fixture
def catalog(client: httpx.Client) -> str:
    write(client, "catalog", upsert_rows=DOCUMENTS)
    return "catalog"


@pytest.fixture
def vectors(client: httpx.Client) -> str:
    rows = [
        {"id": 1, "vector": [1.0, 0.0], "group": "x"},
        {"id": 2, "vector": [0.0, 1.0], "group": "y"},
        {"id": 3, "vector": [0.7, 0.7], "group": "x"},
        {"id": 4, "group": "y"},
    ]
    write(client, "vectors", upsert_rows=rows, distance_metric="cosine_distance")
    return "vectors"


def test_query_without_rank_by_orders_by_id(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, top_k=10)

    assert row_ids(result) == [1, 2, 3]
    assert result["rows"][0] == {"id": 1}


def test_query_reports_performance_and_billing(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, top_k=1)

    assert result["performance"]["approx_namespace_size"] == 3
    assert result["performance"]["cache_temperature"] == "hot"
    assert result["billing"]["billable_logical_bytes_queried"] > 0
    assert result["billing"]["billable_logical_bytes_returned"] > 0


def test_ann_ranks_by_cosine_distance(client: httpx.Client, vectors: str) -> None:
    result = query(client, vectors, rank_by=["vector", "ANN", [1.0, 0.1]], top_k=10)

    assert row_ids(result) == [1, 3, 2]
    distances = [row["$dist"] for row in result["rows"]]
    assert distances[0] == pytest.approx(1 - 1 / (1.01**0.5))
    assert distances == sorted(distances)


def test_knn_ranks_by_euclidean_squared(client: httpx.Client) -> None:
    rows = [{"id": 1, "vector": [0.0, 0.0]}, {"id": 2, "vector": [3.0, 4.0]}]
    write(client, "euclid", upsert_rows=rows, distance_metric="euclidean_squared")

    result = query(client, "euclid", rank_by=["vector", "kNN", [3.0, 3.0]], top_k=2)

    assert row_ids(result) == [2, 1]
    assert [row["$dist"] for row in result["rows"]] == [1.0, 18.0]


def test_query_distance_metric_overrides_namespace(client: httpx.Client, vectors: str) -> None:
    result = query(
        client,
        vectors,
        rank_by=["vector", "ANN", [2.0, 0.0]],
        distance_metric="euclidean_squared",
        top_k=1,
    )

    assert result["rows"][0]["$dist"] == pytest.approx(1.0)


def test_vector_dimension_mismatch_is_rejected(client: httpx.Client, vectors: str) -> None:
    response = client.post(
        f"/v2/namespaces/{vectors}/query", json={"rank_by": ["vector", "ANN", [1.0, 0.0, 0.0]]}
    )

    assert response.status_code == 400
    assert "dimensions" in response.json()["error"]


def test_vector_encoding_base64_returns_float32(client: httpx.Client, vectors: str) -> None:
    result = query(
        client,
        vectors,
        rank_by=["vector", "ANN", [1.0, 0.0]],
        top_k=1,
        include_attributes=["vector"],
        vector_encoding="base64",
    )

    encoded = result["rows"][0]["vector"]
    assert struct.unpack("<2f", base64.b64decode(encoded)) == (1.0, 0.0)


def test_vectors_are_floats_by_default(client: httpx.Client, vectors: str) -> None:
    result = query(client, vectors, top_k=1, include_attributes=["vector"])

    assert result["rows"][0]["vector"] == [1.0, 0.0]


def test_rank_by_attribute_descending(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, rank_by=["size", "desc"], top_k=10)

    assert row_ids(result) == [3, 2, 1]
    assert "$dist" not in result["rows"][0]


def test_rank_by_attributes_breaks_ties(client: httpx.Client) -> None:
    rows = [{"id": 1, "a": 1, "b": 1}, {"id": 2, "a": 1, "b": 2}, {"id": 3, "a": 0, "b": 0}]
    write(client, "ns", upsert_rows=rows)

    result = query(client, "ns", rank_by=[["a", "desc"], ["b", "desc"]], top_k=10)

    assert row_ids(result) == [2, 1, 3]


def test_rank_by_attribute_puts_missing_last(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, rank_by=["price", "asc"], top_k=10)

    assert row_ids(result) == [1, 2, 3]


def test_bm25_ranks_by_relevance(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, rank_by=["title", "BM25", "quick dog"], top_k=10)

    # Document 3 has both terms. Documents 1 and 2 each have one equally rare
    # term, and the shorter title of document 2 scores higher.
    assert row_ids(result) == [3, 2, 1]
    scores = [row["$dist"] for row in result["rows"]]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


def test_bm25_skips_documents_without_matches(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, rank_by=["title", "BM25", "fox"], top_k=10)

    assert row_ids(result) == [1]


def test_bm25_last_token_as_prefix(client: httpx.Client, catalog: str) -> None:
    result = query(
        client, catalog, rank_by=["title", "BM25", "la", {"last_as_prefix": True}], top_k=10
    )

    assert row_ids(result) == [2]


def test_sum_of_bm25_adds_scores(client: httpx.Client, catalog: str) -> None:
    single = query(client, catalog, rank_by=["title", "BM25", "lazy"], top_k=10)

    result = query(
        client,
        catalog,
        rank_by=["Sum", [["title", "BM25", "lazy"], ["color", "BM25", "blue"]]],
        top_k=10,
    )

    assert row_ids(result) == [2]
    assert result["rows"][0]["$dist"] > single["rows"][0]["$dist"]


def test_product_scales_score(client: httpx.Client, catalog: str) -> None:
    single = query(client, catalog, rank_by=["title", "BM25", "lazy"], top_k=1)

    doubled = query(client, catalog, rank_by=["Product", 2, ["title", "BM25", "lazy"]], top_k=1)

    assert doubled["rows"][0]["$dist"] == pytest.approx(2 * single["rows"][0]["$dist"])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["color", "Eq", "red"], [1]),
        (["color", "NotEq", "red"], [2, 3]),
        (["price", "Eq", None], [2, 3]),
        (["price", "NotEq", None], [1]),
        (["size", "In", [3, 7]], [1, 3]),
        (["size", "NotIn", [3, 7]], [2]),
        (["size", "Lt", 5], [1]),
        (["size", "Lte", 5], [1, 2]),
        (["size", "Gt", 5], [3]),
        (["size", "Gte", 5], [2, 3]),
        # Uppercase letters sort before lowercase ones, so "Red" < "c".
        (["color", "Lt", "c"], [2, 3]),
        (["color", "Glob", "r*"], [1]),
        (["color", "NotGlob", "r*"], [2, 3]),
        (["color", "IGlob", "r*"], [1, 3]),
        (["color", "NotIGlob", "R*"], [2]),
        (["color", "Glob", "{red,blue}"], [1, 2]),
        (["color", "Glob", "[br]*"], [1, 2]),
        (["tags", "Contains", "b"], [1, 2]),
        (["tags", "NotContains", "b"], [3]),
        (["tags", "ContainsAny", ["a", "c"]], [1, 2]),
        (["tags", "NotContainsAny", ["a", "c"]], [3]),
        (["tags", "AnyGt", "b"], [2]),
        (["title", "ContainsAllTokens", "quick dog"], [3]),
        (["title", "ContainsAllTokens", ["fox", "quick"]], [1]),
        (["title", "ContainsAnyToken", "fox lazy"], [1, 2]),
        (["title", "ContainsTokenSequence", "lazy dog"], [2]),
        (["title", "Regex", "^quick"], [3]),
        (["And", [["size", "Gte", 3], ["color", "Eq", "blue"]]], [2]),
        (["Or", [["color", "Eq", "red"], ["size", "Eq", 7]]], [1, 3]),
        (["Not", ["color", "Eq", "red"]], [2, 3]),
        (["id", "In", [2, 3]], [2, 3]),
    ],
)
def test_filter_selects_documents(
    client: httpx.Client, catalog: str, filters: list[Any], expected: list[int]
) -> None:
    result = query(client, catalog, filters=filters, top_k=10)

    assert row_ids(result) == expected


def test_unknown_filter_operator_is_rejected(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client, catalog: str
) -> None:
    response = client.post(
        f"/v2/namespaces/{catalog}/query", json={"filters": ["color", "Like", "r%"]}
    )

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert len(errors) == 1
    assert "request body at /filters" in errors[0]


def test_unsupported_filter_operator_is_400(client: httpx.Client, catalog: str) -> None:
    fuzzy = [
        "color",
        "Fuzzy",
        "rde",
        {"max_edit_distance": [{"min_query_chars": 3, "distance": 1}]},
    ]

    response = client.post(f"/v2/namespaces/{catalog}/query", json={"filters": fuzzy})

    assert response.status_code == 400
    assert "Fuzzy" in response.json()["error"]


def test_limit_total_caps_rows(client: httpx.Client, catalog: str) -> None:
    assert row_ids(query(client, catalog, limit=2)) == [1, 2]
    assert row_ids(query(client, catalog, limit={"total": 1})) == [1]


def test_limit_per_caps_rows_per_key(client: httpx.Client, vectors: str) -> None:
    result = query(
        client,
        vectors,
        rank_by=["id", "asc"],
        limit={"total": 10, "per": {"attributes": ["group"], "limit": 1}},
    )

    assert row_ids(result) == [1, 2]


def test_offset_skips_rows(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, rank_by=["id", "asc"], top_k=1, offset=1)

    assert row_ids(result) == [2]


def test_top_k_and_limit_together_are_rejected(client: httpx.Client, catalog: str) -> None:
    response = client.post(f"/v2/namespaces/{catalog}/query", json={"top_k": 1, "limit": 1})

    assert response.status_code == 400


def test_include_attributes_true_returns_all(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, filters=["id", "Eq", 2], include_attributes=True)

    assert result["rows"] == [DOCUMENTS[1]]


def test_include_attributes_list_returns_listed(client: httpx.Client, catalog: str) -> None:
    result = query(
        client, catalog, filters=["id", "Eq", 1], include_attributes=["color", "missing"]
    )

    assert result["rows"] == [{"id": 1, "color": "red"}]


def test_exclude_attributes_returns_the_rest(client: httpx.Client, catalog: str) -> None:
    result = query(client, catalog, filters=["id", "Eq", 2], exclude_attributes=["title", "tags"])

    assert result["rows"] == [{"id": 2, "color": "blue", "size": 5}]


def test_aggregate_count_and_sum(client: httpx.Client, catalog: str) -> None:
    result = query(
        client,
        catalog,
        aggregate_by={"count": ["Count"], "total_size": ["Sum", "size"]},
        filters=["size", "Gte", 5],
    )

    assert result["aggregations"] == {"count": 2, "total_size": 12}
    assert "rows" not in result


def test_group_by_aggregates_per_group(client: httpx.Client, vectors: str) -> None:
    result = query(client, vectors, aggregate_by={"count": ["Count"]}, group_by=["group"], top_k=10)

    assert result["aggregation_groups"] == [
        {"group": "x", "count": 2},
        {"group": "y", "count": 2},
    ]


def test_group_by_without_aggregate_is_rejected(client: httpx.Client, catalog: str) -> None:
    response = client.post(f"/v2/namespaces/{catalog}/query", json={"group_by": ["color"]})

    assert response.status_code == 400


def test_multi_query_returns_one_result_per_query(client: httpx.Client, catalog: str) -> None:
    response = client.post(
        f"/v2/namespaces/{catalog}/query?stainless_overload=multiQuery",
        json={
            "queries": [
                {"rank_by": ["size", "desc"], "top_k": 1},
                {"aggregate_by": {"count": ["Count"]}},
            ]
        },
    )

    body = response.json()
    assert response.status_code == 200
    assert [row["id"] for row in body["results"][0]["rows"]] == [3]
    assert body["results"][1]["aggregations"] == {"count": 3}
    assert body["performance"]["approx_namespace_size"] == 3


def test_multi_query_rerank_is_not_supported(client: httpx.Client, catalog: str) -> None:
    response = client.post(
        f"/v2/namespaces/{catalog}/query?stainless_overload=multiQuery",
        json={"queries": [{"top_k": 1}], "rerank_by": ["RRF"]},
    )

    assert response.status_code == 400
    assert "rerank_by" in response.json()["error"]


def test_multi_query_without_queries_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client, catalog: str
) -> None:
    response = client.post(
        f"/v2/namespaces/{catalog}/query?stainless_overload=multiQuery", json={"top_k": 1}
    )

    assert response.status_code == 400
    assert "'queries' is a required property" in fake_turbopuffer.take_validation_errors()[0]


def test_explain_query_returns_plan(client: httpx.Client, catalog: str) -> None:
    response = client.post(
        f"/v2/namespaces/{catalog}/explain_query",
        json={"rank_by": ["title", "BM25", "dog"], "filters": ["size", "Gt", 1], "top_k": 3},
    )

    plan = response.json()["plan_text"]
    assert "scan namespace 'catalog'" in plan
    assert "filter" in plan
    assert "BM25" in plan
    assert "limit 3" in plan


def test_explain_query_reports_query_errors(client: httpx.Client, catalog: str) -> None:
    response = client.post(f"/v2/namespaces/{catalog}/explain_query", json={"top_k": 1, "limit": 1})

    assert response.status_code == 400
