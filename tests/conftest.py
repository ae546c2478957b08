"""Shared test settings: where the spec and the generated package are, and the fake server."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.fake_turbopuffer.pytest_plugin import (  # noqa: F401 - fixtures
    fake_turbopuffer,
    fake_turbopuffer_factory,
)

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "output"
SPEC = Path(os.environ.get("TPUF_SPEC", REPO.parent / "shared/specs/turbopuffer/openapi.yaml"))
CONFIG = REPO / "specs/turbopuffer/config.yaml"
SHARED = Path(os.environ.get("TPUF_SHARED", REPO.parent / "shared"))

os.environ.setdefault("TPUF_SPEC", str(SPEC))
# The vendored package is imported from output/, exactly as committed.
sys.path.insert(0, str(OUTPUT))
