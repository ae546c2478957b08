"""Python client for the Search API, generated from its OpenAPI document.

from search_client import SearchClient

client = SearchClient()  # the API key comes from $SEARCH_API_KEY
"""

from . import types
from ._client import AsyncSearchClient, SearchClient
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
    "AsyncSearchClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "SearchClient",
    "SyncCursorPager",
    "UnprocessableEntityError",
    "types",
]
