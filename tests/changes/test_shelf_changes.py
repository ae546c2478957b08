"""Single changes to a small spec, each regenerated over the package of the original."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import generator
from generator.changes import Change
from generator.config import GeneratorConfig
from generator.diagnostics import GenerationError
from generator.pipeline import GenerationResult
from generator.writer import read_folder
from tests.changes.shelf import regenerate, shelf_spec, write_spec
from tests.conftest import REPO


def change_once(tmp_path: Path, document: dict[str, Any]) -> GenerationResult:
    """Generate the original spec, then `document` over it."""
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    return regenerate(tmp_path, "changed", document, output)


def changes_of(result: GenerationResult) -> list[tuple[str, str, str]]:
    assert result.report is not None
    return [(change.subject, change.summary, change.verdict) for change in result.report.changes]


def schemas(document: dict[str, Any]) -> dict[str, Any]:
    return document["components"]["schemas"]  # type: ignore[no-any-return]


def list_books(document: dict[str, Any]) -> dict[str, Any]:
    return document["paths"]["/books"]["get"]  # type: ignore[no-any-return]


# --- arguments ------------------------------------------------------------------------


def test_required_parameter_renamed(tmp_path: Path) -> None:
    document = shelf_spec()
    list_books(document)["parameters"][0]["name"] = "account_id"

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.list_books(owner_id)", "argument renamed to `account_id`", "breaking"),
    ]
    assert result.api.package_version == "1.0.0"


def test_optional_parameter_added(tmp_path: Path) -> None:
    document = shelf_spec()
    list_books(document)["parameters"].append(
        {"name": "cursor", "in": "query", "schema": {"type": "string"}}
    )

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.list_books(cursor)", "optional argument added", "compatible"),
    ]
    assert result.api.package_version == "0.2.0"


def test_required_parameter_added(tmp_path: Path) -> None:
    document = shelf_spec()
    list_books(document)["parameters"].append(
        {"name": "shelf", "in": "query", "required": True, "schema": {"type": "integer"}}
    )

    result = change_once(tmp_path, document)

    assert ("ShelfClient.list_books(shelf)", "required argument added", "breaking") in changes_of(
        result
    )


def test_parameter_made_required(tmp_path: Path) -> None:
    document = shelf_spec()
    list_books(document)["parameters"][1]["required"] = True

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.list_books(limit)", "argument made required", "breaking"),
    ]


def test_parameter_made_optional(tmp_path: Path) -> None:
    document = shelf_spec()
    list_books(document)["parameters"][0]["required"] = False

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.list_books(owner_id)", "argument made optional", "compatible"),
    ]
    assert result.api.package_version == "0.1.1"


def test_argument_any_narrowed_to_int(tmp_path: Path) -> None:
    original = shelf_spec()
    list_books(original)["parameters"][1]["schema"] = {}
    output = tmp_path / "output"
    regenerate(tmp_path, "original", original, output)

    result = regenerate(tmp_path, "changed", shelf_spec(), output)

    assert changes_of(result) == [
        ("ShelfClient.list_books(limit)", "type narrowed from `Any` to `int`", "breaking"),
    ]


# --- methods --------------------------------------------------------------------------


def test_method_removed(tmp_path: Path) -> None:
    document = shelf_spec()
    del document["paths"]["/books/{book_id}"]

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.get_book()", "method removed (`GET /books/{book_id}`)", "breaking"),
    ]


def test_method_renamed_keeps_request(tmp_path: Path) -> None:
    document = shelf_spec()
    document["paths"]["/books/{book_id}"]["get"]["operationId"] = "fetchBook"

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.get_book()", "method renamed to `ShelfClient.fetch_book()`", "breaking"),
    ]


def test_method_moved_to_new_path(tmp_path: Path) -> None:
    document = shelf_spec()
    document["paths"]["/v2/books/{book_id}"] = document["paths"].pop("/books/{book_id}")

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        (
            "ShelfClient.get_book()",
            "moved from `GET /books/{book_id}` to `GET /v2/books/{book_id}`",
            "compatible",
        ),
    ]
    assert result.api.package_version == "0.1.1"


def test_return_type_changed(tmp_path: Path) -> None:
    document = shelf_spec()
    get_book = document["paths"]["/books/{book_id}"]["get"]
    get_book["responses"]["200"]["content"]["application/json"]["schema"] = {"type": "string"}

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("ShelfClient.get_book()", "return type changed from `Book` to `str`", "breaking"),
    ]


# --- literal values, by which way they flow -------------------------------------------


def test_request_only_value_added_is_compatible(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Format"]["enum"].append("ebook")

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        (
            "Format",
            "aliased type widened from `Literal['hardcover', 'paperback']` to "
            "`Literal['hardcover', 'paperback', 'ebook']`, with `'ebook'`",
            "compatible",
        ),
    ]
    assert result.api.package_version == "0.2.0"


def test_request_only_value_removed_is_breaking(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Format"]["enum"].remove("paperback")

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        (
            "Format",
            "aliased type narrowed from `Literal['hardcover', 'paperback']` to "
            "`Literal['hardcover']`, without `'paperback'`",
            "breaking",
        ),
    ]


def test_response_only_value_added_is_breaking(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Status"]["enum"].append("lost")

    result = change_once(tmp_path, document)

    assert [verdict for _, _, verdict in changes_of(result)] == ["breaking"]


def test_response_only_value_removed_is_compatible(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Status"]["enum"].remove("lent")

    result = change_once(tmp_path, document)

    assert [verdict for _, _, verdict in changes_of(result)] == ["compatible"]
    assert result.api.package_version == "0.1.1"


def test_shared_value_added_is_breaking(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Genre"]["enum"].append("drama")

    result = change_once(tmp_path, document)

    [change] = result.report.changes if result.report else []
    assert change.subject == "Genre"
    assert change.breaking
    assert change.reason.startswith("responses use the type too")


# --- models and TypedDicts ------------------------------------------------------------


def test_response_field_made_optional(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Book"]["required"] = ["id"]

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        (
            "Book.title",
            "type widened from `str` to `str | None`, with `None`",
            "breaking",
        ),
    ]


def test_response_field_made_required(tmp_path: Path) -> None:
    document = shelf_spec()
    schemas(document)["Book"]["required"].append("pages")

    result = change_once(tmp_path, document)

    assert changes_of(result) == [
        ("Book.pages", "type narrowed from `int | None` to `int`, without `None`", "compatible"),
    ]


def test_request_key_added_and_removed(tmp_path: Path) -> None:
    document = shelf_spec()
    properties = schemas(document)["NewBook"]["properties"]
    del properties["tags"]
    properties["isbn"] = {"type": "string"}

    result = change_once(tmp_path, document)

    assert set(changes_of(result)) == {
        ("ShelfClient.create_book(tags)", "argument removed", "breaking"),
        ("ShelfClient.create_book(isbn)", "optional argument added", "compatible"),
        ("NewBookParam.tags", "key removed", "breaking"),
        ("NewBookParam.isbn", "optional key added", "compatible"),
    }


def test_model_field_removed(tmp_path: Path) -> None:
    document = shelf_spec()
    del schemas(document)["Book"]["properties"]["pages"]

    result = change_once(tmp_path, document)

    assert changes_of(result) == [("Book.pages", "field removed", "breaking")]


def test_type_renamed_is_removed_and_added(tmp_path: Path) -> None:
    document = shelf_spec()
    text = json.dumps(document).replace("Status", "Availability")

    result = change_once(tmp_path, json.loads(text))

    assert set(changes_of(result)) == {
        ("Status", "type alias removed", "breaking"),
        ("Availability", "type alias added", "compatible"),
        (
            "Book.status",
            "type written `Availability | None`, was `Status | None`",
            "compatible",
        ),
    }


# --- no change, documentation changes, versions ---------------------------------------


def test_same_spec_has_empty_report(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    before = read_folder(output)

    result = regenerate(tmp_path, "again", shelf_spec(), output)

    assert changes_of(result) == []
    assert result.changed_files == []
    assert result.api.package_version == "0.1.0"
    assert read_folder(output) == before


def test_check_mode_exits_zero_without_change(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    spec = write_spec(tmp_path, "again", shelf_spec())

    completed = run_check(spec, output)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "public surface: no changes since 0.1.0" in completed.stdout
    assert f"{output} is up to date" in completed.stdout


def test_check_mode_exits_one_with_report(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    before = read_folder(output)
    document = shelf_spec()
    list_books(document)["parameters"][0]["name"] = "account_id"
    spec = write_spec(tmp_path, "renamed", document)

    completed = run_check(spec, output)

    assert completed.returncode == 1
    assert "version 1.0.0 (major)" in completed.stdout
    assert (
        "`ShelfClient.list_books(owner_id)`: argument renamed to `account_id`" in completed.stdout
    )
    assert read_folder(output) == before


def test_description_change_is_patch(tmp_path: Path) -> None:
    document = shelf_spec()
    list_books(document)["description"] = "List the books that one owner has."

    result = change_once(tmp_path, document)
    changes = (tmp_path / "output/CHANGES.md").read_text()

    assert changes_of(result) == []
    assert result.api.package_version == "0.1.1"
    assert changes.index("## 0.1.1") < changes.index("## 0.1.0")


def test_hand_edit_is_restored_without_bump(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    readme = output / "README.md"
    readme.write_text(readme.read_text() + "\nedited by hand\n")

    result = regenerate(tmp_path, "again", shelf_spec(), output)

    assert result.changed_files == ["README.md"]
    assert result.api.package_version == "0.1.0"
    assert "edited by hand" not in readme.read_text()


def test_spec_in_other_folder_changes_nothing(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    result = regenerate(elsewhere, "copy", shelf_spec(), output)

    assert result.changed_files == []


def test_new_generator_version_is_patch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    monkeypatch.setattr(generator, "__version__", "99.0.0")

    result = regenerate(tmp_path, "again", shelf_spec(), output)

    assert changes_of(result) == []
    assert result.api.package_version == "0.1.1"
    assert "a newer version of the generator" in (output / "CHANGES.md").read_text()


def test_versions_accumulate_in_changes_file(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "v1", shelf_spec(), output)
    document = shelf_spec()
    list_books(document)["parameters"].append(
        {"name": "cursor", "in": "query", "schema": {"type": "string"}}
    )
    regenerate(tmp_path, "v2", document, output)
    del document["paths"]["/books/{book_id}"]

    result = regenerate(tmp_path, "v3", document, output)
    changes = (output / "CHANGES.md").read_text()

    assert result.api.package_version == "1.0.0"
    assert changes.index("## 1.0.0") < changes.index("## 0.2.0")
    assert changes.index("## 0.2.0") < changes.index("## 0.1.0")
    assert changes.count("## 0.2.0") == 1


def test_configured_version_is_a_minimum(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    config = replace(GeneratorConfig(), package_version="2.0.0")

    result = regenerate(tmp_path, "again", shelf_spec(), output, config=config)
    again = regenerate(tmp_path, "again", shelf_spec(), output, config=config)

    assert result.api.package_version == "2.0.0"
    assert "Version set by `package_version`" in (output / "CHANGES.md").read_text()
    assert again.changed_files == []


def test_bad_configured_version_rejected(tmp_path: Path) -> None:
    config = replace(GeneratorConfig(), package_version="1.0")

    with pytest.raises(GenerationError) as raised:
        regenerate(tmp_path, "original", shelf_spec(), tmp_path / "output", config=config)

    [diagnostic] = raised.value.diagnostics
    assert diagnostic.pointer == "/package_version"
    assert "'1.0' is not MAJOR.MINOR.PATCH" in diagnostic.message
    assert not (tmp_path / "output").exists()


def test_corrupt_surface_rejected(tmp_path: Path) -> None:
    output = tmp_path / "output"
    regenerate(tmp_path, "original", shelf_spec(), output)
    (output / "surface.json").write_text('{"format": 99}')

    with pytest.raises(GenerationError) as raised:
        regenerate(tmp_path, "again", shelf_spec(), output)

    [diagnostic] = raised.value.diagnostics
    assert diagnostic.file == str(output / "surface.json")
    assert "format 99 is not 1" in diagnostic.message


def run_check(spec: Path, output: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec),
        "--output",
        str(output),
        "--check",
    ]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_change_marks_verdict() -> None:
    assert Change("X", "removed", True, "imports fail").verdict == "breaking"
    assert Change("X", "added", False, "nothing changed").verdict == "compatible"
