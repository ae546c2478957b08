"""A generated client that sends form, multipart and binary bodies with basic auth."""

from __future__ import annotations

import base64
import email.parser
import email.policy
import importlib
import inspect
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from generator.config import GeneratorConfig
from generator.pipeline import generate
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response

SPEC = Path(__file__).resolve().parents[2] / "specs/fixtures/media-types/openapi.yaml"
PACKAGE = "media_types_client"


@pytest.fixture(scope="module")
def client_type(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    output = tmp_path_factory.mktemp("media-types") / "out"
    generate(SPEC, output, GeneratorConfig(package_name=PACKAGE))
    sys.path.insert(0, str(output))
    try:
        yield importlib.import_module(PACKAGE).MediaTypesClient
    finally:
        sys.path.remove(str(output))


def test_form_body_and_basic_auth(client_type: Any) -> None:
    with ScriptedServer() as server:
        server.always("POST", "/login", ScriptedResponse(status=204))
        with client_type(api_key="ada:pw", base_url=server.url) as client:
            client.login(user="ada", remember=True)

    sent = server.requests[0]
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(sent.body.decode()) == [("user", "ada"), ("remember", "true")]
    assert sent.headers["authorization"] == "Basic " + base64.b64encode(b"ada:pw").decode()


def test_multipart_body_with_file(client_type: Any) -> None:
    with ScriptedServer() as server:
        server.always("POST", "/upload", json_response({"size": 3}))
        with client_type(api_key="ada:pw", base_url=server.url) as client:
            stored = client.upload(file=io.BytesIO(b"abc"), title="t")

    sent = server.requests[0]
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {sent.headers['content-type']}\r\n\r\n".encode() + sent.body
    )
    parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
    assert stored.size == 3
    assert parts["file"].get_payload(decode=True) == b"abc"
    assert parts["title"].get_payload(decode=True) == b"t"


def test_binary_body_is_one_content_argument(client_type: Any) -> None:
    signature = inspect.signature(client_type.put_blob)

    with ScriptedServer() as server:
        server.always("PUT", "/blobs/b1", ScriptedResponse(status=204))
        with client_type(api_key="ada:pw", base_url=server.url) as client:
            client.put_blob("b1", content=b"\x00\x01")

    sent = server.requests[0]
    assert list(signature.parameters) == ["self", "name", "content", "timeout"]
    assert signature.parameters["content"].annotation == "bytes | BinaryIO"
    assert sent.body == b"\x00\x01"
    assert sent.headers["content-type"] == "application/octet-stream"
