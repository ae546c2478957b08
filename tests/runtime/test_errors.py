"""Status error mapping and messages in _errors.py."""

from __future__ import annotations

import json
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, Field, TypeAdapter, ValidationError


def test_tree_in_docstring_lists_every_error(runtime) -> None:
    errors = runtime.errors
    tree = errors.__doc__
    for name in errors.__all__:
        if name[0].isupper():
            assert name in tree


def test_error_hierarchy(runtime) -> None:
    errors = runtime.errors

    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.APIConnectionError, errors.APIError)
    assert issubclass(errors.APIResponseValidationError, errors.APIError)
    assert issubclass(errors.AsyncOperationError, errors.APIError)
    assert issubclass(errors.RateLimitError, errors.APIStatusError)
    assert issubclass(errors.APIError, Exception)


@pytest.mark.parametrize(
    ("status", "error_name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (405, "APIStatusError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (502, "InternalServerError"),
        (599, "InternalServerError"),
    ],
)
def test_status_error_class(runtime, status: int, error_name: str) -> None:
    error = runtime.errors.status_error(status, b"", {})

    assert type(error).__name__ == error_name
    assert error.status_code == status


def test_str_reads_status_and_server_message(runtime) -> None:
    body = json.dumps({"status": "error", "error": "namespace 'x' not found"}).encode()

    error = runtime.errors.status_error(404, body, {"Content-Type": "application/json"})

    assert str(error) == "404 Not Found: namespace 'x' not found"
    assert error.message == "namespace 'x' not found"
    assert error.body == {"status": "error", "error": "namespace 'x' not found"}
    assert error.headers["content-type"] == "application/json"


def test_empty_body_uses_reason_phrase(runtime) -> None:
    error = runtime.errors.status_error(503, b"", {})

    assert error.message == "Service Unavailable"
    assert str(error) == "503 Service Unavailable"


def test_non_json_body_gives_excerpt(runtime) -> None:
    error = runtime.errors.status_error(500, b"upstream   failed\nretry later", {})

    assert error.message == "upstream failed retry later"
    assert error.body == "upstream   failed\nretry later"


def test_json_without_error_field_gives_excerpt(runtime) -> None:
    error = runtime.errors.status_error(400, b'{"detail": "bad filter"}', {})

    assert error.message == '{"detail": "bad filter"}'
    assert error.body == {"detail": "bad filter"}


def test_long_body_is_cut(runtime) -> None:
    error = runtime.errors.status_error(500, b"x" * 5000, {})

    assert len(error.message) <= 210
    assert error.message.endswith("...")
    assert error.body == "x" * 5000


def test_html_page_loses_tags(runtime) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"

    error = runtime.errors.status_error(502, page, {"content-type": "text/html"})

    assert error.message == "502 Bad Gateway nginx"


def test_invalid_utf8_body_does_not_raise(runtime) -> None:
    error = runtime.errors.status_error(500, b"\xff\xfe broken", {})

    assert "broken" in error.message


def test_status_error_from_parts(runtime) -> None:
    detail = {"status": "error", "error": "write conflict"}

    error = runtime.errors.status_error_from_parts(409, "write conflict", detail)

    assert isinstance(error, runtime.errors.ConflictError)
    assert str(error) == "409 Conflict: write conflict"
    assert error.body == detail
    assert len(error.headers) == 0


def test_validation_error_message_names_paths(runtime) -> None:
    class Row(BaseModel):
        id: int

    with pytest.raises(ValidationError) as caught:
        TypeAdapter(dict[str, list[Row]]).validate_python({"a": [{"id": "x"}, {}, {}, {}, {}]})

    error = runtime.errors.APIResponseValidationError(
        status_code=200, body={"a": []}, error=caught.value
    )

    assert "a.0.id: Input should be a valid integer" in error.message
    assert "a.1.id: Field required" in error.message
    assert error.message.endswith("(and 2 more)")
    assert error.status_code == 200


def test_validation_message_omits_union_tag(runtime) -> None:
    class Running(BaseModel):
        status: Literal["running"]

    class Finished(BaseModel):
        status: Literal["finished"]

    operation = Annotated[Running | Finished, Field(discriminator="status")]
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(operation).validate_python({"status": "secret-tag"})

    error = runtime.errors.APIResponseValidationError(
        status_code=200, body={"status": "secret-tag"}, error=caught.value
    )

    assert "secret-tag" not in error.message
    assert "(root): Input tag found using 'status'" in error.message
    assert "expected tags: 'running', 'finished'" in error.message


def test_connection_error_drops_headers(runtime) -> None:
    import httpx

    request = httpx.Request("POST", "http://h/v1/x?cursor=abc", headers={"Authorization": "k"})

    error = runtime.errors.APITimeoutError(request)

    assert "authorization" not in error.request.headers
    assert error.request.method == "POST"
    assert str(error) == "Request timed out: POST http://h/v1/x"
