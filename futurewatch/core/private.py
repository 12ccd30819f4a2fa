"""FUTUREWATCH_HOME is private: folders 0700, files 0600 (outbox mail, raw pages, logs, the database).

Entry points (the CLI, each crawl process) set PRIVATE_UMASK; code that creates files under
FUTUREWATCH_HOME also sets the modes itself, since Airflow tasks run with Airflow's umask.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077


def use_private_umask() -> None:
    os.umask(PRIVATE_UMASK)


def make_private_dir(path: Path) -> Path:
    """Create `path` and any missing parents as 0700 folders (existing ones are left as they are)."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another process made it meanwhile
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask; chmod is not
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write `data` atomically to a 0600 file (a temporary file beside it, then renamed)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
