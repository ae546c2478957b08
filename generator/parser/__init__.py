"""Build the intermediate model (`generator.model.Api`) from a validated spec document."""

from __future__ import annotations

import re
from typing import Any

from generator.config import GeneratorConfig
from generator.diagnostics import DiagnosticLog
from generator.model import (
    Api,
    AuthScheme,
    Coverage,
    Resource,
    Server,
    ServerVariable,
)
from generator.naming import NameRegistry, argument_name, pascal_case, snake_case, upper_snake_case
from generator.parser.discriminators import add_discriminators
from generator.parser.operations import OperationParser
from generator.parser.schemas import SchemaParser


def parse_api(
    document: dict[str, Any],
    config: GeneratorConfig,
    log: DiagnosticLog,
    *,
    openapi_31: bool,
    overrides: tuple[str, ...] = (),
) -> Api:
    info = document.get("info") or {}
    title = str(info.get("title") or "API")
    package_name = config.package_name or _package_name(title)
    prefix = upper_snake_case(package_name.removesuffix("_client"))
    client_class = config.client_class or _client_class(title)
    reserved = {client_class, f"Async{client_class}"}
    for resource in config.resources:
        reserved |= {resource.class_name, f"Async{resource.class_name}"}

    schemas = SchemaParser(document, log, openapi_31=openapi_31, reserved_names=frozenset(reserved))
    schemas.parse_components()
    operations = OperationParser(schemas, config).parse_all()
    log.raise_if_errors()
    definitions = add_discriminators(schemas.definitions, log)

    return Api(
        title=title,
        version=str(info.get("version", "")),
        description=str(info.get("description") or "").strip(),
        package_name=package_name,
        distribution_name=config.distribution_name or package_name.replace("_", "-"),
        package_version=config.package_version,
        client_class=client_class,
        api_key_env=config.api_key_env or f"{prefix}_API_KEY",
        base_url_env=config.base_url_env or f"{prefix}_BASE_URL",
        servers=_servers(document, config),
        auth=_auth(document),
        definitions=tuple(definitions.values()),
        operations=tuple(operations),
        resources=tuple(
            Resource(r.name, r.class_name, r.path_parameter, r.description) for r in config.resources
        ),
        coverage=Coverage(
            precise=schemas.coverage.total("precise"),
            open_in_spec=schemas.coverage.total("open_in_spec"),
            loosened=schemas.coverage.total("loosened"),
        ),
        overrides=overrides,
        dropped_variants=tuple(schemas.dropped_variants),
    )


def _client_class(title: str) -> str:
    return pascal_case(re.sub(r"\bapi\b", "", title, flags=re.I), fallback="Api") + "Client"


def _package_name(title: str) -> str:
    base = snake_case(re.sub(r"\bapi\b", "", title, flags=re.I), fallback="api")
    return f"{base}_client"


# Keyword arguments and local names of the client constructor and `_resolve_base_url`.
_CLIENT_ARGUMENTS = frozenset(
    {
        "api_key",
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "compression",
        "http_client",
        "url",
        "os",
    }
)


def _servers(document: dict[str, Any], config: GeneratorConfig) -> tuple[Server, ...]:
    servers = []
    for raw in document.get("servers") or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
            continue
        arguments = NameRegistry(_CLIENT_ARGUMENTS)
        variables = tuple(
            ServerVariable(
                name=name,
                default=None if variable.get("x-required") else str(variable.get("default", "")),
                description=str(variable.get("description") or "").strip(),
                enum=tuple(str(value) for value in variable.get("enum") or ()),
                env_var=config.server_variable_env.get(name),
                argument=arguments.claim(argument_name(name, _CLIENT_ARGUMENTS)),
            )
            for name, variable in (raw.get("variables") or {}).items()
            if isinstance(variable, dict)
        )
        servers.append(Server(raw["url"], str(raw.get("description") or ""), variables))
    return tuple(servers)


def _auth(document: dict[str, Any]) -> AuthScheme:
    # NOTE: one scheme serves the whole API. An operation's own `security` list is not
    # read, so an operation that requires another scheme is sent with this one.
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    requirements = document.get("security") or []
    names = [name for requirement in requirements for name in requirement] or list(schemes)
    for name in names:
        scheme = schemes.get(name)
        if not isinstance(scheme, dict):
            continue
        if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
            return AuthScheme("bearer")
        if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            return AuthScheme("basic")
        if scheme.get("type") == "apiKey":
            return AuthScheme("api_key", scheme.get("in", "header"), str(scheme.get("name", "")))
        if scheme.get("type") in ("oauth2", "openIdConnect"):
            return AuthScheme("bearer")
    return AuthScheme("none")
