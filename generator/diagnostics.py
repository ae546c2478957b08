"""Warnings and errors about a spec, each tied to a file and a JSON pointer.

Parse problems are collected rather than raised one at a time, so one run reports
every problem it found. `GenerationError` carries the errors that stop a run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

logger = logging.getLogger(__name__)

Severity = Literal["warning", "error"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a spec or a configuration file."""

    file: str
    pointer: str
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        location = f"{self.file}#{self.pointer}" if self.pointer else self.file
        return f"{location}: {self.severity}: {self.message}"


class GenerationError(Exception):
    """Raised when a spec or configuration cannot be turned into a client."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(diagnostic) for diagnostic in diagnostics))


def error(file: str, pointer: str, message: str) -> GenerationError:
    """Build a `GenerationError` holding a single error."""
    return GenerationError([Diagnostic(file, pointer, message, "error")])


@dataclass
class DiagnosticLog:
    """Collects warnings and errors, listing each distinct one once.

    `locate` maps a pointer into the loaded document to the file and pointer it came
    from, for specs whose `$ref`s pulled in other files.
    """

    file: str
    strict: bool = False
    locate: Callable[[str], tuple[str, str]] | None = None
    _seen: set[Diagnostic] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, pointer: str, message: str) -> None:
        self._add(self._diagnostic(pointer, message, "error" if self.strict else "warning"))

    def error(self, pointer: str, message: str) -> None:
        self._add(self._diagnostic(pointer, message, "error"))

    def where(self, pointer: str) -> tuple[str, str]:
        """Return the file and the pointer inside it that `pointer` refers to."""
        return self.locate(pointer) if self.locate else (self.file, pointer)

    def _diagnostic(self, pointer: str, message: str, severity: Severity) -> Diagnostic:
        file, pointer = self.where(pointer)
        return Diagnostic(file, pointer, message, severity)

    def _add(self, diagnostic: Diagnostic) -> None:
        if diagnostic in self._seen:
            return
        self._seen.add(diagnostic)
        self.diagnostics.append(diagnostic)
        logger.debug("%s", diagnostic)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise GenerationError(self.errors)
