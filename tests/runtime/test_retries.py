"""Retry decisions and delays in _retries.py."""

from __future__ import annotations

import datetime

import pytest

NOW = datetime.datetime(2024, 5, 1, 12, 0, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, False),
        (404, False),
        (408, True),
        (409, True),
        (422, False),
        (429, True),
        (500, True),
        (502, True),
        (599, True),
    ],
)
def test_is_retryable_status(runtime, status: int, expected: bool) -> None:
    assert runtime.retries.is_retryable_status(status) is expected


def test_backoff_doubles_and_caps(runtime) -> None:
    policy = runtime.retries.RetryPolicy(initial_delay=0.5, max_delay=8.0)

    for attempt, full in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (9, 8.0)]:
        for _ in range(20):
            delay = runtime.retries.retry_delay(policy, attempt, None)
            assert 0.75 * full <= delay <= full


def test_backoff_has_jitter(runtime) -> None:
    policy = runtime.retries.RetryPolicy()

    delays = {runtime.retries.retry_delay(policy, 2, None) for _ in range(20)}

    assert len(delays) > 1


def test_retry_after_seconds(runtime) -> None:
    policy = runtime.retries.RetryPolicy()

    assert runtime.retries.retry_delay(policy, 1, "7", now=NOW) == 7.0
    assert runtime.retries.retry_delay(policy, 1, "0", now=NOW) == 0.0
    assert runtime.retries.retry_delay(policy, 1, " 1.5 ", now=NOW) == 1.5


def test_retry_after_http_date(runtime) -> None:
    policy = runtime.retries.RetryPolicy()

    delay = runtime.retries.retry_delay(policy, 1, "Wed, 01 May 2024 12:00:30 GMT", now=NOW)

    assert delay == 30.0


def test_retry_after_past_date_is_zero(runtime) -> None:
    policy = runtime.retries.RetryPolicy()

    assert runtime.retries.retry_delay(policy, 1, "Wed, 01 May 2024 11:00:00 GMT", now=NOW) == 0.0


@pytest.mark.parametrize(
    "header", ["3600", "61", "Wed, 01 May 2024 13:00:00 GMT", "soon", "-5", "nan", "inf", ""]
)
def test_unreasonable_retry_after_uses_backoff(runtime, header: str) -> None:
    policy = runtime.retries.RetryPolicy(initial_delay=0.5, max_delay=8.0, max_retry_after=60.0)

    delay = runtime.retries.retry_delay(policy, 1, header, now=NOW)

    assert 0.375 <= delay <= 0.5


def test_policy_rejects_negative_values(runtime) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        runtime.retries.RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="initial_delay"):
        runtime.retries.RetryPolicy(initial_delay=-0.1)


def test_policy_is_frozen(runtime) -> None:
    policy = runtime.retries.RetryPolicy()

    with pytest.raises(AttributeError):
        policy.max_retries = 5
