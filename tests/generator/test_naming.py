"""Names from a spec become valid, readable, distinct and deterministic Python identifiers."""

from __future__ import annotations

import ast
import keyword
from pathlib import Path

import pytest

from generator.config import GeneratorConfig
from generator.naming import (
    MODULE_LEVEL_NAMES,
    NameRegistry,
    argument_name,
    class_name,
    field_name,
    method_name,
    pascal_case,
)
from generator.pipeline import build_api, generate
from generator.writer import read_folder
from tests.conftest import SHARED
from tests.generator.conftest import GeneratedPackage


@pytest.mark.parametrize(
    ("wire_name", "expected"),
    [
        ("from", "from_"),
        ("class", "class_"),
        ("schema", "schema_"),
        ("model_config", "model_config_"),
        ("int", "int_"),
        ("type", "type"),
        ("match", "match"),
        ("vendor.name", "vendor_name"),
        ("X-Request-Id", "x_request_id"),
        ("$dist", "dist"),
        ("2fa", "field_2fa"),
        ("café", "cafe"),
        ("日本", "field"),
        ("with space", "with_space"),
    ],
)
def test_field_name(wire_name: str, expected: str) -> None:
    assert field_name(wire_name) == expected


@pytest.mark.parametrize(
    ("wire_name", "expected"),
    [
        ("from", "from_"),
        ("list", "list_"),
        ("datetime", "datetime_"),
        ("body", "body_"),
        ("cast", "cast_"),
    ],
)
def test_argument_name(wire_name: str, expected: str) -> None:
    assert argument_name(wire_name, frozenset({"body", "cast"})) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Client", "ClientModel"),
        ("BaseModel", "BaseModelModel"),
        ("Any", "AnyModel"),
        ("str", "Str"),
        ("pet-store", "PetStore"),
    ],
)
def test_class_name(raw: str, expected: str) -> None:
    assert class_name(raw) == expected


def test_method_names_are_identifiers() -> None:
    names = [method_name(raw) for raw in ("items.list", "get-thing", "import", "日本", "")]

    assert names == ["items_list", "get_thing", "import_", "call", "call"]
    assert not any(keyword.iskeyword(name) for name in names)


def test_registry_suffixes_collisions_in_order() -> None:
    registry = NameRegistry({"Pets"})

    claimed = [registry.claim(class_name(raw)) for raw in ("foo_bar", "FooBar", "foo-bar", "pets")]

    assert claimed == ["FooBar", "FooBar2", "FooBar3", "Pets2"]


def test_inline_model_does_not_take_a_component_name(tmp_path: Path) -> None:
    spec = tmp_path / "inline.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: Inline, version: '1'}\n"
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Pet:\n"
        "      type: object\n"
        "      properties:\n"
        "        owner: {type: object, properties: {name: {type: string}}}\n"
        "    PetOwner:\n"
        "      type: object\n"
        "      properties:\n"
        "        id: {type: integer}\n"
    )

    api, _ = build_api(spec, GeneratorConfig())

    properties = {d.name: [p.wire_name for p in d.properties] for d in api.definitions}  # type: ignore[union-attr]
    assert properties == {"Pet": ["owner"], "PetOwner": ["id"], "PetOwner2": ["name"]}


def test_same_spec_yields_same_files(tmp_path: Path) -> None:
    spec = SHARED / "cases/11-schema-names-collide-after-normalization.yaml"

    generate(spec, tmp_path / "first", GeneratorConfig())
    generate(spec, tmp_path / "second", GeneratorConfig())

    assert read_folder(tmp_path / "first") == read_folder(tmp_path / "second")


def test_server_variables_become_arguments(tmp_path: Path) -> None:
    spec = tmp_path / "servers.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: Servers, version: '1'}\n"
        "servers:\n"
        "  - url: 'https://{api-region}.example.com/{base_url}'\n"
        "    variables:\n"
        "      api-region: {default: eu}\n"
        "      base_url: {default: v1}\n"
        "paths: {}\n"
    )

    api, _ = build_api(spec, GeneratorConfig())

    variables = api.servers[0].variables
    assert [(v.name, v.argument) for v in variables] == [
        ("api-region", "api_region"),
        ("base_url", "base_url_"),
    ]


def test_names_the_templates_import_are_reserved(generated: dict[str, GeneratedPackage]) -> None:
    """A schema class must not shadow a name that a generated module imports or defines."""
    package = generated["oai-petstore-expanded"].package_folder
    taken: set[str] = set()
    for module in ("_client.py", "types.py", "__init__.py"):
        tree = ast.parse((package / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            schema_import = isinstance(node, ast.ImportFrom) and node.module in ("types", "_client")
            if isinstance(node, (ast.Import, ast.ImportFrom)) and not schema_import:
                taken.update((alias.asname or alias.name).split(".")[0] for alias in node.names)

    could_be_schema_names = {name for name in taken if pascal_case(name) == name}

    assert could_be_schema_names - MODULE_LEVEL_NAMES == set()
