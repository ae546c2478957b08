"""Check a document against the OpenAPI 3.0 or 3.1 schema with openapi-pydantic.

Each validation problem becomes an error with the JSON pointer of the offending
value, so a user can find it in the file.
"""

from __future__ import annotations

from typing import Any

import pydantic

from generator import pointers
from generator.diagnostics import DiagnosticLog, GenerationError, error


def openapi_version(document: dict[str, Any], file: str) -> str:
    """Return "3.0" or "3.1", or raise naming the version found and what is supported."""
    if "swagger" in document:
        raise error(
            file,
            "/swagger",
            f"Swagger {document['swagger']} documents are not supported; convert the document "
            "to OpenAPI 3 first (for example with swagger2openapi)",
        )
    version = document.get("openapi")
    if not isinstance(version, str):
        raise error(file, "/openapi", "missing 'openapi' version; an OpenAPI 3 document needs it")
    if version.startswith("3.0"):
        return "3.0"
    if version.startswith("3.1"):
        return "3.1"
    raise error(file, "/openapi", f"unsupported OpenAPI version {version!r}; use 3.0.x or 3.1.x")


def validate_document(document: dict[str, Any], version: str, log: DiagnosticLog) -> None:
    if version == "3.0":
        from openapi_pydantic.v3.v3_0 import OpenAPI as OpenAPI30

        model: type[pydantic.BaseModel] = OpenAPI30
    else:
        from openapi_pydantic.v3.v3_1 import OpenAPI as OpenAPI31

        model = OpenAPI31
    try:
        model.model_validate(document)
    except pydantic.ValidationError as exc:
        for pointer, reason in _select_problems(document, exc.errors(include_url=False)):
            log.error(pointer, f"invalid OpenAPI {version}: {reason}")
    if log.errors:
        raise GenerationError(log.errors)


def _select_problems(document: Any, problems: list[Any]) -> list[tuple[str, str]]:
    """One (pointer, reason) per problem, leaving out what a union's other branch explains.

    pydantic tries every branch of a union such as "Reference or Schema" and reports
    each failure. A missing `$ref` on a value that has no `$ref` only means the value
    is not a Reference, and an error on a value is redundant when an error deeper
    inside it states what is wrong, so both are left out.
    """
    found: dict[str, str] = {}
    for problem in problems:
        pointer = _pointer(document, problem["loc"])
        if problem["type"] == "missing" and problem["loc"][-1] == "$ref":
            value = _value_at(document, pointer)
            if isinstance(value, dict) and "$ref" not in value and len(problems) > 1:
                continue
        found.setdefault(pointer, _reason(problem))
    deepest = [
        pointer
        for pointer in found
        if not any(other.startswith(pointer + "/") for other in found)
    ]
    return [(pointer, found[pointer]) for pointer in deepest]


def _reason(problem: Any) -> str:
    if problem["type"] == "missing":
        return f"missing required field {problem['loc'][-1]!r}"
    reason = str(problem["msg"])
    value = problem.get("input")
    if value is None and "type" in problem["loc"]:
        reason += '; this is a YAML null (unquoted null): write "null" in quotes for the null type'
    elif isinstance(value, (str, int, float, bool)):
        reason += f", not {value!r}"
    return reason


def _value_at(document: Any, pointer: str) -> Any:
    try:
        return pointers.resolve(document, pointer)
    except pointers.PointerNotFound:
        return None


def _pointer(document: Any, location: tuple[Any, ...]) -> str:
    """Return the JSON pointer of a pydantic error location.

    pydantic puts union member names such as "Reference" or "function-after[...]" into
    locations; tokens that do not exist in the document at that point are skipped.
    """
    tokens: list[str] = []
    value = document
    for token in location:
        key: Any = token
        if isinstance(value, dict) and str(token) in value:
            key = str(token)
        elif isinstance(value, list) and isinstance(token, int) and token < len(value):
            key = token
        else:
            continue
        value = value[key]
        tokens.append(str(key))
    return pointers.join("", *tokens)
