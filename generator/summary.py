"""The short summary the CLI prints after generating: counts, type coverage, overrides, changes."""

from __future__ import annotations

from generator.changelog import report_lines
from generator.changes import ChangeReport
from generator.diagnostics import Diagnostic
from generator.model import AliasDefinition, Api, ObjectDefinition


def summary_lines(api: Api, warnings: list[Diagnostic]) -> list[str]:
    models = sum(isinstance(d, ObjectDefinition) for d in api.definitions)
    aliases = sum(isinstance(d, AliasDefinition) for d in api.definitions)
    coverage = api.coverage
    lines = [
        f"{api.package_name} {api.package_version}: {len(api.operations)} operations, "
        f"{models} object schemas, {aliases} type aliases",
        f"type coverage: {coverage.percent:.1f}% of typed schema nodes precise "
        f"({coverage.precise} precise, {coverage.loosened} loosened to Any; "
        f"{coverage.open_in_spec} left open by the spec)",
    ]
    if api.overrides:
        lines.append(f"type overrides applied: {len(api.overrides)}")
        lines.extend(f"  {line}" for line in api.overrides)
    for dropped in api.dropped_variants:
        lines.append(f"  {dropped}")
    lines.append(f"warnings: {len(warnings)}")
    return lines


def change_lines(
    report: ChangeReport | None, previous_version: str | None, version: str
) -> list[str]:
    """Format the change report since the stored surface, or a line saying none is stored."""
    if report is None or previous_version is None:
        return [f"public surface: no stored surface.json to compare with, so version {version}"]
    return report_lines(report, previous_version, version)
