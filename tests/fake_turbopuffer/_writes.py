"""Apply a write request body to a namespace and build its WriteResult.

The parts of one write run in this order: copy or branch from another
namespace, schema and distance metric, delete_by_filter, patch_by_filter,
upserts (columns, then rows), patches (columns, then rows), deletes. The spec
does not fix an order for all of these, so tests should not rely on it beyond
"filters run before the per-id operations".
"""

from __future__ import annotations

import copy
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._attributes import declare_schema, vector_attributes
from ._errors import BadRequest, Forbidden, NotFound
from ._filters import matches
from ._store import Document, Id, Namespace, Store, json_size
from ._vectors import decode_vector, is_number

_SOURCE_KEYS = ("copy_from_namespace", "branch_from_namespace")


@dataclass
class WriteSummary:
    """What one write changed, for the WriteResult."""

    upserted: list[Id] = field(default_factory=list)
    patched: list[Id] = field(default_factory=list)
    deleted: list[Id] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    bytes_written: int = 0
    partial_allowed: bool = False


def namespace_for_write(store: Store, name: str, body: Mapping[str, Any]) -> Namespace:
    """Return the namespace a write targets, creating it when the write creates namespaces.

    Raises NotFound when the namespace is missing and the write would not create
    it, and Forbidden when the namespace is read-only.
    """
    namespace = store.find(name)
    if namespace is not None:
        if namespace.read_only:
            raise Forbidden(f"namespace {name!r} is read-only, so writes are rejected")
        return namespace

    if not _creates_namespace(body):
        raise NotFound(f"namespace {name!r} not found")
    namespace = store.create(name)
    if "encryption" in body:
        namespace.encryption = dict(body["encryption"])
    if "sharding" in body:
        namespace.sharding = dict(body["sharding"])
    return namespace


def _creates_namespace(body: Mapping[str, Any]) -> bool:
    # An explicit create_namespace wins. Without it, the first write that
    # stores documents creates the namespace, as the spec describes.
    explicit = body.get("create_namespace")
    if explicit is not None:
        return bool(explicit)
    has_rows = bool(body.get("upsert_rows")) or bool((body.get("upsert_columns") or {}).get("id"))
    return has_rows or any(key in body for key in _SOURCE_KEYS)


def apply_write(store: Store, namespace: Namespace, body: Mapping[str, Any]) -> WriteSummary:
    """Apply every part of a write body to `namespace` and count it as one write."""
    summary = WriteSummary()
    for key in _SOURCE_KEYS:
        if key in body:
            source = source_namespace_name(body[key], field_name=key)
            summary.upserted.extend(
                copy_documents(store, source_name=source, destination=namespace)
            )
            summary.kinds.add("upsert")

    if "distance_metric" in body:
        namespace.distance_metric = body["distance_metric"]
    if "schema" in body:
        declare_schema(namespace, body["schema"])

    _delete_by_filter(namespace, body, summary)
    _patch_by_filter(namespace, body, summary)
    _upsert(namespace, body, summary)
    _patch(namespace, body, summary)
    _delete(namespace, body, summary)

    namespace.write_count += 1
    namespace.touch()
    return summary


def source_namespace_name(params: Any, *, field_name: str) -> str:
    """Return the source namespace of copy_from_namespace or branch_from_namespace.

    NOTE: `source_api_key` and `source_region` are accepted but ignored, so
    every source is looked up on this fake server.
    """
    if isinstance(params, str):
        return params
    if isinstance(params, Mapping) and isinstance(params.get("source_namespace"), str):
        return str(params["source_namespace"])
    raise BadRequest(f"{field_name} needs a source_namespace")


def copy_documents(store: Store, *, source_name: str, destination: Namespace) -> list[Id]:
    """Copy every document, the declared schema and the metric from the source namespace."""
    source = store.find(source_name)
    if source is None:
        raise NotFound(f"source namespace {source_name!r} not found")

    for document in source.sorted_documents():
        destination.documents[document["id"]] = copy.deepcopy(document)
    for name, config in source.declared_schema.items():
        destination.declared_schema.setdefault(name, copy.deepcopy(config))
    if destination.distance_metric is None:
        destination.distance_metric = source.distance_metric
    return [document["id"] for document in source.sorted_documents()]


def write_result(
    summary: WriteSummary, body: Mapping[str, Any], *, started: float
) -> dict[str, Any]:
    """Build the WriteResult response body for a finished write."""
    counts = {
        "upsert": len(summary.upserted),
        "patch": len(summary.patched),
        "delete": len(summary.deleted),
    }
    result: dict[str, Any] = {
        "status": "OK",
        "message": "Write applied.",
        "rows_affected": sum(counts.values()),
        "billing": {"billable_logical_bytes_written": summary.bytes_written},
        "performance": {"server_total_ms": int((time.monotonic() - started) * 1000)},
    }
    for kind, count_key in (
        ("upsert", "rows_upserted"),
        ("patch", "rows_patched"),
        ("delete", "rows_deleted"),
    ):
        if kind in summary.kinds:
            result[count_key] = counts[kind]
    if summary.partial_allowed:
        # The fake always finishes a filtered write in one request.
        result["rows_remaining"] = False

    if body.get("return_affected_ids"):
        for ids, ids_key in (
            (summary.upserted, "upserted_ids"),
            (summary.patched, "patched_ids"),
            (summary.deleted, "deleted_ids"),
        ):
            if ids:
                result[ids_key] = list(ids)
    return result


def _delete_by_filter(namespace: Namespace, body: Mapping[str, Any], summary: WriteSummary) -> None:
    if "delete_by_filter" not in body:
        return
    summary.kinds.add("delete")
    summary.partial_allowed |= bool(body.get("delete_by_filter_allow_partial"))

    for document in namespace.sorted_documents():
        if matches(body["delete_by_filter"], document):
            del namespace.documents[document["id"]]
            summary.deleted.append(document["id"])


def _patch_by_filter(namespace: Namespace, body: Mapping[str, Any], summary: WriteSummary) -> None:
    if "patch_by_filter" not in body:
        return
    summary.kinds.add("patch")
    summary.partial_allowed |= bool(body.get("patch_by_filter_allow_partial"))

    if "id" in body["patch_by_filter"]["patch"]:
        raise BadRequest("patch_by_filter cannot change the id attribute")
    patch = _prepare(namespace, body["patch_by_filter"]["patch"], keep_nulls=True)

    for document in namespace.sorted_documents():
        if matches(body["patch_by_filter"]["filters"], document):
            _apply_patch(document, patch)
            summary.patched.append(document["id"])
            summary.bytes_written += json_size(patch)


def _upsert(namespace: Namespace, body: Mapping[str, Any], summary: WriteSummary) -> None:
    rows = _collect_rows(namespace, body, columns_key="upsert_columns", rows_key="upsert_rows")
    if rows is None:
        return
    summary.kinds.add("upsert")
    condition = body.get("upsert_condition")

    for row in rows:
        document = _prepare(namespace, row, keep_nulls=False)
        existing = namespace.documents.get(document["id"])
        if not _condition_allows(condition, existing, document):
            continue
        namespace.documents[document["id"]] = document
        summary.upserted.append(document["id"])
        summary.bytes_written += json_size(document)


def _patch(namespace: Namespace, body: Mapping[str, Any], summary: WriteSummary) -> None:
    rows = _collect_rows(namespace, body, columns_key="patch_columns", rows_key="patch_rows")
    if rows is None:
        return
    summary.kinds.add("patch")
    condition = body.get("patch_condition")

    for row in rows:
        patch = _prepare(namespace, row, keep_nulls=True)
        existing = namespace.documents.get(patch["id"])
        # Patches never create documents: ids that do not exist are skipped.
        if existing is None:
            continue
        if not _condition_allows(condition, existing, {**existing, **patch}):
            continue
        _apply_patch(existing, patch)
        summary.patched.append(patch["id"])
        summary.bytes_written += json_size(patch)


def _delete(namespace: Namespace, body: Mapping[str, Any], summary: WriteSummary) -> None:
    if "deletes" not in body:
        return
    summary.kinds.add("delete")
    condition = body.get("delete_condition")

    for document_id in body["deletes"]:
        existing = namespace.documents.get(document_id)
        if existing is None:
            continue
        if not _condition_allows(condition, existing, {"id": document_id}):
            continue
        del namespace.documents[document_id]
        summary.deleted.append(document_id)


def _condition_allows(condition: Any, existing: Document | None, new_document: Document) -> bool:
    """Return whether a conditional write may change the document with this id.

    NOTE: a document that does not exist yet passes, so a conditional upsert
    always creates missing documents. The spec only describes the condition
    for existing documents, so this is a guess.
    """
    if condition is None or existing is None:
        return True
    return matches(condition, existing, new_document=new_document)


def _apply_patch(document: Document, patch: Mapping[str, Any]) -> None:
    for key, value in patch.items():
        if key == "id":
            continue
        if value is None:
            document.pop(key, None)
        else:
            document[key] = copy.deepcopy(value)


def _collect_rows(
    namespace: Namespace, body: Mapping[str, Any], *, columns_key: str, rows_key: str
) -> list[dict[str, Any]] | None:
    if columns_key not in body and rows_key not in body:
        return None
    rows: list[dict[str, Any]] = []
    if columns_key in body:
        rows.extend(_rows_from_columns(namespace, body[columns_key], field_name=columns_key))
    rows.extend(body.get(rows_key, []))
    return rows


def _rows_from_columns(
    namespace: Namespace, columns: Mapping[str, Any], *, field_name: str
) -> list[dict[str, Any]]:
    ids = columns.get("id")
    if not isinstance(ids, list):
        raise BadRequest(f"{field_name}.id must be a list of document ids")

    rows: list[dict[str, Any]] = [{"id": document_id} for document_id in ids]
    vectors = vector_attributes(namespace)
    for key, values in columns.items():
        if key == "id":
            continue
        if key in vectors:
            values = _vector_column(values, count=len(ids), where=f"{field_name}.{key}")
        if not isinstance(values, list) or len(values) != len(ids):
            raise BadRequest(
                f"{field_name}.{key} must be a list with one value per id ({len(ids)} ids)"
            )
        for row, value in zip(rows, values, strict=True):
            row[key] = value
    return rows


def _vector_column(values: Any, *, count: int, where: str) -> Any:
    """Split a vector column given as one flat vector (list or base64) into one vector per id."""
    flat = isinstance(values, str) or (
        isinstance(values, list) and all(is_number(item) for item in values)
    )
    if not flat or count == 0:
        return values

    numbers = decode_vector(values, where=where)
    if len(numbers) % count:
        raise BadRequest(
            f"{where} has {len(numbers)} numbers, which does not split into {count} vectors"
        )
    size = len(numbers) // count
    return [numbers[start : start + size] for start in range(0, len(numbers), size)]


def _prepare(namespace: Namespace, row: Mapping[str, Any], *, keep_nulls: bool) -> Document:
    """Copy a written row, decoding vector attributes and dropping nulls unless patching."""
    vectors = vector_attributes(namespace)
    document: Document = {}
    for key, value in row.items():
        if value is None and not keep_nulls:
            continue
        if key in vectors and value is not None:
            value = decode_vector(value, where=f"attribute {key!r} of document {row.get('id')!r}")
        document[key] = copy.deepcopy(value)
    return document
