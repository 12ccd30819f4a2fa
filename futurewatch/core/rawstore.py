"""The raw store: fetched bodies kept byte for byte, addressed by sha256.

`LocalRawStore` keeps them under FUTUREWATCH_HOME/raw/ab/cd/<sha256>; an object store can
implement the same two methods later.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol

from futurewatch.core.config import Settings
from futurewatch.core.private import make_private_dir


class RawStore(Protocol):
    def put(self, body: bytes) -> tuple[str, str]:
        """Store `body`; return (sha256, storage_key). Storing the same bytes twice is a no-op."""

    def get(self, storage_key: str) -> bytes:
        """The bytes stored under `storage_key`."""


class LocalRawStore:
    def __init__(self, root: Path):
        self.root = root

    def _path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha[2:4] / sha

    def put(self, body: bytes) -> tuple[str, str]:
        sha = hashlib.sha256(body).hexdigest()
        path = self._path(sha)
        if not path.exists():
            make_private_dir(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
            os.replace(tmp, path)  # atomic: a crash never leaves a half-written body
        return sha, f"local:{sha}"

    def get(self, storage_key: str) -> bytes:
        scheme, _, sha = storage_key.partition(":")
        if scheme != "local" or len(sha) != 64:
            raise ValueError(f"not a local raw-store key: {storage_key!r}")
        return self._path(sha).read_bytes()


def open_raw_store(settings: Settings) -> RawStore:
    return LocalRawStore(settings.raw_dir)
