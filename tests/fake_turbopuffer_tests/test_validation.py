"""Request validation against the spec, and the check of the fake's own responses."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer._context import RequestContext
from tests.fake_turbopuffer._responses import Response
from tests.fake_turbopuffer._routes import ROUTES, Route
from tests.fake_turbopuffer._spec import load_spec
from tests.fake_turbopuffer._validation import check_response
from tests.fake_turbopuffer.pytest_plugin import SPEC_PATH_VARIABLE, spec_path

WRITE_KEY = "/v2/namespaces/{namespace}"


def test_nested_error_names_json_pointer(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}, {"id": 2.5}]})

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert len(errors) == 1
    assert errors[0].startswith(f"POST {WRITE_KEY}: request body at /upsert_rows/1/id:")
    assert errors[0] in response.json()["error"]


def test_body_that_is_not_json_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post(
        "/v2/namespaces/ns", content=b"{not json", headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert "not valid JSON" in fake_turbopuffer.take_validation_errors()[0]


def test_wrong_content_type_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post(
        "/v2/namespaces/ns", content=b'{"upsert_rows": []}', headers={"Content-Type": "text/plain"}
    )

    assert response.status_code == 400
    assert "Content-Type is 'text/plain'" in fake_turbopuffer.take_validation_errors()[0]


def test_body_on_operation_without_body_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.request("GET", "/v1/namespaces", json={"prefix": "a"})

    assert response.status_code == 400
    assert "defines no request body" in fake_turbopuffer.take_validation_errors()[0]


def test_unknown_query_parameter_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.get("/v1/namespaces", params={"limit": 3})

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert errors == ["GET /v1/namespaces: query parameter 'limit' is not defined by the spec"]


def test_repeated_query_parameter_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.get("/v1/namespaces?prefix=a&prefix=b")

    assert response.status_code == 400
    assert "appears more than once" in fake_turbopuffer.take_validation_errors()[0]


def test_non_integer_page_size_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.get("/v1/namespaces", params={"page_size": "ten"})

    assert response.status_code == 400
    assert "'ten' is not of type 'integer'" in fake_turbopuffer.take_validation_errors()[0]


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"rank_by": ["vector", "Nearest", [1.0]]}, "/rank_by"),
        ({"aggregate_by": {"n": ["Median", "a"]}}, "/aggregate_by/n"),
        ({"group_by": [7]}, "/group_by/0"),
        ({"include_attributes": "all"}, "/include_attributes"),
        ({"vector_encoding": "hex"}, "/vector_encoding"),
        ({"consistency": {"level": "maximum"}}, "/consistency/level"),
    ],
)
def test_invalid_query_field_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client, body: dict[str, object], pointer: str
) -> None:
    client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]})

    response = client.post("/v2/namespaces/ns/query", json=body)

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert len(errors) == 1
    assert f"request body at {pointer}" in errors[0]


def test_invalid_sub_query_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post(
        "/v2/namespaces/ns/query?stainless_overload=multiQuery",
        json={"queries": [{"top_k": 1}, {"filters": ["a", "Bogus", 1]}]},
    )

    assert response.status_code == 400
    assert "request body at /queries/1/filters" in fake_turbopuffer.take_validation_errors()[0]


def test_invalid_request_gets_400_error_body(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post("/v2/namespaces/ns", json={"upsert_rows": "nope"})

    assert response.json()["status"] == "error"
    assert response.json()["error"].startswith("request does not match the API spec: ")
    fake_turbopuffer.take_validation_errors()


def test_valid_requests_record_nothing(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": "doc", "vector": [0.5]}]})
    client.post("/v2/namespaces/ns/query", json={"rank_by": ["vector", "ANN", [0.5]], "top_k": 1})
    client.get("/v1/namespaces", params={"page_size": 1000, "prefix": "n"})

    assert fake_turbopuffer.validation_errors == []


def test_response_check_rejects_bad_write_result() -> None:
    spec = load_spec(spec_path())
    operation = next(op for op in spec.operations if op.label == f"POST {WRITE_KEY}")

    errors = check_response(spec, operation, 200, {"status": "OK", "rows_affected": "two"})

    assert any("'message' is a required property" in error for error in errors)
    assert any("at /rows_affected: 'two' is not of type 'integer'" in error for error in errors)


def test_response_check_uses_error_schema_for_errors() -> None:
    spec = load_spec(spec_path())
    operation = next(op for op in spec.operations if op.label == f"POST {WRITE_KEY}")

    assert check_response(spec, operation, 404, {"status": "error", "error": "gone"}) == []
    assert check_response(spec, operation, 404, {"message": "gone"}) != []


def test_response_check_rejects_timestamp_without_zone() -> None:
    spec = load_spec(spec_path())
    operation = next(op for op in spec.operations if op.overload == "pollCopyFrom")

    errors = check_response(
        spec, operation, 200, {"status": "running", "start_time": "2024-01-01T00:00:00"}
    )

    assert errors != []


def test_invalid_response_of_fake_is_recorded(
    fake_turbopuffer: FakeTurbopuffer,
    raw_client: httpx.Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken_delete(context: RequestContext) -> Response:
        return Response(status=200, body={"status": "deleted"})

    monkeypatch.setitem(ROUTES, ("DELETE", WRITE_KEY), Route(broken_delete))

    response = raw_client.delete("/v2/namespaces/ns")

    assert response.status_code == 200
    errors = list(fake_turbopuffer.internal_errors)
    fake_turbopuffer.internal_errors.clear()
    assert len(errors) == 1
    assert errors[0].startswith(f"DELETE {WRITE_KEY}: response 200 body at /status:")


def test_handler_crash_is_500_and_recorded(
    fake_turbopuffer: FakeTurbopuffer,
    raw_client: httpx.Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def crashing_delete(context: RequestContext) -> Response:
        raise RuntimeError("boom")

    monkeypatch.setitem(ROUTES, ("DELETE", WRITE_KEY), Route(crashing_delete))

    response = raw_client.delete("/v2/namespaces/ns")

    assert response.status_code == 500
    errors = list(fake_turbopuffer.internal_errors)
    fake_turbopuffer.internal_errors.clear()
    assert errors == [f"DELETE {WRITE_KEY}: unhandled RuntimeError: boom"]


def test_every_spec_operation_has_a_handler() -> None:
    spec = load_spec(spec_path())

    missing = [op.label for op in spec.operations if (op.method, op.path_key) not in ROUTES]

    assert missing == []


def test_spec_path_comes_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    custom = tmp_path / "openapi.yaml"
    monkeypatch.setenv(SPEC_PATH_VARIABLE, str(custom))

    assert spec_path() == custom


def test_spec_is_loaded_once_per_path() -> None:
    assert load_spec(spec_path()) is load_spec(str(spec_path()))
