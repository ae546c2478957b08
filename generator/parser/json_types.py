"""The JSON types a schema allows, for finding schemas that no value can satisfy.

A schema that requires two disjoint types (`allOf: [{type: string}, {type: integer}]`),
or lists `enum` values that its own `type` forbids, is a mistake in the spec. The
generator reports it instead of guessing which half was meant.
"""

from __future__ import annotations

from typing import Any

JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})


def value_matches(value: Any, schema_type: str) -> bool:
    """Return whether a JSON value is of a JSON Schema type; 1.0 counts as an integer, as in JSON Schema."""
    if schema_type == "null":
        return value is None
    if schema_type == "boolean":
        return isinstance(value, bool)
    if schema_type == "integer":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if schema_type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if schema_type == "string":
        return isinstance(value, str)
    if schema_type == "array":
        return isinstance(value, list)
    if schema_type == "object":
        return isinstance(value, dict)
    return True


def declared_types(schema: dict[str, Any]) -> frozenset[str] | None:
    """Return the types `type` allows, or None when the schema does not constrain the type."""
    schema_type = schema.get("type")
    if isinstance(schema_type, str):
        types = {schema_type}
    elif isinstance(schema_type, list) and schema_type:
        types = {item for item in schema_type if isinstance(item, str)}
    else:
        return None
    if schema.get("nullable") is True:
        types.add("null")
    return frozenset(types)


def intersect(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """Return the types both sets allow; every integer is also a number."""
    common = set(first & second)
    if "integer" in first and "number" in second or "number" in first and "integer" in second:
        common.add("integer")
    return frozenset(common)


def mismatched_values(values: list[Any], types: frozenset[str]) -> list[Any]:
    """Return the values that none of `types` allows; null is let through, see below.

    NOTE: null is never reported, because OpenAPI 3.0 specs often list null in the enum
    of a nullable schema without repeating `nullable: true` on it.
    """
    return [
        value
        for value in values
        if value is not None and not any(value_matches(value, item) for item in types)
    ]
