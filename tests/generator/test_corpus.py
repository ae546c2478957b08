"""Every corpus document and case spec generates a package that imports, lints and type-checks.

The smoke tests call one generated operation of each corpus document against a real
HTTP server on 127.0.0.1 and check both the request it sent and the parsed response.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from tests.generator.conftest import (
    CASES,
    CORPUS,
    INVALID_CASES,
    MYPY_CANARY,
    GeneratedPackage,
    client_class,
    credentials,
)
from tests.support.scripted_server import ScriptedServer, json_response

VALID_SPECS = [spec.stem for spec in (*CORPUS, *CASES) if spec.stem not in INVALID_CASES]


@pytest.mark.parametrize("stem", VALID_SPECS)
def test_spec_generates(generated: dict[str, GeneratedPackage], stem: str) -> None:
    package = generated[stem]

    assert package.errors == []
    assert (package.package_folder / "_client.py").is_file()


@pytest.mark.parametrize("stem", VALID_SPECS)
def test_package_imports(generated: dict[str, GeneratedPackage], stem: str) -> None:
    package = generated[stem]

    module = importlib.import_module(package.package)
    types = importlib.import_module(f"{package.package}.types")

    assert module.__all__
    for name in types.__all__:
        assert hasattr(types, name), name


@pytest.mark.parametrize("stem", VALID_SPECS)
def test_package_passes_ruff(
    ruff_report: dict[str, list[str]], generated: dict[str, GeneratedPackage], stem: str
) -> None:
    assert ruff_report[generated[stem].package] == []


@pytest.mark.parametrize("stem", VALID_SPECS)
def test_package_passes_mypy_strict(
    mypy_report: dict[str, list[str]], generated: dict[str, GeneratedPackage], stem: str
) -> None:
    assert mypy_report[generated[stem].package] == []


def test_mypy_report_catches_errors(mypy_report: dict[str, list[str]]) -> None:
    """The shared mypy run reports the package with a planted error: the checker is not silent."""
    [line] = mypy_report[MYPY_CANARY]

    assert "_client.py" in line
    assert "Incompatible types in assignment" in line


# --- smoke calls ------------------------------------------------------------------

# Per corpus document: the method to call, its arguments, the request the server should
# see (method and path with query), the JSON the server returns, and a check of the result.
SMOKE_CALLS: dict[str, dict[str, Any]] = {
    "oai-api-with-examples": {
        "call": ("list_versionsv2", (), {}),
        "request": ("GET", "/"),
        "answer": {"versions": [{"status": "CURRENT", "id": "v2.0"}]},
        "check": lambda result: result is not None,
    },
    "oai-callback-example": {
        "call": ("post_streams", (), {"callback_url": "https://client.example/cb"}),
        "request": ("POST", "/streams?callbackUrl=https%3A%2F%2Fclient.example%2Fcb"),
        "answer": {"subscriptionId": "abc"},
        "check": lambda result: result.subscription_id == "abc",
    },
    "oai-link-example": {
        "call": ("get_user_by_name", ("a/b",), {}),
        "request": ("GET", "/2.0/users/a%2Fb"),
        "answer": {"username": "a/b", "uuid": "u-1"},
        "check": lambda result: result.username == "a/b",
    },
    "oai-petstore": {
        "call": ("list_pets", (), {"limit": 2}),
        "request": ("GET", "/pets?limit=2"),
        "answer": [{"id": 1, "name": "Rex", "tag": "dog"}],
        "check": lambda result: result[0].name == "Rex",
    },
    "oai-petstore-expanded": {
        "call": ("find_pets", (), {"tags": ["a", "b"], "limit": 3}),
        "request": ("GET", "/pets?tags=a&tags=b&limit=3"),
        "answer": [{"id": 7, "name": "Tom"}],
        "check": lambda result: result[0].id == 7,
    },
    "oai-uspto": {
        "call": ("list_searchable_fields", ("oa_citations", "v1"), {}),
        "request": ("GET", "/oa_citations/v1/fields"),
        "answer": "patent_number, country",
        "check": lambda result: result == "patent_number, country",
    },
    "box": {
        "call": ("get_collections", (), {"fields": ["name", "type"], "limit": 5}),
        "request": ("GET", "/collections?fields=name,type&limit=5"),
        "answer": {
            "entries": [{"id": "11", "type": "collection", "name": "Favorites"}],
            "limit": 5,
        },
        "check": lambda result: result.entries[0].name == "Favorites",
    },
    "openai": {
        "call": ("retrieve_model", ("gpt/4",), {}),
        "request": ("GET", "/models/gpt%2F4"),
        "answer": {"id": "gpt/4", "object": "model", "created": 1, "owned_by": "me"},
        "check": lambda result: result.owned_by == "me",
    },
}


def test_every_corpus_document_has_a_smoke_call() -> None:
    assert sorted(SMOKE_CALLS) == sorted(spec.stem for spec in CORPUS)


@pytest.mark.parametrize("stem", sorted(SMOKE_CALLS))
def test_smoke_call(generated: dict[str, GeneratedPackage], stem: str) -> None:
    smoke = SMOKE_CALLS[stem]
    method_name, args, kwargs = smoke["call"]
    http_method, expected_path = smoke["request"]

    with ScriptedServer() as server:
        server.always(http_method, expected_path.split("?")[0], json_response(smoke["answer"]))
        client_type = client_class(generated[stem])
        client = client_type(
            **credentials(client_type, "test-key"), base_url=server.url, max_retries=0
        )
        with client:
            result = getattr(client, method_name)(*args, **kwargs)

    assert [(r.method, r.path) for r in server.requests] == [(http_method, expected_path)]
    assert smoke["check"](result)


@pytest.mark.parametrize("stem", ["oai-petstore", "openai"])
async def test_smoke_call_async(generated: dict[str, GeneratedPackage], stem: str) -> None:
    smoke = SMOKE_CALLS[stem]
    method_name, args, kwargs = smoke["call"]
    http_method, expected_path = smoke["request"]
    async_client_class = client_class(generated[stem], asynchronous=True)

    with ScriptedServer() as server:
        server.always(http_method, expected_path.split("?")[0], json_response(smoke["answer"]))
        async with async_client_class(
            **credentials(async_client_class, "k"), base_url=server.url, max_retries=0
        ) as client:
            result = await getattr(client, method_name)(*args, **kwargs)

    assert [(r.method, r.path) for r in server.requests] == [(http_method, expected_path)]
    assert smoke["check"](result)
