"""Fixtures of the chaos tests."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.chaos.helpers import cli


@pytest.fixture
def own_home():
    """A FUTUREWATCH_HOME for a test's own embedded server (outside pytest's shared, pruned tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="fw-chaos-"))
    yield folder / "home"
    cli("db", "stop", "--force", FUTUREWATCH_HOME=str(folder / "home"), DATABASE_URL="")
    shutil.rmtree(folder, ignore_errors=True)
