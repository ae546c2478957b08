"""Turn the operations of a spec into `Operation`s: method names, parameters, bodies, responses.

A path key may carry a query string (`/v2/namespaces/{namespace}?stainless_overload=copyFrom`)
that names an overload of the same path. The query string is kept and sent on the
wire, and its value names the method when nothing else does.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

from generator import media_types, pointers
from generator.config import GeneratorConfig, OperationConfig, ResourceConfig
from generator.model import (
    AnyType,
    ArrayType,
    Base64Vectors,
    ObjectDefinition,
    Operation,
    Pagination,
    Parameter,
    PrimitiveType,
    Property,
    RefType,
    RequestBody,
    Response,
    Source,
)
from generator.naming import NameRegistry, argument_name, method_name, pascal_case
from generator.parser.schemas import SchemaParser

_DEFAULT_STYLES = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Names every generated method uses for itself, its options or its local variables.
RESERVED_ARGUMENTS = frozenset(
    {
        "self",
        "timeout",
        "body",
        "params",
        "headers",
        "path",
        "cast",
        "response",
        "page",
        "fetch_page",
        "start_cursor",
        "page_cursor",
        "strip_not_given",
        "encode_path_parameter",
        "encode_headers",
        "query_items",
        "with_query",
    }
)
# Attributes of the generated client and resource classes that a method must not replace.
RESERVED_METHODS = frozenset({"close", "base_url"})
_PATH_TEMPLATE = re.compile(r"\{([^{}]+)\}")


def operation_key(http_method: str, path_key: str) -> str:
    return f"{http_method.upper()} {path_key}"


class OperationParser:
    def __init__(self, schemas: SchemaParser, config: GeneratorConfig) -> None:
        self.schemas = schemas
        self.config = config
        self.log = schemas.log
        self.document = schemas.document
        self._method_names: dict[str | None, NameRegistry] = {}

    def parse_all(self) -> list[Operation]:
        operations = []
        for path_key, path_item in (self.document.get("paths") or {}).items():
            path_pointer = pointers.join("/paths", path_key)
            path_item, path_pointer = self.schemas.resolve(path_item, path_pointer)
            if not isinstance(path_item, dict):
                continue
            for http_method in HTTP_METHODS:
                if isinstance(path_item.get(http_method), dict):
                    operations.append(
                        self._operation(path_key, path_item, http_method, path_pointer)
                    )
        return operations

    # --- one operation ----------------------------------------------------------

    def _operation(
        self, path_key: str, path_item: dict[str, Any], http_method: str, path_pointer: str
    ) -> Operation:
        raw = path_item[http_method]
        pointer = pointers.join(path_pointer, http_method)
        key = operation_key(http_method, path_key)
        settings = self.config.operation(key)
        path, _, query = path_key.partition("?")
        fixed_query = tuple(parse_qsl(query, keep_blank_values=True))

        resource = self._resource_for(path)
        name = self._method_name(raw, settings, http_method, path, fixed_query, pointer, key)
        reserved = RESERVED_METHODS | {r.name for r in self.config.resources}
        if name in reserved:
            name += "_"
        name = self._method_names.setdefault(resource.name if resource else None, NameRegistry()).claim(name)
        hint = pascal_case(name)

        taken = NameRegistry(RESERVED_ARGUMENTS)
        parameters = self._parameters(path_key, path_item, raw, path_pointer, pointer, hint, taken)
        body = self._request_body(raw, pointer, hint, settings, taken)
        response = self._response(raw, pointer, hint)
        errors = self._error_responses(raw, pointer, hint)
        return Operation(
            method_name=name,
            http_method=http_method.upper(),
            path=path,
            fixed_query=fixed_query,
            resource=resource.name if resource else None,
            description=_text(raw.get("description")) or _text(raw.get("summary")),
            path_parameters=tuple(p for p in parameters if p.location == "path"),
            query_parameters=tuple(p for p in parameters if p.location == "query"),
            header_parameters=tuple(p for p in parameters if p.location == "header"),
            cookie_parameters=tuple(p for p in parameters if p.location == "cookie"),
            body=body,
            response=response,
            error_responses=errors,
            async_operation=settings.async_operation,
            pagination=self._pagination(settings, response, pointer),
            base64_vectors=self._base64_vectors(settings, body, pointer),
            deprecated=bool(raw.get("deprecated")),
            source=Source(*self.log.where(pointer)),
            extensions={k: v for k, v in raw.items() if k.startswith("x-")},
        )

    def _resource_for(self, path: str) -> ResourceConfig | None:
        for resource in self.config.resources:
            if "{" + resource.path_parameter + "}" in path:
                return resource
        return None

    def _method_name(
        self,
        raw: dict[str, Any],
        settings: OperationConfig,
        http_method: str,
        path: str,
        fixed_query: tuple[tuple[str, str], ...],
        pointer: str,
        key: str,
    ) -> str:
        if settings.method:
            return method_name(settings.method)
        operation_id = raw.get("operationId")
        if isinstance(operation_id, str) and operation_id.strip():
            if operation_id.strip()[0].isdigit():
                # `2fa-verify` reads better as `post_2fa_verify` than with a generic prefix.
                return method_name(f"{http_method}_{operation_id}")
            return method_name(operation_id)
        if self.config.require_method_names:
            self.log.error(
                pointer,
                f"operation {key!r} has no operationId and no method name in "
                f"{self.config.source}; add it under operations: \"{key}\": method: NAME",
            )
        if fixed_query:
            return method_name(fixed_query[-1][1])
        words = [segment for segment in path.split("/") if segment and not segment.startswith("{")]
        return method_name("_".join([http_method, *words]))

    # --- parameters -------------------------------------------------------------

    def _parameters(
        self,
        path_key: str,
        path_item: dict[str, Any],
        raw: dict[str, Any],
        path_pointer: str,
        pointer: str,
        hint: str,
        taken: NameRegistry,
    ) -> list[Parameter]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_pointer in ((path_item, path_pointer), (raw, pointer)):
            for index, item in enumerate(owner.get("parameters") or []):
                item_pointer = pointers.join(owner_pointer, "parameters", index)
                resolved, resolved_pointer = self.schemas.resolve(item, item_pointer)
                if not isinstance(resolved, dict) or "name" not in resolved or "in" not in resolved:
                    self.log.error(item_pointer, "a parameter needs 'name' and 'in'")
                    continue
                merged[(resolved["name"], resolved["in"])] = (resolved, resolved_pointer)

        bound = {r.path_parameter for r in self.config.resources}
        ordered = sorted(merged.values(), key=lambda item: not item[0].get("required", False))
        parameters = []
        for resolved, resolved_pointer in ordered:
            location = resolved["in"]
            if location not in ("path", "query", "header", "cookie"):
                self.log.error(resolved_pointer, f"unknown parameter location {location!r}")
                continue
            wire_name = str(resolved["name"])
            style = str(resolved.get("style") or _DEFAULT_STYLES[location])
            explode = bool(resolved.get("explode", style == "form"))
            schema, schema_pointer = _parameter_schema(resolved, resolved_pointer)
            node = self.schemas.type_of(schema, schema_pointer, f"{hint}{pascal_case(wire_name)}")
            is_bound = location == "path" and wire_name in bound
            parameters.append(
                Parameter(
                    name=wire_name if is_bound else taken.claim(argument_name(wire_name, RESERVED_ARGUMENTS)),
                    wire_name=wire_name,
                    location=location,
                    type=node,
                    required=bool(resolved.get("required")) or location == "path",
                    description=_text(resolved.get("description")),
                    explode=explode,
                    deprecated=bool(resolved.get("deprecated")),
                    source=Source(*self.log.where(resolved_pointer)),
                    style=style,
                    default=self.schemas.default_of(schema, schema_pointer),
                )
            )
        return parameters + self._undeclared_path_parameters(path_key, parameters, pointer, taken)

    def _undeclared_path_parameters(
        self, path_key: str, declared: list[Parameter], pointer: str, taken: NameRegistry
    ) -> list[Parameter]:
        """Parameters for `{name}`s in the path that no parameter declares, typed as strings."""
        known = {p.wire_name for p in declared if p.location == "path"}
        bound = {r.path_parameter for r in self.config.resources}
        added = []
        for wire_name in dict.fromkeys(_PATH_TEMPLATE.findall(path_key.partition("?")[0])):
            if wire_name in known:
                continue
            self.log.warn(
                pointer,
                f"path parameter {wire_name!r} is in the path but not declared; "
                "it is taken as a required string",
            )
            added.append(
                Parameter(
                    name=wire_name if wire_name in bound else taken.claim(argument_name(wire_name, RESERVED_ARGUMENTS)),
                    wire_name=wire_name,
                    location="path",
                    type=PrimitiveType("str"),
                    required=True,
                    source=Source(*self.log.where(pointer)),
                    style="simple",
                    explode=False,
                )
            )
        return added

    # --- request body -----------------------------------------------------------

    def _request_body(
        self,
        raw: dict[str, Any],
        pointer: str,
        hint: str,
        settings: OperationConfig,
        taken: NameRegistry,
    ) -> RequestBody | None:
        if "requestBody" not in raw:
            return None
        body_pointer = pointers.join(pointer, "requestBody")
        body, body_pointer = self.schemas.resolve(raw["requestBody"], body_pointer)
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            self.log.error(body_pointer, "a request body needs 'content' with at least one media type")
            return None
        media_type = _preferred_media_type(content)
        media_pointer = pointers.join(body_pointer, "content", media_type)
        schema = (content[media_type] or {}).get("schema", {})
        schema_pointer = pointers.join(media_pointer, "schema")
        required = bool(body.get("required", False)) or settings.wrap_body is not None
        source = Source(*self.log.where(schema_pointer))
        if media_types.body_encoding(media_type) == "binary":
            return self._content_body(media_type, schema, schema_pointer, required, source, taken)

        resolved, resolved_pointer = self.schemas.resolve(schema, schema_pointer)
        merged = self.schemas.merged_object(resolved, resolved_pointer) if isinstance(resolved, dict) else None
        if merged is not None and merged.get("properties") and not settings.body_argument:
            properties = self.schemas.properties_of(merged, resolved_pointer, f"{hint}Body")
            renamed = tuple(_renamed(prop, taken, required) for prop in properties)
            self.schemas.coverage.count(resolved_pointer, RefType(hint))
            named = self.schemas.type_of(schema, schema_pointer, f"{hint}Body") if "$ref" in schema else None
            return RequestBody(
                media_type,
                properties=renamed,
                schema=named,
                wrap_in=settings.wrap_body,
                required=required,
                source=source,
            )

        node = self.schemas.type_of(schema, schema_pointer, f"{hint}Body")
        argument = settings.body_argument or "body"
        single = Property(
            name=taken.claim(argument_name(argument, RESERVED_ARGUMENTS)) if settings.body_argument else "body",
            wire_name=argument,
            type=node,
            required=required,
            description=_text(resolved.get("description")) if isinstance(resolved, dict) else "",
            source=source,
        )
        return RequestBody(media_type, single=single, wrap_in=settings.wrap_body, required=required, source=source)

    def _content_body(
        self,
        media_type: str,
        schema: Any,
        schema_pointer: str,
        required: bool,
        source: Source,
        taken: NameRegistry,
    ) -> RequestBody:
        """Build the one `content` argument of a body sent as raw bytes, or text for text/*."""
        resolved, _ = self.schemas.resolve(schema, schema_pointer)
        is_text = (
            media_types.essence(media_type).startswith("text/")
            and isinstance(resolved, dict)
            and resolved.get("type") == "string"
            and resolved.get("format") != "binary"
        )
        content = Property(
            name=taken.claim(argument_name("content", RESERVED_ARGUMENTS)),
            wire_name="content",
            type=PrimitiveType("str" if is_text else "bytes"),
            required=required,
            description=_text(resolved.get("description")) if isinstance(resolved, dict) else "",
            source=source,
        )
        return RequestBody(media_type, single=content, required=required, source=source)

    # --- responses --------------------------------------------------------------

    def _response(self, raw: dict[str, Any], pointer: str, hint: str) -> Response:
        responses = raw.get("responses") or {}
        successes = sorted(code for code in responses if str(code).startswith("2"))
        if not successes:
            return Response(status="200", type=None)
        status = str(successes[0])
        response_pointer = pointers.join(pointer, "responses", status)
        response, response_pointer = self.schemas.resolve(responses[successes[0]], response_pointer)
        content = response.get("content") if isinstance(response, dict) else None
        description = _text(response.get("description")) if isinstance(response, dict) else ""
        if not isinstance(content, dict) or not content:
            return Response(status=status, type=None, description=description)
        media_type = _preferred_media_type(content)
        schema = (content[media_type] or {}).get("schema")
        if schema is None:
            return Response(status=status, type=AnyType(), media_type=media_type, description=description)
        schema_pointer = pointers.join(response_pointer, "content", media_type, "schema")
        node = self.schemas.type_of(schema, schema_pointer, f"{hint}Response")
        return Response(status=status, type=node, media_type=media_type, description=description)

    def _error_responses(self, raw: dict[str, Any], pointer: str, hint: str) -> tuple[Response, ...]:
        """Return the responses of explicit 4xx and 5xx status codes that have a JSON schema.

        `default` is left out: it stands for any status, including those that a proxy
        returns with a body of another shape.
        """
        responses = raw.get("responses") or {}
        errors: list[Response] = []
        for key in sorted(responses, key=str):
            code = str(key)
            if not (code.isdigit() and code[0] in "45"):
                continue
            response_pointer = pointers.join(pointer, "responses", code)
            response, response_pointer = self.schemas.resolve(responses[key], response_pointer)
            content = response.get("content") if isinstance(response, dict) else None
            if not isinstance(content, dict) or not content:
                continue
            media_type = _preferred_media_type(content)
            schema = (content[media_type] or {}).get("schema")
            if not media_types.is_json(media_type) or schema is None:
                continue
            schema_pointer = pointers.join(response_pointer, "content", media_type, "schema")
            node = self.schemas.type_of(schema, schema_pointer, f"{hint}Error{code}")
            errors.append(Response(status=code, type=node, media_type=media_type))
        return tuple(errors)

    def _pagination(self, settings: OperationConfig, response: Response, pointer: str) -> Pagination | None:
        if settings.pagination is None:
            return None
        page = response.type
        definition = self.schemas.definitions.get(page.name) if isinstance(page, RefType) else None
        if not isinstance(definition, ObjectDefinition):
            self.log.error(pointer, "pagination is configured, but the response is not an object")
            return None
        items = next((p for p in definition.properties if p.wire_name == settings.pagination.items), None)
        if items is None or not isinstance(items.type, ArrayType):
            self.log.error(
                pointer,
                f"pagination items field {settings.pagination.items!r} is not an array property "
                "of the response",
            )
            return None
        return Pagination(
            items_field=items.name,
            cursor_parameter=settings.pagination.cursor_parameter,
            next_cursor_field=settings.pagination.next_cursor,
            item_type=items.type.item,
        )

    def _base64_vectors(
        self, settings: OperationConfig, body: RequestBody | None, pointer: str
    ) -> Base64Vectors | None:
        config = settings.base64_vectors
        if config is None:
            return None
        if settings.wrap_body is not None:
            self.log.error(pointer, "base64_vectors cannot be combined with wrap_body")
            return None
        known = {prop.wire_name for prop in body.properties} if body is not None else set()
        named = [*config.rows, *config.columns, *([config.schema] if config.schema else [])]
        unknown = [name for name in named if name not in known]
        if unknown:
            self.log.error(
                pointer,
                f"base64_vectors names {', '.join(map(repr, unknown))}, which are not "
                "properties of the request body",
            )
            return None
        return Base64Vectors(
            rows=config.rows,
            columns=config.columns,
            attributes=config.attributes,
            schema=config.schema,
        )


def _renamed(prop: Property, taken: NameRegistry, body_required: bool) -> Property:
    name = taken.claim(argument_name(prop.wire_name, RESERVED_ARGUMENTS))
    return Property(
        name=name,
        wire_name=prop.wire_name,
        type=prop.type,
        required=prop.required and body_required,
        nullable=prop.nullable,
        description=prop.description,
        default=prop.default,
        deprecated=prop.deprecated,
        source=prop.source,
    )


def _parameter_schema(parameter: dict[str, Any], pointer: str) -> tuple[Any, str]:
    if "schema" in parameter:
        return parameter["schema"], pointers.join(pointer, "schema")
    content = parameter.get("content")
    if isinstance(content, dict) and content:
        media_type = next(iter(content))
        return (content[media_type] or {}).get("schema", {}), pointers.join(
            pointer, "content", media_type, "schema"
        )
    return {"type": "string"}, pointer


def _preferred_media_type(content: dict[str, Any]) -> str:
    for media_type in content:
        if media_types.is_json(media_type):
            return media_type
    return next(iter(content))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
