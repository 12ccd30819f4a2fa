"""The schema snapshot: `sql/schema.sql` is what the migrations must build.

It is a reviewed, committed `pg_dump --schema-only` of a freshly migrated database (the embedded
server's pg_dump, so versions match). A test rebuilds the schema from the migrations and compares;
after adding a migration, refresh the snapshot with `python -m futurewatch.core.schema --write` and
review the diff together with the migration.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parents[2] / "sql" / "schema.sql"
MIGRATION_TABLES = ("_yoyo_migration", "_yoyo_log", "_yoyo_version", "yoyo_lock")


def pg_dump_path() -> Path:
    import pgserver._commands as commands

    return Path(commands.POSTGRES_BIN_PATH) / "pg_dump"


def dump_schema(db_url: str) -> str:
    """The schema of the database at `url`, without volatile lines (comments, SETs, restrict keys)."""
    args = [str(pg_dump_path()), "--schema-only", "--no-owner", "--dbname", db_url]
    for table in MIGRATION_TABLES:
        args += ["--exclude-table", table]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    keep = [
        line for line in out.splitlines()
        if line.strip() and not line.startswith(("--", "SET ", "SELECT pg_catalog.set_config", "\\restrict", "\\unrestrict"))
    ]
    return "\n".join(keep) + "\n"


def main(argv: list[str]) -> int:
    from futurewatch.core.config import load_settings
    from futurewatch.core.db import resolve_db_url
    from futurewatch.core.migrate import apply_migrations

    settings = load_settings()  # a command of its own: its settings, built once here
    db_url = resolve_db_url(settings)
    apply_migrations(db_url, settings.migration_lock_wait)
    text = dump_schema(db_url)
    if "--write" in argv:
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"wrote {SNAPSHOT}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
