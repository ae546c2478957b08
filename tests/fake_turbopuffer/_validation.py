"""Check requests and the fake's own responses against the spec.

Every check returns a list of messages, empty when the value is valid. Each
message names the operation and the JSON pointer of the offending value.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ._spec import OVERLOAD_PARAMETER, OpenApiSpec, Operation, collect_messages

WRITE_SCHEMA = "#/components/schemas/Write"

# The spec describes the bodies of these overloads as top-level copy or branch
# parameters, but the real API reads them nested in a write body, which is what
# clients send. Each entry names the schema the fake validates the body
# against and the key that must hold the nested parameters.
NESTED_WRITE_OVERLOADS: dict[str, tuple[str, str]] = {
    "branchFrom": (WRITE_SCHEMA, "branch_from_namespace"),
    "copyFrom": (WRITE_SCHEMA, "copy_from_namespace"),
    "startCopyFrom": (WRITE_SCHEMA, "copy_from_namespace"),
}

# copyFrom responds with 202 when the client sends `Prefer: respond-async`,
# which the spec does not list. That body has the shape of startCopyFrom's 202 body.
RESPONSE_SCHEMA_SOURCES: dict[tuple[str, int], str] = {("copyFrom", 202): "startCopyFrom"}

# The spec marks these request fields `x-stainless-any`, so the request schemas
# accept any value there, yet it describes their syntax in component schemas.
# Checking the fields against those components catches a client that sends,
# for example, a filter with an unknown operator.
FILTER_SCHEMA = "#/components/schemas/Filter"
RANK_BY_SCHEMA = "#/components/schemas/RankBy"
AGGREGATE_BY_SCHEMA = "#/components/schemas/AggregateBy"
GROUP_BY_SCHEMA = "#/components/schemas/GroupBy"
RERANK_BY_SCHEMA = "#/components/schemas/RerankBy"
_WRITE_FILTER_FIELDS = (
    "delete_by_filter",
    "upsert_condition",
    "patch_condition",
    "delete_condition",
)

_JSON_CONTENT_TYPE = "application/json"


def check_query_parameters(
    spec: OpenApiSpec, operation: Operation, query: Sequence[tuple[str, str]]
) -> list[str]:
    """Check that every query parameter is declared, appears once and fits its schema."""
    declared = spec.query_parameters(operation)
    messages: list[str] = []
    seen: set[str] = set()
    for name, raw_value in query:
        if name == OVERLOAD_PARAMETER:
            continue
        subject = f"{operation.label}: query parameter {name!r}"
        if name not in declared:
            messages.append(f"{subject} is not defined by the spec")
            continue
        if name in seen:
            messages.append(f"{subject} appears more than once")
            continue
        seen.add(name)

        schema_pointer = declared[name]
        value = _coerce_parameter(raw_value, spec.resolve(schema_pointer))
        messages.extend(collect_messages(spec.validator(schema_pointer), value, subject=subject))
    return messages


def check_request_body(
    spec: OpenApiSpec,
    operation: Operation,
    *,
    raw_body: bytes,
    body: Any,
    json_error: str | None,
    content_type: str | None,
    body_kind: str | None,
) -> list[str]:
    """Check the request body: presence, content type, JSON syntax, schema and nested keys."""
    label = operation.label
    override = NESTED_WRITE_OVERLOADS.get(operation.overload or "")
    pointer = override[0] if override else spec.request_body_pointer(operation)

    if not raw_body:
        if pointer is not None and spec.request_body_required(operation):
            return [f"{label}: the request body is required but missing"]
        return []
    if pointer is None:
        return [f"{label}: the spec defines no request body, but the request has one"]
    if not (content_type or "").lower().startswith(_JSON_CONTENT_TYPE):
        return [
            f"{label}: request Content-Type is {content_type!r}, expected {_JSON_CONTENT_TYPE!r}"
        ]
    if json_error is not None:
        return [f"{label}: the request body is not valid JSON: {json_error}"]

    subject = f"{label}: request body"
    messages = collect_messages(spec.validator(pointer), body, subject=subject)
    if override and isinstance(body, Mapping) and override[1] not in body:
        messages.append(
            f"{subject} must nest the parameters under {override[1]!r}, "
            f"as in {{{override[1]!r}: {{'source_namespace': ...}}}}, but got keys {sorted(body)}"
        )
    for path, value, schema in _typed_fields(body_kind, body):
        messages.extend(
            collect_messages(spec.validator(schema), value, subject=subject, path_prefix=path)
        )
    return messages


def check_response(spec: OpenApiSpec, operation: Operation, status: int, body: Any) -> list[str]:
    """Check a response body against the schema the spec gives for its status."""
    pointer = spec.response_pointer(operation, status)
    source_overload = RESPONSE_SCHEMA_SOURCES.get((operation.overload or "", status))
    if source_overload is not None:
        source = spec.find_operation(method=operation.method, overload=source_overload)
        pointer = spec.response_pointer(source, status) if source is not None else None

    if pointer is None:
        return [f"{operation.label}: the spec defines no JSON response for status {status}"]
    subject = f"{operation.label}: response {status} body"
    return collect_messages(spec.validator(pointer), body, subject=subject)


def _coerce_parameter(raw_value: str, schema: Mapping[str, Any]) -> Any:
    # Query values arrive as text. Converting them to the schema's type lets
    # the validator check numeric limits. A value that does not convert stays a string
    # and fails the type check with a clear message.
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(raw_value)
        if kind == "number":
            return float(raw_value)
    except ValueError:
        return raw_value
    if kind == "boolean" and raw_value in ("true", "false"):
        return raw_value == "true"
    return raw_value


def _typed_fields(body_kind: str | None, body: Any) -> Iterator[tuple[list[Any], Any, str]]:
    if not isinstance(body, Mapping):
        return
    if body_kind == "write":
        yield from _write_fields(body)
    elif body_kind in ("query", "recall"):
        yield from _query_fields(body, [])
    elif body_kind == "multi_query":
        if "rerank_by" in body:
            yield ["rerank_by"], body["rerank_by"], RERANK_BY_SCHEMA
        queries = body.get("queries")
        if isinstance(queries, list):
            for index, query in enumerate(queries):
                if isinstance(query, Mapping):
                    yield from _query_fields(query, ["queries", index])


def _write_fields(body: Mapping[str, Any]) -> Iterator[tuple[list[Any], Any, str]]:
    for name in _WRITE_FILTER_FIELDS:
        if name in body:
            yield [name], body[name], FILTER_SCHEMA
    patch_by_filter = body.get("patch_by_filter")
    if isinstance(patch_by_filter, Mapping) and "filters" in patch_by_filter:
        yield ["patch_by_filter", "filters"], patch_by_filter["filters"], FILTER_SCHEMA


def _query_fields(
    query: Mapping[str, Any], path: list[Any]
) -> Iterator[tuple[list[Any], Any, str]]:
    if "filters" in query:
        yield [*path, "filters"], query["filters"], FILTER_SCHEMA
    if "rank_by" in query:
        yield [*path, "rank_by"], query["rank_by"], RANK_BY_SCHEMA

    aggregate_by = query.get("aggregate_by")
    if isinstance(aggregate_by, Mapping):
        for label, aggregate in aggregate_by.items():
            yield [*path, "aggregate_by", label], aggregate, AGGREGATE_BY_SCHEMA
    group_by = query.get("group_by")
    if isinstance(group_by, list):
        for index, item in enumerate(group_by):
            yield [*path, "group_by", index], item, GROUP_BY_SCHEMA
