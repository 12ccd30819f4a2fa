"""`futurewatch crawl [SOURCE…] [--since DATE] [--mirror URL]` and `futurewatch sources`."""

from __future__ import annotations

import sys
from datetime import date

import typer

STATUS_STYLE = {"succeeded": "green", "partial": "yellow", "failed": "red", "unreachable": "red",
                "ok": "green", "quiet": "yellow", "blocked": "magenta", "failing": "red", "never": "dim",
                "degraded": "yellow"}
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


def sources_command(days: int = typer.Option(14, "--days", min=1, help="window for rates and counts")) -> None:
    """Health of every source: last success, new items, error and blocked rates, status."""
    from rich.console import Console
    from rich.table import Table

    from crawlers.health import select_source_health
    from futurewatch.db import database_url

    table = Table(title=f"source health, last {days} days")
    for name in ("source", "kind", "status", "last success", "new items", "runs", "error rate", "blocked rate",
                 "last problem"):
        table.add_column(name, justify="right" if name in ("new items", "runs", "error rate", "blocked rate") else "left")
    for h in select_source_health(database_url(), days=days):
        last = h.last_success_at.astimezone().strftime("%Y-%m-%d %H:%M") if h.last_success_at else "—"
        table.add_row(h.source_id, h.kind, f"[{STATUS_STYLE.get(h.status, '')}]{h.status}[/]", last, str(h.new_items),
                      str(h.runs), f"{h.error_rate:.0%}", f"{h.blocked_rate:.0%}", (h.last_error or "")[:60])
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add `crawl` and `sources` to the top-level app."""
    app.command("crawl")(crawl_command)
    app.command("sources")(sources_command)
