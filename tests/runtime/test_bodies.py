"""Request bodies that are not JSON (_bodies.py), and text, binary and error bodies back."""

from __future__ import annotations

import email.parser
import email.policy
import io
import json
from urllib.parse import parse_qsl

import pydantic
import pytest

from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response


def multipart_parts(content_type: str, body: bytes) -> list:
    """Parse a multipart/form-data body with the standard library's email parser."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    return list(message.iter_parts())


def test_form_body_is_url_encoded(make_client, server: ScriptedServer) -> None:
    server.always("POST", "/login", ScriptedResponse(status=204))
    client = make_client()

    client.request(
        "POST",
        "/login",
        response_type=None,
        body={"user": "ada lovelace", "tags": ["a", "b&c"], "remember": True, "note": None},
        body_encoding="form",
        content_type="application/x-www-form-urlencoded",
    )

    sent = server.requests[0]
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(sent.body.decode()) == [
        ("user", "ada lovelace"),
        ("tags", "a"),
        ("tags", "b&c"),
        ("remember", "true"),
    ]


def test_form_object_field_is_exploded(runtime) -> None:
    content, content_type = runtime.bodies.encode_body(
        {"filter": {"color": "red", "size": 2}},
        encoding="form",
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )

    assert content == b"color=red&size=2"
    assert content_type == "application/x-www-form-urlencoded; charset=utf-8"


def test_multipart_fields_and_files(make_client, server: ScriptedServer) -> None:
    server.always("POST", "/upload", ScriptedResponse(status=204))
    client = make_client()
    document = io.BytesIO(b"%PDF-\x00\xff")
    document.name = "/tmp/reports/q1.pdf"

    client.request(
        "POST",
        "/upload",
        response_type=None,
        body={"title": 'Q1 "final"', "raw": b"\x00\x01", "document": document, "meta": {"k": 1}},
        body_encoding="multipart",
        content_type="multipart/form-data",
    )

    sent = server.requests[0]
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = multipart_parts(sent.headers["content-type"], sent.body)
    assert [part.get_param("name", header="content-disposition") for part in parts] == [
        "title",
        "raw",
        "document",
        "meta",
    ]
    assert parts[0].get_payload(decode=True) == b'Q1 "final"'
    assert parts[1].get_payload(decode=True) == b"\x00\x01"
    assert parts[2].get_filename() == "q1.pdf"
    assert parts[2].get_payload(decode=True) == b"%PDF-\x00\xff"
    assert parts[3].get_content_type() == "application/json"
    assert json.loads(parts[3].get_payload(decode=True)) == {"k": 1}


def test_multipart_quotes_field_names(runtime) -> None:
    content, _ = runtime.bodies.encode_body(
        {'a"b\r\nc': "v"}, encoding="multipart", content_type="multipart/form-data"
    )

    assert b'name="a%22b%0D%0Ac"' in content


def test_binary_body_from_bytes_and_file(make_client, server: ScriptedServer) -> None:
    server.always("PUT", "/blob", ScriptedResponse(status=204))
    client = make_client()

    client.request(
        "PUT",
        "/blob",
        response_type=None,
        body=b"\x00raw",
        body_encoding="binary",
        content_type="application/octet-stream",
    )
    client.request(
        "PUT",
        "/blob",
        response_type=None,
        body=io.BytesIO(b"from a file"),
        body_encoding="binary",
        content_type="image/png",
    )

    first, second = server.requests
    assert first.body == b"\x00raw"
    assert first.headers["content-type"] == "application/octet-stream"
    assert second.body == b"from a file"
    assert second.headers["content-type"] == "image/png"


def test_binary_body_rejects_other_types(runtime) -> None:
    with pytest.raises(TypeError) as caught:
        runtime.bodies.encode_body(12, encoding="binary", content_type="application/octet-stream")

    assert "int" in str(caught.value)


def test_json_body_uses_declared_content_type(make_client, server: ScriptedServer) -> None:
    server.always("PUT", "/object", json_response({"name": "n"}))
    client = make_client()
    media_type = 'application/ld+json; profile="https://example.com/item"'

    client.request(
        "PUT", "/object", response_type=dict, body={"name": "n"}, content_type=media_type
    )

    sent = server.requests[0]
    assert sent.headers["content-type"] == media_type
    assert json.loads(sent.body) == {"name": "n"}


def test_text_and_bytes_responses(make_client, server: ScriptedServer) -> None:
    text = "größe ok".encode("latin-1")
    server.always(
        "GET",
        "/text",
        ScriptedResponse(headers=[("Content-Type", "text/plain; charset=latin-1")], body=text),
    )
    server.always("GET", "/raw", ScriptedResponse(body=b"\x00\xff{not json"))
    client = make_client()

    decoded = client.request("GET", "/text", response_type=None, response_kind="text")
    raw = client.request("GET", "/raw", response_type=None, response_kind="bytes")

    assert decoded == "größe ok"
    assert raw == b"\x00\xff{not json"


class Problem(pydantic.BaseModel):
    error: str


def test_error_body_parsed_by_status(runtime) -> None:
    error = runtime.errors.status_error(404, b'{"error": "gone"}', {})
    other = runtime.errors.status_error(500, b'{"error": "boom"}', {})

    runtime.responses.parse_error_body(error, {404: Problem})
    runtime.responses.parse_error_body(other, {404: Problem})

    assert error.body == Problem(error="gone")
    assert other.body == {"error": "boom"}


def test_error_body_of_other_shape_kept(runtime) -> None:
    error = runtime.errors.status_error(404, b"<html>not found</html>", {})

    runtime.responses.parse_error_body(error, {404: Problem, 409: list[int]})

    assert error.body == "<html>not found</html>"
    assert str(error) == "404 Not Found: not found"
