"""Type overrides: tighten loose schemas of a spec from the per-API configuration.

An override maps a JSON pointer into the spec to a type expression built from
component schema names: `Filter`, `list[GroupBy]`, `dict[str, Expr]`. The schema at
the pointer is replaced by the equivalent JSON Schema (keeping its description)
before parsing, so the rest of the generator parses an ordinary, typed spec. The
input document is not modified: the branches on the way to each pointer are copied.
"""

from __future__ import annotations

import re
from typing import Any

from generator import pointers
from generator.diagnostics import DiagnosticLog

_LIST = re.compile(r"^list\[(?P<inner>.+)\]$")
_DICT = re.compile(r"^dict\[\s*str\s*,\s*(?P<inner>.+)\]$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def apply_overrides(
    document: dict[str, Any], overrides: dict[str, str], log: DiagnosticLog, config_file: str
) -> tuple[dict[str, Any], list[str]]:
    """Return the document with every override applied, and a line per override for the summary."""
    applied = []
    for pointer, expression in overrides.items():
        schema = _schema_for(expression, document, pointer, log, config_file)
        if schema is None:
            continue
        try:
            original = pointers.resolve(document, pointer)
        except pointers.PointerNotFound as exc:
            log.error(pointer, f"type override in {config_file} points at nothing: {exc}")
            continue
        if isinstance(original, dict) and isinstance(original.get("description"), str):
            schema = {**schema, "description": original["description"]}
        document = _replace(document, pointers.split(pointer), schema)
        applied.append(f"{pointer} -> {expression}")
    return document, applied


def _schema_for(
    expression: str, document: dict[str, Any], pointer: str, log: DiagnosticLog, config_file: str
) -> dict[str, Any] | None:
    expression = expression.strip()
    if match := _LIST.match(expression):
        inner = _schema_for(match["inner"], document, pointer, log, config_file)
        return None if inner is None else {"type": "array", "items": inner}
    if match := _DICT.match(expression):
        inner = _schema_for(match["inner"], document, pointer, log, config_file)
        return None if inner is None else {"type": "object", "additionalProperties": inner}
    if not _NAME.match(expression):
        log.error(
            pointer,
            f"type override {expression!r} in {config_file} is not a schema name, "
            "list[...] or dict[str, ...]",
        )
        return None
    schemas = document.get("components", {}).get("schemas", {})
    if expression not in schemas:
        log.error(
            pointer,
            f"type override in {config_file} names schema {expression!r}, "
            "which is not in /components/schemas",
        )
        return None
    return {"$ref": "#" + pointers.join("/components/schemas", expression)}


def _replace(value: Any, tokens: list[str], replacement: Any) -> Any:
    if not tokens:
        return replacement
    head, rest = tokens[0], tokens[1:]
    if isinstance(value, list):
        index = int(head)
        return [*value[:index], _replace(value[index], rest, replacement), *value[index + 1 :]]
    return {**value, head: _replace(value[head], rest, replacement)}
