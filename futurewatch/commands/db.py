"""`futurewatch db …`: migrate, status, url, stop."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from futurewatch.config import load_settings
from futurewatch.db import database_url, describe_url, embedded_server
from futurewatch.migrate import apply_migrations, migration_status

db_app = typer.Typer(help="The archive database: migrations and the embedded server.", no_args_is_help=True)
console = Console()


@db_app.command("migrate")
def migrate_cmd() -> None:
    """Apply pending schema migrations (each in its own transaction)."""
    url = database_url()
    applied = apply_migrations(url)
    console.print(f"{describe_url(url)}: applied {len(applied)} migration(s)" + (f": {', '.join(applied)}" if applied else ""))


@db_app.command("status")
def status_cmd() -> None:
    """List migrations and whether each is applied."""
    url = database_url()
    table = Table("migration", "applied", title=describe_url(url))
    for status in migration_status(url):
        table.add_row(status.id, "yes" if status.applied else "[yellow]pending[/]")
    console.print(table)


@db_app.command("url")
def url_cmd() -> None:
    """Print the connection URL (starts the embedded server if DATABASE_URL is unset)."""
    print(database_url())


@db_app.command("stop")
def stop_cmd() -> None:
    """Stop the embedded server (no-op with DATABASE_URL)."""
    settings = load_settings()
    if settings.database_url:
        console.print("DATABASE_URL is set: nothing embedded to stop")
        return
    embedded_server(settings, cleanup_mode="stop").cleanup()
    console.print(f"stopped the embedded server in {settings.pgdata}")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
