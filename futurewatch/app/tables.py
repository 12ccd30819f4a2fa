"""Tables for a terminal of any width (80 columns first) and the same rows as JSON.

A command builds JSON-ready records (dicts; times as ISO 8601 with offset) and names its
columns. At the terminal's width the most important columns that fit are shown:

- `id` columns (source ids, emails, digest ids) are never cut and always shown;
- `fixed` columns (statuses, counts, `time`, `date`, `percent`) are never cut, or left out whole;
- `text` columns (titles, errors, snippets) wrap inside the width that is left.

Columns left out are named under the table; `--wide` shows them all, `--json` prints the records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

TEXT_MIN = 14  # narrowest a wrapping column may become


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "fixed"  # id | fixed | time | date | percent | text
    priority: int = 5  # lower is kept first when the width is short
    justify: str = "left"
    style: Callable[[Any], str] | None = None  # rich style of a cell by its value

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Text):
            return value.plain
        if self.kind == "time":
            return str(value)[:16].replace("T", " ")
        if self.kind == "date":
            return str(value)[:10]
        if self.kind == "percent":
            return f"{value:.0%}"
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def natural_width(column: Column, records: list[dict], whole_header: bool = False) -> int:
    """Width of the widest cell, at least the header's longest word (or all of it: no wrapping)."""
    header = cell_len(column.header) if whole_header else max(cell_len(word) for word in column.header.split())
    cells = (max(map(cell_len, column.show(r.get(column.key)).splitlines() or [""])) for r in records)
    return max([header, *cells])


def least_width(column: Column, records: list[dict]) -> int:
    width = natural_width(column, records)
    return min(width, TEXT_MIN) if column.kind == "text" else width


def overhead(count: int) -> int:
    """Characters a borderless table spends between `count` columns (one space each side of a rule)."""
    return 3 * (count - 1) if count else 0


def is_empty(column: Column, records: list[dict]) -> bool:
    return not any(column.show(r.get(column.key)) for r in records)


def choose_columns(columns: list[Column], records: list[dict], width: int) -> list[Column]:
    """The columns to show at `width`, in their given order; id columns always, empty ones last."""
    kept: list[Column] = [c for c in columns if c.kind == "id"]
    for column in sorted((c for c in columns if c.kind != "id"), key=lambda c: (is_empty(c, records), c.priority)):
        trial = kept + [column]
        if sum(least_width(c, records) for c in trial) + overhead(len(trial)) <= width:
            kept = trial
    return [c for c in columns if c in kept]


def build_table(columns: list[Column], records: list[dict], *, title: str | None = None,
                caption: str | None = None, wide: bool = False, width: int | None = None) -> Table:
    """A borderless table; cells never cut: what cannot fit in `width` (an id wider than it) folds."""
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  title_justify="left", caption_justify="left")
    fixed = [c for c in columns if wide or c.kind != "text"]
    fits = width is None or sum(natural_width(c, records, wide) for c in fixed) + overhead(len(columns)) <= width
    for c in columns:
        table.add_column(c.header, justify=c.justify, overflow="fold",
                         width=natural_width(c, records, wide) if fits and c in fixed else None)
    for r in records:
        table.add_row(*(cell(c, r.get(c.key)) for c in columns))
    return table


def cell(column: Column, value: Any) -> Text:
    """A cell as rich Text (values are never read as markup); a Text value keeps its own styles."""
    if isinstance(value, Text):
        return value.copy()
    return Text(column.show(value), style=column.style(value) if column.style else "")


def print_records(records: Iterable[dict], columns: list[Column], *, title: str | None = None,
                  wide: bool = False, as_json: bool = False, console: Console | None = None,
                  empty: str = "nothing to show") -> None:
    """Print `records` as a table fitted to the terminal (or all columns, or JSON)."""
    records = list(records)
    if as_json:
        print(json.dumps(records, ensure_ascii=False, indent=2, default=str))
        return
    console = console or Console()
    if not records:
        console.print(f"{title}: {empty}" if title else empty, markup=False, highlight=False)
        return
    shown = columns if wide else choose_columns(columns, records, console.width)
    hidden = [c.header for c in columns if c not in shown]
    caption = f"not shown: {', '.join(hidden)} (--wide or --json)" if hidden else None
    if wide:
        needed = sum(natural_width(c, records, True) for c in columns) + overhead(len(columns))
        console.width = max(console.width, needed)  # wider than the terminal: the reader asked for it
    console.print(build_table(shown, records, title=title, caption=caption, wide=wide, width=console.width))
