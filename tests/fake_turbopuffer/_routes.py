"""The table from spec operations to the handlers that serve them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import _document_handlers as documents
from . import _namespace_handlers as namespaces
from ._context import RequestContext
from ._responses import Response

Handler = Callable[[RequestContext], Response]


@dataclass(frozen=True)
class Route:
    """A handler and the kind of body it reads.

    `body_kind` selects the extra checks of untyped fields in
    `_validation.check_request_body`: "write", "query", "multi_query",
    "recall" or None.
    """

    handler: Handler
    body_kind: str | None = None


# Keyed by method and the spec's path key, including any overload query.
ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "/v1/namespaces"): Route(namespaces.list_namespaces),
    ("GET", "/v1/namespaces/{namespace}/schema"): Route(namespaces.get_schema),
    ("POST", "/v1/namespaces/{namespace}/schema"): Route(namespaces.update_schema),
    ("GET", "/v2/namespaces/{namespace}/metadata"): Route(namespaces.get_metadata),
    ("PATCH", "/v1/namespaces/{namespace}/metadata"): Route(namespaces.patch_metadata),
    ("GET", "/v1/namespaces/{namespace}/hint_cache_warm"): Route(namespaces.hint_cache_warm),
    ("POST", "/v1/namespaces/{namespace}/_debug/recall"): Route(
        namespaces.evaluate_recall, "recall"
    ),
    ("DELETE", "/v2/namespaces/{namespace}"): Route(namespaces.delete_namespace),
    ("POST", "/v2/namespaces/{namespace}"): Route(documents.write, "write"),
    ("POST", "/v2/namespaces/{namespace}?stainless_overload=branchFrom"): Route(
        documents.write, "write"
    ),
    ("POST", "/v2/namespaces/{namespace}?stainless_overload=copyFrom"): Route(
        documents.copy_from, "write"
    ),
    ("POST", "/v2/namespaces/{namespace}/async?stainless_overload=startCopyFrom"): Route(
        documents.start_copy_from, "write"
    ),
    ("GET", "/v1/namespaces/{namespace}/operations/{token}?stainless_overload=pollCopyFrom"): Route(
        documents.poll_copy_from
    ),
    ("POST", "/v2/namespaces/{namespace}/query"): Route(documents.query, "query"),
    ("POST", "/v2/namespaces/{namespace}/query?stainless_overload=multiQuery"): Route(
        documents.multi_query, "multi_query"
    ),
    ("POST", "/v2/namespaces/{namespace}/explain_query"): Route(documents.explain_query, "query"),
}
