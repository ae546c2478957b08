"""The pytest plugin fails a test at teardown when its server saw a request the spec forbids."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
SUBPROCESS_TIMEOUT_SECONDS = 60

EXAMPLE_TESTS = """
import httpx

AUTH = {"Authorization": "Bearer test-key"}


def test_valid_request(fake_turbopuffer):
    response = httpx.get(fake_turbopuffer.base_url + "/v1/namespaces", headers=AUTH)
    assert response.status_code == 200


def test_invalid_request(fake_turbopuffer):
    httpx.post(
        fake_turbopuffer.base_url + "/v2/namespaces/ns",
        json={"upsert_rows": "nope"},
        headers=AUTH,
    )


def test_errors_taken_by_test(fake_turbopuffer):
    httpx.post(
        fake_turbopuffer.base_url + "/v2/namespaces/ns",
        json={"upsert_rows": "nope"},
        headers=AUTH,
    )
    assert len(fake_turbopuffer.take_validation_errors()) == 1
"""


def test_plugin_fails_test_with_invalid_request(tmp_path: Path) -> None:
    (tmp_path / "test_example.py").write_text(EXAMPLE_TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY_ROOT)}

    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.fake_turbopuffer.pytest_plugin",
            "-p",
            "no:cacheprovider",
            "-rA",
            str(tmp_path),
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_SECONDS,
        check=False,
    )

    output = completed.stdout
    assert completed.returncode == 1, output
    assert "PASSED test_example.py::test_valid_request" in output
    assert "PASSED test_example.py::test_errors_taken_by_test" in output
    assert "ERROR test_example.py::test_invalid_request" in output
    assert "received requests that the spec forbids" in output
    assert "request body at /upsert_rows" in output
    # The call phase of the failing test passes, and the plugin reports the error at teardown.
    assert "3 passed, 1 error" in output
