"""The pieces behind the first hour: table fitting, progress lines, snippets, the display zone,
and how a cycle's outcome becomes an exit code and a summary."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from rich.console import Console

from futurewatch.app.commands.run import (EXIT_NO_SOURCE, EXIT_STAGE_FAILED, NO_SOURCE_ONLINE, exit_code,
                                      render_summary)
from futurewatch.core.config import ConfigError, load_settings
from futurewatch.app.cycle import CycleSummary, SourceResult, StageResult
from futurewatch.core.localtime import display_zone, iso_time, show_date, show_time
from futurewatch.app.progress import LineProgress, open_progress
from search.query import parse_query
from search.snippet import build_snippet
from futurewatch.app.tables import Column, print_records

COLUMNS = [Column("email", "subscriber", kind="id"), Column("status", "status", priority=1),
           Column("at", "sent", kind="time", priority=2), Column("error", "last error", kind="text", priority=3),
           Column("channel", "channel", priority=9)]
LONG_EMAIL = "analyst.with.a.really.long.mailbox.name@futurewatch-subsidiary.example"


def render(records, width=80, **options) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    print_records(records, COLUMNS, title="outbox", console=console, **options)
    return console.export_text()


def test_ids_are_never_cut_and_lines_fit_80_columns():
    records = [{"email": LONG_EMAIL, "status": "failed", "at": "2026-11-30T14:16:00+08:00",
                "error": "smtp 550 mailbox unavailable " * 4, "channel": "email"}]
    text = render(records)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    assert LONG_EMAIL in text and "failed" in text
    assert "not shown: sent, last error, channel" in text  # what cannot fit whole is named, not squeezed
    shorter = render([records[0] | {"email": "ops@example.com"}])
    assert "2026-11-30 14:16" in shorter and "smtp 550" in shorter and "not shown" not in shorter


def test_wide_keeps_every_column_and_json_every_field(capsys):
    records = [{"email": "a@example.com", "status": "sent", "at": None, "error": None, "channel": "file",
                "extra": 1}]
    assert "channel" in render(records, width=40, wide=True)
    print_records(records, COLUMNS, as_json=True)
    assert '"extra": 1' in capsys.readouterr().out


def test_plain_progress_lines_are_throttled_but_end_with_the_last_count():
    out = io.StringIO()
    with open_progress(out, tty=False) as progress:
        assert isinstance(progress, LineProgress)
        progress.crawl("c114", {"listed": 1, "new": 0})
        progress.crawl("c114", {"listed": 5, "new": 2, "unchanged": 1, "failed": 1})  # within the throttle window
        step = progress.step("process", "pages")
        step(10, 30)
        step(30, 30)
    assert out.getvalue().splitlines() == [
        "crawl c114: listed 1, fetched 0, new 0", "process: 10/30 pages", "process: 30/30 pages",
        "crawl c114: listed 5, fetched 3, new 2, failed 1"]


def test_snippet_finds_a_traditional_query_in_simplified_text():
    text = "广东省发布行动计划。\n其中提出加快发展量子计算与具身智能，打造未来产业集群。" + "后续内容" * 30
    snippet = build_snippet(text, parse_query("量子計算"))
    assert snippet.hit == "量子计算"
    assert snippet.text.endswith("…") and "\n" not in snippet.text
    title_only = build_snippet("正文没有这个词。", parse_query("海洋经济"))
    assert title_only.hit is None and title_only.text == "正文没有这个词。"


def test_times_are_shown_in_the_configured_zone():
    moment = datetime(2026, 11, 30, 20, 30, tzinfo=timezone.utc)
    zone = display_zone(load_settings({}))
    assert zone.key == "Asia/Shanghai"
    assert (show_time(moment, zone), show_date(moment, zone)) == ("2026-12-01 04:30", "2026-12-01")
    assert iso_time(moment, zone) == "2026-12-01T04:30:00+08:00"
    utc = display_zone(load_settings({"FUTUREWATCH_TIMEZONE": "UTC"}))
    assert show_date(moment, utc) == "2026-11-30"
    with pytest.raises(ConfigError, match="FUTUREWATCH_TIMEZONE"):
        display_zone(load_settings({"FUTUREWATCH_TIMEZONE": "Mars/Olympus"}))


def summary_of(*statuses: str, stage_ok: bool = True) -> CycleSummary:
    return CycleSummary(stages=[StageResult("crawl", True), StageResult("digests", stage_ok)],
                        sources=[SourceResult(f"s{i}", status, failed=status != "succeeded")
                                 for i, status in enumerate(statuses)])


def test_exit_codes_tell_the_truth():
    assert exit_code(summary_of("succeeded", "succeeded")) == 0
    assert exit_code(summary_of("succeeded", "unreachable")) == 0  # partial: shown, not fatal
    assert exit_code(summary_of("unreachable", "failed")) == EXIT_NO_SOURCE
    assert exit_code(summary_of("succeeded", stage_ok=False)) == EXIT_STAGE_FAILED
    assert NO_SOURCE_ONLINE == "no source could be reached: offline? try make demo"


@pytest.mark.parametrize("statuses, shown", [(("succeeded", "unreachable"), "PARTIAL"),
                                             (("unreachable", "unreachable"), "NONE could be crawled")])
def test_summary_names_partial_and_total_failure(statuses, shown):
    console = Console(width=80, record=True, file=io.StringIO())
    for table in render_summary(summary_of(*statuses)):
        console.print(table)
    text = console.export_text()
    assert shown in text and "unreachable" in text


def test_terminal_progress_draws_a_bar_per_source_and_stage():
    out = io.StringIO()
    with open_progress(out, tty=True) as progress:
        progress.crawl("c114", {"listed": 5, "new": 2, "unchanged": 1})
        progress.step("process", "pages")(3, 10)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("crawl c114 ━") and "listed 5, fetched 3, new 2" in lines[0]
    assert lines[1].startswith("process ") and "3/10 pages" in lines[1]


def test_each_distinct_warning_is_logged_once():
    import logging

    from futurewatch.app.logsetup import OnceFilter

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(OnceFilter())
    log = logging.getLogger("tests.once")
    log.addHandler(handler)
    try:
        for _ in range(3):
            log.warning("source_id=%s url=%s: cannot extract pdf text", "gd_gov", "http://x.cn/a.pdf")
        log.warning("source_id=%s url=%s: cannot extract pdf text", "govcn", "http://y.cn/b.pdf")
    finally:
        log.removeHandler(handler)
    assert out.getvalue().splitlines() == ["source_id=gd_gov url=http://x.cn/a.pdf: cannot extract pdf text",
                                           "source_id=govcn url=http://y.cn/b.pdf: cannot extract pdf text"]


def test_an_id_wider_than_the_terminal_folds_instead_of_being_cut():
    very_long = "x" * 90 + "@end.example"
    text = render([{"email": very_long, "status": "sent"}])
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    assert very_long in "".join(line.strip() for line in text.splitlines())
