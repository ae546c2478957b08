"""A small spec, the Shelf API, that tests change one piece at a time and regenerate.

`shelf_spec()` returns a fresh document each call, so a test edits its own copy.
Its client is `ShelfClient` with the methods `list_books`, `create_book` and `get_book`.
`Genre` is used by a request and a response, `Format` only by requests, and `Status`
only by responses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from generator.config import GeneratorConfig
from generator.pipeline import GenerationResult, generate

_BOOK_LIST = {
    "description": "The books.",
    "content": {
        "application/json": {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Book"}}
        }
    },
}
_BOOK = {
    "description": "One book.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}},
}

_SHELF: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Shelf API", "version": "1.0.0"},
    "servers": [{"url": "https://api.shelf.example"}],
    "paths": {
        "/books": {
            "get": {
                "operationId": "listBooks",
                "description": "List the books of one owner.",
                "parameters": [
                    {
                        "name": "owner_id",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                ],
                "responses": {"200": _BOOK_LIST},
            },
            "post": {
                "operationId": "createBook",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/NewBook"}}
                    },
                },
                "responses": {"201": _BOOK},
            },
        },
        "/books/{book_id}": {
            "get": {
                "operationId": "getBook",
                "parameters": [
                    {
                        "name": "book_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"200": _BOOK},
            }
        },
    },
    "components": {
        "schemas": {
            "Genre": {"type": "string", "enum": ["fiction", "poetry"]},
            "Format": {"type": "string", "enum": ["hardcover", "paperback"]},
            "Status": {"type": "string", "enum": ["shelved", "lent"]},
            "NewBook": {
                "type": "object",
                "required": ["title"],
                "properties": {
                    "title": {"type": "string", "description": "The title on the cover."},
                    "genre": {"$ref": "#/components/schemas/Genre"},
                    "format": {"$ref": "#/components/schemas/Format"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            },
            "Book": {
                "type": "object",
                "required": ["id", "title"],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "genre": {"$ref": "#/components/schemas/Genre"},
                    "status": {"$ref": "#/components/schemas/Status"},
                    "pages": {"type": "integer"},
                },
            },
        }
    },
}


def shelf_spec() -> dict[str, Any]:
    # A JSON round trip, unlike deepcopy, also unshares the response objects used twice.
    return json.loads(json.dumps(_SHELF))  # type: ignore[no-any-return]


def write_spec(folder: Path, name: str, document: dict[str, Any]) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def regenerate(
    folder: Path,
    name: str,
    document: dict[str, Any],
    output: Path,
    *,
    check: bool = False,
    config: GeneratorConfig | None = None,
) -> GenerationResult:
    """Write `document` as `<name>.yaml` in `folder` and generate it into `output`."""
    spec = write_spec(folder, name, document)
    return generate(spec, output, config or GeneratorConfig(), check=check)
