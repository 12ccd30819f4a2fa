"""`futurewatch search "量子 计算" [--json] [--limit N]`: ranked search of the archive."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.text import Text

from futurewatch.app.commands import current_db_url, current_settings
from futurewatch.core.localtime import display_zone
from search.query import QueryError
from search.repository import search
from search.snippet import Snippet
from futurewatch.app.tables import Column, print_records

errors = Console(stderr=True)

QUERY_HELP = (
    'Terms separated by spaces must all occur; OR (or |) between terms accepts either, AND binding '
    'tighter; NOT term or -term excludes; "double quotes" keep a phrase; (parentheses) group. '
    'Traditional and Simplified characters match each other.'
)


SEARCH_COLUMNS = [
    Column("published_at", "date", kind="date", priority=1), Column("source_id", "source", kind="id"),
    Column("title", "title", kind="text", priority=0), Column("snippet", "snippet", kind="text", priority=2),
    Column("document_id", "id", kind="fixed", priority=3, justify="right"),
    Column("rank", "rank", priority=5, justify="right"), Column("url", "url", kind="text", priority=9),
]


def search_cmd(
    query: str = typer.Argument(..., help=QUERY_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of hits (the table's fields and more)."),
    wide: bool = typer.Option(False, "--wide", help="Every column, whatever the terminal width."),
    limit: int = typer.Option(20, "--limit", "-n", help="Most hits to show."),
) -> None:
    """Search the current version of every document: ranked matches, newest first for common terms (docs/search.md)."""
    try:
        hits = search(current_db_url(), query, limit=limit)
    except QueryError as exc:
        errors.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    zone = display_zone(current_settings())
    records = [hit.as_json(zone) for hit in hits]
    if as_json:
        print_records(records, SEARCH_COLUMNS, as_json=True)
        return
    for record, hit in zip(records, hits):
        record["snippet"] = marked_snippet(hit.snippet)
    print_records(records, SEARCH_COLUMNS, title=f"{len(hits)} hit(s) for {query} (dates in {zone.key})",
                  wide=wide, console=Console(), empty="no documents match")


def marked_snippet(snippet: Snippet) -> Text:
    """The snippet with its hit in bold reverse video."""
    text = Text(snippet.text)
    if snippet.hit_start is not None:
        text.stylize("bold reverse", snippet.hit_start, snippet.hit_end)
    return text


def register(app: typer.Typer) -> None:
    app.command("search")(search_cmd)
