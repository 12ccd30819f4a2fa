"""Digest runs day after day (`now` pinned): a period an earlier run finished is not looked at again,
an event that arrives after its period was found empty goes into the next digest, and a
subscriber's build error is cleared by the next good build."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from alerts.digest import build_due_digests
from alerts.events import match_events
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from tests.alerts import archive as A

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 12, 7, tzinfo=SHANGHAI)  # the week of Nov 30 ends at its first second


@pytest.fixture
def settings(tmp_path):
    return load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_FROM": "digests@futurewatch.example"})


def query(db: str, sql: str) -> list[dict]:
    with connect(db) as conn:
        return conn.execute(sql).fetchall()


def add_late_page(db: str, tv: int, title: str, created: datetime) -> None:
    """A classified page whose version is dated `created` (the time its events occur at)."""
    doc = A.add_document(db, "c114", title, "量子")
    vid = A.current_version(db, doc)
    with connect(db) as conn:
        conn.execute("UPDATE document_versions SET created_at = %(c)s WHERE version_id = %(v)s",
                     {"c": created, "v": vid})
    A.classify(db, vid, tv)


def test_a_finished_week_is_not_looked_at_again_and_its_late_event_comes_next_week(db_url, settings):
    """The weekly period stays due on the six daily runs after its Monday; an empty week stored
    nothing, so each run looked for its events again (and a late event built last week's digest
    mid-week). Now the period is recorded as finished and the late event waits for the next digest."""
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "weekly@example.com", [("q", "keyword", {"query": "量子"})], cadence="weekly")
    assert build_due_digests(db_url, now=MONDAY + timedelta(hours=8), settings=settings).empty == 1
    add_late_page(db_url, tv, "量子 迟到的周五新闻", MONDAY - timedelta(days=3))  # last Friday's, found on Wednesday
    match_events(db_url, now=MONDAY + timedelta(days=2, hours=8), settings=load_settings())
    for day in range(1, 7):
        later = build_due_digests(db_url, now=MONDAY + timedelta(days=day, hours=8), settings=settings)
        assert (later.finished, later.built, later.empty, later.failed) == (1, 0, 0, 0), day
    assert query(db_url, "SELECT * FROM digests") == []
    next_week = build_due_digests(db_url, now=MONDAY + timedelta(days=7, hours=8), settings=settings)
    assert next_week.built == 1
    [digest] = query(db_url, "SELECT * FROM digests")
    assert (digest["period_start"], digest["period_end"]) == (MONDAY, MONDAY + timedelta(days=7))
    assert "迟到的周五新闻" in digest["body_text"]  # not lost: caught up from the week before


def test_a_built_period_is_skipped_by_later_runs_and_a_failed_one_is_tried_again(db_url, settings):
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "daily@example.com", [("q", "keyword", {"query": "量子"})], cadence="daily",
                     timezone_name="Mars/Olympus")  # an unknown zone written straight into the table
    add_late_page(db_url, tv, "量子 昨天", MONDAY - timedelta(hours=5))
    match_events(db_url, now=MONDAY + timedelta(hours=8), settings=load_settings())
    for hour in (8, 9):  # the period is not recorded as finished: every run tries again
        failed = build_due_digests(db_url, now=MONDAY + timedelta(hours=hour), settings=settings)
        assert (failed.failed, failed.finished) == (1, 0)
    [sub] = query(db_url, "SELECT * FROM subscribers")
    assert "Mars/Olympus" in sub["last_error"] and sub["last_error_at"] is not None
    with connect(db_url) as conn:
        conn.execute("UPDATE subscribers SET timezone = 'Asia/Shanghai'")
    assert build_due_digests(db_url, now=MONDAY + timedelta(hours=10), settings=settings).built == 1
    [sub] = query(db_url, "SELECT * FROM subscribers")
    assert sub["last_error"] is None and sub["last_error_at"] is None  # ops no longer see an error that is over
    again = build_due_digests(db_url, now=MONDAY + timedelta(hours=20), settings=settings)
    assert (again.finished, again.built, again.existing) == (1, 0, 0)
    assert len(query(db_url, "SELECT * FROM digests")) == 1


def test_a_run_with_its_clock_ahead_does_not_skip_the_days_before_it(db_url, settings):
    """A run whose `now` was a month ahead (a mistaken --now, a clock that jumped) recorded that
    month's day as finished, and every run up to it skipped the subscriber: no daily digest for a
    month, and events older than the catch-up by then never sent at all."""
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "daily@example.com", [("q", "keyword", {"query": "量子"})], cadence="daily")
    ahead = MONDAY + timedelta(days=30, hours=8)
    assert build_due_digests(db_url, now=ahead, settings=settings).empty == 1
    add_late_page(db_url, tv, "量子 周日的新闻", MONDAY - timedelta(hours=5))
    match_events(db_url, now=MONDAY + timedelta(hours=8), settings=load_settings())
    today = build_due_digests(db_url, now=MONDAY + timedelta(hours=8), settings=settings)
    assert (today.built, today.finished) == (1, 0)
    [digest] = query(db_url, "SELECT * FROM digests")
    assert (digest["period_start"], digest["period_end"]) == (MONDAY - timedelta(days=1), MONDAY)
    assert "周日的新闻" in digest["body_text"]
    assert build_due_digests(db_url, now=MONDAY + timedelta(hours=9), settings=settings).finished == 1


def test_a_rerun_of_an_old_day_builds_what_was_never_sent(db_url, settings):
    """An Airflow rerun of a day two weeks back (its events matched only now, beyond the 7-day
    catch-up of today's digest) was skipped because a later day had been finished."""
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "daily@example.com", [("q", "keyword", {"query": "量子"})], cadence="daily")
    assert build_due_digests(db_url, now=MONDAY + timedelta(hours=8), settings=settings).empty == 1
    old_day = MONDAY - timedelta(days=14)
    add_late_page(db_url, tv, "量子 两周前的新闻", old_day - timedelta(hours=5))
    match_events(db_url, now=MONDAY + timedelta(hours=9), settings=load_settings())
    rerun = build_due_digests(db_url, now=old_day + timedelta(hours=8), settings=settings)
    assert (rerun.built, rerun.finished) == (1, 0)
    [digest] = query(db_url, "SELECT * FROM digests")
    assert "两周前的新闻" in digest["body_text"]


def test_the_catch_up_reaches_the_first_hour_of_a_week_an_hour_longer(db_url, settings):
    """Europe/Berlin's week of 19 October 2026 has 169 hours (clocks go back on the 25th). Its first
    hour's event, matched after the week was found empty, still reaches next week's digest: the
    7-day catch-up is counted on the wall clock, not as 168 hours."""
    berlin = ZoneInfo("Europe/Berlin")
    monday = datetime(2026, 10, 26, tzinfo=berlin)
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "weekly@example.com", [("q", "keyword", {"query": "量子"})], cadence="weekly",
                     timezone_name="Europe/Berlin")
    assert build_due_digests(db_url, now=monday + timedelta(hours=8), settings=settings).empty == 1
    add_late_page(db_url, tv, "量子 周一零点半", datetime(2026, 10, 19, 0, 30, tzinfo=berlin))
    match_events(db_url, now=monday + timedelta(days=1), settings=load_settings())
    assert build_due_digests(db_url, now=monday + timedelta(days=1, hours=8), settings=settings).finished == 1
    assert build_due_digests(db_url, now=monday + timedelta(days=7, hours=8), settings=settings).built == 1
    [digest] = query(db_url, "SELECT * FROM digests")
    assert "周一零点半" in digest["body_text"]
