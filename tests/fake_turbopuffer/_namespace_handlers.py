"""Handlers for namespace-level operations: listing, deletion, schema, metadata, cache and recall."""

from __future__ import annotations

from typing import Any

from ._attributes import declare_schema, namespace_schema
from ._context import RequestContext
from ._errors import BadRequest, Forbidden
from ._filters import matches
from ._ranking import rank_documents
from ._responses import Response
from ._store import Namespace, format_timestamp, now
from ._vectors import decode_vector

# NOTE: the number of searches a recall request runs when it omits `num`. The
# spec gives no default, so this value is a guess.
DEFAULT_RECALL_SEARCHES = 10
DEFAULT_RECALL_TOP_K = 10


def list_namespaces(context: RequestContext) -> Response:
    """List namespace ids sorted by name, one page at a time.

    The cursor is the last id of the previous page, and `next_cursor` is present
    only when another page follows.
    """
    prefix = context.query.get("prefix", "")
    cursor = context.query.get("cursor")
    page_size = int(context.query.get("page_size", context.state.default_page_size))

    with context.state.store.lock:
        names = [name for name in context.state.store.names() if name.startswith(prefix)]
    if cursor is not None:
        names = [name for name in names if name > cursor]

    page = names[:page_size]
    body: dict[str, Any] = {"namespaces": [{"id": name} for name in page]}
    if len(names) > page_size:
        body["next_cursor"] = page[-1]
    return Response(status=200, body=body)


def delete_namespace(context: RequestContext) -> Response:
    with context.state.store.lock:
        context.state.store.delete(context.namespace)
    return Response(status=200, body={"status": "OK"})


def get_schema(context: RequestContext) -> Response:
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        return Response(status=200, body=namespace_schema(namespace))


def update_schema(context: RequestContext) -> Response:
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        if namespace.read_only:
            raise Forbidden(
                f"namespace {namespace.name!r} is read-only, so schema updates are rejected"
            )
        declare_schema(namespace, context.json_object())
        namespace.touch()
        return Response(status=200, body=namespace_schema(namespace))


def get_metadata(context: RequestContext) -> Response:
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        return Response(status=200, body=metadata_body(namespace))


def patch_metadata(context: RequestContext) -> Response:
    """Apply a NamespaceMetadataPatch: set or clear pinning and the read-only flag."""
    patch = context.json_object()
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        if "pinning" in patch:
            namespace.pinning = _pinning_config(patch["pinning"])
            namespace.pinning_updated_at = now()
        if "read_only" in patch:
            namespace.read_only = bool(patch["read_only"])
        return Response(status=200, body=metadata_body(namespace))


def hint_cache_warm(context: RequestContext) -> Response:
    with context.state.store.lock:
        context.state.store.get(context.namespace)
    return Response(status=202, body={"status": "ACCEPTED"})


def evaluate_recall(context: RequestContext) -> Response:
    """Run exhaustive searches and report them as the ANN results too, so recall is 1.0."""
    body = context.json_object()
    top_k = int(body.get("top_k") or DEFAULT_RECALL_TOP_K)

    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        attribute, query_vectors = _recall_queries(namespace, body)
        documents = namespace.sorted_documents()
        filters = body.get("filters")
        selected = [
            document for document in documents if filters is None or matches(filters, document)
        ]

        ground_truth: list[dict[str, Any]] = []
        for query_vector in query_vectors:
            ranked = rank_documents(
                selected,
                [attribute, "kNN", query_vector],
                all_documents=documents,
                metric=namespace.metric,
            )[:top_k]
            neighbors = [
                {"id": document["id"], attribute: document[attribute], "$dist": score}
                for document, score in ranked
            ]
            ground_truth.append({"query_vector": query_vector, "nearest_neighbors": neighbors})

    counts = [len(entry["nearest_neighbors"]) for entry in ground_truth]
    average = sum(counts) / len(counts) if counts else 0.0
    result: dict[str, Any] = {
        "avg_recall": 1.0,
        "avg_exhaustive_count": average,
        "avg_ann_count": average,
    }
    if body.get("include_ground_truth"):
        result["ground_truth"] = ground_truth
    return Response(status=200, body=result)


def metadata_body(namespace: Namespace) -> dict[str, Any]:
    """Build the NamespaceMetadata body, which always reports the index as up to date."""
    body: dict[str, Any] = {
        "schema": namespace_schema(namespace),
        "approx_row_count": len(namespace.documents),
        "approx_logical_bytes": namespace.logical_bytes(),
        "created_at": format_timestamp(namespace.created_at),
        "updated_at": format_timestamp(namespace.updated_at),
        "encryption": namespace.encryption,
        "index": {"status": "up-to-date"},
    }
    if namespace.pinning is not None:
        replicas = namespace.pinning["replicas"]
        updated_at = namespace.pinning_updated_at or namespace.updated_at
        status = {
            "updated_at": format_timestamp(updated_at),
            "ready_replicas": replicas,
            "replicas": replicas,
            "utilization": 0.0,
        }
        body["pinning"] = {**namespace.pinning, "status": status}
    if namespace.sharding is not None:
        body["sharding"] = namespace.sharding
    if namespace.read_only:
        body["read_only"] = True
    return body


def _pinning_config(value: Any) -> dict[str, Any] | None:
    if value is None or value is False:
        return None
    if value is True:
        return {"replicas": 1}
    return {"replicas": int(value.get("replicas", 1))}


def _recall_queries(
    namespace: Namespace, body: dict[str, Any] | Any
) -> tuple[str, list[list[float]]]:
    """Return the vector attribute and the query vectors a recall request searches with.

    With `rank_by`, the one query vector comes from it. Otherwise the vectors
    of the first `num` documents (by id) serve as queries.
    """
    rank_by = body.get("rank_by")
    if rank_by is not None:
        if body.get("num") not in (None, 1):
            raise BadRequest("num must be null or 1 when rank_by is set")
        if not (isinstance(rank_by, list) and len(rank_by) == 3 and rank_by[1] in ("ANN", "kNN")):
            raise BadRequest(
                "recall evaluation supports only vector rank_by such as ['vector', 'ANN', [...]]"
            )
        return rank_by[0], [decode_vector(rank_by[2], where="rank_by query vector")]

    count = int(body.get("num") or DEFAULT_RECALL_SEARCHES)
    with_vectors = [document for document in namespace.sorted_documents() if "vector" in document]
    return "vector", [list(document["vector"]) for document in with_vectors[:count]]
