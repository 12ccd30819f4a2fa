"""The one-cycle runner: stage bookkeeping and the summary it prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from rich.console import Console

from futurewatch.app.commands.run import render_summary
from futurewatch.app.cycle import CycleSummary, SourceResult, StageResult, build_source_result, run_cycle, to_plain
from futurewatch.core.config import load_settings

NOW = datetime(2026, 3, 10, 0, 0, tzinfo=timezone.utc)


@dataclass
class FakeCrawlSummary:  # the shape of a crawler summary: any object with these attributes
    source_id: str
    status: str
    new: int
    error: str | None = None


def test_unreachable_database_stops_after_migrate_with_one_line_reason():
    summary = run_cycle("postgresql://nobody:wrong@127.0.0.1:1/none", now=NOW, settings=load_settings())
    assert [s.stage for s in summary.stages] == ["migrate"]
    assert not summary.ok
    assert "127.0.0.1:1" in summary.stages[0].detail and "\n" not in summary.stages[0].detail


def test_source_results_from_objects_and_dicts():
    a = build_source_result(FakeCrawlSummary("c114", "succeeded", 3))
    b = build_source_result({"source_id": "miit", "status": "unreachable", "error": "dns: no such host"})
    assert (a.source_id, a.status, a.new) == ("c114", "succeeded", 3)
    assert (b.status, b.error, b.new) == ("unreachable", "dns: no such host", 0)
    assert to_plain({"at": NOW, "items": (a,)}) == {
        "at": NOW.isoformat(), "items": [{"source_id": "c114", "status": "succeeded", "listed": 0, "new": 3, "changed": 0,
                                          "failed": 0, "blocked": 0, "error": None}]}


def test_summary_table_names_the_unreachable_source():
    summary = CycleSummary(
        stages=[StageResult("crawl", True, "2 source(s); failed: miit", 1.0), StageResult("process", False, "boom")],
        sources=[SourceResult("c114", "succeeded", new=4), SourceResult("miit", "unreachable", error="timeout")],
    )
    console = Console(record=True, width=160)
    for table in render_summary(summary):
        console.print(table)
    text = console.export_text()
    assert "miit" in text and "unreachable" in text and "timeout" in text and "FAILED" in text
    assert not summary.ok
