"""`futurewatch run [--offline] [--sources a,b]`: one cycle of the whole job, with a summary table."""

from __future__ import annotations

import sys
import uuid
import typer
from rich.console import Console
from rich.table import Table

from futurewatch.config import load_settings
from futurewatch.cycle import CycleSummary, crawl_failed, run_cycle
from futurewatch.db import database_url, describe_url
from futurewatch.locks import RunInProgress, run_lock

console = Console()


def render_summary(summary: CycleSummary) -> list[Table]:
    stages = Table("stage", "ok", "seconds", "detail", title="futurewatch cycle")
    for s in summary.stages:
        stages.add_row(s.stage, "[green]yes[/]" if s.ok else "[red]FAILED[/]", f"{s.seconds:.1f}", s.detail)
    sources = Table("source", "status", "new", "changed", "failed", "blocked", "error", title="sources")
    for r in summary.sources:
        style = "red" if crawl_failed(r) else ""
        sources.add_row(r.source_id, f"[{style}]{r.status}[/]" if style else r.status, str(r.new),
                        str(r.changed), str(r.failed), str(r.blocked), r.error or "")
    return [stages, sources] if summary.sources else [stages]


def run_cmd(
    offline: bool = typer.Option(False, "--offline", help="Crawl the bundled offline mirror, not the live sites."),
    sources: str = typer.Option("", "--sources", help="Comma-separated source ids (default: every enabled source)."),
    wait: bool = typer.Option(False, "--wait", help="If another run is in progress, wait for it instead of stopping."),
) -> None:
    """Run one cycle: migrate, load the taxonomy, crawl, process, classify, match alerts, send digests."""
    settings = load_settings()
    url = database_url(settings)
    source_ids = [s.strip() for s in sources.split(",") if s.strip()] or None
    if source_ids:
        from crawlers.registry import RegistryError, select_sources

        try:
            select_sources(source_ids)
        except RegistryError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise typer.Exit(2)
    console.print(f"archive: {describe_url(url)}" + (" (offline mirror)" if offline or settings.offline else ""))
    try:
        with run_lock(url, wait=wait), console.status("running one cycle…"):
            summary = run_cycle(
                url,
                offline=offline or settings.offline,
                source_ids=source_ids,
                run_key=f"cli-{uuid.uuid4().hex[:12]}",
            )
    except RunInProgress as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(3)
    for table in render_summary(summary):
        console.print(table)
    if not summary.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
