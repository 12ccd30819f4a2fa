"""`futurewatch run [--offline] [--sources a,b]`: one cycle of the whole job, with a summary.

Exit codes: 0 every stage ran (a partial crawl is shown as such), 1 a stage failed,
2 bad input or settings, 3 no source could be reached, 4 another run is in progress.
"""

from __future__ import annotations

import sys
import uuid

import typer
from rich.console import Console
from rich.table import Table

from futurewatch.core.config import Settings
from futurewatch.app.cycle import FAILED_CRAWL_STATUSES, CycleSummary, crawl_failed, run_cycle
from futurewatch.app.commands import current_db_url, current_settings
from futurewatch.core.db import describe_url
from futurewatch.app.progress import open_progress
from futurewatch.app.tables import Column, build_table
from futurewatch.core.locks import RunInProgress, run_lock

EXIT_STAGE_FAILED = 1
EXIT_NO_SOURCE = 3
EXIT_RUN_IN_PROGRESS = 4
NO_SOURCE_ONLINE = "no source could be reached: offline? try make demo"
NO_SOURCE_OFFLINE = "no source could be reached on the offline mirror: is it running? (FUTUREWATCH_MIRROR_URL)"

SOURCE_COLUMNS = [
    Column("source_id", "source", kind="id"),
    Column("status", "status", priority=1, style=lambda v: {"succeeded": "green", "partial": "yellow"}.get(v, "red")),
    Column("listed", "listed", priority=2, justify="right"), Column("new", "new", priority=2, justify="right"),
    Column("changed", "changed", priority=4, justify="right"), Column("failed", "failed", priority=3, justify="right"),
    Column("blocked", "blocked", priority=5, justify="right"), Column("error", "problem", kind="text", priority=2),
]


STAGE_COLUMNS = [
    Column("stage", "stage", kind="id"),
    Column("ok", "ok", priority=0, style=lambda v: {"yes": "green", "partial": "yellow"}.get(v, "red")),
    Column("seconds", "seconds", priority=2, justify="right"), Column("detail", "detail", kind="text", priority=1),
]


def stage_ok(summary: CycleSummary, stage) -> str:
    """'yes', 'FAILED', or for the crawl its state ('partial', 'none reached')."""
    if not stage.ok:
        return "FAILED"
    return summary.crawl_state if stage.stage == "crawl" and summary.crawl_state != "ok" else "yes"


def render_summary(summary: CycleSummary) -> list[Table]:
    stages = build_table(STAGE_COLUMNS, [{"stage": s.stage, "ok": stage_ok(summary, s), "seconds": f"{s.seconds:.1f}",
                                          "detail": s.detail} for s in summary.stages], title="futurewatch cycle")
    if not summary.sources:
        return [stages]
    records = [{**vars(r), "status": "failed" if crawl_failed(r) and r.status not in FAILED_CRAWL_STATUSES
                else r.status} for r in summary.sources]
    title = {"ok": "sources", "partial": "sources: PARTIAL, some could not be crawled",
             "none reached": "sources: NONE could be crawled"}[summary.crawl_state]
    return [stages, build_table(SOURCE_COLUMNS, records, title=title)]


def describe_results(summary: CycleSummary, url: str, settings: Settings) -> list[str]:
    """Where this run's results are: the database, the outbox (or SMTP) and the digests written."""
    digests = summary.digests or {}
    lines = [f"database: {describe_url(url)}"]
    if settings.smtp_host:
        lines.append(f"mail: {digests.get('sent', 0)} digest(s) sent via {settings.smtp_host}:{settings.smtp_port}")
    else:
        lines.append(f"outbox: {settings.outbox_dir} ({len(digests.get('files') or [])} digest(s) written)")
    if digests.get("retrying") or digests.get("failed"):
        lines.append(f"digests: {digests.get('retrying', 0)} to retry, {digests.get('failed', 0)} failed "
                     "(futurewatch alerts outbox)")
    return lines


def exit_code(summary: CycleSummary) -> int:
    if not summary.ok:
        return EXIT_STAGE_FAILED
    return EXIT_NO_SOURCE if summary.crawl_state == "none reached" else 0


def _check_sources(sources: str) -> list[str] | None:
    source_ids = [s.strip() for s in sources.split(",") if s.strip()] or None
    if source_ids:
        from crawlers.registry import RegistryError, select_sources

        try:
            select_sources(source_ids)
        except RegistryError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise typer.Exit(2)
    return source_ids


def run_cmd(
    offline: bool = typer.Option(False, "--offline", help="Crawl the bundled offline mirror, not the live sites."),
    sources: str = typer.Option("", "--sources", help="Comma-separated source ids (default: every enabled source)."),
    wait: bool = typer.Option(False, "--wait", help="If another run is in progress, wait for it instead of stopping."),
) -> None:
    """Run one cycle: migrate, load the taxonomy, crawl, process, classify, match alerts, send digests.

    Exit codes: 0 done (a partial crawl says so), 1 a stage failed, 2 bad input, 3 no source reached,
    4 another run is in progress."""
    console = Console()
    settings = current_settings()
    db_url = current_db_url()
    source_ids = _check_sources(sources)
    offline = offline or settings.offline
    console.print(f"archive: {describe_url(db_url)}" + (" (offline mirror)" if offline else ""))
    try:
        with run_lock(db_url, wait=wait), open_progress() as progress:
            summary = run_cycle(db_url, settings=settings, offline=offline, source_ids=source_ids,
                                run_key=f"cli-{uuid.uuid4().hex[:12]}", progress=progress)
    except RunInProgress as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_RUN_IN_PROGRESS)
    for table in render_summary(summary):
        console.print(table)
    for line in describe_results(summary, db_url, settings):
        console.print(line, markup=False, highlight=False, soft_wrap=True)  # a path is never broken
    code = exit_code(summary)
    if code == EXIT_NO_SOURCE:
        print(f"error: {NO_SOURCE_OFFLINE if offline else NO_SOURCE_ONLINE}", file=sys.stderr)
    elif code == EXIT_STAGE_FAILED:
        failed = ", ".join(s.stage for s in summary.stages if not s.ok)
        print(f"error: stage(s) failed: {failed} (details above)", file=sys.stderr)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
