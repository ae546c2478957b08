"""When to retry a request and how long to wait before the next attempt.

The client retries connection errors, timeouts and the statuses that
`is_retryable_status` accepts, up to `RetryPolicy.max_retries` times.
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

__all__ = ["RetryPolicy", "is_retryable_status", "parse_retry_after", "retry_delay"]

# Share of the backoff delay that jitter may remove, so that clients which failed
# together do not retry together.
_JITTER = 0.25


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retry limits and delays, in seconds.

    `max_retries=0` means one attempt only. A Retry-After header is honoured when it
    requests at most `max_retry_after` seconds. Otherwise the delay doubles from
    `initial_delay` on each retry up to `max_delay`.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {self.max_retries}")
        if self.initial_delay < 0 or self.max_delay < 0 or self.max_retry_after < 0:
            raise ValueError(
                "initial_delay, max_delay and max_retry_after must be 0 or more, got "
                f"{self.initial_delay}, {self.max_delay} and {self.max_retry_after}"
            )


def is_retryable_status(status: int) -> bool:
    """Return whether a response with this status is worth retrying.

    408 Request Timeout, 409 Conflict, 429 Too Many Requests and every 5xx status
    are retried.
    """
    return status in (408, 409, 429) or status >= 500


def retry_delay(
    policy: RetryPolicy,
    attempt: int,
    retry_after: str | None,
    now: datetime.datetime | None = None,
) -> float:
    """Return the seconds to wait after failed attempt number `attempt` (1 for the first).

    A Retry-After header of at most `policy.max_retry_after` seconds wins. Otherwise the
    delay is `initial_delay * 2 ** (attempt - 1)`, capped at `max_delay` and reduced by
    up to a quarter at random.
    """
    if retry_after is not None:
        requested = parse_retry_after(retry_after, now=now)
        if requested is not None and requested <= policy.max_retry_after:
            return requested

    backoff = min(policy.max_delay, policy.initial_delay * 2.0 ** max(attempt - 1, 0))
    return backoff * (1 - _JITTER * random.random())


def parse_retry_after(value: str, *, now: datetime.datetime | None = None) -> float | None:
    """Return the delay in seconds that a Retry-After header value requests.

    The value is either a number of seconds or an HTTP date. Decimal seconds are
    accepted too, although RFC 9110 allows only whole seconds. A date in the past means
    no delay. Returns None for a value in neither form.
    """
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        return _seconds_until_http_date(value, now=now)

    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def _seconds_until_http_date(value: str, *, now: datetime.datetime | None) -> float | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None

    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    current = now if now is not None else datetime.datetime.now(datetime.UTC)
    return max((when - current).total_seconds(), 0.0)
