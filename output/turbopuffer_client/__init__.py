"""Python client for the turbopuffer API, generated from its OpenAPI document.

from turbopuffer_client import Turbopuffer

client = Turbopuffer()  # the API key comes from $TURBOPUFFER_API_KEY
"""

from . import types
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
from ._types import NOT_GIVEN, NotGiven

__version__ = "0.1.0"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
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
    "SyncCursorPager",
    "Turbopuffer",
    "UnprocessableEntityError",
    "types",
]
