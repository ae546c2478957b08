"""Attribute schemas: merging declared schemas and inferring types from documents.

The real API infers an attribute's type from the first value written and lets
writes and the schema endpoint declare types and index options. The fake keeps
the declared options per namespace and infers the rest on each read, so a
schema always reflects the documents currently stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ._errors import BadRequest
from ._store import Namespace
from ._vectors import is_number

VECTOR_TYPE = re.compile(r"^\[(\d+)\]f(16|32)$")
DEFAULT_VECTOR_ATTRIBUTE = "vector"


def vector_attributes(namespace: Namespace) -> set[str]:
    """Return the attributes that hold dense vectors: `vector` and any declared `[N]fXX` type."""
    names = {DEFAULT_VECTOR_ATTRIBUTE}
    for name, config in namespace.declared_schema.items():
        if VECTOR_TYPE.match(str(config.get("type", ""))):
            names.add(name)
    return names


def declare_schema(namespace: Namespace, schema: Mapping[str, Any]) -> None:
    """Merge a map of attribute name to AttributeSchema into the namespace.

    A bare string sets the type, an object merges its options, and
    `{"drop": true}` removes the attribute from the schema and every document.
    """
    for name, value in schema.items():
        if isinstance(value, str):
            _merge_config(namespace, name, {"type": value})
        elif isinstance(value, Mapping) and "drop" in value:
            _drop_attribute(namespace, name, value)
        elif isinstance(value, Mapping):
            _merge_config(namespace, name, value)
        else:
            raise BadRequest(f"schema for attribute {name!r} must be a type name or an object")


def namespace_schema(namespace: Namespace) -> dict[str, dict[str, Any]]:
    """Return the schema the API reports: inferred types overlaid with declared options."""
    vectors = vector_attributes(namespace)
    schema: dict[str, dict[str, Any]] = {}
    for document in namespace.sorted_documents():
        for name, value in document.items():
            if name not in schema and (inferred := infer_type(name, value, vectors=vectors)):
                schema[name] = {"type": inferred}

    for name, config in namespace.declared_schema.items():
        schema[name] = {**schema.get(name, {}), **config}

    for name, config in schema.items():
        # NOTE: a declared config without a type (for example only
        # `filterable`) and no stored values yet is reported as a string, a
        # guess so that the response still has the required `type`.
        config.setdefault("type", "string")
        if VECTOR_TYPE.match(config["type"]) and "ann" not in config:
            config["ann"] = {"distance_metric": namespace.metric}
    return schema


def infer_type(name: str, value: Any, *, vectors: set[str]) -> str | None:
    """Return the attribute type for a stored value, or None when it has no single type."""
    if name == "id":
        return "uint" if isinstance(value, int) else "string"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list) and value:
        return _infer_list_type(name, value, vectors=vectors)
    return None


def _infer_list_type(name: str, values: list[Any], *, vectors: set[str]) -> str | None:
    if name in vectors and all(is_number(item) for item in values):
        return f"[{len(values)}]f32"
    if all(isinstance(item, str) for item in values):
        return "[]string"
    if all(isinstance(item, bool) for item in values):
        return "[]bool"
    if all(isinstance(item, int) and not isinstance(item, bool) for item in values):
        return "[]int"
    if all(is_number(item) for item in values):
        return "[]float"
    return None


def _merge_config(namespace: Namespace, name: str, config: Mapping[str, Any]) -> None:
    merged = {**namespace.declared_schema.get(name, {}), **config}
    # `embed: null` removes the embedding configuration instead of storing a null.
    namespace.declared_schema[name] = {
        key: value for key, value in merged.items() if value is not None
    }


def _drop_attribute(namespace: Namespace, name: str, value: Mapping[str, Any]) -> None:
    if value.get("drop") is not True or len(value) != 1:
        raise BadRequest(f"schema for attribute {name!r}: drop must be true and cannot be combined")
    if name == "id":
        raise BadRequest("the id attribute cannot be dropped")

    namespace.declared_schema.pop(name, None)
    for document in namespace.documents.values():
        document.pop(name, None)
