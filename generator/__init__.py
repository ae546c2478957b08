"""Generate typed Python client packages from OpenAPI 3.0 and 3.1 documents."""

__version__ = "0.1.0"
