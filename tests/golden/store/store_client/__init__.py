"""Python client for the Store API, generated from its OpenAPI document.

from store_client import StoreClient

client = StoreClient()  # the API key comes from $STORE_API_KEY
"""

from . import types
from ._client import AsyncStoreClient, StoreClient
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
    "AsyncOperationError",
    "AsyncStoreClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "StoreClient",
    "SyncCursorPager",
    "UnprocessableEntityError",
    "types",
]
