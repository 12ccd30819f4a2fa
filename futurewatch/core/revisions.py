"""A git revision's files, exported into a folder: what `futurewatch eval --before` and the
benchmarks' --before/--baseline run as "the old code"."""

from __future__ import annotations

import subprocess
import tarfile
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def export_revision(rev: str, folder: Path, paths: Iterable[str] = ()) -> Path:
    """The files of `rev` (all of them, or those of `paths` that exist there) extracted into
    `folder`; ValueError "git archive failed: <git's reason>" when the revision can't be read."""
    paths = list(paths)
    try:
        if paths:
            listed = subprocess.run(["git", "-C", str(REPO), "ls-tree", "--name-only", rev],
                                    capture_output=True, check=True, text=True).stdout.split()
            paths = [p for p in paths if p in listed]
        blob = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", rev, *paths],
                              capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        reason = getattr(exc, "stderr", b"") or b""
        reason = reason.decode() if isinstance(reason, bytes) else reason
        raise ValueError(f"git archive failed: {reason.strip() or exc}") from None
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(folder, filter="data")
    return folder
