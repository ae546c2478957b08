"""Python client for the turbopuffer API, generated from its OpenAPI document.

from turbopuffer_client import Turbopuffer

client = Turbopuffer()  # the API key comes from $TURBOPUFFER_API_KEY
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import types
    from ._aiohttp_transport import AiohttpTransport
    from ._client import AsyncTurbopuffer, Turbopuffer
    from ._errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AsyncOperationError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
    )
    from ._pagination import AsyncCursorPager, SyncCursorPager
    from ._resources import AsyncNamespace, Namespace
    from ._retries import RetryPolicy
    from ._types import NOT_GIVEN, NotGiven
    from ._vectors import decode_vector, encode_vector

__version__ = "0.1.1"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AiohttpTransport",
    "AsyncCursorPager",
    "AsyncNamespace",
    "AsyncOperationError",
    "AsyncTurbopuffer",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "Namespace",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "SyncCursorPager",
    "Turbopuffer",
    "UnprocessableEntityError",
    "decode_vector",
    "encode_vector",
    "types",
]

# The module that defines each public name. Importing the package loads none of them,
# so `import turbopuffer_client` costs almost nothing. The first use of a name imports its
# module (and httpx and pydantic with it), then caches the name here.
_MODULE_OF = {
    "Turbopuffer": "._client",
    "AsyncTurbopuffer": "._client",
    "Namespace": "._resources",
    "AsyncNamespace": "._resources",
    "APIConnectionError": "._errors",
    "APIError": "._errors",
    "APIResponseValidationError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AsyncOperationError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "ConflictError": "._errors",
    "InternalServerError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "RateLimitError": "._errors",
    "UnprocessableEntityError": "._errors",
    "AsyncCursorPager": "._pagination",
    "SyncCursorPager": "._pagination",
    "RetryPolicy": "._retries",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "AiohttpTransport": "._aiohttp_transport",
    "decode_vector": "._vectors",
    "encode_vector": "._vectors",
}


def __getattr__(name: str) -> Any:
    if name == "types":
        value: Any = importlib.import_module(".types", __name__)
    elif name in _MODULE_OF:
        value = getattr(importlib.import_module(_MODULE_OF[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
