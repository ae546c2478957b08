"""The generation pipeline: spec file in, formatted package folder out.

load -> repair -> validate -> apply type overrides -> parse -> compare the public
surface with the one stored in the output folder and set the version -> render ->
stage and format -> compare or replace. Nothing under the output folder changes until
every earlier step has succeeded.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator import fingerprint
from generator.changes import ChangeReport
from generator.config import GeneratorConfig
from generator.diagnostics import Diagnostic, DiagnosticLog, error
from generator.loader import load_document
from generator.model import Api
from generator.overrides import apply_overrides
from generator.parser import parse_api
from generator.release import Release, plan_release
from generator.repairs import repair_document
from generator.summary import change_lines, summary_lines
from generator.surface import SURFACE_FILE
from generator.validation import openapi_version, validate_document
from generator.writer import Formatter, read_folder, replace_folder, stage_package

logger = logging.getLogger(__name__)


@dataclass
class GenerationResult:
    """The outcome of one run. `report` and `previous_version` are None without a stored surface."""

    api: Api
    warnings: list[Diagnostic]
    changed_files: list[str] = field(default_factory=list)
    seconds: float = 0.0
    report: ChangeReport | None = None
    previous_version: str | None = None


def build_api(
    spec: Path,
    config: GeneratorConfig,
    *,
    strict: bool = False,
    allow_external_refs: bool = False,
) -> tuple[Api, list[Diagnostic]]:
    """Load, check and parse a spec into the intermediate model; raise GenerationError on errors."""
    document = load_document(spec, allow_external_refs=allow_external_refs)
    log = DiagnosticLog(document.file, strict=strict, locate=document.locate)
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
    allow_external_refs: bool = False,
    force: bool = False,
) -> GenerationResult:
    """Generate the package for `spec` into `output`, or with `check` only compare them.

    An existing `output` folder is replaced as a whole, so it must contain a package this
    generator wrote (it has `surface.json`), be empty, or `force` must be set.
    """
    started = time.perf_counter()
    if not check and not force:
        _ensure_replaceable(output)
    options = fingerprint.generation_options(strict, formatter, allow_external_refs)
    inputs = fingerprint.inputs_digest(spec, config, options)
    api, warnings = build_api(spec, config, strict=strict, allow_external_refs=allow_external_refs)
    release = plan_release(api, output, config_source=config.source)
    staging = stage_package(release.files, output, formatter=formatter)
    try:
        changed = _differences(read_folder(staging), read_folder(output))
        if not check and changed:
            replace_folder(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    if not check:
        fingerprint.record(output, inputs, _check_report(release, warnings))
    seconds = time.perf_counter() - started
    return GenerationResult(
        release.api, warnings, changed, seconds, release.report, release.previous_version
    )


def _ensure_replaceable(output: Path) -> None:
    if not output.exists():
        return
    if not output.is_dir():
        raise error(str(output), "", "the output path is a file; pass a folder")
    if (output / SURFACE_FILE).exists() or not any(output.iterdir()):
        return
    raise error(
        str(output),
        "",
        "refusing to replace this folder: it is not empty and contains no package this "
        f"generator wrote (no {SURFACE_FILE}); choose another folder, or pass --force "
        "to replace it and everything in it",
    )


def _check_report(release: Release, warnings: list[Diagnostic]) -> fingerprint.CheckReport:
    """Return what `--check` prints once the output is the package just written."""
    version = release.api.package_version
    stored = version if SURFACE_FILE in release.files else None
    report = ChangeReport() if stored is not None else None
    lines = summary_lines(release.api, warnings) + change_lines(report, stored, version)
    return fingerprint.CheckReport(tuple(map(str, warnings)), tuple(lines))


def _differences(new: dict[str, bytes], old: dict[str, bytes]) -> list[str]:
    return sorted(path for path in new.keys() | old.keys() if new.get(path) != old.get(path))
