"""The server state shared by all requests and the per-request context handlers receive."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._copies import CopyOperations
from ._spec import Operation
from ._store import Store


@dataclass
class ServerState:
    """Namespaces, copy operations and settings of one fake server."""

    store: Store
    copies: CopyOperations
    default_page_size: int


@dataclass(frozen=True)
class RequestContext:
    """A request that passed routing, authentication and validation.

    `query` keeps the last value of each query parameter, and `headers` has
    lower-case names.
    """

    state: ServerState
    operation: Operation
    path_params: Mapping[str, str]
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: Any

    @property
    def namespace(self) -> str:
        return self.path_params["namespace"]

    def json_object(self) -> Mapping[str, Any]:
        """Return the body as an object, or an empty one when the request had no body."""
        return self.body if isinstance(self.body, Mapping) else {}
