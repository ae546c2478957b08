"""The generator against openapi-python-client, and its own scaling and check mode.

Every time is the wall time of the whole command, from process start until the
formatted files are on disk, for both generators. Each command writes into a folder
that does not exist yet, so every run writes every file. One unmeasured run of each
command comes first, so that both sides run from compiled bytecode.
"""

from __future__ import annotations

import functools
import logging
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.processes import REPO, ProcessRun, measurement_environment, timed_run
from bench.results import Row
from bench.synthetic import write_multiplied
from bench.timing import Summary

logger = logging.getLogger(__name__)

SECTION = "Generator"
TURBOPUFFER_CONFIG = REPO / "specs/turbopuffer/config.yaml"
# The largest peak resident memory allowed on the large spec.
PEAK_RSS_BOUND = 500 * 1024 * 1024


@dataclass(frozen=True)
class GeneratorWorkload:
    """The specs to generate from and how often; `factors` are the scaling sizes."""

    turbopuffer_spec: Path
    large_spec: Path
    large_name: str = "openai.yaml"
    config: Path | None = TURBOPUFFER_CONFIG
    turbopuffer_name: str = "turbopuffer spec, with this project's configuration"
    runs: int = 5
    factors: tuple[int, ...] = (1, 2, 4, 8)
    scaling_runs: int = 3
    # Runs of openapi-python-client per scaling size, for the plot only.
    other_scaling_runs: int = 1
    # Whether each command runs once unmeasured first, to compile bytecode.
    warm_up: bool = True


@dataclass
class ScalingPoints:
    """Generation times by spec size (in multiples of the large spec), for the plot."""

    ours: dict[int, Summary] = field(default_factory=dict)
    theirs: dict[int, Summary] = field(default_factory=dict)
    schemas_per_copy: int = 0
    operations_per_copy: int = 0


def generator_rows(
    workload: GeneratorWorkload, *, work: Path, other_bin: Path | None
) -> tuple[list[Row], ScalingPoints]:
    """Measure every generator row; `other_bin` contains openapi-python-client, or is None."""
    rows = [_turbopuffer_row(workload, work=work, other_bin=other_bin)]
    rows += _large_spec_rows(workload, work=work, other_bin=other_bin)
    scaling_row, points = _scaling(workload, work=work, other_bin=other_bin)
    rows.append(scaling_row)
    rows.append(_check_row(workload, work=work))
    return rows, points


# --- commands ---------------------------------------------------------------------


def _ours(spec: Path, output: Path, *, config: Path | None, check: bool = False) -> list[str]:
    command = [sys.executable, "-m", "generator", "generate", str(spec), "--output", str(output)]
    if config is not None:
        command += ["--config", str(config)]
    if check:
        command.append("--check")
    return command


def _theirs(other_bin: Path, spec: Path, output: Path) -> list[str]:
    return [
        str(other_bin / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--output-path",
        str(output),
    ]


def _run_fresh(
    command: list[str], output: Path, *, work: Path, env: dict[str, str] | None = None
) -> ProcessRun:
    shutil.rmtree(output, ignore_errors=True)
    return timed_run(command, work=work, env=env)


def _other_environment(other_bin: Path, work: Path) -> dict[str, str]:
    # openapi-python-client formats its output by running `ruff` from PATH.
    environment = measurement_environment(work)
    environment["PATH"] = f"{other_bin}:{environment.get('PATH', '')}"
    return environment


def _interleaved_runs(
    commands: dict[str, Callable[[], ProcessRun]], runs: int, *, warm_up: bool
) -> dict[str, list[ProcessRun]]:
    """Run each command once unmeasured if `warm_up`, then `runs` measured times in turn."""
    if warm_up:
        for command in commands.values():
            command()
    results: dict[str, list[ProcessRun]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(command())
    return results


def _seconds(runs: list[ProcessRun]) -> Summary:
    return Summary.of([run.seconds for run in runs])


# --- rows ---------------------------------------------------------------------------


def _turbopuffer_row(workload: GeneratorWorkload, *, work: Path, other_bin: Path | None) -> Row:
    spec = workload.turbopuffer_spec
    commands: dict[str, Callable[[], ProcessRun]] = {
        "ours": lambda: _run_fresh(
            _ours(spec, work / "ours-tpuf", config=workload.config), work / "ours-tpuf", work=work
        )
    }
    if other_bin is not None:
        fixed = _fixed_for_other(spec, work)
        environment = _other_environment(other_bin, work)
        commands["theirs"] = lambda: _run_fresh(
            _theirs(other_bin, fixed, work / "theirs-tpuf"),
            work / "theirs-tpuf",
            work=work,
            env=environment,
        )
    logger.info("Generating from %s", spec.name)
    results = _interleaved_runs(commands, workload.runs, warm_up=workload.warm_up)
    return Row(
        SECTION,
        "wall time, load to formatted files on disk",
        workload.turbopuffer_name,
        _seconds(results["ours"]),
        _seconds(results["theirs"]) if "theirs" in results else None,
        "openapi-python-client (spec copy with 2 fields fixed)",
        limit=0.5,
    )


def _fixed_for_other(spec: Path, work: Path) -> Path:
    """Copy the turbopuffer spec with the two fields that openapi-python-client rejects fixed.

    `info.contact` is a bare e-mail address instead of a Contact object, and the
    `region` server variable has no default.
    """
    document: dict[str, Any] = yaml.safe_load(spec.read_text(encoding="utf-8"))
    contact = document["info"].get("contact")
    if isinstance(contact, str):
        document["info"]["contact"] = {"email": contact}
    for server in document.get("servers", []):
        for variable in (server.get("variables") or {}).values():
            variable.setdefault("default", "gcp-us-central1")
    fixed = work / "turbopuffer-fixed.yaml"
    fixed.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return fixed


def _large_spec_rows(
    workload: GeneratorWorkload, *, work: Path, other_bin: Path | None
) -> list[Row]:
    spec = workload.large_spec
    commands: dict[str, Callable[[], ProcessRun]] = {
        "ours": lambda: _run_fresh(
            _ours(spec, work / "ours-large", config=None), work / "ours-large", work=work
        )
    }
    if other_bin is not None:
        environment = _other_environment(other_bin, work)
        commands["theirs"] = lambda: _run_fresh(
            _theirs(other_bin, spec, work / "theirs-large"),
            work / "theirs-large",
            work=work,
            env=environment,
        )
    logger.info("Generating from %s", spec.name)
    results = _interleaved_runs(commands, workload.runs, warm_up=workload.warm_up)
    theirs = results.get("theirs")
    rss_note = ""
    if theirs:
        rss_note = f"openapi-python-client peaks at {Summary.of([r.peak_rss_bytes for r in theirs]).median / 2**20:.0f} MiB."
    return [
        Row(
            SECTION,
            "wall time",
            workload.large_name,
            _seconds(results["ours"]),
            _seconds(theirs) if theirs else None,
            "openapi-python-client",
            limit=0.5,
            unit="s",
            scale=1.0,
            digits=2,
        ),
        Row(
            SECTION,
            "peak RSS",
            workload.large_name + ", largest process of the run (ruff included)",
            Summary.of([run.peak_rss_bytes for run in results["ours"]]),
            None,
            "bound",
            limit=None,
            unit="MiB",
            scale=1 / 2**20,
            bound=PEAK_RSS_BOUND,
            note=rss_note,
            digits=0,
        ),
    ]


def _scaling(
    workload: GeneratorWorkload, *, work: Path, other_bin: Path | None
) -> tuple[Row, ScalingPoints]:
    logger.info("Writing synthetic specs from %s", workload.large_spec.name)
    original = _load(workload.large_spec)
    points = ScalingPoints(
        schemas_per_copy=len((original.get("components") or {}).get("schemas") or {}),
        operations_per_copy=sum(
            1
            for item in (original.get("paths") or {}).values()
            for key in item
            if key in _HTTP_METHODS
        ),
    )
    specs = {factor: write_multiplied(original, factor, work) for factor in workload.factors}

    for factor, spec in specs.items():
        output = work / f"ours-{factor}x"
        logger.info("Generating from the %dx spec", factor)
        run = functools.partial(_run_fresh, _ours(spec, output, config=None), output, work=work)
        results = _interleaved_runs(
            {"ours": run},
            workload.scaling_runs,
            warm_up=workload.warm_up,
        )
        points.ours[factor] = _seconds(results["ours"])
        shutil.rmtree(output, ignore_errors=True)

    if other_bin is not None:
        environment = _other_environment(other_bin, work)
        for factor, spec in specs.items():
            output = work / f"theirs-{factor}x"
            logger.info("openapi-python-client on the %dx spec", factor)
            runs = [
                _run_fresh(_theirs(other_bin, spec, output), output, work=work, env=environment)
                for _ in range(workload.other_scaling_runs)
            ]
            points.theirs[factor] = _seconds(runs)
            shutil.rmtree(output, ignore_errors=True)

    smallest, largest = min(workload.factors), max(workload.factors)
    size_ratio = largest / smallest
    return (
        Row(
            SECTION,
            f"scaling: time at {largest}x over time at {smallest}x",
            f"synthetic specs of {', '.join(f'{f}x' for f in workload.factors)} the schemas and "
            f"operations of {workload.large_name}, as JSON",
            points.ours[largest],
            points.ours[smallest],
            f"same generator at {smallest}x",
            limit=size_ratio * 9 / 8,
            unit="s",
            scale=1.0,
            digits=2,
        ),
        points,
    )


_HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def _load(spec: Path) -> dict[str, Any]:
    text = spec.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict[str, Any] = yaml.load(text, Loader=loader)
    return document


def _check_row(workload: GeneratorWorkload, *, work: Path) -> Row:
    spec, output = workload.turbopuffer_spec, work / "ours-check"
    _run_fresh(_ours(spec, output, config=workload.config), output, work=work)
    fresh = work / "ours-fresh"
    logger.info("Check mode against an up-to-date output")
    results = _interleaved_runs(
        {
            "check": lambda: timed_run(
                _ours(spec, output, config=workload.config, check=True), work=work
            ),
            "full": lambda: _run_fresh(
                _ours(spec, fresh, config=workload.config), fresh, work=work
            ),
        },
        workload.runs,
        warm_up=workload.warm_up,
    )
    return Row(
        SECTION,
        "`--check`, nothing written",
        f"{workload.turbopuffer_name}; output up to date",
        _seconds(results["check"]),
        _seconds(results["full"]),
        "full regeneration of the same spec",
        limit=0.5,
    )
