"""In-memory namespaces and their documents.

Every method of `Store` must be called with `Store.lock` held, because the HTTP
server runs each connection in its own thread.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ._errors import NotFound

Id = int | str
Document = dict[str, Any]

DEFAULT_DISTANCE_METRIC = "cosine_distance"


def now() -> datetime:
    return datetime.now(UTC)


def format_timestamp(moment: datetime) -> str:
    """Format a UTC datetime as RFC 3339 with millisecond precision and a "Z" suffix."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def id_sort_key(value: Id) -> tuple[int, int | str]:
    """Order integer ids numerically before string ids, which sort as text."""
    if isinstance(value, int):
        return (0, value)
    return (1, value)


@dataclass
class Namespace:
    """One namespace: documents keyed by id plus the configuration writes have set."""

    name: str
    created_at: datetime = field(default_factory=now)
    updated_at: datetime = field(default_factory=now)
    documents: dict[Id, Document] = field(default_factory=dict)
    distance_metric: str | None = None
    declared_schema: dict[str, dict[str, Any]] = field(default_factory=dict)
    write_count: int = 0
    pinning: dict[str, Any] | None = None
    pinning_updated_at: datetime | None = None
    read_only: bool = False
    encryption: dict[str, Any] = field(default_factory=lambda: {"mode": "default"})
    sharding: dict[str, Any] | None = None

    @property
    def metric(self) -> str:
        return self.distance_metric or DEFAULT_DISTANCE_METRIC

    def sorted_documents(self) -> list[Document]:
        return [self.documents[key] for key in sorted(self.documents, key=id_sort_key)]

    def logical_bytes(self) -> int:
        """Estimate the stored size as the length of each document's compact JSON."""
        return sum(len(_compact_json(document)) for document in self.documents.values())

    def touch(self) -> None:
        self.updated_at = now()


class Store:
    """All namespaces of one fake server, guarded by one re-entrant lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._namespaces: dict[str, Namespace] = {}

    def find(self, name: str) -> Namespace | None:
        return self._namespaces.get(name)

    def get(self, name: str) -> Namespace:
        """Return the namespace or raise NotFound, as every read of a missing namespace does."""
        namespace = self._namespaces.get(name)
        if namespace is None:
            raise NotFound(f"namespace {name!r} not found")
        return namespace

    def create(self, name: str) -> Namespace:
        namespace = Namespace(name=name)
        self._namespaces[name] = namespace
        return namespace

    def delete(self, name: str) -> None:
        self.get(name)
        del self._namespaces[name]

    def replace(self, namespace: Namespace) -> None:
        """Store `namespace` under its name, replacing any namespace of that name."""
        self._namespaces[namespace.name] = namespace

    def names(self) -> list[str]:
        return sorted(self._namespaces)


def _compact_json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def json_size(value: Any) -> int:
    """Return the byte length of `value` as compact JSON, the fake's unit for billing."""
    return len(_compact_json(value))
