"""The generation pipeline: spec file in, formatted package folder out.

load -> repair -> validate -> apply type overrides -> parse -> render -> stage and
format -> compare or replace. Nothing under the output folder changes until every
earlier step has succeeded.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import GeneratorConfig
from generator.diagnostics import Diagnostic, DiagnosticLog
from generator.loader import load_document
from generator.model import Api
from generator.overrides import apply_overrides
from generator.parser import parse_api
from generator.renderer import render_package
from generator.repairs import repair_document
from generator.validation import openapi_version, validate_document
from generator.writer import Formatter, read_folder, replace_folder, stage_package

logger = logging.getLogger(__name__)


@dataclass
class GenerationResult:
    api: Api
    warnings: list[Diagnostic]
    changed_files: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_api(spec: Path, config: GeneratorConfig, *, strict: bool = False) -> tuple[Api, list[Diagnostic]]:
    """Load, check and parse a spec into the intermediate model; raise GenerationError on errors."""
    document = load_document(spec)
    log = DiagnosticLog(document.file, strict=strict)
    data = repair_document(document.data, log)
    version = openapi_version(data, document.file)
    validate_document(data, version, log)
    data, applied = apply_overrides(data, config.type_overrides, log, config.source or "config")
    log.raise_if_errors()
    api = parse_api(data, config, log, openapi_31=version == "3.1", overrides=tuple(applied))
    log.raise_if_errors()
    return api, log.warnings


def generate(
    spec: Path,
    output: Path,
    config: GeneratorConfig,
    *,
    strict: bool = False,
    check: bool = False,
    formatter: Formatter = "ruff",
) -> GenerationResult:
    """Generate the package for `spec` into `output`, or with `check` only compare them."""
    started = time.perf_counter()
    api, warnings = build_api(spec, config, strict=strict)
    files = render_package(api)
    staging = stage_package(files, output, formatter=formatter)
    try:
        changed = _differences(read_folder(staging), read_folder(output))
        if not check and changed:
            replace_folder(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return GenerationResult(api, warnings, changed, time.perf_counter() - started)


def _differences(new: dict[str, bytes], old: dict[str, bytes]) -> list[str]:
    return sorted(path for path in new.keys() | old.keys() if new.get(path) != old.get(path))
