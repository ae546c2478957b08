"""Fixtures for the fake turbopuffer server's own tests: a server and httpx clients."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer, pytest_plugin

from .spec_check import ResponseChecker

# Pytest finds fixtures by module attribute, so these assignments make the
# plugin's fixtures available to every test in this folder.
fake_turbopuffer = pytest_plugin.fake_turbopuffer
fake_turbopuffer_factory = pytest_plugin.fake_turbopuffer_factory

API_KEY = "test-key"
CLIENT_TIMEOUT_SECONDS = 5.0


@pytest.fixture(scope="session")
def response_checker() -> ResponseChecker:
    return ResponseChecker(str(pytest_plugin.spec_path()))


@pytest.fixture
def client(
    fake_turbopuffer: FakeTurbopuffer, response_checker: ResponseChecker
) -> Iterator[httpx.Client]:
    """Yield a client for the fake server that asserts every response matches the spec."""

    def check_response(response: httpx.Response) -> None:
        response.read()
        errors = response_checker.errors(response)
        assert not errors, "\n".join(errors)

    with httpx.Client(
        base_url=fake_turbopuffer.base_url,
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=CLIENT_TIMEOUT_SECONDS,
        event_hooks={"response": [check_response]},
    ) as http_client:
        yield http_client


@pytest.fixture
def raw_client(fake_turbopuffer: FakeTurbopuffer) -> Iterator[httpx.Client]:
    """Yield a client without response checks, for injected faults and raw bodies."""
    with httpx.Client(
        base_url=fake_turbopuffer.base_url,
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=CLIENT_TIMEOUT_SECONDS,
    ) as http_client:
        yield http_client
