"""Fifty concurrent callers mixing writes and queries for ten seconds, with 5% of requests faulted.

Each caller upserts rows with ids of its own or queries a namespace, chosen at random
with a per-caller seed. The fake server faults a random 5% of requests, from a fixed
seed, with every kind of fault the other tests inject one at a time.

Afterwards the test checks that nothing hung and that every failure was a typed client
error. Every confirmed write must be stored exactly once and unchanged. The number of
open connections must stay bounded, and closing the client must close them all.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from turbopuffer_client import APIError, AsyncTurbopuffer, Turbopuffer

from tests.fake_turbopuffer import FakeTurbopuffer, Fault

from .conftest import API_KEY, use_fast_retries

LOAD_SECONDS = 10.0
CALLERS = 50
FAULT_RATE = 0.05
FAULT_SEED = 20260301
WRITE_SHARE = 0.5
NAMESPACES = [f"load-{index}" for index in range(5)]
# An upper bound on the operations of one caller, so the loop ends even if the clock stalls.
MAX_OPERATIONS_PER_CALLER = 10_000
CALL_TIMEOUT = 3.0
MAX_RETRIES = 1
# A call makes at most MAX_RETRIES + 1 attempts of CALL_TIMEOUT each, so a caller still
# running this long after the load ended is stuck. The extra 5 s absorb slow scheduling.
HANG_GRACE_SECONDS = (MAX_RETRIES + 1) * CALL_TIMEOUT + 5.0
# Every caller has at most one request in flight, so a pool that reuses connections
# needs at most one per caller. The slack covers connections the client closed that
# the server has not yet noticed.
CONNECTION_SLACK = 5
# The minimum number of operations that counts as load. The fake server validates every
# request and response against the spec, which limits it to about 80 to 160 operations a
# second (measured with this test on a 2-CPU x86-64 container, Python 3.11).
MIN_OPERATIONS = 300

LOAD_FAULTS = [
    Fault("*", "/", status=429, headers={"Retry-After": "0"}),
    Fault("*", "/", status=500),
    Fault("*", "/", status=503, headers={"Retry-After": "0"}),
    Fault("*", "/", status=502, headers={"Content-Type": "text/html"}, body="<h1>502</h1>"),
    Fault("*", "/", drop_connection=True),
    Fault("*", "/", reset_connection=True),
    Fault("*", "/", truncate_body=True),
    Fault("*", "/", status=200, body=b'{"rows": [{"id": '),
    Fault("POST", "/v2/namespaces/", after_apply="drop"),
    Fault("*", "/", delay=0.2),
]

Row = dict[str, Any]


@dataclass
class LoadResults:
    """What the callers did, recorded from many threads or tasks at once."""

    confirmed: dict[str, dict[str, Row]] = field(default_factory=dict)
    unconfirmed: dict[str, dict[str, Row]] = field(default_factory=dict)
    queries: int = 0
    failures: list[APIError] = field(default_factory=list)
    unexpected: list[BaseException] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record_write(self, namespace: str, row: Row) -> None:
        with self.lock:
            self.confirmed.setdefault(namespace, {})[row["id"]] = row

    def record_query(self, result: Any) -> None:
        with self.lock:
            self.queries += 1
            if not all(isinstance(row.id, int | str) for row in result.rows or []):
                self.unexpected.append(AssertionError(f"query returned rows {result.rows!r}"))

    def record_failure(self, namespace: str, row: Row | None, error: APIError) -> None:
        with self.lock:
            self.failures.append(error)
            if row is not None:
                self.unconfirmed.setdefault(namespace, {})[row["id"]] = row

    def record_unexpected(self, error: BaseException) -> None:
        with self.lock:
            self.unexpected.append(error)

    @property
    def operations(self) -> int:
        return self.queries + sum(len(rows) for rows in self.confirmed.values())


def plan_operation(rng: random.Random, caller: int, sequence: int) -> tuple[str, Row | None]:
    """Return the namespace and the row to upsert, or None for a query."""
    namespace = rng.choice(NAMESPACES)
    if rng.random() < WRITE_SHARE:
        return namespace, {"id": f"caller{caller}-{sequence}", "caller": caller, "seq": sequence}
    return namespace, None


def seed_namespaces(server: FakeTurbopuffer) -> LoadResults:
    """Create every namespace with one row before the faults start, so queries find them."""
    results = LoadResults()
    with Turbopuffer(api_key=API_KEY, base_url=server.base_url) as tpuf:
        for namespace in NAMESPACES:
            row = {"id": f"seed-{namespace}", "caller": -1, "seq": 0}
            tpuf.namespace(namespace).write(upsert_rows=[row])
            results.record_write(namespace, row)
    return results


def start_faults(server: FakeTurbopuffer) -> int:
    """Start the random faults and return the number of requests received so far."""
    server.inject_randomly(rate=FAULT_RATE, seed=FAULT_SEED, faults=LOAD_FAULTS)
    return len(server.requests)


def stop_faults(server: FakeTurbopuffer, requests_before: int) -> tuple[int, int]:
    """Stop the random faults and return the load's request count and faulted count."""
    faulted = server.faults.random_applied_count
    server.faults.clear()
    return len(server.requests) - requests_before, faulted


def settled_open_connections(server: FakeTurbopuffer, *, at_most: int) -> int:
    """Return the open connections once the server has noticed those the client closed.

    Waits at most one second for the count to drop to `at_most`.
    """
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        if server.connection_stats().open <= at_most:
            break
        time.sleep(0.02)
    return server.connection_stats().open


def run_sync_caller(tpuf: Turbopuffer, caller: int, deadline: float, results: LoadResults) -> None:
    rng = random.Random(caller)
    for sequence in range(MAX_OPERATIONS_PER_CALLER):
        if time.monotonic() >= deadline:
            return
        namespace, row = plan_operation(rng, caller, sequence)
        try:
            if row is None:
                results.record_query(
                    tpuf.namespace(namespace).query(rank_by=("id", "asc"), top_k=10)
                )
            else:
                tpuf.namespace(namespace).write(upsert_rows=[row])
                results.record_write(namespace, row)
        except APIError as error:
            results.record_failure(namespace, row, error)
        except Exception as error:  # noqa: BLE001 - an untyped failure is what the test looks for
            results.record_unexpected(error)


async def run_async_caller(
    tpuf: AsyncTurbopuffer, caller: int, deadline: float, results: LoadResults
) -> None:
    rng = random.Random(caller)
    for sequence in range(MAX_OPERATIONS_PER_CALLER):
        if time.monotonic() >= deadline:
            return
        namespace, row = plan_operation(rng, caller, sequence)
        try:
            if row is None:
                results.record_query(
                    await tpuf.namespace(namespace).query(rank_by=("id", "asc"), top_k=10)
                )
            else:
                await tpuf.namespace(namespace).write(upsert_rows=[row])
                results.record_write(namespace, row)
        except APIError as error:
            results.record_failure(namespace, row, error)
        except Exception as error:  # noqa: BLE001 - an untyped failure is what the test looks for
            results.record_unexpected(error)


def check_results(
    server: FakeTurbopuffer,
    results: LoadResults,
    *,
    requests: int,
    faulted: int,
    idle: int,
    open_after_close: int,
) -> None:
    failure_kinds = Counter(type(error).__name__ for error in results.failures)
    connections = server.connection_stats()
    summary = (
        f"{results.operations} operations, {requests} requests, {faulted} faulted, "
        f"failures {dict(failure_kinds)}, {connections}, {idle} idle after the load, "
        f"{open_after_close} open after close()"
    )

    assert results.unexpected == [], summary
    assert connections.peak_open <= CALLERS + CONNECTION_SLACK, summary
    assert idle <= CALLERS, summary
    assert open_after_close == 0, summary
    assert results.operations >= MIN_OPERATIONS, summary
    assert 0.02 * requests <= faulted <= 0.09 * requests, summary
    assert len(results.failures) <= 0.02 * results.operations, summary
    for namespace in NAMESPACES:
        check_namespace(server, results, namespace)


def check_namespace(server: FakeTurbopuffer, results: LoadResults, namespace: str) -> None:
    """Check that every confirmed row is stored unchanged and that no other row appeared.

    A row whose write failed may or may not be stored, because the server may have
    applied it before the response was lost.
    """
    stored = {document["id"]: document for document in server.documents(namespace)}
    confirmed = results.confirmed.get(namespace, {})
    unconfirmed = results.unconfirmed.get(namespace, {})

    lost = sorted(row_id for row_id in confirmed if row_id not in stored)
    changed = sorted(
        row_id for row_id, row in confirmed.items() if row_id in stored and stored[row_id] != row
    )
    unknown = sorted(
        row_id for row_id in stored if row_id not in confirmed and row_id not in unconfirmed
    )
    assert lost == [], f"{namespace}: confirmed rows missing"
    assert changed == [], f"{namespace}: rows stored with other values"
    assert unknown == [], f"{namespace}: rows nobody wrote"
    for row_id, row in unconfirmed.items():
        assert stored.get(row_id, row) == row
    assert server.document_count(namespace) == len(stored)


def test_sync_client_under_load(server: FakeTurbopuffer) -> None:
    results = seed_namespaces(server)
    tpuf = Turbopuffer(
        api_key=API_KEY, base_url=server.base_url, timeout=CALL_TIMEOUT, max_retries=MAX_RETRIES
    )
    use_fast_retries(tpuf, MAX_RETRIES)
    requests_before = start_faults(server)
    started = time.monotonic()
    deadline = started + LOAD_SECONDS

    callers = [
        threading.Thread(
            target=run_sync_caller, args=(tpuf, caller, deadline, results), daemon=True
        )
        for caller in range(CALLERS)
    ]
    for thread in callers:
        thread.start()
    for thread in callers:
        thread.join(timeout=max(deadline + HANG_GRACE_SECONDS - time.monotonic(), 0.0))
    stuck = [thread.name for thread in callers if thread.is_alive()]
    elapsed = time.monotonic() - started
    requests, faulted = stop_faults(server, requests_before)
    idle = settled_open_connections(server, at_most=CALLERS)
    tpuf.close()
    open_after_close = settled_open_connections(server, at_most=0)

    assert stuck == []
    assert elapsed < LOAD_SECONDS + HANG_GRACE_SECONDS
    check_results(
        server,
        results,
        requests=requests,
        faulted=faulted,
        idle=idle,
        open_after_close=open_after_close,
    )


async def test_async_client_under_load(server: FakeTurbopuffer) -> None:
    results = seed_namespaces(server)
    tpuf = AsyncTurbopuffer(
        api_key=API_KEY, base_url=server.base_url, timeout=CALL_TIMEOUT, max_retries=MAX_RETRIES
    )
    use_fast_retries(tpuf, MAX_RETRIES)
    requests_before = start_faults(server)
    started = time.monotonic()
    deadline = started + LOAD_SECONDS

    callers = asyncio.gather(
        *(run_async_caller(tpuf, caller, deadline, results) for caller in range(CALLERS))
    )
    # wait_for raises TimeoutError, failing the test, if a caller hangs.
    await asyncio.wait_for(callers, timeout=LOAD_SECONDS + HANG_GRACE_SECONDS)
    elapsed = time.monotonic() - started
    requests, faulted = stop_faults(server, requests_before)
    idle = settled_open_connections(server, at_most=CALLERS)
    await tpuf.close()
    open_after_close = settled_open_connections(server, at_most=0)

    assert elapsed < LOAD_SECONDS + HANG_GRACE_SECONDS
    check_results(
        server,
        results,
        requests=requests,
        faulted=faulted,
        idle=idle,
        open_after_close=open_after_close,
    )
