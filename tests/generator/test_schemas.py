"""How the parser types schemas that real specs write in roundabout ways."""

from __future__ import annotations

from pathlib import Path

from generator.config import GeneratorConfig
from generator.model import (
    AliasDefinition,
    AnyType,
    LiteralType,
    ObjectDefinition,
    PrimitiveType,
    RefType,
    UnionType,
)
from generator.pipeline import build_api

HEADER = "openapi: 3.0.3\ninfo: {title: Shapes, version: '1'}\n"


def write(tmp_path: Path, text: str) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(HEADER + text)
    return spec


def test_all_of_with_annotation_parts_is_the_referenced_type(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Folder: {type: object, properties: {id: {type: string}}}\n"
        "    Item:\n"
        "      type: object\n"
        "      properties:\n"
        "        parent:\n"
        "          allOf:\n"
        "            - $ref: '#/components/schemas/Folder'\n"
        "            - description: The folder that contains the item.\n"
        "        extra:\n"
        "          allOf: [{}, {description: Anything at all.}]\n",
    )

    api, warnings = build_api(spec, GeneratorConfig())

    item = api.definition("Item")
    assert isinstance(item, ObjectDefinition)
    assert item.properties[0].type == RefType("Folder")
    assert item.properties[0].description == "The folder that contains the item."
    assert item.properties[1].type == AnyType()
    assert warnings == []


def test_all_of_of_scalars_merges(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Code:\n"
        "      allOf: [{type: string}, {maxLength: 3}, {type: string, pattern: '^[A-Z]+$'}]\n"
        "    Count:\n"
        "      allOf: [{type: number}, {type: integer}]\n",
    )

    api, warnings = build_api(spec, GeneratorConfig())

    assert api.definition("Code") == AliasDefinition(
        "Code", PrimitiveType("str"), source=api.definition("Code").source
    )
    assert isinstance(api.definition("Count"), AliasDefinition)
    assert api.definition("Count").type == PrimitiveType("int")  # type: ignore[union-attr]
    assert warnings == []


def test_all_of_of_object_and_required_list(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Base: {type: object, properties: {a: {type: string}, b: {type: string}}}\n"
        "    Strict:\n"
        "      allOf:\n"
        "        - $ref: '#/components/schemas/Base'\n"
        "        - required: [b]\n",
    )

    api, _ = build_api(spec, GeneratorConfig())

    strict = api.definition("Strict")
    assert isinstance(strict, ObjectDefinition)
    assert [(p.wire_name, p.required) for p in strict.properties] == [("a", False), ("b", True)]


def test_float_enum_widens_to_float(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "paths: {}\ncomponents:\n  schemas:\n    Level: {enum: [1, 2.5, low]}\n",
    )

    api, warnings = build_api(spec, GeneratorConfig())

    assert api.definition("Level").type == UnionType(
        (LiteralType((1, "low")), PrimitiveType("float"))
    )  # type: ignore[union-attr]
    assert [(w.pointer, w.message) for w in warnings] == [
        (
            "/components/schemas/Level/enum",
            "enum value 2.5 is a float, which Literal cannot hold; typed as float",
        )
    ]


def test_undeclared_path_parameter_is_a_string(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "paths:\n"
        "  /users/{user-id}/posts:\n"
        "    get:\n"
        "      operationId: listPosts\n"
        "      responses: {'204': {description: None.}}\n",
    )

    api, warnings = build_api(spec, GeneratorConfig())

    [parameter] = api.operations[0].path_parameters
    assert (parameter.name, parameter.wire_name, parameter.type) == (
        "user_id",
        "user-id",
        PrimitiveType("str"),
    )
    assert [w.pointer for w in warnings] == ["/paths/~1users~1{user-id}~1posts/get"]
    assert "not declared" in warnings[0].message


def test_operation_named_like_client_method(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "paths:\n"
        "  /close:\n"
        "    post:\n"
        "      operationId: close\n"
        "      responses: {'204': {description: Closed.}}\n",
    )

    api, _ = build_api(spec, GeneratorConfig())

    assert api.operations[0].method_name == "close_"
