"""Validation of response bodies against the type the generated code expects.

A pydantic model is validated straight from the raw bytes with `model_validate_json`,
which skips building an intermediate dict. Any other type expression (`dict[str, Row]`,
a union, `list[int]`) goes through a pydantic TypeAdapter, built on first use and
cached per type. Text and binary responses skip validation. The generated method
requests them with `response_kind`, which the generator sets from the media type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeGuard, cast

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from ._errors import APIResponseValidationError, APIStatusError, parse_body

__all__ = [
    "ResponseKind",
    "parse_error_body",
    "read_raw_body",
    "validate_json_body",
    "validate_value",
]

ResponseKind = Literal["json", "text", "bytes"]

_adapters: dict[object, TypeAdapter[Any]] = {}


def validate_json_body(content: bytes, response_type: object, *, status_code: int) -> Any:
    """Parse and validate a JSON response body as `response_type`.

    `response_type=None` means the operation returns no body, so the content is ignored
    and None is returned. Raises APIResponseValidationError when the body is not valid
    JSON or does not match the type.
    """
    if response_type is None:
        return None

    try:
        if _is_model_class(response_type):
            return response_type.model_validate_json(content)
        return _adapter(response_type).validate_json(content)
    except ValidationError as error:
        raise APIResponseValidationError(
            status_code=status_code, body=parse_body(content), error=error
        ) from None


def read_raw_body(response: httpx.Response, kind: ResponseKind) -> str | bytes:
    """Return a text response as str, decoded with its charset, or any other as bytes.

    httpx decodes text with the Content-Type charset, falling back to UTF-8.
    """
    if kind == "text":
        return response.text
    return response.content


def validate_value(value: object, response_type: object, *, status_code: int) -> Any:
    """Validate an already parsed JSON value as `response_type`.

    Used for the result of an asynchronous operation, which arrives inside the JSON
    body of the last poll. Raises APIResponseValidationError when it does not match.
    """
    if response_type is None:
        return None

    try:
        if _is_model_class(response_type):
            return response_type.model_validate(value)
        return _adapter(response_type).validate_python(value)
    except ValidationError as error:
        raise APIResponseValidationError(status_code=status_code, body=value, error=error) from None


def parse_error_body(error: APIStatusError, body_types: Mapping[int, object]) -> None:
    """Replace `error.body` with the body validated as the type declared for its status.

    A body that does not match the declared type stays as it is, so the error that the
    server reported is raised either way.
    """
    body_type = body_types.get(error.status_code)
    if body_type is None:
        return

    try:
        if _is_model_class(body_type):
            error.body = body_type.model_validate(error.body)
        else:
            error.body = _adapter(body_type).validate_python(error.body)
    except ValidationError:
        return


def _is_model_class(response_type: object) -> TypeGuard[type[BaseModel]]:
    return isinstance(response_type, type) and issubclass(response_type, BaseModel)


def _adapter(response_type: object) -> TypeAdapter[Any]:
    try:
        return _adapters[response_type]
    except KeyError:
        pass
    except TypeError:
        # An unhashable type expression, such as Annotated with unhashable metadata.
        return _build_adapter(response_type)

    adapter = _build_adapter(response_type)
    _adapters[response_type] = adapter
    return adapter


def _build_adapter(response_type: object) -> TypeAdapter[Any]:
    # The generated code passes a type expression, which is typed as object here.
    return TypeAdapter[Any](cast(Any, response_type))
