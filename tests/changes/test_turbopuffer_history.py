"""The change report on turbopuffer's real spec history: March 2026 to now, and back.

The old package is generated from the March 2026 spec with its own configuration, then
regenerated from the current spec. The report is checked against a list written by
hand from a reading of the two specs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.changes import Change, ChangeReport
from generator.config import load_config
from generator.pipeline import GenerationResult, generate
from generator.writer import read_folder
from tests.conftest import REPO, SHARED

OLD_SPEC = SHARED / "specs/turbopuffer/history/openapi.2026-03.yaml"
NEW_SPEC = SHARED / "specs/turbopuffer/openapi.yaml"
OLD_CONFIG = REPO / "specs/turbopuffer/config.2026-03.yaml"
NEW_CONFIG = REPO / "specs/turbopuffer/config.yaml"

# Every breaking change from March 2026 to now, as (subject, summary).
BREAKING_SINCE_MARCH = {
    ("RankByVector", "type alias removed"),
    ("EncryptionCmekParam", "TypedDict for schema `EncryptionCmek` removed"),
    (
        "EncryptionParam",
        "changed from a TypedDict for schema `Encryption` to a type alias for schema "
        "`Encryption`: `EncryptionCustomerManagedParam | EncryptionDefaultParam`, "
        "told apart by `mode`",
    ),
    (
        "NamespaceMetadata.encryption",
        "type changed from `NamespaceMetadataEncryptionObject | "
        "NamespaceMetadataEncryptionObject2` to `Encryption`",
    ),
    ("NamespaceMetadataEncryptionObject", "response model removed"),
    ("NamespaceMetadataEncryptionObject2", "response model removed"),
    ("NamespaceMetadataEncryptionObject2Cmek", "response model removed"),
    (
        "WriteCopyFromNamespaceConfigParam",
        "TypedDict for schema `WriteCopyFromNamespaceConfig` removed",
    ),
    ("ExprRefNew", "response model removed"),
    (
        "Expr",
        "aliased type changed from `ExprRefNew` to `ExprRefNewParam | ExprEmbed | "
        "ExprEmbedWithParams | ExprVectorDist | ExprHighlight | ExprHighlightWithConfig | RankBy`",
    ),
    # Tokenizer is returned by schema() too, so a new value can reach code that reads it.
    (
        "Tokenizer",
        "aliased type widened from `Literal['pre_tokenized_array', 'word_v0', 'word_v1', "
        "'word_v2', 'word_v3']` to `Literal['pre_tokenized_array', 'word_v0', 'word_v1', "
        "'word_v2', 'word_v3', 'word_v4']`, with `'word_v4'`",
    ),
}

COMPATIBLE_SINCE_MARCH = [
    (
        "Namespace.metadata()",
        "moved from `GET /v1/namespaces/{namespace}/metadata` to "
        "`GET /v2/namespaces/{namespace}/metadata`",
    ),
    ("Namespace.update_metadata()", "method added (`PATCH /v1/namespaces/{namespace}/metadata`)"),
    (
        "Namespace.branch_from()",
        "method added (`POST /v2/namespaces/{namespace}?stainless_overload=branchFrom`)",
    ),
    (
        "Namespace.copy_from()",
        "method added (`POST /v2/namespaces/{namespace}?stainless_overload=copyFrom`)",
    ),
    (
        "Namespace.start_copy_from()",
        "method added (`POST /v2/namespaces/{namespace}/async?stainless_overload=startCopyFrom`)",
    ),
    (
        "Namespace.poll_copy_from()",
        "method added "
        "(`GET /v1/namespaces/{namespace}/operations/{token}?stainless_overload=pollCopyFrom`)",
    ),
    ("RankByAnn", "type alias added"),
    ("RankByKnnMulti", "type alias added"),
    ("RankByKnnExpr", "type alias added"),
    (
        "RankBy",
        "aliased type widened, with `RankByAnnMulti`, `RankByAnnExpr`, `RankByKnnMulti`, "
        "`RankByKnnExpr`, `RankBySparseKnn`",
    ),
    ("RankBy", "aliased type names `RankByAnn` where it named `RankByVector`"),
    ("Encryption", "type alias added"),
    ("EncryptionCustomerManaged", "response model added"),
    ("EncryptionDefault", "response model added"),
    ("Namespace.recall(rank_by)", "optional argument added"),
    ("Namespace.query(group_by)", "type widened from `Sequence[str]` to `Sequence[GroupBy]`"),
    (
        "Namespace.write(copy_from_namespace)",
        "type written `CopyFromNamespaceParams`, was `str | WriteCopyFromNamespaceConfigParam`",
    ),
    ("NamespaceMetadata.pinning", "field added"),
]


@dataclass(frozen=True)
class History:
    output: Path
    old_files: dict[str, bytes]
    result: GenerationResult

    @property
    def report(self) -> ChangeReport:
        assert self.result.report is not None
        return self.result.report


def regenerate_across(tmp: Path, first: tuple[Path, Path], second: tuple[Path, Path]) -> History:
    output = tmp / "output"
    generate(first[0], output, load_config(first[1]))
    old_files = read_folder(output)
    result = generate(second[0], output, load_config(second[1]))
    return History(output, old_files, result)


@pytest.fixture(scope="module")
def forward(tmp_path_factory: pytest.TempPathFactory) -> History:
    tmp = tmp_path_factory.mktemp("forward")
    return regenerate_across(tmp, (OLD_SPEC, OLD_CONFIG), (NEW_SPEC, NEW_CONFIG))


@pytest.fixture(scope="module")
def backward(tmp_path_factory: pytest.TempPathFactory) -> History:
    tmp = tmp_path_factory.mktemp("backward")
    return regenerate_across(tmp, (NEW_SPEC, NEW_CONFIG), (OLD_SPEC, OLD_CONFIG))


def entries(report: ChangeReport, subject: str) -> list[Change]:
    return [change for change in report.changes if change.subject == subject]


def find(report: ChangeReport, subject: str, summary: str) -> Change:
    matches = [change for change in entries(report, subject) if change.summary == summary]
    listed = [change.summary for change in entries(report, subject)]
    assert len(matches) == 1, f"{subject}: expected {summary!r}, found {listed}"
    return matches[0]


# --- March 2026 to now ----------------------------------------------------------------


def test_forward_breaking_changes_match(forward: History) -> None:
    found = {(change.subject, change.summary) for change in forward.report.breaking}

    assert found - BREAKING_SINCE_MARCH == set(), "unexpected breaking changes"
    assert BREAKING_SINCE_MARCH - found == set(), "missing breaking changes"


@pytest.mark.parametrize(("subject", "summary"), COMPATIBLE_SINCE_MARCH)
def test_forward_compatible_change_listed(forward: History, subject: str, summary: str) -> None:
    change = find(forward.report, subject, summary)

    assert not change.breaking
    assert change.reason


def test_forward_additions_count_as_additions(forward: History) -> None:
    added = find(forward.report, "Namespace.update_metadata()", COMPATIBLE_SINCE_MARCH[1][1])
    moved = find(forward.report, "Namespace.metadata()", COMPATIBLE_SINCE_MARCH[0][1])

    assert added.addition
    assert not moved.addition


def test_tokenizer_description_not_reported(forward: History) -> None:
    tokenizer = entries(forward.report, "Tokenizer")

    assert [change.summary for change in tokenizer] == [
        summary for subject, summary in BREAKING_SINCE_MARCH if subject == "Tokenizer"
    ]
    assert not any("word_v3`" in change.summary for change in forward.report.changes)


def test_forward_bumps_major_version(forward: History) -> None:
    package = forward.output / "turbopuffer_client"

    assert forward.result.previous_version == "0.1.0"
    assert forward.result.api.package_version == "1.0.0"
    assert 'version = "1.0.0"' in (forward.output / "pyproject.toml").read_text()
    assert '__version__ = "1.0.0"' in (package / "__init__.py").read_text()
    assert '"version": "1.0.0"' in (forward.output / "surface.json").read_text()


def test_forward_changes_file_newest_first(forward: History) -> None:
    changes = (forward.output / "CHANGES.md").read_text()

    assert changes.index("## 1.0.0") < changes.index("### Breaking")
    assert changes.index("### Breaking") < changes.index("## 0.1.0")
    assert "- `RankByVector`: type alias removed. Imports and uses of it fail." in changes
    assert "Changes to the public surface since 0.1.0: 11 breaking" in changes


def test_regenerating_same_spec_changes_nothing(forward: History, tmp_path: Path) -> None:
    output = tmp_path / "output"
    shutil.copytree(forward.output, output)

    result = generate(NEW_SPEC, output, load_config(NEW_CONFIG))

    assert result.changed_files == []
    assert result.report is not None
    assert result.report.changes == ()
    assert result.api.package_version == "1.0.0"
    assert read_folder(output) == read_folder(forward.output)


def test_bumped_package_imports_with_new_version(forward: History) -> None:
    script = "import turbopuffer_client as t; print(t.__version__, t.Namespace.update_metadata)"

    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=forward.output,
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("1.0.0 ")


def test_check_mode_reports_and_writes_nothing(forward: History, tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    for relative, content in forward.old_files.items():
        (output / relative).parent.mkdir(parents=True, exist_ok=True)
        (output / relative).write_bytes(content)
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(NEW_SPEC),
        "--config",
        str(NEW_CONFIG),
        "--output",
        str(output),
        "--check",
    ]

    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)

    assert completed.returncode == 1
    assert "11 breaking and" in completed.stdout
    assert "`Namespace.metadata()`: moved from" in completed.stdout
    assert f"{output} is out of date" in completed.stdout
    assert read_folder(output) == forward.old_files


# --- now back to March 2026 -----------------------------------------------------------


BREAKING_BACK_TO_MARCH = [
    ("Namespace.update_metadata()", "method removed (`PATCH /v1/namespaces/{namespace}/metadata`)"),
    ("Namespace.recall(rank_by)", "argument removed"),
    ("RankByAnn", "type alias removed"),
    (
        "RankBy",
        "aliased type narrowed, without `RankByAnnMulti`, `RankByAnnExpr`, `RankByKnnMulti`, "
        "`RankByKnnExpr`, `RankBySparseKnn`",
    ),
    (
        "EncryptionParam",
        "changed from a type alias for schema `Encryption` to a TypedDict for schema "
        "`Encryption`: keys `cmek`",
    ),
    ("Namespace.query(group_by)", "type narrowed from `Sequence[GroupBy]` to `Sequence[str]`"),
    ("NamespaceMetadata.pinning", "field removed"),
]

COMPATIBLE_BACK_TO_MARCH = [
    (
        "Namespace.metadata()",
        "moved from `GET /v2/namespaces/{namespace}/metadata` to "
        "`GET /v1/namespaces/{namespace}/metadata`",
    ),
    ("RankBy", "aliased type names `RankByVector` where it named `RankByAnn`"),
    ("RankByVector", "type alias added"),
]


@pytest.mark.parametrize(("subject", "summary"), BREAKING_BACK_TO_MARCH)
def test_backward_breaking_change_listed(backward: History, subject: str, summary: str) -> None:
    assert find(backward.report, subject, summary).breaking


@pytest.mark.parametrize(("subject", "summary"), COMPATIBLE_BACK_TO_MARCH)
def test_backward_compatible_change_listed(backward: History, subject: str, summary: str) -> None:
    assert not find(backward.report, subject, summary).breaking


def test_backward_touches_same_subjects(forward: History, backward: History) -> None:
    forward_subjects = {change.subject for change in forward.report.changes}
    backward_subjects = {change.subject for change in backward.report.changes}

    assert forward_subjects == backward_subjects


def test_backward_bumps_major_version(backward: History) -> None:
    assert backward.result.api.package_version == "1.0.0"
    assert backward.report.bump == "major"


# --- a change to documentation only ---------------------------------------------------


def test_description_change_bumps_patch_only(tmp_path: Path) -> None:
    document = yaml.safe_load(OLD_SPEC.read_text())
    tokenizer = document["components"]["schemas"]["Tokenizer"]
    tokenizer["description"] = tokenizer["description"].replace("word_v3", "word_v4")
    edited = tmp_path / "openapi.yaml"
    edited.write_text(yaml.safe_dump(document, sort_keys=False))
    output = tmp_path / "output"
    generate(OLD_SPEC, output, load_config(OLD_CONFIG))

    result = generate(edited, output, load_config(OLD_CONFIG))

    assert result.report == ChangeReport(())
    assert result.api.package_version == "0.1.1"
    assert "turbopuffer_client/types.py" in result.changed_files
    assert "The public surface is the same as in 0.1.0." in (output / "CHANGES.md").read_text()
