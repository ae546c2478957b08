"""An independent check of HTTP responses against the spec, for the fake server's tests.

The fake validates its own responses, but a bug in that check would hide
drift from the spec. This module looks up response schemas in the spec
document itself and validates with jsonschema directly, sharing only the YAML
loading and the path matching with the server.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.fake_turbopuffer._routing import RouteError, Router, parse_target
from tests.fake_turbopuffer._spec import load_spec

_URI = "urn:fake-turbopuffer-tests:openapi"
_ERROR_RESPONSE = "#/components/schemas/ErrorResponse"
_START_COPY_KEY = "/v2/namespaces/{namespace}/async?stainless_overload=startCopyFrom"
_COPY_KEY = "/v2/namespaces/{namespace}?stainless_overload=copyFrom"


class ResponseChecker:
    """Validate an httpx response against the schema the spec gives for its request and status."""

    def __init__(self, spec_path: str) -> None:
        spec = load_spec(spec_path)
        self._document: Any = spec.document
        self._router = Router(spec.operations)
        resource = Resource.from_contents(self._document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_URI, resource)

    def errors(self, response: httpx.Response) -> list[str]:
        """Return one message per schema violation of the response body."""
        pointer = self._schema_pointer(response)
        validator = Draft202012Validator(
            {"$ref": _URI + quote(pointer, safe="#/~")}, registry=self._registry
        )
        return [
            f"{response.request.method} {response.request.url.raw_path.decode()} -> "
            f"{response.status_code}: {error.message}"
            for error in validator.iter_errors(response.json())
        ]

    def _schema_pointer(self, response: httpx.Response) -> str:
        request = response.request
        try:
            match = self._router.match(request.method, parse_target(request.url.raw_path.decode()))
        except RouteError:
            return _ERROR_RESPONSE

        path_key = match.operation.path_key
        status = str(response.status_code)
        # The spec has no 202 for copyFrom. With Prefer: respond-async the API
        # responds with the body startCopyFrom documents for 202.
        if path_key == _COPY_KEY and status == "202":
            path_key = _START_COPY_KEY
        responses = self._document["paths"][path_key][request.method.lower()]["responses"]
        key = status if status in responses else "default"
        escaped_key = path_key.replace("~", "~0").replace("/", "~1")
        return (
            f"#/paths/{escaped_key}/{request.method.lower()}/responses/{key}"
            "/content/application~1json/schema"
        )
