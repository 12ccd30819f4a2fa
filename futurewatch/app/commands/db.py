"""`futurewatch db …`: migrate, status, url, stop, unlock, common-keys."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from futurewatch.app.commands import current_db_url, current_settings
from futurewatch.core.db import describe_url
from futurewatch.core.migrate import apply_migrations, migration_status

db_app = typer.Typer(help="The archive database: migrations and the embedded server.", no_args_is_help=True)
console = Console()


@db_app.command("migrate")
def migrate_cmd() -> None:
    """Apply pending schema migrations (each in its own transaction, or in committed batches where a file says so).

    A statement waits at most FUTUREWATCH_MIGRATION_LOCK_TIMEOUT seconds for a table lock (default 5), so it never
    stalls the readers and writers queued behind it; the migration is retried, then stops naming who blocked it.
    """
    db_url = current_db_url()
    applied = apply_migrations(db_url, current_settings().migration_lock_wait)
    console.print(f"{describe_url(db_url)}: applied {len(applied)} migration(s)" + (f": {', '.join(applied)}" if applied else ""))


@db_app.command("status")
def status_cmd() -> None:
    """List migrations and whether each is applied."""
    db_url = current_db_url()
    table = Table("migration", "applied", title=describe_url(db_url))
    for status in migration_status(db_url):
        table.add_row(status.id, "yes" if status.applied else "[yellow]pending[/]")
    console.print(table)


@db_app.command("url")
def url_cmd() -> None:
    """Print the connection URL (starts the embedded server if DATABASE_URL is unset)."""
    print(current_db_url())


@db_app.command("stop")
def stop_cmd(force: bool = typer.Option(False, "--force", help="Stop even while other live processes use it.")) -> None:
    """Stop the embedded server, or say why not; forget the handles of dead processes."""
    from futurewatch.core.embedded import stop_embedded

    settings = current_settings()
    if settings.db_url:
        console.print("DATABASE_URL is set: nothing embedded to stop")
        return
    result = stop_embedded(settings.pgdata, force=force)
    if result.stale_handles:
        console.print(f"cleared {len(result.stale_handles)} handle(s) of dead processes: "
                      f"{', '.join(map(str, result.stale_handles))}")
    console.print(result.message)
    if not result.stopped and "still in use" in result.message:
        raise typer.Exit(1)


@db_app.command("unlock")
def unlock_cmd(terminate: bool = typer.Option(False, "--terminate",
                                              help="Also end the live sessions holding a futurewatch lock.")) -> None:
    """Show who holds the migration and run locks; remove a dead process's yoyo lock row."""
    from futurewatch.core.locks import break_stale_yoyo_lock, migration_lock, select_holders, terminate_holders
    from futurewatch.core.db import connect

    db_url = current_db_url()
    if terminate:
        for holder in terminate_holders(db_url):
            console.print(f"ended the session holding the {holder.lock} lock {holder.describe()}")
    with connect(db_url, autocommit=True) as conn:
        holders = select_holders(conn)
    for holder in holders:
        console.print(f"{holder.lock} lock held {holder.describe()} from {holder.client}")
    if any(h.lock == "migration" for h in holders):
        console.print("migrations are running: the yoyo lock row is live, left alone")
        return
    with migration_lock(db_url):
        removed = break_stale_yoyo_lock(db_url)
    console.print(f"removed {len(removed)} stale yoyo lock row(s)" if removed else "no stale lock rows")


@db_app.command("common-keys")
def common_keys_cmd(
    add: bool = typer.Option(False, "--add", help="Append the unlisted ones to the list, backfill, make them searchable."),
    sample: int = typer.Option(2000, "--sample", min=1, max=100_000, help="Current documents sampled."),
    share: float = typer.Option(0.4, "--share", min=0.05, max=1.0, help="Least share of the sample holding a word."),
) -> None:
    """Words most documents hold (from a sample): a search excluding a listed one is answered by the index."""
    from futurewatch.app.progress import open_progress
    from futurewatch.core.db import connect
    from search import common_keys

    db_url = current_db_url()
    with connect(db_url) as conn:
        found = common_keys.survey(conn, sample, share)
    held = sum(k.listed for k in found.common)
    console.print(f"{found.sampled:,} current documents sampled; {found.listed} words listed, {found.searchable} "
                  f"searchable; of the {len(found.common)} held by ≥ {share:.0%} of the sample, {held} are listed")
    if found.new:
        table = Table("word", "share of the sample", title="common words to list")
        for key in found.new:
            table.add_row(key.word, f"{key.share:.0%}")
        console.print(table)
    if found.borderline:
        console.print(f"{found.borderline} more not listed: too close to {share:.0%} to be sure, or beyond this "
                      f"run's {common_keys.MAX_NEW} (at most {common_keys.MAX_LISTED} in all)")
    if not add:
        if found.new:
            console.print(f"`futurewatch db common-keys --add` lists these {len(found.new)}")
        return
    with open_progress() as progress:
        outcome = common_keys.add_common_keys(db_url, found=found, on_progress=progress.step("backfill", "version ids"),
                                              on_wait=console.print)
    words = ", ".join(k.word for k in outcome.added) or "none"
    console.print(f"added {len(outcome.added)} word(s) ({words}); {outcome.listed} listed, {outcome.searchable} "
                  f"searchable; {outcome.rewritten:,} versions rewritten in {outcome.seconds:.1f} s")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
