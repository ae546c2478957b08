"""Load the OpenAPI document once per process and build JSON Schema validators from it.

The spec is OpenAPI 3.1, so its schemas are JSON Schema 2020-12. The whole
document is registered as one `referencing` resource, which lets every
`#/components/...` reference resolve from any validator built here.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

logger = logging.getLogger(__name__)

SPEC_URI = "urn:fake-turbopuffer:openapi"
OVERLOAD_PARAMETER = "stainless_overload"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

# Validation messages quote the offending value, which can be a whole request body.
_MAX_MESSAGE_LENGTH = 300

_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Operation:
    """One method of one path key in the spec.

    The spec keys some paths with a query string (`/v2/namespaces/{namespace}?stainless_overload=copyFrom`).
    `segments` is the path template split on "/", and `overload` is the value
    of `stainless_overload` from the key, or None.
    """

    method: str
    path_key: str
    segments: tuple[str, ...]
    overload: str | None
    pointer: str
    definition: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path_key}"


class OpenApiSpec:
    """A parsed spec with its operations and a cache of validators by JSON pointer."""

    def __init__(self, document: Mapping[str, Any], *, source: str) -> None:
        self.document = document
        self.source = source
        self.registry: Registry[Any] = Registry().with_resource(
            SPEC_URI, Resource.from_contents(document, default_specification=DRAFT202012)
        )
        self.operations = tuple(_read_operations(document))
        self._format_checker = _build_format_checker()
        self._validators: dict[str, Draft202012Validator] = {}
        self._validators_lock = threading.Lock()

    def resolve(self, pointer: str) -> Any:
        """Return the value at a JSON pointer such as `#/components/schemas/Write`."""
        value: Any = self.document
        for token in pointer.removeprefix("#").split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            value = value[int(token)] if isinstance(value, list) else value[token]
        return value

    def validator(self, pointer: str) -> Draft202012Validator:
        """Return a cached validator for the schema at `pointer`."""
        with self._validators_lock:
            cached = self._validators.get(pointer)
            if cached is None:
                reference = SPEC_URI + quote(pointer, safe="#/~")
                cached = Draft202012Validator(
                    {"$ref": reference},
                    registry=self.registry,
                    format_checker=self._format_checker,
                )
                self._validators[pointer] = cached
            return cached

    def request_body_pointer(self, operation: Operation) -> str | None:
        content = operation.definition.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            return None
        return f"{operation.pointer}/requestBody/content/application~1json/schema"

    def request_body_required(self, operation: Operation) -> bool:
        return bool(operation.definition.get("requestBody", {}).get("required", False))

    def response_pointer(self, operation: Operation, status: int) -> str | None:
        """Return the pointer to the JSON schema the spec gives for `status`.

        Falls back to the `default` response as OpenAPI does. Returns None when
        neither exists or the response has no JSON content.
        """
        responses = operation.definition.get("responses", {})
        key = str(status) if str(status) in responses else "default"
        content = responses.get(key, {}).get("content", {})
        if "application/json" not in content:
            return None
        return f"{operation.pointer}/responses/{key}/content/application~1json/schema"

    def query_parameters(self, operation: Operation) -> dict[str, str]:
        """Map each query parameter name of the operation to the pointer of its schema."""
        parameters: dict[str, str] = {}
        for index, parameter in enumerate(operation.definition.get("parameters", [])):
            pointer = f"{operation.pointer}/parameters/{index}"
            if "$ref" in parameter:
                pointer = parameter["$ref"]
                parameter = self.resolve(pointer)
            if parameter.get("in") == "query":
                parameters[parameter["name"]] = f"{pointer}/schema"
        return parameters

    def find_operation(self, *, method: str, overload: str) -> Operation | None:
        for operation in self.operations:
            if operation.method == method and operation.overload == overload:
                return operation
        return None


@functools.cache
def _load_spec_cached(resolved_path: str) -> OpenApiSpec:
    logger.info("Loading OpenAPI spec from %s", resolved_path)
    with open(resolved_path, encoding="utf-8") as file:
        document = yaml.load(file, Loader=_YamlLoader)
    return OpenApiSpec(document, source=resolved_path)


def load_spec(path: str | os.PathLike[str]) -> OpenApiSpec:
    """Load the spec at `path`, parsing each file at most once per process."""
    return _load_spec_cached(str(Path(path).resolve()))


def collect_messages(
    validator: Draft202012Validator,
    instance: Any,
    *,
    subject: str,
    path_prefix: Sequence[Any] = (),
) -> list[str]:
    """Validate `instance` and describe each error with the JSON pointer of the bad value.

    `path_prefix` is the location of `instance` inside the document that
    `subject` names, so that pointers stay relative to that document.
    """
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    return [_describe(error, subject=subject, path_prefix=path_prefix) for error in errors]


def json_pointer(parts: Sequence[Any]) -> str:
    escaped = [str(part).replace("~", "~0").replace("/", "~1") for part in parts]
    return "/" + "/".join(escaped) if escaped else ""


def _describe(error: ValidationError, *, subject: str, path_prefix: Sequence[Any]) -> str:
    location = json_pointer([*path_prefix, *error.absolute_path]) or "/"
    message = _shorten(error.message)
    if error.context:
        # anyOf and oneOf failures only report "not valid under any of the
        # given schemas", so the message also names the closest alternative.
        closest = best_match(error.context)
        if closest is not None:
            closest_location = json_pointer([*path_prefix, *closest.absolute_path]) or "/"
            message += f" (closest match fails at {closest_location}: {_shorten(closest.message)})"
    return f"{subject} at {location}: {message}"


def _shorten(text: str) -> str:
    if len(text) <= _MAX_MESSAGE_LENGTH:
        return text
    return text[: _MAX_MESSAGE_LENGTH - 3] + "..."


def _read_operations(document: Mapping[str, Any]) -> Iterator[Operation]:
    for path_key, path_item in document.get("paths", {}).items():
        path, _, query = path_key.partition("?")
        overload = None
        if query:
            name, _, value = query.partition("=")
            if name == OVERLOAD_PARAMETER:
                overload = value
        escaped_key = path_key.replace("~", "~0").replace("/", "~1")
        for method in HTTP_METHODS:
            if method in path_item:
                yield Operation(
                    method=method.upper(),
                    path_key=path_key,
                    segments=tuple(path.strip("/").split("/")),
                    overload=overload,
                    pointer=f"#/paths/{escaped_key}/{method}",
                    definition=path_item[method],
                )


def _build_format_checker() -> FormatChecker:
    # jsonschema checks date-time only when an optional package is installed,
    # so the fake registers its own RFC 3339 check for its timestamps.
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if "T" not in value.upper():
            raise ValueError(f"{value!r} has no time part")
        if datetime.fromisoformat(value).tzinfo is None:
            raise ValueError(f"{value!r} has no time zone offset")
        return True

    return checker
