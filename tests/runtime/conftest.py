"""Fixtures for the runtime module tests.

The `runtime` fixture copies templates/runtime/*.py into a temporary package and
imports it, so the tests exercise the files exactly as a generated client ships them.
"""

from __future__ import annotations

import asyncio
import importlib
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import httpx
import pytest

from tests.support.scripted_server import ScriptedServer

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "templates" / "runtime"
PACKAGE_NAME = "rtpkg"
API_KEY = "tpuf_test_key_0123456789abcdef"


def install_runtime_package(root: Path, package_name: str) -> ModuleType:
    """Copy the runtime modules into `root/package_name`, import and return the package."""
    package_dir = root / package_name
    package_dir.mkdir(parents=True)
    for source in sorted(RUNTIME_DIR.glob("*.py")):
        shutil.copy(source, package_dir / source.name)
    (package_dir / "__init__.py").write_text("")

    sys.path.insert(0, str(root))
    try:
        return importlib.import_module(package_name)
    finally:
        sys.path.remove(str(root))


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """The runtime modules, imported from a copied package, as attributes by short name."""
    install_runtime_package(tmp_path_factory.mktemp("runtime"), PACKAGE_NAME)
    modules = {
        path.stem.lstrip("_"): importlib.import_module(f"{PACKAGE_NAME}.{path.stem}")
        for path in RUNTIME_DIR.glob("_*.py")
    }
    yield SimpleNamespace(**modules)

    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE_NAME]:
        del sys.modules[name]


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as scripted:
        yield scripted


@pytest.fixture
def other_server() -> Iterator[ScriptedServer]:
    """A second server, which is another origin because it listens on another port."""
    with ScriptedServer() as scripted:
        yield scripted


class ClientHarness:
    """A SyncAPIClient or AsyncAPIClient behind one blocking `request` method.

    The asynchronous client runs on an event loop owned by the harness, so one test body
    covers both clients and the async client keeps its connection pool between calls.
    """

    def __init__(self, runtime: SimpleNamespace, kind: str, **options: Any) -> None:
        self.kind = kind
        self._loop: asyncio.AbstractEventLoop | None = None
        self._http_client: httpx.AsyncClient | None = None
        if kind == "sync":
            self.client: Any = runtime.base_client.SyncAPIClient(**options)
        else:
            self._loop = asyncio.new_event_loop()
            if kind == "async-aiohttp" and "http_client" not in options:
                transport = runtime.aiohttp_transport.AiohttpTransport()
                self._http_client = httpx.AsyncClient(transport=transport)
                options["http_client"] = self._http_client
            self.client = runtime.base_client.AsyncAPIClient(**options)
        self.client.retry_policy = runtime.retries.RetryPolicy(
            max_retries=options.get("max_retries", 2), initial_delay=0.01, max_delay=0.05
        )

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        if self._loop is None:
            return self.client.request(method, path, **kwargs)
        return self._loop.run_until_complete(self.client.request(method, path, **kwargs))

    def close(self) -> None:
        if self._loop is None:
            self.client.close()
            return
        self._loop.run_until_complete(self.client.close())
        if self._http_client is not None:
            self._loop.run_until_complete(self._http_client.aclose())
        self._loop.close()


@pytest.fixture(params=["sync", "async", "async-aiohttp"])
def make_client(
    request: pytest.FixtureRequest, runtime: SimpleNamespace, server: ScriptedServer
) -> Iterator[Callable[..., ClientHarness]]:
    """Build clients of one kind for `server`, closed after the test.

    The kinds are the synchronous client, the asynchronous client with httpx's own
    transport, and the asynchronous client with AiohttpTransport.

    Keyword arguments override the client options. Retries wait 10 to 50 ms.
    """
    harnesses: list[ClientHarness] = []

    def build(**overrides: Any) -> ClientHarness:
        options: dict[str, Any] = {
            "base_url": server.url,
            "api_key": API_KEY,
            "user_agent": "runtime-tests/1.0",
            "timeout": 5.0,
            "max_retries": 2,
        }
        options.update(overrides)
        harness = ClientHarness(runtime, request.param, **options)
        harnesses.append(harness)
        return harness

    yield build
    for harness in harnesses:
        harness.close()
