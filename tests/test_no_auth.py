"""A spec without security schemes generates a client that needs no key and sends none."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.config import GeneratorConfig
from generator.pipeline import generate
from tests.support.scripted_server import ScriptedServer, json_response

SPEC = Path(__file__).resolve().parents[1] / "specs/fixtures/golden/query-language.yaml"


@pytest.fixture
def search_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    generate(SPEC, tmp_path / "out", GeneratorConfig())
    monkeypatch.syspath_prepend(str(tmp_path / "out"))
    monkeypatch.delenv("SEARCH_API_KEY", raising=False)
    yield importlib.import_module("search_client")
    for name in [name for name in sys.modules if name.startswith("search_client")]:
        del sys.modules[name]


def test_client_without_security_sends_no_key(search_client: object) -> None:
    with ScriptedServer() as server:
        server.enqueue("GET", "/jobs/7", json_response({"state": "running", "progress": "1/2"}))
        client = search_client.SearchClient(base_url=server.url)  # type: ignore[attr-defined]

        job = client.get_job("7")

    assert job.state == "running"
    assert "authorization" not in {key.lower() for key in server.requests[0].headers}


def test_client_without_security_takes_no_api_key(search_client: object) -> None:
    with pytest.raises(TypeError, match="api_key"):
        search_client.SearchClient(api_key="k", base_url="http://127.0.0.1:9")  # type: ignore[attr-defined]
