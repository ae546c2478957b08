"""Render `TypeNode`s as Python type expressions, for responses or for requests.

Responses are pydantic models, so objects render as model classes, arrays as
`list[...]` and maps as `dict[...]`. Requests are plain data checked only by the
type checker, so objects render as TypedDicts (`...Param`), arrays as `Sequence[...]`
and maps as `Mapping[...]`, which accept tuples and read-only mappings too.

References inside module-level expressions are quoted, because those expressions
run at import time, before later definitions exist. Annotations need no quotes:
generated modules use `from __future__ import annotations`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.model import (
    AnyType,
    Api,
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
from generator.naming import NameRegistry
from generator.renderer.literals import identifier, literal

Direction = Literal["response", "request"]

_PRIMITIVES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "none": "None",
    "datetime": "datetime.datetime",
    "date": "datetime.date",
    "uuid": "UUID",
    "bytes": "bytes",
}


@dataclass(frozen=True)
class TypeNames:
    """The names definitions render under, and which forms each one needs.

    A definition reachable from a response renders as a response type under its own
    name. One reachable from a request renders as a request type: objects become
    `...Param` TypedDicts, and aliases that contain objects get a `...Param` form too
    unless no response uses them, in which case the request form keeps the plain name.
    """

    definitions: dict[str, Definition]
    request_forms: frozenset[str]
    response_reachable: frozenset[str]
    request_reachable: frozenset[str]
    request_names: dict[str, str]

    def response_name(self, name: str) -> str:
        return identifier(name)

    def request_name(self, name: str) -> str:
        return identifier(self.request_names.get(name, name))

    def needs_response_form(self, name: str) -> bool:
        return name in self.response_reachable

    def needs_request_form(self, name: str) -> bool:
        return name in self.request_reachable and name in self.request_forms

    def shared_direction(self, name: str) -> Direction:
        """Return the direction in which a definition without objects renders, once for both uses."""
        if name in self.request_reachable and name not in self.response_reachable:
            return "request"
        return "response"


def build_type_names(api: Api) -> TypeNames:
    definitions = {d.name: d for d in api.definitions}
    forms = request_forms(api)
    response_roots, request_roots = _roots(api)
    request_reachable = _reachable(request_roots, definitions)
    # Definitions no operation uses still render, as response types, so the closure of
    # those counts as response-reachable too.
    used = request_reachable | _reachable(response_roots, definitions)
    response_roots += [RefType(name) for name in definitions if name not in used]
    response_reachable = _reachable(response_roots, definitions)

    taken = NameRegistry(set(definitions))
    request_names = {}
    for name in sorted(forms):
        definition = definitions[name]
        if isinstance(definition, ObjectDefinition) or name in response_reachable:
            request_names[name] = taken.claim(f"{name}Param")
    return TypeNames(
        definitions, forms, frozenset(response_reachable), frozenset(request_reachable), request_names
    )


def is_open_object(definition: Definition) -> bool:
    """Return whether a definition is an object that explicitly allows extra keys.

    A request takes such an object as a plain mapping.
    """
    return isinstance(definition, ObjectDefinition) and definition.extra == "allow"


def request_forms(api: Api) -> frozenset[str]:
    """Names of definitions that contain objects and so need a separate request form."""
    definitions = {d.name: d for d in api.definitions}
    result: set[str] = set()
    changed = True
    while changed:
        changed = False
        for definition in api.definitions:
            if definition.name in result:
                continue
            if isinstance(definition, ObjectDefinition) or _mentions(definition.type, result, definitions):
                result.add(definition.name)
                changed = True
    return frozenset(result)


def _mentions(node: TypeNode, names: set[str], definitions: dict[str, Definition]) -> bool:
    if isinstance(node, RefType):
        return node.name in names or isinstance(definitions.get(node.name), ObjectDefinition)
    return any(_mentions(child, names, definitions) for child in children(node))


def _roots(api: Api) -> tuple[list[TypeNode], list[TypeNode]]:
    responses: list[TypeNode] = []
    requests: list[TypeNode] = []
    for operation in api.operations:
        if operation.response.type is not None:
            responses.append(operation.response.type)
        parameters = (
            *operation.path_parameters,
            *operation.query_parameters,
            *operation.header_parameters,
            *operation.cookie_parameters,
        )
        requests.extend(parameter.type for parameter in parameters)
        if operation.body is not None:
            properties = operation.body.properties or (operation.body.single,)
            requests.extend(prop.type for prop in properties if prop is not None)
            if operation.body.schema is not None:
                requests.append(operation.body.schema)
    return responses, requests


def _reachable(roots: list[TypeNode], definitions: dict[str, Definition]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, RefType):
            if node.name in seen or node.name not in definitions:
                continue
            seen.add(node.name)
            definition = definitions[node.name]
            if isinstance(definition, ObjectDefinition):
                stack.extend(prop.type for prop in definition.properties)
                if definition.extra_type is not None:
                    stack.append(definition.extra_type)
            else:
                stack.append(definition.type)
        else:
            stack.extend(children(node))
    return seen


def children(node: TypeNode) -> tuple[TypeNode, ...]:
    if isinstance(node, ArrayType):
        return (node.item,)
    if isinstance(node, MapType):
        return (node.value,)
    if isinstance(node, TupleType):
        return node.items
    if isinstance(node, UnionType):
        return node.variants
    return ()


class TypeRenderer:
    """Renders type expressions; `mentioned` collects the definition names they use."""

    def __init__(self, names: TypeNames, direction: Direction, *, quote_refs: bool) -> None:
        self.names = names
        self.direction = direction
        self.quote_refs = quote_refs
        self.mentioned: set[str] = set()

    def render(self, node: TypeNode) -> str:
        if isinstance(node, AnyType):
            return "Any"
        if isinstance(node, PrimitiveType):
            return _PRIMITIVES[node.kind]
        if isinstance(node, LiteralType):
            return self._literal(node)
        if isinstance(node, ArrayType):
            container = "list" if self.direction == "response" else "Sequence"
            return f"{container}[{self.render(node.item)}]"
        if isinstance(node, TupleType):
            if not node.items:
                return "tuple[()]"
            return f"tuple[{', '.join(self.render(item) for item in node.items)}]"
        if isinstance(node, MapType):
            container = "dict" if self.direction == "response" else "Mapping"
            return f"{container}[str, {self.render(node.value)}]"
        if isinstance(node, UnionType):
            return self._union(node)
        if isinstance(node, RefType):
            return self._reference(node)
        raise TypeError(f"unknown type node {node!r}")

    def _literal(self, node: LiteralType) -> str:
        values = [value for value in node.values if value is not None]
        parts = [f"Literal[{', '.join(literal(value) for value in values)}]"] if values else []
        if None in node.values:
            parts.append("None")
        return self._join_union(parts)

    def _union(self, node: UnionType) -> str:
        variants = [self.render(variant) for variant in node.variants if not _is_none(variant)]
        nullable = any(_is_none(variant) for variant in node.variants)
        inner = self._join_union(variants)
        if node.discriminator and self.direction == "response" and len(variants) > 1:
            inner = f"Annotated[{inner}, Field(discriminator={literal(node.discriminator)})]"
        return self._join_union([inner, "None"]) if nullable else inner

    def _join_union(self, parts: list[str]) -> str:
        # Quoted forward references cannot be joined with `|` at run time.
        if len(parts) == 1:
            return parts[0]
        if self.quote_refs:
            return f"Union[{', '.join(parts)}]"
        return " | ".join(parts)

    def _reference(self, node: RefType) -> str:
        if self.direction == "response":
            name = self.names.response_name(node.name)
        else:
            name = self.names.request_name(node.name)
        self.mentioned.add(name)
        return f'"{name}"' if self.quote_refs else name


def _is_none(node: TypeNode) -> bool:
    return isinstance(node, PrimitiveType) and node.kind == "none"

