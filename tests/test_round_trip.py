"""Hand-written responses for every response type of the turbopuffer client parse into the
right classes, union variants included, and dump back to the same JSON."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest
from turbopuffer_client import types

PERFORMANCE = {
    "cache_hit_ratio": 0.5,
    "cache_temperature": "warm",
    "server_total_ms": 12,
    "query_execution_ms": 10,
    "exhaustive_search_count": 0,
    "approx_namespace_size": 3,
}
BILLING = {"billable_logical_bytes_queried": 100, "billable_logical_bytes_returned": 20}
WRITE_RESULT = {
    "status": "OK",
    "message": "written",
    "rows_affected": 2,
    "rows_upserted": 2,
    "upserted_ids": [1, "two"],
    "billing": {"billable_logical_bytes_written": 64},
    "performance": {"server_total_ms": 3},
}
ROWS = [
    {"id": 1, "vector": [0.25, 0.5], "$dist": 0.1, "title": "a"},
    {"id": "6c2f0d4e-8f9a-4c8e-9d5e-1f2a3b4c5d6e", "vector": "AACAPgAAAD8=", "tags": ["x"]},
]
TIME = "2026-11-30T12:00:00Z"

CASES: list[tuple[str, Any, dict[str, Any] | list[Any]]] = [
    (
        "NamespacesResponse",
        types.NamespacesResponse,
        {"namespaces": [{"id": "a"}], "next_cursor": "a"},
    ),
    ("WriteResult", types.WriteResult, WRITE_RESULT),
    ("DeleteAllResponse", types.DeleteAllResponse, {"status": "OK"}),
    (
        "HintCacheWarmResponse",
        types.HintCacheWarmResponse,
        {"status": "ACCEPTED", "message": "warming"},
    ),
    ("StartCopyFromResponse", types.StartCopyFromResponse, {"token": "op-1"}),
    ("ExplainQueryResponse", types.ExplainQueryResponse, {"plan_text": "scan"}),
    (
        "RecallResponse",
        types.RecallResponse,
        {
            "avg_recall": 0.9,
            "avg_exhaustive_count": 10.0,
            "avg_ann_count": 8.0,
            "ground_truth": [{"query_vector": [0.5, 0.25], "nearest_neighbors": ROWS}],
        },
    ),
    (
        "QueryResult",
        types.QueryResult,
        {
            "rows": ROWS,
            "aggregations": {"count": 2},
            "aggregation_groups": [{"category": "x", "count": 1}],
            "performance": PERFORMANCE,
            "billing": BILLING,
        },
    ),
    (
        "MultiQueryResult",
        types.MultiQueryResult,
        {
            "results": [{"rows": ROWS}, {"aggregations": {}}],
            "performance": PERFORMANCE,
            "billing": BILLING,
        },
    ),
]

SCHEMA = {
    "id": {"type": "uint", "filterable": True},
    "title": {
        "type": "string",
        "full_text_search": {"k1": 1.2, "language": "english", "tokenizer": "word_v4"},
        "embed": {"model": "m", "dims": 8},
    },
    "body": {"type": "string", "full_text_search": True, "embed": "m"},
    "vector": {"type": "[2]f32", "ann": {"distance_metric": "cosine_distance"}},
    "sparse": {"type": "{}f16", "sparse_knn": {"distance_metric": "dot_product"}},
}
METADATA_VARIANTS = [
    (
        {"mode": "default"},
        {"status": "up-to-date"},
        types.EncryptionDefault,
        types.NamespaceMetadataIndexUpToDate,
    ),
    (
        {"mode": "customer-managed", "key_name": "projects/p/keys/k"},
        {"status": "updating", "unindexed_bytes": 10, "unindexed_rows": 1},
        types.EncryptionCustomerManaged,
        types.NamespaceMetadataIndexUpdating,
    ),
]
OPERATIONS = [
    (
        {"status": "running", "start_time": TIME, "progress": "10%"},
        types.CopyFromNamespaceOperationRunning,
        None,
    ),
    (
        {
            "status": "finished",
            "start_time": TIME,
            "finish_time": TIME,
            "result": {"success": WRITE_RESULT},
        },
        types.CopyFromNamespaceOperationFinished,
        types.CopyFromNamespaceOperationResultSuccess,
    ),
    (
        {
            "status": "finished",
            "start_time": TIME,
            "finish_time": TIME,
            "result": {
                "error": {"status_code": 404, "detail": {"status": "error", "error": "missing"}}
            },
        },
        types.CopyFromNamespaceOperationFinished,
        types.CopyFromNamespaceOperationResultError,
    ),
]


def dump(value: Any) -> Any:
    return pydantic.TypeAdapter(type(value)).dump_python(
        value, mode="json", by_alias=True, exclude_unset=True
    )


@pytest.mark.parametrize(("name", "model", "payload"), CASES, ids=[case[0] for case in CASES])
def test_response_round_trips(name: str, model: type[types.Model], payload: dict[str, Any]) -> None:
    parsed = model.model_validate(payload)

    assert isinstance(parsed, model)
    assert parsed.to_dict() == payload


def test_query_rows_keep_extra_attributes() -> None:
    result = types.QueryResult.model_validate(CASES[7][2])

    rows = result.rows or []
    assert rows[0]["$dist"] == 0.1
    assert rows[0]["title"] == "a"
    assert rows[1]["tags"] == ["x"]
    assert rows[1].vector == "AACAPgAAAD8="


def test_schema_response_parses_every_attribute_config() -> None:
    adapter = pydantic.TypeAdapter(dict[str, types.AttributeSchemaConfig])

    parsed = adapter.validate_python(SCHEMA)

    assert isinstance(parsed["title"].full_text_search, types.FullTextSearchConfig)
    assert parsed["body"].full_text_search is True
    assert isinstance(parsed["title"].embed, types.AttributeEmbedConfig)
    assert parsed["body"].embed == "m"
    assert isinstance(parsed["vector"].ann, types.AnnConfig)
    assert adapter.dump_python(parsed, mode="json", by_alias=True, exclude_unset=True) == SCHEMA


@pytest.mark.parametrize(
    ("encryption", "index", "encryption_class", "index_class"), METADATA_VARIANTS
)
def test_metadata_picks_union_variants(
    encryption: dict[str, Any], index: dict[str, Any], encryption_class: type, index_class: type
) -> None:
    payload = {
        "schema": {"id": {"type": "uint"}},
        "approx_row_count": 1,
        "approx_logical_bytes": 10,
        "created_at": TIME,
        "updated_at": TIME,
        "encryption": encryption,
        "index": index,
        "pinning": {
            "replicas": 2,
            "status": {"updated_at": TIME, "ready_replicas": 1, "replicas": 2, "utilization": 0.5},
        },
        "sharding": {"num_shards": 4},
    }

    parsed = types.NamespaceMetadata.model_validate(payload)

    assert isinstance(parsed.encryption, encryption_class)
    assert isinstance(parsed.index, index_class)
    assert parsed.to_dict() == payload


@pytest.mark.parametrize(("payload", "operation_class", "result_class"), OPERATIONS)
def test_copy_operation_picks_variant(
    payload: dict[str, Any], operation_class: type, result_class: type | None
) -> None:
    parsed = pydantic.TypeAdapter(types.CopyFromNamespaceOperation).validate_python(payload)

    assert isinstance(parsed, operation_class)
    if result_class is not None:
        assert isinstance(parsed.result, result_class)  # type: ignore[union-attr]
    assert dump(parsed) == payload


def test_discriminator_error_names_field_and_value() -> None:
    adapter = pydantic.TypeAdapter(types.Encryption)

    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python({"mode": "rot13"})

    message = str(caught.value)
    assert "'mode'" in message
    assert "rot13" in message
