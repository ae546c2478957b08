"""Pytest fixtures that run a FakeTurbopuffer per test and fail tests that break the spec.

Load it with `pytest -p tests.fake_turbopuffer.pytest_plugin`, or expose the
fixtures in a conftest.py:

    from tests.fake_turbopuffer import pytest_plugin

    fake_turbopuffer = pytest_plugin.fake_turbopuffer
    fake_turbopuffer_factory = pytest_plugin.fake_turbopuffer_factory

The spec path comes from the TPUF_SPEC environment variable and falls back
to `DEFAULT_SPEC_PATH`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ._server import FakeTurbopuffer

SPEC_PATH_VARIABLE = "TPUF_SPEC"
# The spec sits in ../shared beside the repository checkout unless TPUF_SPEC names another path.
DEFAULT_SPEC_PATH = Path(__file__).resolve().parents[3] / "shared/specs/turbopuffer/openapi.yaml"

FakeTurbopufferFactory = Callable[..., FakeTurbopuffer]


def spec_path() -> Path:
    """Return the spec path from TPUF_SPEC, or the default path when it is unset."""
    return Path(os.environ.get(SPEC_PATH_VARIABLE, DEFAULT_SPEC_PATH))


@pytest.fixture
def fake_turbopuffer_factory() -> Iterator[FakeTurbopufferFactory]:
    """Yield a function that starts servers with custom options and stops them at teardown.

    The function takes the keyword arguments of FakeTurbopuffer, with
    `spec_path` defaulting to `spec_path()`. At teardown the test fails if any
    server recorded validation errors or internal errors.
    """
    servers: list[FakeTurbopuffer] = []

    def start(**options: Any) -> FakeTurbopuffer:
        options.setdefault("spec_path", spec_path())
        server = FakeTurbopuffer(**options)
        server.start()
        servers.append(server)
        return server

    yield start

    for server in servers:
        server.stop()
    problems = _collect_problems(servers)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def fake_turbopuffer(fake_turbopuffer_factory: FakeTurbopufferFactory) -> FakeTurbopuffer:
    """Return a running FakeTurbopuffer with API key "test-key"."""
    return fake_turbopuffer_factory()


def _collect_problems(servers: list[FakeTurbopuffer]) -> list[str]:
    problems: list[str] = []
    for server in servers:
        if server.validation_errors:
            problems.append("the fake turbopuffer server received requests that the spec forbids:")
            problems.extend(f"  - {message}" for message in server.validation_errors)
        if server.internal_errors:
            problems.append(
                "the fake turbopuffer server sent responses that the spec forbids, or crashed:"
            )
            problems.extend(f"  - {message}" for message in server.internal_errors)
    return problems
