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
        for problem in exc.errors(include_url=False):
            reason = problem["msg"]
            if problem["type"] == "missing":
                reason = f"missing required field {problem['loc'][-1]!r}"
            log.error(_pointer(document, problem["loc"]), f"invalid OpenAPI {version}: {reason}")
    if log.errors:
        raise GenerationError(log.errors)


def _pointer(document: Any, location: tuple[Any, ...]) -> str:
    """The JSON pointer of a pydantic error location.

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
