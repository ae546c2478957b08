"""Decide the version of a regenerated package and the files that record it.

The output folder keeps `surface.json`, the public surface of the package it holds,
and `CHANGES.md`. Regenerating compares the new surface with the stored one, bumps
the version by the verdict and adds a section to `CHANGES.md`. Regenerating without
any change keeps the version and both files as they are, so the output is the same
byte for byte.

A change that leaves the surface alone, such as a new description in the spec, is
caught by the fingerprint in `surface.json`: a hash of the intermediate model and of
the generator's version, and it bumps the patch version. Edits to the generator's
templates alone leave the version as it is until the generator's version changes, so
regenerating while the generator is being developed does not pile up versions.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import generator
from generator.changelog import (
    CHANGES_FILE,
    bump_version,
    changes_document,
    first_section,
    later_version,
    parse_version,
    report_section,
)
from generator.changes import ChangeReport, compare_surfaces
from generator.diagnostics import error
from generator.model import MISSING, Api
from generator.renderer import render_package
from generator.surface import SURFACE_FILE, build_surface, dump_surface, load_surface

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Release:
    """The package to write: the model with its final version, and every file's text.

    `report` and `previous_version` are None when the output folder held no surface.
    """

    api: Api
    files: dict[str, str]
    report: ChangeReport | None
    previous_version: str | None


def plan_release(api: Api, output: Path, *, config_source: str | None = None) -> Release:
    """Render the package for `api` with the version its changes since `output` call for.

    `api.package_version`, from the configuration, is the first version, and a minimum
    for later ones: when it is above the stored version, the next version is at least
    that. Without `surface.json` in `output` the package starts a new change history at
    that version, above the sections `CHANGES.md` already has.
    """
    _check_version(api.package_version, config_source or "configuration", "/package_version")
    previous = load_surface(output / SURFACE_FILE)
    previous_changes = _read_text(output / CHANGES_FILE)
    fingerprint = model_fingerprint(api)

    if previous is None:
        logger.info("no %s in %s; starting at %s", SURFACE_FILE, output, api.package_version)
        section = first_section(api.package_version)
        changes = changes_document(api.package_name, previous_changes, section)
        return Release(api, _package_files(api, fingerprint, changes), None, None)

    previous_version = previous["version"]
    _check_version(previous_version, str(output / SURFACE_FILE), "/version")
    unbumped = replace(api, package_version=previous_version)
    report = compare_surfaces(previous, build_surface(unbumped, fingerprint=fingerprint))
    set_by_config = later_version(previous_version, api.package_version) != previous_version
    unchanged = fingerprint == previous["fingerprint"]
    if report.bump is None and unchanged and not set_by_config:
        changes = changes_document(api.package_name, previous_changes, None)
        files = _package_files(unbumped, fingerprint, changes)
        return Release(unbumped, files, report, previous_version)

    bump = report.bump or "patch"
    version = later_version(bump_version(previous_version, bump), api.package_version)
    logger.info("version %s -> %s (%s)", previous_version, version, bump)
    bumped = replace(api, package_version=version)
    section = report_section(
        version, previous_version, report, set_by_config=set_by_config and unchanged
    )
    changes = changes_document(api.package_name, previous_changes, section)
    return Release(bumped, _package_files(bumped, fingerprint, changes), report, previous_version)


def model_fingerprint(api: Api) -> str:
    """Hash the model the package is rendered from, with the generator's version.

    The package version is left out, because the fingerprint helps decide it, and so
    are source locations, because they name where the spec file happens to be.
    """
    model = _plain(replace(api, package_version=""))
    text = json.dumps([generator.__version__, model], sort_keys=True, default=repr)
    return f"sha256:{hashlib.sha256(text.encode()).hexdigest()}"


def _plain(value: Any) -> Any:
    """Turn model dataclasses into JSON data, each tagged with its class name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {
            field.name: _plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.name != "source"
        }
        return {"class": type(value).__name__, **data}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if value is MISSING:
        return "MISSING"
    return value


def _package_files(api: Api, fingerprint: str, changes: str) -> dict[str, str]:
    """Render the package, with the surface snapshot and the change log beside it."""
    surface = build_surface(api, fingerprint=fingerprint)
    return {**render_package(api), SURFACE_FILE: dump_surface(surface), CHANGES_FILE: changes}


def _check_version(version: str, file: str, pointer: str) -> None:
    try:
        parse_version(version)
    except ValueError as exc:
        raise error(file, pointer, str(exc)) from None


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
