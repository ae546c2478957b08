"""The asynchronous-operation flow (202 + Location + polling), through both clients."""

from __future__ import annotations

import time

import pytest
from pydantic import BaseModel

from tests.runtime.conftest import API_KEY
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response

OPERATION = "/v2/operations/op-1"
ACCEPTED_HEADERS = {"Preference-Applied": "respond-async", "Location": OPERATION}
RUNNING = {"status": "running"}


class CopyResult(BaseModel):
    rows_copied: int


def finished(result: object) -> dict[str, object]:
    return {"status": "finished", "result": result}


def accepted(headers: dict[str, str] | None = None) -> ScriptedResponse:
    return json_response({"status": "accepted"}, status=202, headers=headers or ACCEPTED_HEADERS)


def test_finished_after_several_polls(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue(
        "GET",
        OPERATION,
        json_response(RUNNING),
        json_response(RUNNING),
        json_response(finished({"success": {"rows_copied": 12}})),
    )
    client = make_client()

    result = client.request(
        "POST",
        "/v2/namespaces/ns?overload=copyFrom",
        response_type=CopyResult,
        body={"source": "other"},
        async_operation=True,
    )

    assert result == CopyResult(rows_copied=12)
    start = server.requests_to("POST", "/v2/namespaces/ns")[0]
    assert start.headers["prefer"] == "respond-async"
    polls = server.requests_to("GET", OPERATION)
    assert len(polls) == 3
    assert all(poll.headers["authorization"] == f"Bearer {API_KEY}" for poll in polls)
    assert all("prefer" not in poll.headers for poll in polls)


def test_error_result_raises_mapped_class(make_client, runtime, server: ScriptedServer) -> None:
    detail = {"status": "error", "error": "namespace ns was written concurrently"}
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue(
        "GET", OPERATION, json_response(finished({"error": {"status_code": 409, "detail": detail}}))
    )
    client = make_client()

    with pytest.raises(runtime.errors.ConflictError) as caught:
        client.request("POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True)

    assert caught.value.message == "namespace ns was written concurrently"
    assert caught.value.body == detail
    assert str(caught.value) == "409 Conflict: namespace ns was written concurrently"


def test_other_origin_location_is_refused(
    make_client, runtime, server: ScriptedServer, other_server: ScriptedServer
) -> None:
    elsewhere = f"{other_server.url}{OPERATION}"
    server.enqueue(
        "POST",
        "/v2/namespaces/ns",
        accepted({"Preference-Applied": "respond-async", "Location": elsewhere}),
    )
    other_server.always("GET", OPERATION, json_response(finished({"success": {"rows_copied": 1}})))
    client = make_client()

    with pytest.raises(runtime.errors.AsyncOperationError) as caught:
        client.request("POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True)

    assert elsewhere in caught.value.message
    assert other_server.requests == []


def test_missing_location_raises(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted({"Preference-Applied": "respond-async"}))
    client = make_client()

    with pytest.raises(runtime.errors.AsyncOperationError, match="no Location header"):
        client.request("POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True)


def test_poll_rate_limit_is_retried(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue(
        "GET",
        OPERATION,
        json_response({"status": "error", "error": "slow down"}, status=429),
        json_response({"status": "error", "error": "hiccup"}, status=500),
        json_response(finished({"success": {"rows_copied": 3}})),
    )
    client = make_client(max_retries=2)

    result = client.request(
        "POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True
    )

    assert result == CopyResult(rows_copied=3)
    assert len(server.requests_to("GET", OPERATION)) == 3


def test_never_finishing_operation_times_out(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    # A bounded number of "running" replies: should the deadline fail, the 101st poll gets
    # a 404 and the test ends instead of polling forever.
    quick = {"Retry-After": "0.02"}
    server.enqueue("GET", OPERATION, *[json_response(RUNNING, headers=quick) for _ in range(100)])
    client = make_client(timeout=5.0)

    started = time.monotonic()
    with pytest.raises(runtime.errors.APITimeoutError) as caught:
        client.request(
            "POST",
            "/v2/namespaces/ns",
            response_type=CopyResult,
            async_operation=True,
            timeout=0.5,
        )
    elapsed = time.monotonic() - started

    assert 0.45 <= elapsed < 1.0
    assert OPERATION in caught.value.message
    assert len(server.requests_to("GET", OPERATION)) >= 5


def test_slow_poll_is_cut_at_deadline(make_client, runtime, server: ScriptedServer) -> None:
    # The first poll starts 0.7 s into a 1 s budget, so only a poll timeout cut to the
    # remaining 0.3 s ends the call near 1 s rather than at 1.7 s.
    server.enqueue(
        "POST", "/v2/namespaces/ns", accepted({**ACCEPTED_HEADERS, "Retry-After": "0.7"})
    )
    server.always("GET", OPERATION, json_response(RUNNING, delay=3.0))
    client = make_client(timeout=5.0, max_retries=0)

    started = time.monotonic()
    with pytest.raises(runtime.errors.APITimeoutError):
        client.request(
            "POST", "/v2/namespaces/ns", response_type=None, async_operation=True, timeout=1.0
        )

    assert 0.95 <= time.monotonic() - started < 1.4


def test_202_without_preference_applied_is_normal(make_client, server: ScriptedServer) -> None:
    server.enqueue(
        "POST",
        "/v2/namespaces/ns",
        json_response({"rows_copied": 5}, status=202, headers={"Location": OPERATION}),
    )
    client = make_client()

    result = client.request(
        "POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True
    )

    assert result == CopyResult(rows_copied=5)
    assert server.requests_to("GET", OPERATION) == []


def test_synchronous_200_is_normal(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", json_response({"rows_copied": 7}))
    client = make_client()

    result = client.request(
        "POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True
    )

    assert result == CopyResult(rows_copied=7)


def test_relative_location_resolves_against_request(make_client, server: ScriptedServer) -> None:
    server.enqueue(
        "POST",
        "/v2/namespaces/ns/copy",
        accepted({"Preference-Applied": "respond-async", "Location": "ops/7?wait=1"}),
    )
    server.enqueue("GET", "/v2/namespaces/ns/ops/7", json_response(finished({"success": None})))
    client = make_client()

    client.request("POST", "/v2/namespaces/ns/copy", response_type=None, async_operation=True)

    assert server.requests[-1].path == "/v2/namespaces/ns/ops/7?wait=1"


def test_absolute_same_origin_location(make_client, server: ScriptedServer) -> None:
    location = f"{server.url}{OPERATION}"
    server.enqueue(
        "POST",
        "/v2/namespaces/ns",
        accepted({"Preference-Applied": "respond-async", "Location": location}),
    )
    server.enqueue("GET", OPERATION, json_response(finished({"success": {"rows_copied": 2}})))
    client = make_client()

    result = client.request(
        "POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True
    )

    assert result == CopyResult(rows_copied=2)


def test_retry_after_overrides_poll_interval(make_client, server: ScriptedServer) -> None:
    quick = {"Retry-After": "0.01"}
    server.enqueue(
        "POST",
        "/v2/namespaces/ns",
        accepted({**ACCEPTED_HEADERS, **quick}),
    )
    server.enqueue("GET", OPERATION, *[json_response(RUNNING, headers=quick) for _ in range(6)])
    server.enqueue("GET", OPERATION, json_response(finished({"success": {"rows_copied": 1}})))
    client = make_client()

    started = time.monotonic()
    client.request("POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True)

    # Without Retry-After the interval grows from 0.1 s and seven polls take over 2 s.
    assert time.monotonic() - started < 0.8
    assert len(server.requests_to("GET", OPERATION)) == 7


def test_poll_interval_grows(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue("GET", OPERATION, json_response(RUNNING), json_response(RUNNING))
    server.enqueue("GET", OPERATION, json_response(finished({"success": {"rows_copied": 1}})))
    client = make_client()

    started = time.monotonic()
    client.request("POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True)

    # Waits of 0.1, 0.15 and 0.225 s come before the three polls.
    assert 0.45 <= time.monotonic() - started < 1.2


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ({"status": "paused"}, "Unknown asynchronous operation status 'paused'"),
        ({"status": "finished"}, "neither result.success nor result.error"),
        ({"status": "finished", "result": {"error": {"detail": "x"}}}, "status_code"),
        (["not", "an", "object"], "not a JSON object"),
    ],
)
def test_malformed_operation_body_raises(
    make_client, runtime, server: ScriptedServer, body: object, match: str
) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue("GET", OPERATION, json_response(body))
    client = make_client()

    with pytest.raises(runtime.errors.AsyncOperationError, match=match):
        client.request("POST", "/v2/namespaces/ns", response_type=None, async_operation=True)


def test_success_value_is_validated(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue("GET", OPERATION, json_response(finished({"success": {"rows_copied": "many"}})))
    client = make_client()

    with pytest.raises(runtime.errors.APIResponseValidationError, match="rows_copied"):
        client.request("POST", "/v2/namespaces/ns", response_type=CopyResult, async_operation=True)


def test_success_value_with_type_expression(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v2/namespaces/ns", accepted())
    server.enqueue(
        "GET", OPERATION, json_response(finished({"success": {"a": {"rows_copied": 1}}}))
    )
    client = make_client()

    result = client.request(
        "POST", "/v2/namespaces/ns", response_type=dict[str, CopyResult], async_operation=True
    )

    assert result == {"a": CopyResult(rows_copied=1)}
