"""Progress of long work (crawl, process, classify): rich bars on a terminal, plain lines otherwise.

    with open_progress() as progress:
        crawl_sources(url, on_progress=progress.crawl)       # per source: listed, fetched, new
        process_pending(url, on_progress=progress.step("process", "pages"))
        classify_pending(url, progress=progress.step("classify", "versions"))

Plain lines go to stderr (stdout keeps the summary), at most one per task every LINE_EVERY_S
seconds plus the final count, so a log file gets a readable record instead of a bar.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

LINE_EVERY_S = 5.0
StepFn = Callable[[int, int], None]


def crawl_counts(counts: dict) -> tuple[int, int, int]:
    """(listed, fetched, new) from a crawl progress report; fetched = pages that answered."""
    fetched = sum(int(counts.get(k, 0) or 0) for k in ("new", "changed", "unchanged"))
    return int(counts.get("listed", 0) or 0), fetched, int(counts.get("new", 0) or 0)


def describe_crawl(source_id: str, counts: dict) -> str:
    listed, fetched, new = crawl_counts(counts)
    failed = int(counts.get("failed", 0) or 0)
    return f"crawl {source_id}: listed {listed}, fetched {fetched}, new {new}" + (f", failed {failed}" if failed else "")


class LineProgress:
    """Plain progress lines, throttled per task; the last state of each task is always printed."""

    def __init__(self, out: TextIO):
        self.out = out
        self.printed: dict[str, tuple[float, str]] = {}
        self.pending: dict[str, str] = {}

    def _emit(self, key: str, line: str, final: bool = False) -> None:
        last_at, last_line = self.printed.get(key, (0.0, ""))
        if line == last_line:
            return
        if final or time.monotonic() - last_at >= LINE_EVERY_S:
            print(line, file=self.out, flush=True)
            self.printed[key] = (time.monotonic(), line)
            self.pending.pop(key, None)
        else:
            self.pending[key] = line

    def crawl(self, source_id: str, counts: dict) -> None:
        self._emit(f"crawl:{source_id}", describe_crawl(source_id, counts))

    def step(self, stage: str, unit: str) -> StepFn:
        return lambda done, total: self._emit(stage, f"{stage}: {done}/{total} {unit}", final=done >= total)

    def close(self) -> None:
        for key, line in list(self.pending.items()):
            self._emit(key, line, final=True)


class BarProgress:
    """rich progress bars on a terminal: one per source while crawling, one per later stage."""

    def __init__(self, bar):
        self.bar = bar
        self.tasks: dict[str, int] = {}

    def _task(self, key: str, total: int | None = None) -> int:
        if key not in self.tasks:
            self.tasks[key] = self.bar.add_task(key, total=total, detail="")
        return self.tasks[key]

    def crawl(self, source_id: str, counts: dict) -> None:
        listed, fetched, new = crawl_counts(counts)
        self.bar.update(self._task(f"crawl {source_id}"), completed=fetched, total=max(listed, fetched) or None,
                        detail=f"listed {listed}, fetched {fetched}, new {new}")

    def step(self, stage: str, unit: str) -> StepFn:
        return lambda done, total: self.bar.update(self._task(stage), completed=done, total=total,
                                                   detail=f"{done}/{total} {unit}")


@contextmanager
def open_progress(out: TextIO | None = None, *, tty: bool | None = None) -> Iterator[LineProgress | BarProgress]:
    """Bars when `out` (default stderr) is a terminal, plain lines otherwise."""
    out = out or sys.stderr
    if not (out.isatty() if tty is None else tty):
        lines = LineProgress(out)
        try:
            yield lines
        finally:
            lines.close()
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(bar_width=20), TextColumn("{task.fields[detail]}"),
                  TimeElapsedColumn(), console=Console(file=out)) as bar:
        yield BarProgress(bar)
