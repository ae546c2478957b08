"""The package's version and its change log, `CHANGES.md`, both set by the change report.

The version is `MAJOR.MINOR.PATCH`. `generator.release` decides when to bump it: major
when a change breaks callers, minor when one adds something, patch for any other
change, such as a new description. `CHANGES.md` gets one section per version, newest
first. Sections already written are kept as they are, and only the header is rewritten.
"""

from __future__ import annotations

import re

from generator.changes import Bump, Change, ChangeReport, code

CHANGES_FILE = "CHANGES.md"

_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_SECTION = re.compile(r"^## ", re.MULTILINE)


def parse_version(version: str) -> tuple[int, int, int]:
    """Split `MAJOR.MINOR.PATCH`; raise ValueError for anything else."""
    match = _VERSION.match(version)
    if match is None:
        raise ValueError(f"version {version!r} is not MAJOR.MINOR.PATCH, such as 1.4.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def bump_version(version: str, bump: Bump) -> str:
    major, minor, patch = parse_version(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def later_version(first: str, second: str) -> str:
    return first if parse_version(first) >= parse_version(second) else second


# --- CHANGES.md ------------------------------------------------------------------


def changes_document(package: str, previous: str | None, section: str | None) -> str:
    """Assemble the change log: the header, then `section` if any, then the earlier sections."""
    parts = [_header(package)]
    if section:
        parts.append(section)
    earlier = _sections(previous or "")
    if earlier:
        parts.append(earlier)
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def first_section(version: str) -> str:
    return (
        f"## {version}\n\n"
        f"The first version with a surface snapshot (`surface.json`), so there is nothing to\n"
        f"compare it with.\n"
    )


def report_section(
    version: str, previous_version: str, report: ChangeReport, *, set_by_config: bool = False
) -> str:
    """Write the section for one new version: its changes, breaking ones first, with reasons."""
    lines = [f"## {version}", "", _verdict(previous_version, report, set_by_config=set_by_config)]
    for title, changes in (("Breaking", report.breaking), ("Compatible", report.compatible)):
        if changes:
            lines += ["", f"### {title}", ""]
            lines += [f"- {change_text(change)}" for change in changes]
    return "\n".join(lines) + "\n"


def change_text(change: Change) -> str:
    """Spell one change as "`Subject`: what changed. Why it breaks callers or does not." """
    reason = change.reason[:1].upper() + change.reason[1:]
    return f"{code(change.subject)}: {change.summary}. {reason}."


def _verdict(previous_version: str, report: ChangeReport, *, set_by_config: bool) -> str:
    breaking, compatible = len(report.breaking), len(report.compatible)
    if set_by_config and not report.changes:
        return (
            f"Version set by `package_version` in the generator configuration. "
            f"The public surface is the same as in {previous_version}."
        )
    if not report.changes:
        return (
            f"The public surface is the same as in {previous_version}. Other parts of the spec "
            "changed, such as descriptions, or a newer version of the generator made the package."
        )
    counts = f"{breaking} breaking, {compatible} compatible"
    return f"Changes to the public surface since {previous_version}: {counts}."


def _header(package: str) -> str:
    return (
        f"# Changes to {package}\n\n"
        "What changed for code that calls this package, newest version first. Regenerating\n"
        "after a change to the spec, the configuration or the generator's version adds a\n"
        "section and sets the version by it: major when a change breaks callers, minor when\n"
        "one adds something, patch otherwise. `surface.json` is the public surface the next\n"
        "regeneration compares with.\n"
    )


def _sections(text: str) -> str:
    """Return everything from the first version section on, or "" when there is none."""
    match = _SECTION.search(text)
    return text[match.start() :] if match else ""


# --- terminal ----------------------------------------------------------------------


def report_lines(report: ChangeReport, previous_version: str, version: str) -> list[str]:
    """Format the report for the command line: a verdict line, then one line per change."""
    if not report.changes and version == previous_version:
        return [f"public surface: no changes since {previous_version}"]
    if not report.changes:
        return [
            f"public surface: no changes since {previous_version}, but other parts of the "
            f"package changed, so version {version}"
        ]
    lines = [
        f"public surface: {len(report.breaking)} breaking and {len(report.compatible)} "
        f"compatible changes since {previous_version}, so version {version} ({report.bump})"
    ]
    for change in report.changes:
        lines.append(f"  {change.verdict:<10} {change_text(change)}")
    return lines
