"""Fixtures for the fault tests: a fake turbopuffer server and generated clients of both kinds.

`make_client` is parametrised over the synchronous and the asynchronous client, so
every test that uses it runs once for each. `BlockingClient` hides the difference:
the coroutines of AsyncTurbopuffer run to completion on an event loop the harness
owns, and the async client keeps its connection pool between calls. Every call has
a time limit, so a client that hangs fails its test instead of stalling the suite.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, Literal

import pytest
from turbopuffer_client import AsyncTurbopuffer, Turbopuffer
from turbopuffer_client._retries import RetryPolicy

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer.pytest_plugin import FakeTurbopufferFactory

# Distinctive enough that finding it in a log line or message cannot be a coincidence.
API_KEY = "tpuf_faultsuite_7Qx2Lm9Vb4Kd8Zr1"

# Retries wait 10 to 50 ms instead of the default 0.5 to 8 s, to keep the suite fast.
FAST_INITIAL_DELAY = 0.01
FAST_MAX_DELAY = 0.05

# The maximum seconds one call may take in these tests. The slowest call needs about 3 s.
CALL_TIME_LIMIT = 20.0

ClientKind = Literal["sync", "async"]


def fast_retry_policy(max_retries: int) -> RetryPolicy:
    return RetryPolicy(
        max_retries=max_retries, initial_delay=FAST_INITIAL_DELAY, max_delay=FAST_MAX_DELAY
    )


def use_fast_retries(client: Turbopuffer | AsyncTurbopuffer, max_retries: int) -> None:
    """Shorten the retry delays of a generated client, keeping its max_retries."""
    client._api.retry_policy = fast_retry_policy(max_retries)


class BlockingClient:
    """A Turbopuffer or AsyncTurbopuffer client whose calls block until they return.

    `namespace(name).write(...)` returns the WriteResult for both kinds, so one test
    body covers both clients.
    """

    def __init__(self, kind: ClientKind, **options: Any) -> None:
        self.kind = kind
        self._loop: asyncio.AbstractEventLoop | None = None
        self.client: Turbopuffer | AsyncTurbopuffer
        if kind == "sync":
            self.client = Turbopuffer(**options)
        else:
            self._loop = asyncio.new_event_loop()
            self.client = AsyncTurbopuffer(**options)

    def namespace(self, name: str) -> BlockingNamespace:
        return BlockingNamespace(self, self.client.namespace(name))

    def namespace_ids(self, **params: Any) -> list[str]:
        """List every namespace id, following the pagination cursor."""
        client = self.client
        if isinstance(client, Turbopuffer):
            return self.run(lambda: [summary.id for summary in client.namespaces(**params)])

        async def collect() -> list[str]:
            return [summary.id async for summary in client.namespaces(**params)]

        return self.run(collect)

    def run(self, call: Callable[[], Any]) -> Any:
        """Call `call` and return its result, awaiting it on the harness's loop for async.

        Raises AssertionError when the call takes longer than CALL_TIME_LIMIT.
        """
        if self._loop is None:
            return call_with_time_limit(call, CALL_TIME_LIMIT)

        async def limited() -> Any:
            try:
                return await asyncio.wait_for(call(), CALL_TIME_LIMIT)
            except TimeoutError:
                raise AssertionError(f"the call did not return within {CALL_TIME_LIMIT} s")

        return self._loop.run_until_complete(limited())

    def close(self) -> None:
        if isinstance(self.client, Turbopuffer):
            self.client.close()
            return
        assert self._loop is not None
        self._loop.run_until_complete(self.client.close())
        self._loop.close()


class BlockingNamespace:
    """A Namespace or AsyncNamespace whose methods block until the call returns."""

    def __init__(self, owner: BlockingClient, namespace: Any) -> None:
        self._owner = owner
        self.handle = namespace

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.handle, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self._owner.run(lambda: method(*args, **kwargs))

        return call


def call_with_time_limit(call: Callable[[], Any], limit: float) -> Any:
    """Call `call` in a daemon thread and return its result or raise its exception.

    Raises AssertionError when it has not returned after `limit` seconds. The thread
    keeps running then, but as a daemon it does not keep the test process alive.
    """
    outcome: list[tuple[bool, Any]] = []

    def target() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            outcome.append((False, error))

    thread = threading.Thread(target=target, name="blocking-client-call", daemon=True)
    thread.start()
    thread.join(limit)
    if not outcome:
        raise AssertionError(f"the call did not return within {limit} s")

    returned, value = outcome[0]
    if not returned:
        raise value
    return value


MakeClient = Callable[..., BlockingClient]


@pytest.fixture
def server(fake_turbopuffer_factory: FakeTurbopufferFactory) -> FakeTurbopuffer:
    """Return a running fake server that accepts API_KEY."""
    return fake_turbopuffer_factory(api_key=API_KEY)


@pytest.fixture(params=["sync", "async"])
def client_kind(request: pytest.FixtureRequest) -> ClientKind:
    kind: ClientKind = request.param
    return kind


@pytest.fixture
def make_client(client_kind: ClientKind, server: FakeTurbopuffer) -> Iterator[MakeClient]:
    """Build clients of one kind for `server`, with fast retries, closed after the test.

    Keyword arguments override the client options. `max_retries` defaults to 2.
    """
    clients: list[BlockingClient] = []

    def build(**overrides: Any) -> BlockingClient:
        options: dict[str, Any] = {
            "api_key": API_KEY,
            "base_url": server.base_url,
            "timeout": 5.0,
            "max_retries": 2,
        }
        options.update(overrides)
        blocking = BlockingClient(client_kind, **options)
        use_fast_retries(blocking.client, options["max_retries"])
        clients.append(blocking)
        return blocking

    yield build
    for blocking in clients:
        blocking.close()


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    """Call `call` and return its result with the seconds it took."""
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def count_requests(server: FakeTurbopuffer, method: str, path: str) -> int:
    """Return how many requests with this method and exact target (path and query) arrived."""
    return sum(
        1 for request in server.requests if request.method == method and request.path == path
    )
