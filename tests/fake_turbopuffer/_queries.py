"""Run one query against a namespace and shape the rows, aggregations and statistics.

A query filters, then either aggregates (with `aggregate_by`) or ranks, skips
`offset` rows, applies the per-key and total limits, and projects the rows.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._attributes import vector_attributes
from ._errors import BadRequest
from ._filters import matches
from ._ranking import RankedDocument, rank_documents, value_sort_key
from ._store import Document, Namespace, json_size
from ._vectors import encode_base64_floats, is_number

# NOTE: the number of rows returned when a query sets neither top_k nor
# limit. The spec gives no default, so this value is a guess.
DEFAULT_ROW_LIMIT = 10


@dataclass(frozen=True)
class _Limits:
    total: int
    per_attributes: tuple[str, ...] = ()
    per_limit: int | None = None


def run_query(
    namespace: Namespace, query: Mapping[str, Any], *, vector_encoding: str
) -> dict[str, Any]:
    """Return the SingleQueryResult body for one query, without performance or billing."""
    if query.get("compute_attributes"):
        raise BadRequest("compute_attributes is not supported by the fake server")

    documents = namespace.sorted_documents()
    filters = query.get("filters")
    selected = [document for document in documents if filters is None or matches(filters, document)]

    if "aggregate_by" in query:
        return _aggregate(selected, query)
    if "group_by" in query:
        raise BadRequest("group_by requires aggregate_by")

    metric = query.get("distance_metric") or namespace.metric
    ranked = rank_documents(selected, query.get("rank_by"), all_documents=documents, metric=metric)
    ranked = _apply_limits(ranked, query)

    vectors = vector_attributes(namespace)
    include, exclude = _projection(query)
    rows = [
        _project(
            document,
            score,
            include=include,
            exclude=exclude,
            vectors=vectors,
            encoding=vector_encoding,
        )
        for document, score in ranked
    ]
    return {"rows": rows}


def explain_query(namespace: Namespace, query: Mapping[str, Any]) -> str:
    """Describe the steps `run_query` takes for the query, one per line."""
    steps = [
        f"scan namespace {namespace.name!r} ({len(namespace.documents)} documents, exhaustive)"
    ]
    if "filters" in query:
        steps.append(f"filter {json.dumps(query['filters'])}")
    if "aggregate_by" in query:
        steps.append(f"aggregate {json.dumps(query['aggregate_by'])}")
        if "group_by" in query:
            steps.append(f"group by {json.dumps(query['group_by'])}")
    else:
        rank_by = query.get("rank_by")
        steps.append(f"rank by {json.dumps(rank_by)}" if rank_by is not None else "order by id")
        steps.append(f"limit {_limits(query).total}")
    return "\n".join(steps)


def query_performance(namespace: Namespace, *, started: float) -> dict[str, Any]:
    elapsed_ms = int((time.monotonic() - started) * 1000)
    return {
        "cache_hit_ratio": 1.0,
        "cache_temperature": "hot",
        "server_total_ms": elapsed_ms,
        "query_execution_ms": elapsed_ms,
        "exhaustive_search_count": len(namespace.documents),
        "approx_namespace_size": len(namespace.documents),
    }


def query_billing(namespace: Namespace, results: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    returned = sum(json_size(result.get("rows", [])) for result in results)
    return {
        "billable_logical_bytes_queried": namespace.logical_bytes() * len(results),
        "billable_logical_bytes_returned": returned,
    }


def _limits(query: Mapping[str, Any]) -> _Limits:
    if "top_k" in query and "limit" in query:
        raise BadRequest("top_k and limit cannot both be set, so send only limit")
    if "top_k" in query:
        return _Limits(total=int(query["top_k"]))

    limit = query.get("limit")
    if limit is None:
        return _Limits(total=DEFAULT_ROW_LIMIT)
    if isinstance(limit, int):
        return _Limits(total=limit)
    per = limit.get("per")
    if per is None:
        return _Limits(total=int(limit["total"]))
    return _Limits(
        total=int(limit["total"]),
        per_attributes=tuple(per["attributes"]),
        per_limit=int(per["limit"]),
    )


def _apply_limits(ranked: list[RankedDocument], query: Mapping[str, Any]) -> list[RankedDocument]:
    limits = _limits(query)
    if limits.per_limit is not None:
        ranked = _limit_per_key(ranked, limits.per_attributes, limits.per_limit)
    offset = int(query.get("offset", 0))
    return ranked[offset : offset + limits.total]


def _limit_per_key(
    ranked: list[RankedDocument], attributes: tuple[str, ...], limit: int
) -> list[RankedDocument]:
    seen: dict[str, int] = {}
    limited: list[RankedDocument] = []
    for document, score in ranked:
        key = _group_key(document, attributes)
        if seen.get(key, 0) < limit:
            seen[key] = seen.get(key, 0) + 1
            limited.append((document, score))
    return limited


def _projection(query: Mapping[str, Any]) -> tuple[bool | list[str], list[str] | None]:
    include = query.get("include_attributes", False)
    exclude = query.get("exclude_attributes")
    if exclude is not None and "include_attributes" in query:
        raise BadRequest("include_attributes and exclude_attributes cannot both be set")
    return include, exclude


def _project(
    document: Document,
    score: float | None,
    *,
    include: bool | list[str],
    exclude: list[str] | None,
    vectors: set[str],
    encoding: str,
) -> dict[str, Any]:
    row: dict[str, Any] = {"id": document["id"]}
    if score is not None:
        row["$dist"] = score

    if exclude is not None:
        names = [name for name in document if name not in exclude]
    elif include is True:
        names = list(document)
    elif isinstance(include, list):
        names = [name for name in include if name in document]
    else:
        names = []

    for name in names:
        if name == "id":
            continue
        value = document[name]
        if name in vectors and encoding == "base64" and isinstance(value, list):
            value = encode_base64_floats(value)
        row[name] = value
    return row


def _aggregate(documents: list[Document], query: Mapping[str, Any]) -> dict[str, Any]:
    aggregations: Mapping[str, Any] = query["aggregate_by"]
    group_by = query.get("group_by")
    if group_by is None:
        return {
            "aggregations": {
                label: _aggregate_value(spec, documents) for label, spec in aggregations.items()
            }
        }

    if not all(isinstance(item, str) for item in group_by):
        raise BadRequest(
            "group_by with expressions is not supported by the fake server, only attribute names"
        )
    attributes = tuple(group_by)
    groups: dict[str, list[Document]] = {}
    for document in documents:
        groups.setdefault(_group_key(document, attributes), []).append(document)

    rows = []
    for members in groups.values():
        row = {attribute: members[0].get(attribute) for attribute in attributes}
        row.update({label: _aggregate_value(spec, members) for label, spec in aggregations.items()})
        rows.append(row)
    rows.sort(key=lambda row: [_null_last_key(row[attribute]) for attribute in attributes])
    return {"aggregation_groups": rows[: _limits(query).total]}


def _aggregate_value(spec: Any, documents: list[Document]) -> int | float:
    if spec == ["Count"]:
        return len(documents)
    if isinstance(spec, list) and len(spec) == 2 and spec[0] == "Count":
        return sum(1 for document in documents if document.get(spec[1]) is not None)
    if isinstance(spec, list) and len(spec) == 2 and spec[0] == "Sum":
        values = [document.get(spec[1]) for document in documents]
        return sum(value for value in values if is_number(value))
    raise BadRequest(f"unknown aggregate function {spec!r}, expected ['Count'] or ['Sum', attr]")


def _group_key(document: Document, attributes: tuple[str, ...]) -> str:
    return json.dumps([document.get(attribute) for attribute in attributes], sort_keys=True)


def _null_last_key(value: Any) -> tuple[int, Any]:
    return (1, "") if value is None else (0, value_sort_key(value))
