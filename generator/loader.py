"""Read an OpenAPI document from a YAML or JSON file into plain Python data.

YAML is parsed with PyYAML's C loader when it is available, because the pure-Python
loader takes seconds on a multi-megabyte spec. Keys are turned into strings (YAML
reads an unquoted `200:` as an integer) and dates into ISO-8601 strings, so the rest
of the generator gets the same data a JSON parser would produce. Files that the spec
refers to with `$ref` are read by the same code and bundled in (`generator.bundler`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator import pointers
from generator.bundler import BUNDLE_KEY, bundle_references
from generator.diagnostics import error

logger = logging.getLogger(__name__)

try:
    _YamlLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader


@dataclass(frozen=True)
class SpecDocument:
    """A loaded spec: where it came from and its content as JSON-compatible data.

    `files` maps the bundle key of each file that `$ref`s pulled in to its path or URL.
    """

    path: Path
    data: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return str(self.path)

    def locate(self, pointer: str) -> tuple[str, str]:
        """Map a pointer into the bundled document to its file and the pointer inside that file."""
        prefix = "/" + BUNDLE_KEY + "/"
        if not pointer.startswith(prefix):
            return self.file, pointer
        key, _, rest = pointer[len(prefix) :].partition("/")
        source = self.files.get(pointers.unescape(key))
        if source is None:
            return self.file, pointer
        return source, "/" + rest if rest else ""


def load_document(path: Path, *, allow_external_refs: bool = False) -> SpecDocument:
    """Read and parse `path` and the files it refers to.

    Raises GenerationError with the file, the JSON pointer and the reason on failure.
    `allow_external_refs` lets `$ref`s reach files outside the spec's folder and URLs.
    """
    data = _read_document(path)
    if not isinstance(data, dict):
        raise error(
            str(path),
            "",
            f"the document is a {type(data).__name__}, not a mapping; "
            "an OpenAPI document starts with keys such as 'openapi', 'info' and 'paths'",
        )
    bundle = bundle_references(
        data,
        path,
        read_file=_read_document,
        parse_text=_parse_downloaded,
        allow_external=allow_external_refs,
    )
    return SpecDocument(path=path, data=bundle.data, files=bundle.files)


def _read_document(path: Path) -> Any:
    return _to_json_compatible(_parse(path, _read_text(path)))


def _parse_downloaded(url: str, text: str) -> Any:
    return _to_json_compatible(_parse(Path(urlsplit(url).path or "document"), text, source=url))


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


def _parse(path: Path, text: str, *, source: str | None = None) -> Any:
    source = source or str(path)
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            pointer = _pointer_before(text, exc.lineno - 1, exc.colno - 1)
            raise error(
                source, pointer, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from None
    try:
        return yaml.load(text, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        pointer = _pointer_before(text, mark.line, mark.column) if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(source, pointer, f"malformed YAML{where}: {problem}") from None


def _pointer_before(text: str, line: int, column: int) -> str:
    """Find the JSON pointer of the value being read at a syntax error (0-based line and column).

    The YAML event stream, which JSON text also parses as, is followed up to the error,
    keeping the path of mapping keys and sequence indexes that leads there. It is only
    a guide for the user: the reported line and column are the exact place.
    """
    path: list[list[Any]] = []  # per open collection: [key or index, expecting a key]
    try:
        for event in yaml.parse(text, Loader=_YamlLoader):
            mark = event.start_mark
            if (mark.line, mark.column) >= (line, column):
                break
            _follow_event(path, event)
    except yaml.YAMLError:
        pass
    tokens = [str(frame[0]) for frame in path if frame[0] is not None]
    return pointers.join("", *tokens)


def _follow_event(path: list[list[Any]], event: yaml.Event) -> None:
    if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
        path.pop()
        _value_done(path)
        return
    if path and path[-1][1] is True:  # a mapping key
        if isinstance(event, yaml.ScalarEvent):
            path[-1] = [event.value, False]
        return
    if path and path[-1][1] is None:  # the next item of a sequence
        path[-1][0] = -1 if path[-1][0] is None else path[-1][0]
        path[-1][0] += 1
    if isinstance(event, yaml.MappingStartEvent):
        path.append([None, True])
    elif isinstance(event, yaml.SequenceStartEvent):
        path.append([None, None])
    elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
        _value_done(path)


def _value_done(path: list[list[Any]]) -> None:
    """After a mapping value, the mapping expects its next key."""
    if path and path[-1][1] is False:
        path[-1] = [None, True]


def _to_json_compatible(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _to_json_compatible(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_json_compatible(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
