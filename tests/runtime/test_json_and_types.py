"""JSON encoding in _json.py, with and without orjson, and the NOT_GIVEN sentinel."""

from __future__ import annotations

import datetime
import importlib
import json
import sys
import uuid
from collections.abc import Iterator
from types import ModuleType

import numpy as np
import pytest

from tests.runtime.conftest import install_runtime_package

SAMPLE = {
    "pair": (1, "two"),
    "when": datetime.datetime(2024, 5, 1, 12, 30, 15, 250000, tzinfo=datetime.UTC),
    "day": datetime.date(2024, 5, 1),
    "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "text": "ünïcode",
    "nested": {"none": None, "flag": True, "ratio": 0.25},
}


@pytest.fixture(scope="module")
def stdlib_json(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """_json.py imported from a package copy while orjson cannot be imported."""
    saved = sys.modules.get("orjson")
    sys.modules["orjson"] = None  # type: ignore[assignment]
    try:
        install_runtime_package(tmp_path_factory.mktemp("no_orjson"), "rtpkg_no_orjson")
        module = importlib.import_module("rtpkg_no_orjson._json")
    finally:
        if saved is None:
            del sys.modules["orjson"]
        else:
            sys.modules["orjson"] = saved
    yield module

    for name in [name for name in sys.modules if name.startswith("rtpkg_no_orjson")]:
        del sys.modules[name]


def test_orjson_is_used_when_installed(runtime) -> None:
    assert "orjson" in vars(runtime.json)


def test_fallback_does_not_use_orjson(stdlib_json) -> None:
    assert "orjson" not in vars(stdlib_json)


def test_orjson_and_fallback_agree(runtime, stdlib_json) -> None:
    fast = runtime.json.dumps(SAMPLE)
    slow = stdlib_json.dumps(SAMPLE)

    assert json.loads(fast) == json.loads(slow)
    assert json.loads(slow)["when"] == "2024-05-01T12:30:15.250000+00:00"
    assert json.loads(slow)["pair"] == [1, "two"]
    assert json.loads(slow)["id"] == "12345678-1234-5678-1234-567812345678"


@pytest.mark.parametrize("implementation", ["orjson", "stdlib"])
def test_dumps_numpy_arrays(runtime, stdlib_json, implementation: str) -> None:
    module = runtime.json if implementation == "orjson" else stdlib_json
    vectors = np.array([[0.5, 1.0], [2.0, 3.5]], dtype=np.float32)

    assert json.loads(module.dumps({"vectors": vectors})) == {"vectors": [[0.5, 1.0], [2.0, 3.5]]}


def test_orjson_serialises_numpy_natively(runtime) -> None:
    # Through tolist() the float32 value 0.1 would print as 0.10000000149011612.
    assert runtime.json.dumps(np.array([0.1], dtype=np.float32)) == b"[0.1]"


@pytest.mark.parametrize("implementation", ["orjson", "stdlib"])
def test_dumps_rejects_unknown_types(runtime, stdlib_json, implementation: str) -> None:
    module = runtime.json if implementation == "orjson" else stdlib_json

    with pytest.raises(TypeError, match="Unserializable"):
        module.dumps({"value": Unserializable()})


def test_fallback_rejects_nan(stdlib_json) -> None:
    with pytest.raises(ValueError):
        stdlib_json.dumps({"value": float("nan")})


@pytest.mark.parametrize("implementation", ["orjson", "stdlib"])
def test_loads_bytes_and_invalid_json(runtime, stdlib_json, implementation: str) -> None:
    module = runtime.json if implementation == "orjson" else stdlib_json

    assert module.loads(b'{"a": [1, null]}') == {"a": [1, None]}
    with pytest.raises(ValueError):
        module.loads(b"{broken")


def test_dumps_is_compact_utf8(runtime, stdlib_json) -> None:
    for module in (runtime.json, stdlib_json):
        assert module.dumps({"a": [1, 2], "b": "é"}) == '{"a":[1,2],"b":"é"}'.encode()


class Unserializable:
    pass


def test_not_given_is_falsy_with_repr(runtime) -> None:
    not_given = runtime.types.NOT_GIVEN

    assert not not_given
    assert repr(not_given) == "NOT_GIVEN"
    assert isinstance(not_given, runtime.types.NotGiven)


def test_strip_not_given_keeps_none(runtime) -> None:
    not_given = runtime.types.NOT_GIVEN

    stripped = runtime.types.strip_not_given({"a": 1, "b": None, "c": not_given, "d": False})

    assert stripped == {"a": 1, "b": None, "d": False}
