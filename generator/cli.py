"""Command line: `python -m generator generate SPEC --output DIR [--config FILE]`."""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.config import GeneratorConfig, load_config
from generator.diagnostics import GenerationError
from generator.fingerprint import CheckReport, recorded_check

if TYPE_CHECKING:
    from generator.pipeline import GenerationResult


@click.group()
@click.option("-v", "--verbose", count=True, help="Log more: -v for info, -vv for debug.")
def main(verbose: int) -> None:
    """Generate typed Python clients from OpenAPI 3.0 and 3.1 documents."""
    # With the default thresholds, collections of the growing heap made generation time
    # grow faster than the spec. Rarer collections keep it linear, and mypy sets the
    # same thresholds for the same reason.
    gc.set_threshold(200_000, 30, 30)
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command("generate")
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--output", "-o", required=True, type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the package into; it is replaced as a whole.",
)
@click.option(
    "--force", is_flag=True,
    help="Replace the output folder even if it contains files this generator did not write.",
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
    help="Per-API generator configuration (YAML). Without it, names come from the spec.",
)
@click.option("--package-name", help="Python package name; overrides the configuration.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--allow-external-refs", is_flag=True,
    help="Let $refs read files outside the spec's folder and download http(s) URLs.",
)
@click.option(
    "--check", is_flag=True,
    help=(
        "Write nothing; exit 1 if the output folder differs from what would be generated. "
        "The change report is printed either way."
    ),
)
@click.option(
    "--formatter", type=click.Choice(["ruff", "black"]), default="ruff", show_default=True,
    help="Code formatter for layout (ruff's is black-compatible and faster).",
)
def generate_command(
    spec: Path,
    output: Path,
    config_path: Path | None,
    package_name: str | None,
    strict: bool,
    allow_external_refs: bool,
    check: bool,
    formatter: str,
    force: bool,
) -> None:
    """Generate a client package from the OpenAPI document SPEC."""
    try:
        config = load_config(config_path) if config_path else GeneratorConfig()
        if package_name:
            config = replace(config, package_name=package_name)
        recorded = None
        if check:
            recorded = recorded_check(
                spec,
                output,
                config,
                strict=strict,
                formatter=formatter,
                allow_external_refs=allow_external_refs,
            )
        if recorded is not None:
            # The output was generated from the same inputs and not edited since.
            _replay(recorded, output)
            return

        # Imported here, after the check above, because loading the pipeline takes
        # longer than the whole fingerprint check.
        from generator.pipeline import generate

        result = generate(
            spec,
            output,
            config,
            strict=strict,
            check=check,
            formatter=formatter,  # type: ignore[arg-type]
            allow_external_refs=allow_external_refs,
            force=force,
        )
    except GenerationError as exc:
        for diagnostic in exc.diagnostics:
            click.echo(str(diagnostic), err=True)
        if check:
            click.echo(f"error: {output} was not checked", err=True)
        else:
            click.echo(f"error: nothing was written to {output}", err=True)
        sys.exit(1)

    _report(result, output, check=check)
    if check and result.changed_files:
        sys.exit(1)


def _replay(recorded: CheckReport, output: Path) -> None:
    for warning in recorded.warnings:
        click.echo(warning, err=True)
    for line in recorded.lines:
        click.echo(line)
    click.echo(f"{output} is up to date")


def _report(result: GenerationResult, output: Path, *, check: bool) -> None:
    from generator.summary import change_lines, summary_lines

    for warning in result.warnings:
        click.echo(str(warning), err=True)
    for line in summary_lines(result.api, result.warnings):
        click.echo(line)
    for line in change_lines(result.report, result.previous_version, result.api.package_version):
        click.echo(line)
    if check:
        if result.changed_files:
            count = len(result.changed_files)
            click.echo(f"{output} is out of date; {count} file{'s' if count != 1 else ''} differ:")
            for path in result.changed_files[:20]:
                click.echo(f"  {path}")
            click.echo("regenerate it (run the same command without --check, or make regenerate)")
        else:
            click.echo(f"{output} is up to date")
    else:
        state = f"{len(result.changed_files)} files changed" if result.changed_files else "no changes"
        click.echo(f"wrote {output} ({state}) in {result.seconds:.2f} s")
