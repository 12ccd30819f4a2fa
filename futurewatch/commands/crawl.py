"""`futurewatch crawl [SOURCE…] [--since DATE] [--mirror URL]` and `futurewatch sources`."""

from __future__ import annotations

import sys
from datetime import date

import typer

from futurewatch.localtime import display_zone, iso_time, zone_note
from futurewatch.tables import Column, print_records

STATUS_STYLE = {"succeeded": "green", "partial": "yellow", "failed": "red", "unreachable": "red",
                "ok": "green", "quiet": "yellow", "blocked": "magenta", "failing": "red", "never": "dim"}
COUNTS = ("listed", "new", "changed", "unchanged", "failed", "blocked", "requests")


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def render_summary_table(summaries) -> "Table":
    from rich.table import Table

    table = Table(title="crawl summary")
    table.add_column("source")
    table.add_column("status")
    for name in COUNTS:
        table.add_column(name, justify="right")
    table.add_column("time", justify="right")
    table.add_column("problem", overflow="fold", max_width=60)
    for s in summaries:
        style = STATUS_STYLE.get(s.status, "")
        table.add_row(s.source_id, f"[{style}]{s.status}[/]", *(str(getattr(s, n)) for n in COUNTS),
                      f"{(s.duration_ms or 0) / 1000:.1f}s", s.error or "")
    return table


def crawl_command(
    sources: list[str] = typer.Argument(None, help="source ids (default: every enabled source)"),
    since: str = typer.Option(None, "--since", help="backfill from this date (YYYY-MM-DD)"),
    mirror: str = typer.Option(None, "--mirror", help="crawl the offline mirror at this base URL"),
    run_key: str = typer.Option(None, "--run-key", help="name of this run (default: a new id)"),
    offline: bool = typer.Option(False, "--offline", help="start the bundled offline mirror and crawl it"),
) -> None:
    """Crawl sources (each in its own process), with progress and a per-source summary."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from crawlers.registry import RegistryError, select_sources
    from crawlers.runner import crawl_sources
    from futurewatch.db import database_url

    try:
        day = date.fromisoformat(since) if since else None
        chosen = select_sources(sources or None)
    except ValueError as exc:  # RegistryError is a ValueError too
        _fail(str(exc) if isinstance(exc, RegistryError) else f"--since {since!r} is not a date (YYYY-MM-DD)")
    url = database_url()
    if offline and not mirror:
        from crawlers.mirror import serve_mirror

        with serve_mirror() as base:
            return crawl_command(sources, since, base, run_key, False)
    console = Console()
    with Progress(SpinnerColumn(), TextColumn("[bold]{task.fields[source]}"), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console) as bar:
        tasks = {c.source_id: bar.add_task("waiting", source=c.source_id) for c in chosen}

        def on_progress(source_id: str, counts: dict) -> None:
            bar.update(tasks[source_id], description=", ".join(f"{k} {counts.get(k, 0)}" for k in COUNTS))

        summaries = crawl_sources(url, [c.source_id for c in chosen], since=day, mirror=mirror, run_key=run_key,
                                  on_progress=on_progress)
        for s in summaries:
            bar.update(tasks[s.source_id], description=f"[{STATUS_STYLE.get(s.status, '')}]{s.status}[/]")
    console.print(render_summary_table(summaries))


def sources_command(
    days: int = typer.Option(14, "--days", min=1, help="Window for rates and counts."),
    wide: bool = typer.Option(False, "--wide", help="Every column, whatever the terminal width."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
) -> None:
    """Health of every source: last success, new items, error and blocked rates, status."""
    from crawlers.health import select_source_health
    from futurewatch.db import database_url

    zone = display_zone()
    records = [health_record(h, zone) for h in select_source_health(database_url(), days=days)]
    print_records(records, SOURCE_COLUMNS, title=f"source health, last {days} days ({zone_note(zone)})",
                  wide=wide, as_json=as_json)


def health_record(h, zone) -> dict:
    """One source's health as JSON-ready data (times ISO 8601 in the display zone)."""
    return {"source_id": h.source_id, "name": h.name, "kind": h.kind, "enabled": h.enabled, "status": h.status,
            "last_success_at": iso_time(h.last_success_at, zone), "last_run_at": iso_time(h.last_run_at, zone),
            "new_items": h.new_items, "runs": h.runs, "error_rate": h.error_rate,
            "blocked_rate": h.blocked_rate, "last_error": h.last_error}


SOURCE_COLUMNS = [
    Column("source_id", "source", kind="id"),
    Column("status", "status", priority=1, style=lambda value: STATUS_STYLE.get(value, "")),
    Column("last_success_at", "last success", kind="time", priority=2),
    Column("new_items", "new", priority=4, justify="right"),
    Column("error_rate", "errors", kind="percent", priority=5, justify="right"),
    Column("blocked_rate", "blocked", kind="percent", priority=6, justify="right"),
    Column("runs", "runs", priority=7, justify="right"),
    Column("kind", "kind", priority=8),
    Column("last_error", "last problem", kind="text", priority=3),
]


def register(app: typer.Typer) -> None:
    """Add `crawl` and `sources` to the top-level app."""
    app.command("crawl")(crawl_command)
    app.command("sources")(sources_command)
