"""Read an OpenAPI document from a YAML or JSON file into plain Python data.

YAML is parsed with PyYAML's C loader when it is available, because the pure-Python
loader takes seconds on a multi-megabyte spec. Keys are turned into strings (YAML
reads an unquoted `200:` as an integer) and dates into ISO-8601 strings, so the rest
of the generator sees the same data a JSON parser would produce.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import error

logger = logging.getLogger(__name__)

try:
    _YamlLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader


@dataclass(frozen=True)
class SpecDocument:
    """A loaded spec: where it came from and its content as JSON-compatible data."""

    path: Path
    data: dict[str, Any]

    @property
    def file(self) -> str:
        return str(self.path)


def load_document(path: Path) -> SpecDocument:
    """Read and parse `path`, raising GenerationError with the file and reason on failure."""
    text = _read_text(path)
    data = _parse(path, text)
    if not isinstance(data, dict):
        raise error(
            str(path),
            "",
            f"the document is a {type(data).__name__}, not a mapping; "
            "an OpenAPI document starts with keys such as 'openapi', 'info' and 'paths'",
        )
    return SpecDocument(path=path, data=_to_json_compatible(data))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(str(path), "", "file not found; check the path to the spec") from None
    except IsADirectoryError:
        raise error(str(path), "", "is a directory; pass the spec file itself") from None
    except UnicodeDecodeError as exc:
        raise error(str(path), "", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise error(str(path), "", f"cannot be read: {exc.strerror}") from None


def _parse(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise error(
                str(path), "", f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from None
    try:
        return yaml.load(text, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(str(path), "", f"malformed YAML{where}: {problem}") from None


def _to_json_compatible(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _to_json_compatible(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_json_compatible(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
