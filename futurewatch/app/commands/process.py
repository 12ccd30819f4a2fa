"""`futurewatch parse FILE --url URL` (one page → JSON) and `futurewatch process [--reparse]`."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import typer


def parse_command(
    file: Path = typer.Argument(..., help="Raw page bytes, any encoding."),
    url: str = typer.Option(..., "--url", help="The URL the page was fetched from."),
    source: str = typer.Option(None, "--source", help="source_id; default: looked up from the URL host."),
    fetched_at: str = typer.Option(None, "--fetched-at", help="ISO time of the fetch (selects the parser version)."),
) -> None:
    """Parse one page saved in FILE (as fetched from --url) and print one JSON object (exit 1 with
    one line on stderr when the file is not a page: empty, binary, too large, or a 404/WAF/login page)."""
    from parsers.api import parse_page

    try:
        body = file.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {file}: {exc.strerror or exc}", file=sys.stderr)
        raise typer.Exit(2)
    when = _fetch_time(fetched_at)
    from futurewatch.core.sources import load_registry

    if source and source not in (known := load_registry()):  # YAML-only sources parse with the generic path
        print(f"error: unknown --source {source!r}; known: {', '.join(sorted(known))}", file=sys.stderr)
        raise typer.Exit(2)
    from parsers.api import page_rejection

    if reason := page_rejection(body):
        print(f"error: {file} is not a page: {reason}", file=sys.stderr)
        raise typer.Exit(1)
    doc = parse_page(body, url, source_id=source, fetched_at=when)
    if doc.not_article or doc.error == "no HTML markup":
        print(f"error: {file} is not an article page: {doc.not_article or doc.error}", file=sys.stderr)
        raise typer.Exit(1)
    out = doc.to_contract()
    if doc.is_empty:
        out |= {"is_empty": True, "error": doc.error}
    if doc.drift:
        out["drift"] = doc.drift  # fields the site parser missed, filled by the generic path
    if doc.policy and not doc.policy.is_blank():
        from parsers.policy_meta import policy_json

        out["policy"] = policy_json(doc.policy)  # issuers with level and region, dates, links, measures
    print(json.dumps(out, ensure_ascii=False, indent=2))


def _fetch_time(fetched_at: str | None) -> datetime | None:
    """--fetched-at as an aware datetime (Asia/Shanghai when it has no offset); exit 2 when malformed."""
    if not fetched_at:
        return None
    from parsers.dates import SHANGHAI
    from futurewatch.core.localtime import read_time

    try:
        return read_time(fetched_at, SHANGHAI)
    except ValueError as exc:
        print(f"error: --fetched-at {exc}", file=sys.stderr)
        raise typer.Exit(2)


def process_command(
    reparse: bool = typer.Option(False, "--reparse", help="Rebuild documents from every stored raw page."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Raw pages per transaction."),
) -> None:
    """Parse new raw fetches into documents (resumable, idempotent)."""
    from futurewatch.app.commands import current_db_url, current_settings
    from futurewatch.app.progress import open_progress
    from parsers.process import process_pending

    db_url = current_db_url()
    with open_progress() as progress:
        summary = process_pending(db_url, settings=current_settings(), reparse=reparse, batch_size=batch_size,
                                  on_progress=progress.step("reparse" if reparse else "process", "pages"))
    print(summary.describe())


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("parse")(parse_command)
    app.command("process")(process_command)
