"""Decide how each query, header and cookie parameter is written on the wire.

Plain query parameters (scalars, and lists sent as a repeated key) go to the runtime
as a `params` mapping. The others, lists joined by a delimiter, objects, `deepObject`,
headers that are not plain strings, and cookies, are encoded by the generated
`_parameters` module, whose functions the expressions built here call.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import (
    AliasDefinition,
    Api,
    Definition,
    LiteralType,
    MapType,
    ObjectDefinition,
    Operation,
    Parameter,
    PrimitiveType,
    RefType,
    TypeNode,
    UnionType,
)
from generator.renderer.literals import identifier, literal


@dataclass(frozen=True)
class WireParameters:
    """The pieces of a request call that carry an operation's parameters."""

    plain_query: tuple[Parameter, ...]
    styled_query: tuple[str, ...]
    headers_expression: str | None

    @property
    def uses_module(self) -> bool:
        return bool(self.styled_query) or (self.headers_expression or "").startswith(
            "encode_headers"
        )


def wire_parameters(operation: Operation, definitions: dict[str, Definition]) -> WireParameters:
    plain = tuple(p for p in operation.query_parameters if not _needs_styled_query(p, definitions))
    styled = tuple(
        f"*query_items({literal(p.wire_name)}, {identifier(p.name)}, "
        f"style={literal(p.style)}, explode={p.explode})"
        for p in operation.query_parameters
        if _needs_styled_query(p, definitions)
    )
    return WireParameters(plain, styled, _headers_expression(operation))


def needs_parameters_module(api: Api) -> bool:
    """Return whether any operation of `api` calls the generated `_parameters` module."""
    definitions = {definition.name: definition for definition in api.definitions}
    return any(wire_parameters(operation, definitions).uses_module for operation in api.operations)


def request_path(path_expression: str, parameters: WireParameters) -> str:
    """Build the path argument of the request call, with styled query items appended."""
    if not parameters.styled_query:
        return path_expression
    return f"with_query({path_expression}, [{', '.join(parameters.styled_query)}])"


def _headers_expression(operation: Operation) -> str | None:
    headers = operation.header_parameters
    cookies = operation.cookie_parameters
    if not headers and not cookies:
        return None
    if not cookies and all(_is_plain_string(p.type) for p in headers):
        # The trailing comma keeps one header per line after formatting.
        items = "".join(f"{literal(p.wire_name)}: {identifier(p.name)}, " for p in headers)
        return f"strip_not_given({{{items}}})"
    header_items = ", ".join(
        f"({literal(p.wire_name)}, {identifier(p.name)}, {p.explode})" for p in headers
    )
    cookie_items = ", ".join(f"({literal(p.wire_name)}, {identifier(p.name)})" for p in cookies)
    return f"encode_headers([{header_items}], [{cookie_items}])"


def _needs_styled_query(parameter: Parameter, definitions: dict[str, Definition]) -> bool:
    if parameter.style != "form" or not parameter.explode:
        return True
    return _is_object(parameter.type, definitions)


def _is_object(
    node: TypeNode, definitions: dict[str, Definition], seen: frozenset[str] = frozenset()
) -> bool:
    if isinstance(node, MapType):
        return True
    if isinstance(node, UnionType):
        return any(_is_object(variant, definitions, seen) for variant in node.variants)
    if isinstance(node, RefType) and node.name not in seen:
        definition = definitions.get(node.name)
        if isinstance(definition, ObjectDefinition):
            return True
        if isinstance(definition, AliasDefinition):
            return _is_object(definition.type, definitions, seen | {node.name})
    return False


def _is_plain_string(node: TypeNode) -> bool:
    if isinstance(node, PrimitiveType):
        return node.kind == "str"
    if isinstance(node, LiteralType):
        return all(isinstance(value, str) for value in node.values)
    return False
