"""Find the property that tells the variants of an object union apart.

A union whose variants are all object definitions with a required property holding
one distinct constant each (`Encryption` by `mode`, `CopyFromNamespaceOperation` by
`status`) gets that property as its discriminator, so pydantic picks the variant by
it and names the field and value in errors. This runs after every definition
exists, because a union may be parsed before the objects it refers to.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import DiagnosticLog
from generator.model import (
    AliasDefinition,
    ArrayType,
    Definition,
    LiteralType,
    MapType,
    ObjectDefinition,
    Property,
    RefType,
    TupleType,
    TypeNode,
    UnionType,
)


def add_discriminators(definitions: dict[str, Definition], log: DiagnosticLog) -> dict[str, Definition]:
    finder = _DiscriminatorFinder(definitions, log)
    return {name: finder.definition(definition) for name, definition in definitions.items()}


class _DiscriminatorFinder:
    def __init__(self, definitions: dict[str, Definition], log: DiagnosticLog) -> None:
        self.definitions = definitions
        self.log = log

    def definition(self, definition: Definition) -> Definition:
        if isinstance(definition, AliasDefinition):
            return replace(definition, type=self.node(definition.type))
        properties = tuple(replace(p, type=self.node(p.type)) for p in definition.properties)
        extra_type = self.node(definition.extra_type) if definition.extra_type else None
        return replace(definition, properties=properties, extra_type=extra_type)

    def node(self, node: TypeNode) -> TypeNode:
        if isinstance(node, UnionType):
            variants = tuple(self.node(variant) for variant in node.variants)
            return UnionType(variants, self._discriminator(variants, node.discriminator))
        if isinstance(node, ArrayType):
            return ArrayType(self.node(node.item))
        if isinstance(node, MapType):
            return MapType(self.node(node.value))
        if isinstance(node, TupleType):
            return TupleType(tuple(self.node(item) for item in node.items))
        return node

    def _discriminator(self, variants: tuple[TypeNode, ...], declared: str | None) -> str | None:
        objects = [self._object(variant) for variant in variants]
        if any(obj is None for obj in objects):
            return None
        candidates = [declared] if declared else [p.wire_name for p in objects[0].properties]  # type: ignore[union-attr]
        for wire_name in candidates:
            values = [_constant(obj, wire_name) for obj in objects]  # type: ignore[arg-type]
            if all(value is not None for value in values) and len(set(values)) == len(values):
                return wire_name
        return None

    def _object(self, node: TypeNode) -> ObjectDefinition | None:
        if isinstance(node, RefType):
            definition = self.definitions.get(node.name)
            if isinstance(definition, ObjectDefinition):
                return definition
        return None


def _constant(definition: ObjectDefinition, wire_name: str) -> object | None:
    prop: Property | None = next((p for p in definition.properties if p.wire_name == wire_name), None)
    if prop is None or not prop.required:
        return None
    if isinstance(prop.type, LiteralType) and len(prop.type.values) == 1:
        return prop.type.values[0]
    return None
