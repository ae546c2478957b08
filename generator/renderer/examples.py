"""Example calls for the generated README: one plausible value per argument type."""

from __future__ import annotations

from generator.model import (
    AliasDefinition,
    AnyType,
    ArrayType,
    Definition,
    LiteralType,
    MapType,
    ObjectDefinition,
    PrimitiveType,
    RefType,
    TupleType,
    TypeNode,
    UnionType,
)
from generator.renderer.literals import literal

_PRIMITIVE_EXAMPLES = {
    "str": '"..."',
    "int": "1",
    "float": "0.5",
    "bool": "True",
    "none": "None",
    "datetime": "datetime.datetime(2025, 1, 1)",
    "date": "datetime.date(2025, 1, 1)",
    "uuid": 'UUID("00000000-0000-0000-0000-000000000000")',
    "bytes": 'b"..."',
}
_MAX_DEPTH = 4


def example_value(node: TypeNode, definitions: dict[str, Definition], depth: int = 0) -> str:
    """Return a short Python expression of type `node`, for documentation."""
    if depth > _MAX_DEPTH:
        return "..."
    if isinstance(node, AnyType):
        return '"..."'
    if isinstance(node, PrimitiveType):
        return _PRIMITIVE_EXAMPLES[node.kind]
    if isinstance(node, LiteralType):
        return literal(next((v for v in node.values if v is not None), None))
    if isinstance(node, ArrayType):
        return f"[{example_value(node.item, definitions, depth + 1)}]"
    if isinstance(node, TupleType):
        items = [example_value(item, definitions, depth + 1) for item in node.items]
        return f"({', '.join(items)}{',' if len(items) == 1 else ''})"
    if isinstance(node, MapType):
        return f'{{"key": {example_value(node.value, definitions, depth + 1)}}}'
    if isinstance(node, UnionType):
        variants = [v for v in node.variants if not (isinstance(v, PrimitiveType) and v.kind == "none")]
        return example_value(variants[0] if variants else node.variants[0], definitions, depth)
    if isinstance(node, RefType):
        return _reference_example(definitions[node.name], definitions, depth)
    return "..."


def _reference_example(definition: Definition, definitions: dict[str, Definition], depth: int) -> str:
    if isinstance(definition, AliasDefinition):
        return example_value(definition.type, definitions, depth + 1)
    assert isinstance(definition, ObjectDefinition)
    required = [p for p in definition.properties if p.required] or list(definition.properties[:1])
    items = [
        f"{literal(p.wire_name)}: {example_value(p.type, definitions, depth + 1)}" for p in required
    ]
    return "{" + ", ".join(items) + "}"
