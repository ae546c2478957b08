"""Per-API generator configuration, read from a YAML file in `specs/`.

Everything is optional: with no configuration the generator derives names from the
spec alone. A configuration names the package and client class, groups operations
under resource handles (`client.namespace("x").query(...)`), names methods for
operations that have no operationId, states wire rules the spec does not express
(a request body nested under a key, an operation that runs asynchronously), and
tightens loose schemas with type overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import error


@dataclass(frozen=True)
class ResourceConfig:
    """A handle that binds one path parameter, such as `client.namespace(name)`."""

    name: str
    class_name: str
    path_parameter: str
    description: str = ""


@dataclass(frozen=True)
class PaginationConfig:
    """Cursor pagination: where the items and next cursor are, and which parameter takes it."""

    items: str
    cursor_parameter: str
    next_cursor: str


@dataclass(frozen=True)
class Base64VectorsConfig:
    """Request body properties whose vectors are sent as base64 little-endian float32.

    `rows` name lists of documents and `columns` maps of attribute name to values.
    The vector attributes are `attributes` plus those that the body property named
    `schema` declares with a float32 vector type.
    """

    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    schema: str | None = None


@dataclass(frozen=True)
class OperationConfig:
    """Settings for one operation, keyed in the file by `"METHOD /path"`."""

    key: str
    method: str | None = None
    body_argument: str | None = None
    wrap_body: str | None = None
    async_operation: bool = False
    pagination: PaginationConfig | None = None
    base64_vectors: Base64VectorsConfig | None = None


@dataclass(frozen=True)
class GeneratorConfig:
    """All settings for one API; `source` is the file they came from, if any."""

    source: str | None = None
    package_name: str | None = None
    distribution_name: str | None = None
    client_class: str | None = None
    package_version: str = "0.1.0"
    api_key_env: str | None = None
    base_url_env: str | None = None
    server_variable_env: dict[str, str] = field(default_factory=dict)
    require_method_names: bool = False
    resources: tuple[ResourceConfig, ...] = ()
    operations: dict[str, OperationConfig] = field(default_factory=dict)
    type_overrides: dict[str, str] = field(default_factory=dict)

    def operation(self, key: str) -> OperationConfig:
        return self.operations.get(key) or OperationConfig(key=key)


_TOP_LEVEL_KEYS = {
    "package_name",
    "distribution_name",
    "client_class",
    "package_version",
    "api_key_env",
    "base_url_env",
    "server_variable_env",
    "require_method_names",
    "resources",
    "operations",
    "type_overrides",
}
_OPERATION_KEYS = {
    "method",
    "body_argument",
    "wrap_body",
    "async_operation",
    "pagination",
    "base64_vectors",
}
_BASE64_VECTORS_KEYS = {"rows", "columns", "attributes", "schema"}
_RESOURCE_KEYS = {"class_name", "path_parameter", "description"}
_PAGINATION_KEYS = {"items", "cursor_parameter", "next_cursor"}


def load_config(path: Path) -> GeneratorConfig:
    """Read a configuration file, raising GenerationError naming the bad key."""
    file = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise error(file, "", "configuration file not found") from None
    except yaml.YAMLError as exc:
        raise error(file, "", f"malformed YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise error(file, "", "the configuration must be a mapping of settings")

    _reject_unknown(file, "", raw, _TOP_LEVEL_KEYS)
    return GeneratorConfig(
        source=file,
        package_name=_optional_str(file, raw, "package_name"),
        distribution_name=_optional_str(file, raw, "distribution_name"),
        client_class=_optional_str(file, raw, "client_class"),
        package_version=_optional_str(file, raw, "package_version") or "0.1.0",
        api_key_env=_optional_str(file, raw, "api_key_env"),
        base_url_env=_optional_str(file, raw, "base_url_env"),
        server_variable_env=_str_mapping(file, raw, "server_variable_env"),
        require_method_names=bool(raw.get("require_method_names", False)),
        resources=_resources(file, raw.get("resources") or {}),
        operations=_operations(file, raw.get("operations") or {}),
        type_overrides=_str_mapping(file, raw, "type_overrides"),
    )


def _resources(file: str, raw: Any) -> tuple[ResourceConfig, ...]:
    if not isinstance(raw, dict):
        raise error(file, "/resources", "must map a handle name to its settings")
    resources = []
    for name, settings in raw.items():
        pointer = f"/resources/{name}"
        if not isinstance(settings, dict):
            raise error(file, pointer, "must be a mapping with class_name and path_parameter")
        _reject_unknown(file, pointer, settings, _RESOURCE_KEYS)
        for key in ("class_name", "path_parameter"):
            if not isinstance(settings.get(key), str):
                raise error(file, f"{pointer}/{key}", "missing; give it as a string")
        resources.append(
            ResourceConfig(
                name=str(name),
                class_name=settings["class_name"],
                path_parameter=settings["path_parameter"],
                description=str(settings.get("description", "")),
            )
        )
    return tuple(resources)


def _operations(file: str, raw: Any) -> dict[str, OperationConfig]:
    if not isinstance(raw, dict):
        raise error(file, "/operations", 'must map "METHOD /path" to settings')
    operations = {}
    for key, settings in raw.items():
        pointer = f"/operations/{key}"
        method, _, path = str(key).partition(" ")
        if method.upper() != method or not path.startswith("/"):
            raise error(file, pointer, 'operation keys look like "POST /v2/namespaces/{namespace}"')
        if not isinstance(settings, dict):
            raise error(file, pointer, "must be a mapping of operation settings")
        _reject_unknown(file, pointer, settings, _OPERATION_KEYS)
        operations[key] = OperationConfig(
            key=key,
            method=_optional_str(file, settings, "method", pointer),
            body_argument=_optional_str(file, settings, "body_argument", pointer),
            wrap_body=_optional_str(file, settings, "wrap_body", pointer),
            async_operation=bool(settings.get("async_operation", False)),
            pagination=_pagination(file, f"{pointer}/pagination", settings.get("pagination")),
            base64_vectors=_base64_vectors(
                file, f"{pointer}/base64_vectors", settings.get("base64_vectors")
            ),
        )
    return operations


def _pagination(file: str, pointer: str, raw: Any) -> PaginationConfig | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise error(file, pointer, "must be a mapping with items, cursor_parameter, next_cursor")
    _reject_unknown(file, pointer, raw, _PAGINATION_KEYS)
    values = {}
    for key in sorted(_PAGINATION_KEYS):
        if not isinstance(raw.get(key), str):
            raise error(file, f"{pointer}/{key}", "missing; give it as a string")
        values[key] = raw[key]
    return PaginationConfig(**values)


def _base64_vectors(file: str, pointer: str, raw: Any) -> Base64VectorsConfig | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise error(file, pointer, "must be a mapping with rows, columns, attributes and schema")
    _reject_unknown(file, pointer, raw, _BASE64_VECTORS_KEYS)
    lists = {}
    for key in ("rows", "columns", "attributes"):
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise error(file, f"{pointer}/{key}", "must be a list of property names")
        lists[key] = tuple(value)
    return Base64VectorsConfig(**lists, schema=_optional_str(file, raw, "schema", pointer))


def _optional_str(file: str, raw: dict[str, Any], key: str, pointer: str = "") -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise error(file, f"{pointer}/{key}", f"must be a string, not {value!r}")
    return value


def _str_mapping(file: str, raw: dict[str, Any], key: str) -> dict[str, str]:
    value = raw.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise error(file, f"/{key}", "must map strings to strings")
    return dict(value)


def _reject_unknown(file: str, pointer: str, raw: dict[str, Any], known: set[str]) -> None:
    for key in raw:
        if key not in known:
            expected = ", ".join(sorted(known))
            raise error(file, f"{pointer}/{key}", f"unknown setting; expected one of: {expected}")
