"""`futurewatch crawl [SOURCE…] [--since DATE] [--mirror URL]` and `futurewatch sources`."""

from __future__ import annotations

import sys
from datetime import date

import typer

from futurewatch.core.localtime import display_zone, iso_time, zone_note
from futurewatch.app.tables import Column, print_records

STATUS_STYLE = {"succeeded": "green", "partial": "yellow", "failed": "red", "unreachable": "red",
                "ok": "green", "quiet": "yellow", "blocked": "magenta", "failing": "red", "never": "dim",
                "disabled": "dim", "degraded": "yellow"}
COUNTS = ("listed", "new", "changed", "unchanged", "failed", "blocked", "requests")


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)


CRAWL_COLUMNS = [
    Column("source_id", "source", kind="id"),
    Column("status", "status", priority=1, style=lambda value: STATUS_STYLE.get(value, "")),
    *(Column(name, name, priority=2 if name in ("listed", "new", "failed") else 5, justify="right") for name in COUNTS),
    Column("time", "time", priority=4, justify="right"),
    Column("error", "problem", kind="text", priority=3),
]


def print_crawl_summary(summaries, *, wide: bool = False, as_json: bool = False) -> None:
    from dataclasses import asdict

    records = [asdict(s) | {"time": f"{(s.duration_ms or 0) / 1000:.1f}s"} for s in summaries]
    print_records(records, CRAWL_COLUMNS, title="crawl summary", wide=wide, as_json=as_json)


def crawl_command(
    sources: list[str] = typer.Argument(None, help="source ids (default: every enabled source)"),
    since: str = typer.Option(None, "--since", help="backfill from this date (YYYY-MM-DD)"),
    mirror: str = typer.Option(None, "--mirror", help="crawl the offline mirror at this base URL"),
    run_key: str = typer.Option(None, "--run-key", help="name of this run (default: a new id)"),
    offline: bool = typer.Option(False, "--offline", help="start the bundled offline mirror and crawl it"),
    wide: bool = typer.Option(False, "--wide", help="Every column of the summary, whatever the terminal width."),
) -> None:
    """Crawl sources (each in its own process), with progress and a per-source summary."""
    from crawlers.registry import RegistryError, select_sources
    from crawlers.runner import crawl_sources
    from futurewatch.app.commands import current_db_url, current_settings

    try:
        day = date.fromisoformat(since) if since else None
        chosen = select_sources(sources or None)
    except ValueError as exc:  # RegistryError is a ValueError too
        _fail(str(exc) if isinstance(exc, RegistryError) else f"--since {since!r} is not a date (YYYY-MM-DD)")
    db_url = current_db_url()
    if offline and not mirror:
        from crawlers.mirror import serve_mirror

        with serve_mirror() as base:
            return crawl_command(sources, since, base, run_key, False, wide)
    from futurewatch.app.progress import open_progress

    with open_progress() as progress:
        summaries = crawl_sources(db_url, [c.source_id for c in chosen], settings=current_settings(), since=day,
                                  mirror=mirror, run_key=run_key, on_progress=progress.crawl)
    print_crawl_summary(summaries, wide=wide)
    from futurewatch.app.cycle import build_source_result, crawl_failed

    if summaries and all(crawl_failed(build_source_result(s)) for s in summaries):
        print("error: no source could be reached" + (" on the mirror" if mirror else ": offline? try make demo"),
              file=sys.stderr)
        raise typer.Exit(3)


def sources_command(
    days: int = typer.Option(14, "--days", min=1, help="Window for rates and counts."),
    wide: bool = typer.Option(False, "--wide", help="Every column, whatever the terminal width."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
) -> None:
    """Health of every source: last success, new items, error, blocked, parser-drift and not-an-article
    rates, and a status with its reason (thresholds: futurewatch/app/health/thresholds.py)."""
    from futurewatch.app.health.status import select_source_health
    from futurewatch.app.health.thresholds import HealthThresholds
    from futurewatch.app.commands import current_db_url, current_settings

    zone = display_zone(current_settings())
    thresholds = HealthThresholds.from_settings(current_settings())
    records = [health_record(h, zone) for h in select_source_health(current_db_url(), thresholds, days=days)]
    print_records(records, SOURCE_COLUMNS, title=f"source health, last {days} days ({zone_note(zone)})",
                  wide=wide, as_json=as_json)


def health_record(h, zone) -> dict:
    """One source's health as JSON-ready data (times ISO 8601 in the display zone)."""
    from futurewatch.app.health.parse import missed_fields, parse_metrics

    return {"source_id": h.source_id, "name": h.name, "kind": h.kind, "enabled": h.enabled, "status": h.status,
            "last_success_at": iso_time(h.last_success_at, zone), "last_run_at": iso_time(h.last_run_at, zone),
            "new_items": h.new_items, "runs": h.runs, "error_rate": h.error_rate,
            "blocked_rate": h.blocked_rate, "last_error": h.last_error, "cause": h.cause, "reason": h.reason,
            "problem": h.reason or h.last_error, **parse_metrics(h.parse),
            "missed_fields": missed_fields(h.parse)}


SOURCE_COLUMNS = [
    Column("source_id", "source", kind="id"),
    Column("status", "status", priority=1, style=lambda value: STATUS_STYLE.get(value, "")),
    Column("last_success_at", "last success", kind="time", priority=2),
    Column("new_items", "new", priority=4, justify="right"),
    Column("error_rate", "errors", kind="percent", priority=5, justify="right"),
    Column("blocked_rate", "blocked", kind="percent", priority=6, justify="right"),
    Column("drift_rate", "drift", kind="percent", priority=4, justify="right"),
    Column("not_article_rate", "not articles", kind="percent", priority=6, justify="right"),
    Column("runs", "runs", priority=7, justify="right"),
    Column("kind", "kind", priority=8),
    Column("missed_fields", "missed fields", kind="text", priority=9),
    Column("problem", "problem", kind="text", priority=3),
]


def register(app: typer.Typer) -> None:
    """Add `crawl` and `sources` to the top-level app."""
    app.command("crawl")(crawl_command)
    app.command("sources")(sources_command)
