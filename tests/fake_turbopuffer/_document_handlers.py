"""Handlers for document operations: writes, copies, branches and queries."""

from __future__ import annotations

import copy
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ._context import RequestContext
from ._errors import ApiError, BadRequest
from ._queries import explain_query as describe_query
from ._queries import query_billing, query_performance, run_query
from ._responses import Response
from ._store import Store
from ._writes import WriteSummary, apply_write, namespace_for_write, write_result

RESPOND_ASYNC = "respond-async"


def write(context: RequestContext) -> Response:
    """Apply a write body, including one that copies or branches from another namespace."""
    started = time.monotonic()
    body = context.json_object()
    with context.state.store.lock:
        summary = apply_write_atomically(context.state.store, context.namespace, body)
    return Response(status=200, body=write_result(summary, body, started=started))


def copy_from(context: RequestContext) -> Response:
    """Copy synchronously, or start an operation when the client prefers an asynchronous response."""
    if _prefers_async(context.headers.get("prefer", "")):
        return _start_copy(context, preference_applied=True)
    return write(context)


def start_copy_from(context: RequestContext) -> Response:
    return _start_copy(context, preference_applied=False)


def poll_copy_from(context: RequestContext) -> Response:
    token = context.path_params["token"]
    with context.state.store.lock:
        body = context.state.copies.poll(context.namespace, token)
    return Response(status=200, body=body)


def query(context: RequestContext) -> Response:
    started = time.monotonic()
    body = context.json_object()
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        result = run_query(namespace, body, vector_encoding=body.get("vector_encoding", "float"))
        result["performance"] = query_performance(namespace, started=started)
        result["billing"] = query_billing(namespace, [result])
    return Response(status=200, body=result)


def multi_query(context: RequestContext) -> Response:
    """Run each sub-query against the same state of the namespace."""
    started = time.monotonic()
    body = context.json_object()
    if "rerank_by" in body:
        # TODO: combine sub-query results with RRF once a test needs it. The
        # spec does not pin down the shape of a reranked MultiQueryResult.
        raise BadRequest("rerank_by is not supported by the fake server")

    encoding = body.get("vector_encoding", "float")
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        results = [run_query(namespace, item, vector_encoding=encoding) for item in body["queries"]]
        response = {
            "results": results,
            "performance": query_performance(namespace, started=started),
            "billing": query_billing(namespace, results),
        }
    return Response(status=200, body=response)


def explain_query(context: RequestContext) -> Response:
    body = context.json_object()
    with context.state.store.lock:
        namespace = context.state.store.get(context.namespace)
        # Running the query surfaces the errors a real query would raise.
        run_query(namespace, body, vector_encoding="float")
        plan = describe_query(namespace, body)
    return Response(status=200, body={"plan_text": plan})


def apply_write_atomically(store: Store, name: str, body: Mapping[str, Any]) -> WriteSummary:
    """Apply a write so that an error leaves the namespace as it was.

    The caller holds the store lock. A namespace that the write created is
    removed again when the write fails.
    """
    existing = store.find(name)
    backup = copy.deepcopy(existing)
    namespace = namespace_for_write(store, name, body)
    try:
        return apply_write(store, namespace, body)
    except ApiError:
        if backup is None:
            store.delete(name)
        else:
            store.replace(backup)
        raise


def _start_copy(context: RequestContext, *, preference_applied: bool) -> Response:
    store = context.state.store
    name = context.namespace
    body = dict(context.json_object())

    def run() -> dict[str, Any]:
        started = time.monotonic()
        with store.lock:
            summary = apply_write_atomically(store, name, body)
        return write_result(summary, body, started=started)

    with store.lock:
        operation = context.state.copies.start(name, run)

    headers = {"Location": f"/v1/namespaces/{quote(name, safe='')}/operations/{operation.token}"}
    if preference_applied:
        headers["Preference-Applied"] = RESPOND_ASYNC
    return Response(status=202, body={"token": operation.token}, headers=headers)


def _prefers_async(prefer_header: str) -> bool:
    # A Prefer header lists preferences separated by commas, each optionally
    # with "=value" or ";parameters" (RFC 7240).
    names = (item.split(";")[0].split("=")[0].strip().lower() for item in prefer_header.split(","))
    return RESPOND_ASYNC in names
