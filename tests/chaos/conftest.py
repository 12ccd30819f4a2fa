"""Fixtures of the chaos tests."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from futurewatch.core.embedded import stop_embedded


@pytest.fixture
def own_home():
    """A FUTUREWATCH_HOME for a test's own embedded server (outside pytest's shared, pruned tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="fw-chaos-"))
    yield folder / "home"
    stop_embedded(folder / "home" / "pgdata", force=True)
    shutil.rmtree(folder, ignore_errors=True)
