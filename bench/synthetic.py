"""Synthetic specs that repeat a real spec's schemas and operations a whole number of times.

Copy `k` of every component is renamed with the suffix `Copy<k>`, and every `$ref`
inside the copy points at the copy, so the copies are as tangled as the original
but never refer to each other. Copy `k` of every path is put under `/copy<k>`, and
its operationIds get the same suffix. Security schemes are shared, because operations
name them rather than refer to them.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

# Component kinds that a `$ref` points into, as "#/components/<kind>/<name>".
_COPIED_KINDS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "links",
    "callbacks",
)


def multiply_spec(spec: dict[str, Any], factor: int) -> dict[str, Any]:
    """Return a spec with `factor` copies of the schemas and operations of `spec`."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")

    result = dict(spec)
    components = dict(spec.get("components") or {})
    paths: dict[str, Any] = dict(spec.get("paths") or {})
    for copy in range(1, factor):
        suffix = f"Copy{copy}"
        for kind in _COPIED_KINDS:
            originals = (spec.get("components") or {}).get(kind) or {}
            copied = dict(components.get(kind) or {})
            for name, value in originals.items():
                copied[name + suffix] = _renamed(value, suffix)
            components[kind] = copied
        for path, item in (spec.get("paths") or {}).items():
            paths[f"/copy{copy}{path}"] = _renamed(item, suffix)
    result["components"] = components
    result["paths"] = paths
    return result


def write_multiplied(spec: dict[str, Any], factor: int, folder: Path) -> Path:
    """Write the `factor`-times spec as JSON into `folder` and return its path."""
    target = folder / f"spec-{factor}x.json"
    text = json.dumps(multiply_spec(spec, factor), default=_json_value)
    target.write_text(text, encoding="utf-8")
    return target


def _json_value(value: object) -> str:
    """Write the dates that YAML reads from unquoted values the way the generator reads them."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} values cannot be written as JSON")


def _renamed(value: Any, suffix: str) -> Any:
    """Copy `value`, pointing component `$ref`s and operationIds at the `suffix` copy."""
    if isinstance(value, dict):
        copied = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str) and item.startswith("#/components/"):
                copied[key] = _renamed_reference(item, suffix)
            elif key == "operationId" and isinstance(item, str):
                copied[key] = item + suffix
            else:
                copied[key] = _renamed(item, suffix)
        return copied
    if isinstance(value, list):
        return [_renamed(item, suffix) for item in value]
    return value


def _renamed_reference(reference: str, suffix: str) -> str:
    parts = reference.split("/")
    # "#", "components", kind, name, and possibly a pointer into the component.
    if len(parts) >= 4 and parts[2] in _COPIED_KINDS:
        parts[3] += suffix
    return "/".join(parts)
