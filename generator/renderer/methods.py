"""Views of operations for the method templates: signatures, docstrings, request pieces.

The templates only lay code out; every decision about names, annotations and how a
request is built is made here, in code that tests can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from generator import media_types
from generator.naming import field_name
from generator.model import MISSING, Api, Operation, Parameter, PrimitiveType, Property, TypeNode
from generator.renderer.examples import example_value
from generator.renderer.literals import identifier, literal, sectioned_docstring
from generator.renderer.parameters import request_path, wire_parameters
from generator.renderer.type_expressions import TypeNames, TypeRenderer

_PATH_PARAMETER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class ArgumentView:
    name: str
    annotation: str
    default: str | None
    description: str


@dataclass(frozen=True)
class PaginationView:
    page_type: str
    item_type: str
    items_field: str
    next_cursor_field: str
    cursor_argument: str


@dataclass(frozen=True)
class MethodView:
    name: str
    description: str
    positional: tuple[ArgumentView, ...]
    keyword: tuple[ArgumentView, ...]
    return_annotation: str
    http_method: str
    path: str
    path_expression: str
    query_items: tuple[tuple[str, str], ...]
    header_items: tuple[tuple[str, str], ...]
    body_expression: str | None
    response_type: str
    async_operation: bool
    pagination: PaginationView | None
    used_names: frozenset[str] = field(default=frozenset())
    example_arguments: str = ""
    # The request call's path argument (with any styled query items) and headers.
    request_path: str = ""
    headers_expression: str | None = None
    # The call that base64-encodes the body's vectors; None without `base64_vectors`.
    vectors_expression: str | None = None
    # Literals of the request call's `body_encoding`, `content_type` and `response_kind`
    # arguments; None where the runtime's JSON default applies, so JSON calls pass none.
    body_encoding: str | None = None
    content_type: str | None = None
    response_kind: str | None = None
    # A dict display of status code to the type its error body is parsed as, or None.
    error_types: str | None = None

    def docstring(self, indent: str) -> str:
        summary = self.description or f"Send {self.http_method} {self.path}."
        documented = [(a.name, a.description) for a in (*self.positional, *self.keyword) if a.description]
        return sectioned_docstring(summary, {"Args": documented}, indent)


def method_view(operation: Operation, names: TypeNames, bound: str | None) -> MethodView:
    request = TypeRenderer(names, "request", quote_refs=False)
    response = TypeRenderer(names, "response", quote_refs=False)

    positional = tuple(
        ArgumentView(p.name, request.render(p.type), None, p.description)
        for p in operation.path_parameters
        if p.wire_name != bound
    )
    keyword = [_parameter_argument(p, request) for p in operation.query_parameters]
    keyword += [_parameter_argument(p, request) for p in operation.header_parameters]
    keyword += [_parameter_argument(p, request) for p in operation.cookie_parameters]
    wire = wire_parameters(operation, names.definitions)
    body_expression = None
    encoding: media_types.BodyEncoding = "json"
    if operation.body is not None:
        encoding = media_types.body_encoding(operation.body.media_type)
        body_arguments = _body_arguments(operation, request, raw=encoding != "json")
        keyword += body_arguments
        body_expression = _body_expression(operation)
    keyword.sort(key=lambda argument: argument.default is not None)

    kind = _response_kind(operation)
    response_type, return_annotation = _response_types(operation, response, kind)
    error_types = _error_types(operation, response)
    pagination = _pagination_view(operation, response, return_annotation)
    if pagination is not None:
        return_annotation = pagination.item_type

    return MethodView(
        name=identifier(operation.method_name),
        description=operation.description,
        positional=positional,
        keyword=tuple(keyword),
        return_annotation=return_annotation,
        http_method=operation.http_method,
        path=operation.path,
        path_expression=_path_expression(operation, bound),
        query_items=tuple((literal(p.wire_name), p.name) for p in wire.plain_query),
        header_items=tuple((literal(p.wire_name), p.name) for p in operation.header_parameters),
        body_expression=body_expression,
        response_type=response_type,
        async_operation=operation.async_operation,
        pagination=pagination,
        used_names=frozenset(request.mentioned | response.mentioned),
        example_arguments=_example_arguments(operation, names, bound),
        request_path=request_path(_path_expression(operation, bound), wire),
        headers_expression=wire.headers_expression,
        vectors_expression=_vectors_expression(operation),
        body_encoding=None if encoding == "json" else literal(encoding),
        content_type=_content_type(operation),
        response_kind=None if kind == "json" else literal(kind),
        error_types=error_types,
    )


def _content_type(operation: Operation) -> str | None:
    """Return the literal of the declared request media type, unless it is plain JSON."""
    if operation.body is None or operation.body.media_type == "application/json":
        return None
    return literal(operation.body.media_type)


def _response_kind(operation: Operation) -> media_types.ResponseKind:
    return media_types.response_kind(
        operation.response.media_type,
        binary_schema=operation.response.type == PrimitiveType("bytes"),
    )


def _error_types(operation: Operation, renderer: TypeRenderer) -> str | None:
    typed = [r for r in operation.error_responses if r.type is not None]
    if not typed:
        return None
    items = ", ".join(f"{r.status}: {renderer.render(r.type)}" for r in typed if r.type is not None)
    return f"{{{items}}}"


def _example_arguments(operation: Operation, names: TypeNames, bound: str | None) -> str:
    """Arguments of an example call: every required one, or else the first body property."""
    definitions = names.definitions
    positional = [
        example_value(p.type, definitions) for p in operation.path_parameters if p.wire_name != bound
    ]
    keyword = [
        (p.name, p.type) for p in (*operation.query_parameters, *operation.header_parameters) if p.required
    ]
    body = operation.body
    if body is not None:
        properties = body.properties or ((body.single,) if body.single else ())
        required = [(p.name, p.type) for p in properties if p.required]
        keyword += required or [(p.name, p.type) for p in properties[:1]]
    keyword_text = [f"{name}={example_value(node, definitions)}" for name, node in keyword]
    return ", ".join(positional + keyword_text)


def _parameter_argument(parameter: Parameter, renderer: TypeRenderer) -> ArgumentView:
    annotation = renderer.render(parameter.type)
    if parameter.required:
        return ArgumentView(identifier(parameter.name), annotation, None, parameter.description)
    description = _with_default(parameter.description, parameter.default)
    return ArgumentView(identifier(parameter.name), f"{annotation} | NotGiven", "NOT_GIVEN", description)


def _with_default(description: str, default: object) -> str:
    """Append to a description the default that the server applies when the argument is left out."""
    if default is MISSING:
        return description
    try:
        shown = literal(default)
    except ValueError:
        shown = repr(default)
    sentence = f"Defaults to {shown} on the server."
    return f"{description} {sentence}" if description else sentence


def _body_arguments(operation: Operation, renderer: TypeRenderer, *, raw: bool) -> list[ArgumentView]:
    """Return the body's keyword arguments; with `raw`, binary ones also take a file object."""
    assert operation.body is not None
    properties = operation.body.properties or (operation.body.single,)
    return [_property_argument(prop, renderer, raw=raw) for prop in properties if prop is not None]


def _property_argument(prop: Property, renderer: TypeRenderer, *, raw: bool = False) -> ArgumentView:
    annotation = renderer.render(prop.type)
    if raw and prop.type == PrimitiveType("bytes"):
        annotation = "bytes | BinaryIO"
    if prop.required:
        return ArgumentView(identifier(prop.name), annotation, None, prop.description)
    description = _with_default(prop.description, prop.default)
    return ArgumentView(identifier(prop.name), f"{annotation} | NotGiven", "NOT_GIVEN", description)


def _body_expression(operation: Operation) -> str:
    body = operation.body
    assert body is not None
    if body.single is not None:
        expression = body.single.name
    else:
        items = ", ".join(f"{literal(p.wire_name)}: {identifier(p.name)}" for p in body.properties)
        expression = f"strip_not_given({{{items}}})"
    if body.wrap_in:
        expression = f"{{{literal(body.wrap_in)}: {expression}}}"
    return expression


def _vectors_expression(operation: Operation) -> str | None:
    vectors = operation.base64_vectors
    if vectors is None or operation.body is None:
        return None
    arguments = [
        f"rows={_tuple_literal(vectors.rows)}",
        f"columns={_tuple_literal(vectors.columns)}",
        f"attributes={_tuple_literal(vectors.attributes)}",
        f"schema_key={literal(vectors.schema)}",
    ]
    return f"encode_body_vectors(body, {', '.join(arguments)})"


def _tuple_literal(names: tuple[str, ...]) -> str:
    items = ", ".join(literal(name) for name in names)
    return f"({items},)" if len(names) == 1 else f"({items})"


def _path_expression(operation: Operation, bound: str | None) -> str:
    parameters = {p.wire_name: p for p in operation.path_parameters}
    pieces: list[str] = []
    position = 0
    for match in _PATH_PARAMETER.finditer(operation.path):
        if match.start() > position:
            pieces.append(literal(_encode_path_text(operation.path[position : match.start()])))
        wire_name = match.group(1)
        if wire_name == bound:
            pieces.append("self._path_value")
        elif wire_name in parameters:
            pieces.append(f"encode_path_parameter(str({identifier(parameters[wire_name].name)}))")
        else:
            raise ValueError(f"path parameter {wire_name!r} of {operation.path!r} is not declared")
        position = match.end()
    tail = _encode_path_text(operation.path[position:])
    if operation.fixed_query:
        tail += "?" + urlencode(operation.fixed_query)
    if tail:
        pieces.append(literal(tail))
    return " + ".join(pieces) if pieces else literal("/")


def _encode_path_text(text: str) -> str:
    """Percent-encode the fixed text of a path template, keeping what a path may hold as is.

    `%` is kept too, so a spec path that is already percent-encoded is not encoded twice.
    """
    return quote(text, safe="/:@!$&'()*+,;=-._~%")


def _response_types(
    operation: Operation, renderer: TypeRenderer, kind: media_types.ResponseKind
) -> tuple[str, str]:
    if kind != "json":
        return "None", "str" if kind == "text" else "bytes"
    node: TypeNode | None = operation.response.type
    if node is None:
        return "None", "None"
    annotation = renderer.render(node)
    return annotation, annotation


def _pagination_view(
    operation: Operation, renderer: TypeRenderer, page_type: str
) -> PaginationView | None:
    pagination = operation.pagination
    if pagination is None:
        return None
    cursor = next(
        (p.name for p in operation.query_parameters if p.wire_name == pagination.cursor_parameter),
        None,
    )
    if cursor is None:
        raise ValueError(
            f"{operation.method_name}: pagination cursor parameter "
            f"{pagination.cursor_parameter!r} is not a query parameter"
        )
    return PaginationView(
        page_type=page_type,
        item_type=renderer.render(pagination.item_type),
        items_field=identifier(pagination.items_field),
        next_cursor_field=identifier(field_name(pagination.next_cursor_field)),
        cursor_argument=cursor,
    )


def method_views(api: Api, names: TypeNames, resource: str | None) -> list[MethodView]:
    bound = next((r.bound_parameter for r in api.resources if r.name == resource), None)
    return [
        method_view(operation, names, bound)
        for operation in api.operations
        if operation.resource == resource
    ]
