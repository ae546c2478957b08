"""Validation of response bodies against the type the generated code expects.

A pydantic model is validated straight from the raw bytes with `model_validate_json`,
which skips building an intermediate dict. Any other type expression (`dict[str, Row]`,
a union, `list[int]`) goes through a pydantic TypeAdapter, built on first use and
cached per type.
"""

from __future__ import annotations

from typing import Any, TypeGuard, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from ._errors import APIResponseValidationError, parse_body

__all__ = ["validate_json_body", "validate_value"]

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
