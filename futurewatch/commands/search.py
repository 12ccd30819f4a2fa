"""`futurewatch search "量子 计算" [--json] [--limit N]`: ranked search of the archive."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from futurewatch.db import database_url
from futurewatch.search import QueryError, search

console = Console()
errors = Console(stderr=True)

QUERY_HELP = (
    'Terms separated by spaces must all occur; OR between terms accepts either; NOT term or -term '
    'excludes; "double quotes" keep a phrase. Traditional and Simplified characters match each other.'
)


def search_cmd(
    query: str = typer.Argument(..., help=QUERY_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of hits."),
    limit: int = typer.Option(20, "--limit", "-n", help="Most hits to show."),
) -> None:
    """Search the current version of every document: ranked matches, newest first for common terms (docs/search.md)."""
    try:
        hits = search(database_url(), query, limit=limit)
    except QueryError as exc:
        errors.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        console.print("no documents match", markup=False)
        return
    table = Table("rank", "published", "title", "url", title=f"{len(hits)} hit(s) for {query}")
    for hit in hits:
        published = hit.published_at.date().isoformat() if hit.published_at else ""
        table.add_row(f"{hit.rank:.2f}", published, hit.title, hit.url)
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("search")(search_cmd)
