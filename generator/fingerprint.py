"""Let `--check` skip the whole pipeline when nothing that shapes the output has changed.

After each successful generation the output folder gets `.generation-fingerprint.json`.
It contains a hash of every input and a hash of each generated file. The inputs are
the spec, the configuration and options, the generator's own sources and templates,
and the versions of the libraries that shape the output. Check mode first recomputes
both. When they match, the output is what a full run would produce again, so it is up
to date without loading, rendering or formatting anything. Check mode then prints the
report stored in the file, which is what a full check prints. When anything differs,
including a file edited by hand, check mode runs the full pipeline as before.

The fast path is never taken for a spec that refers to other files, because finding
them takes the loader. The fingerprint file starts with a dot, so comparisons of
generated packages ignore it, and it is not meant to be committed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.config import GeneratorConfig
from generator.writer import read_folder

logger = logging.getLogger(__name__)

FINGERPRINT_FILE = ".generation-fingerprint.json"

_GENERATOR_ROOT = Path(__file__).resolve().parent
_TEMPLATES = _GENERATOR_ROOT.parent / "templates"
# Modules of the libraries whose version can change the generated files.
_LIBRARY_MODULES = ("ruff", "black", "jinja2", "yaml", "openapi_pydantic", "pydantic")
# A `$ref` whose value does not start with "#" points into another file or a URL.
_EXTERNAL_REF = re.compile(r"""\$ref["']?\s*:(?!\s*["']?#)""")


@dataclass(frozen=True)
class CheckReport:
    """The text `--check` prints for an up-to-date output: warnings on stderr, then lines."""

    warnings: tuple[str, ...]
    lines: tuple[str, ...]


def recorded_check(
    spec: Path,
    output: Path,
    config: GeneratorConfig,
    *,
    strict: bool = False,
    formatter: str = "ruff",
    allow_external_refs: bool = False,
) -> CheckReport | None:
    """Return the stored check report when `output` is up to date by fingerprint alone.

    None means only that a full comparison is needed, not that the output differs.
    """
    options = generation_options(strict, formatter, allow_external_refs)
    inputs = inputs_digest(spec, config, options)
    if inputs is None:
        return None
    try:
        recorded = json.loads((output / FINGERPRINT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("inputs") != inputs:
        return None
    if recorded.get("files") != _file_digests(output):
        return None

    logger.info("%s matches its fingerprint, so the generator is not run", output)
    report = recorded.get("check_report") or {}
    return CheckReport(tuple(report.get("warnings", ())), tuple(report.get("lines", ())))


def generation_options(
    strict: bool, formatter: str, allow_external_refs: bool
) -> dict[str, object]:
    """Return the command line options that change what a generation writes."""
    return {"strict": strict, "formatter": formatter, "allow_external_refs": allow_external_refs}


def inputs_digest(spec: Path, config: GeneratorConfig, options: dict[str, object]) -> str | None:
    """Return a hash of everything that shapes the output, or None when it cannot be known.

    None means the spec refers to other files or cannot be read.
    """
    try:
        spec_bytes = spec.read_bytes()
    except OSError:
        return None
    if _EXTERNAL_REF.search(spec_bytes.decode("utf-8", errors="replace")):
        return None

    digest = hashlib.sha256()
    digest.update(spec_bytes)
    digest.update(repr(config).encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    for distribution in _installed_distributions():
        digest.update(distribution.encode())
    for source in _generator_sources():
        digest.update(source.relative_to(_GENERATOR_ROOT.parent).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def record(output: Path, inputs: str | None, report: CheckReport) -> None:
    """Write the fingerprint of `output` as generated from `inputs`, or remove a stale one.

    `report` is what a full check of this output would print, so that the fast path
    prints the same.
    """
    target = output / FINGERPRINT_FILE
    if inputs is None:
        target.unlink(missing_ok=True)
        return
    fingerprint = {
        "inputs": inputs,
        "files": _file_digests(output),
        "check_report": {"warnings": list(report.warnings), "lines": list(report.lines)},
    }
    text = json.dumps(fingerprint, indent=1, sort_keys=True) + "\n"
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        # Only check mode's fast path depends on it, so generation still succeeds.
        logger.warning("Could not write %s: %s", target, error)


def _file_digests(folder: Path) -> dict[str, str]:
    return {
        path: hashlib.sha256(content).hexdigest() for path, content in read_folder(folder).items()
    }


def _generator_sources() -> list[Path]:
    sources = [*_GENERATOR_ROOT.rglob("*.py"), *_GENERATOR_ROOT.rglob("*.toml")]
    sources += [path for path in _TEMPLATES.rglob("*") if path.is_file()]
    return sorted(path for path in sources if "__pycache__" not in path.parts)


def _installed_distributions() -> list[str]:
    """Return the metadata folder names, which carry the versions, beside the libraries.

    Every package installed beside them counts, which can only make the fast path
    miss more often. Reading the names is much faster than importlib.metadata.
    """
    folders = set()
    for module in _LIBRARY_MODULES:
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin is not None:
            folders.add(Path(spec.origin).parent.parent)

    names = []
    for folder in sorted(folders):
        names += sorted(name for name in os.listdir(folder) if name.endswith(".dist-info"))
    return names
