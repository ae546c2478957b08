"""An in-memory turbopuffer API server for end-to-end tests of generated clients.

The server listens on 127.0.0.1, keeps namespaces in memory and checks every
request, and each of its own responses, against the OpenAPI spec it is given.
Tests get a running server from the `fake_turbopuffer` fixture in
`tests.fake_turbopuffer.pytest_plugin`.
"""

from __future__ import annotations

from ._app import RecordedRequest
from ._faults import Fault, FaultInjector, RandomFaults
from ._http import ConnectionStats
from ._server import FakeTurbopuffer

__all__ = [
    "ConnectionStats",
    "FakeTurbopuffer",
    "Fault",
    "FaultInjector",
    "RandomFaults",
    "RecordedRequest",
]
