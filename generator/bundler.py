"""Resolve `$ref`s to other files by bundling those files into the root document.

A multi-file spec refers to other documents with relative references such as
`schemas/pet.yaml#/Pet`. Each referenced file is read once, relative to the file that
refers to it, and stored under `/x-bundled-files/<key>` of the root document. Every
reference to it, and every local `#/...` reference inside it, is rewritten to point
there, so the rest of the generator only ever follows local references.
`locate()` maps such a pointer back to the file and pointer a user sees in an editor.

References that leave the root spec's folder, and `http(s)` URLs, are rejected unless
`allow_external` is set. Without it the generator reads no file outside that folder
and opens no network connection.

NOTE: openapi-pydantic validates the root document only, because bundled files sit
under an `x-` extension key. Mistakes inside them are found by the parser alone.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from generator import pointers
from generator.diagnostics import Diagnostic, GenerationError

logger = logging.getLogger(__name__)

BUNDLE_KEY = "x-bundled-files"
# Keys whose mapping value is keyed by names (property names, status codes, media types),
# so a child called "default" or "example" there is a named thing, not a literal value.
_NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "schemas",
        "responses",
        "parameters",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
        "paths",
        "content",
        "encoding",
        "dependentSchemas",
        "webhooks",
    }
)
# Keys whose value is literal JSON data, where a "$ref" key is just data.
_LITERAL_KEYS = frozenset({"example", "default", "const", "enum"})
_URL_SCHEMES = ("http", "https")
_MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024
_DOWNLOAD_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class _Origin:
    """The origin of a bundled document: a file path or a URL."""

    source: str
    base: str  # a folder path or a URL that relative references resolve against
    is_url: bool


@dataclass
class _Reference:
    """The location of a `$ref` in its file, for error messages."""

    file: str
    pointer: str
    text: str


@dataclass
class Bundle:
    """The root document with every referenced file inside it, and where each came from."""

    data: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)


def bundle_references(
    data: dict[str, Any],
    spec: Path,
    *,
    read_file: Callable[[Path], Any],
    parse_text: Callable[[str, str], Any],
    allow_external: bool = False,
) -> Bundle:
    """Return `data` with every file it refers to bundled in; raise GenerationError on bad refs.

    `read_file` reads and parses one local file, and `parse_text` parses downloaded text
    named by its URL; both come from the loader, so their errors read the same.
    Documents without references to other files come back unchanged, without a copy.
    """
    bundler = _Bundler(
        spec, read_file=read_file, parse_text=parse_text, allow_external=allow_external
    )
    return bundler.run(data)


class _Bundler:
    def __init__(
        self,
        spec: Path,
        *,
        read_file: Callable[[Path], Any],
        parse_text: Callable[[str, str], Any],
        allow_external: bool,
    ) -> None:
        self.spec = spec.resolve()
        self.root_folder = self.spec.parent
        self.root = _Origin(str(spec), str(self.root_folder), is_url=False)
        self.read_file = read_file
        self.parse_text = parse_text
        self.allow_external = allow_external
        self.keys: dict[str, str] = {}  # source -> bundle key
        self.files: dict[str, str] = {}  # bundle key -> source as shown to users
        self.pending: deque[tuple[str, _Origin, _Reference]] = deque()
        self.errors: list[Diagnostic] = []

    def run(self, data: dict[str, Any]) -> Bundle:
        if not _has_external_reference(data):
            return Bundle(data)

        root_data = self._rewrite(data, self.root, prefix="", pointer="", in_name_map=False)
        bundled: dict[str, Any] = {}
        while self.pending and not self.errors:
            key, origin, reference = self.pending.popleft()
            content = self._read(origin, reference)
            if content is None:
                continue
            prefix = pointers.join("", BUNDLE_KEY, key)
            bundled[key] = self._rewrite(
                content, origin, prefix=prefix, pointer="", in_name_map=False
            )
        if self.errors:
            raise GenerationError(self.errors)

        logger.info("bundled %d referenced files into %s", len(bundled), self.root.source)
        return Bundle({**root_data, BUNDLE_KEY: bundled}, dict(self.files))

    # --- walking ----------------------------------------------------------------

    def _rewrite(
        self, value: Any, origin: _Origin, *, prefix: str, pointer: str, in_name_map: bool
    ) -> Any:
        if isinstance(value, list):
            return [
                self._rewrite(
                    item, origin, prefix=prefix, pointer=f"{pointer}/{index}", in_name_map=False
                )
                for index, item in enumerate(value)
            ]
        if not isinstance(value, dict):
            return value

        result: dict[str, Any] = {}
        for key, item in value.items():
            item_pointer = pointers.join(pointer, key)
            if key == "$ref" and isinstance(item, str) and not in_name_map:
                result[key] = self._target(
                    item, origin, prefix, _Reference(origin.source, pointer, item)
                )
            elif not in_name_map and _is_literal_data(key, item):
                result[key] = item
            else:
                names_follow = key in _NAME_MAPS and not in_name_map
                result[key] = self._rewrite(
                    item, origin, prefix=prefix, pointer=item_pointer, in_name_map=names_follow
                )
        return result

    def _target(self, ref: str, origin: _Origin, prefix: str, reference: _Reference) -> str:
        """Return the local reference that replaces `ref`, and schedule reading the file it names."""
        location, _, fragment = ref.partition("#")
        fragment = unquote(fragment)
        if not location:
            return "#" + prefix + fragment
        target = self._resolve_location(
            unquote(location) if not origin.is_url else location, origin, reference
        )
        if target is None:
            return ref
        if not target.is_url and Path(target.source) == self.spec:
            return "#" + fragment
        key = self._key_for(target, reference)
        return "#" + pointers.join("", BUNDLE_KEY, key) + fragment

    def _resolve_location(
        self, location: str, origin: _Origin, reference: _Reference
    ) -> _Origin | None:
        scheme = urlsplit(location).scheme.lower()
        if origin.is_url or scheme in _URL_SCHEMES:
            url = urljoin(origin.base, location)
            if not self.allow_external:
                self._error(
                    reference,
                    f"$ref {reference.text!r} points to a URL; the generator downloads nothing "
                    "unless --allow-external-refs is given",
                )
                return None
            if urlsplit(url).scheme.lower() not in _URL_SCHEMES:
                self._error(
                    reference, f"$ref {reference.text!r}: only http and https URLs can be read"
                )
                return None
            return _Origin(url, url, is_url=True)
        if scheme == "file":
            location = unquote(urlsplit(location).path)
        elif scheme and len(scheme) > 1:
            self._error(
                reference, f"$ref {reference.text!r} uses the unsupported scheme {scheme!r}"
            )
            return None

        path = (Path(origin.base) / location).resolve()
        if not self.allow_external and not path.is_relative_to(self.root_folder):
            self._error(
                reference,
                f"$ref {reference.text!r} leaves the spec's folder {self.root_folder}; "
                "pass --allow-external-refs to read files outside it",
            )
            return None
        return _Origin(str(path), str(path.parent), is_url=False)

    def _key_for(self, target: _Origin, reference: _Reference) -> str:
        key = self.keys.get(target.source)
        if key is not None:
            return key
        if target.is_url:
            key = target.source
            display = target.source
        else:
            path = Path(target.source)
            key = (
                path.relative_to(self.root_folder).as_posix()
                if path.is_relative_to(self.root_folder)
                else path.as_posix()
            )
            display = str(path)
        self.keys[target.source] = key
        self.files[key] = display
        self.pending.append((key, target, reference))
        return key

    # --- reading ----------------------------------------------------------------

    def _read(self, origin: _Origin, reference: _Reference) -> Any:
        if origin.is_url:
            return self._download(origin, reference)
        path = Path(origin.source)
        if not path.is_file():
            self._error(
                reference, f"$ref {reference.text!r} names a file that does not exist: {path}"
            )
            return None
        return self.read_file(path)

    def _download(self, origin: _Origin, reference: _Reference) -> Any:
        # Imported here because loading urllib.request (and http.client with it) costs
        # more than many whole specs take to load, and most specs download nothing.
        import urllib.error
        import urllib.request

        logger.info("downloading %s", origin.source)
        try:
            with urllib.request.urlopen(
                origin.source, timeout=_DOWNLOAD_TIMEOUT_SECONDS
            ) as response:  # http(s) only, checked in _resolve_location
                body = response.read(_MAX_DOWNLOAD_BYTES + 1)
        except (urllib.error.URLError, OSError) as exc:
            self._error(
                reference, f"$ref {reference.text!r}: downloading {origin.source} failed: {exc}"
            )
            return None
        if len(body) > _MAX_DOWNLOAD_BYTES:
            self._error(
                reference, f"$ref {reference.text!r}: {origin.source} is larger than 50 MiB"
            )
            return None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._error(
                reference, f"$ref {reference.text!r}: {origin.source} is not UTF-8 ({exc.reason})"
            )
            return None
        return self.parse_text(origin.source, text)

    def _error(self, reference: _Reference, message: str) -> None:
        self.errors.append(Diagnostic(reference.file, reference.pointer, message, "error"))


def _is_literal_data(key: str, value: Any) -> bool:
    """Return whether a keyword's value is JSON data (an example, a default), not schemas.

    `examples` is data in a schema (a list) but a map of Example objects, which may be
    references, in a media type.
    """
    if key in _LITERAL_KEYS or key.startswith("x-"):
        return True
    return key == "examples" and isinstance(value, list)


def _has_external_reference(value: Any) -> bool:
    """Return whether any `$ref` names another document, scanning before anything is copied."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
