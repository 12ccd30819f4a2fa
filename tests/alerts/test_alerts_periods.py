"""Digest periods at the clock's boundaries, with `now` pinned: the subscriber's midnight (16:00 UTC
for Asia/Shanghai), Sunday/Monday, a month's and a year's end, a DST change."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from alerts.periods import due_period, period_containing

SHANGHAI, BERLIN = ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin")
SECOND = timedelta(seconds=1)


def elapsed(start: datetime, end: datetime) -> timedelta:
    return end.astimezone(timezone.utc) - start.astimezone(timezone.utc)  # same-zone subtraction is wall time


def local(zone, *args) -> datetime:
    return datetime(*args, tzinfo=zone)


@pytest.mark.parametrize("utc_midnight_of_shanghai", [
    datetime(2026, 11, 30, 16, 0, tzinfo=timezone.utc),  # Dec 1 in Shanghai: a month's first day
    datetime(2026, 12, 31, 16, 0, tzinfo=timezone.utc),  # Jan 1 in Shanghai, still Dec 31 in UTC
    datetime(2027, 2, 28, 16, 0, tzinfo=timezone.utc),   # Mar 1 in Shanghai
])
def test_daily_period_turns_at_shanghai_midnight_not_utc_midnight(utc_midnight_of_shanghai):
    new_day = utc_midnight_of_shanghai.astimezone(SHANGHAI)
    assert new_day.hour == 0
    before = due_period("daily", "Asia/Shanghai", utc_midnight_of_shanghai - SECOND)
    at = due_period("daily", "Asia/Shanghai", utc_midnight_of_shanghai)
    assert before == (new_day - timedelta(days=2), new_day - timedelta(days=1))
    assert at == (new_day - timedelta(days=1), new_day)
    # the whole of the next Shanghai day (16:00 to 16:00 UTC, across UTC midnight) has the same period
    assert due_period("daily", None, utc_midnight_of_shanghai + timedelta(hours=8)) == at
    assert due_period("daily", None, utc_midnight_of_shanghai + timedelta(days=1) - SECOND) == at


def test_weekly_period_turns_at_monday_midnight_in_shanghai():
    monday = local(SHANGHAI, 2026, 12, 7)  # Sunday 16:00 UTC
    assert monday.weekday() == 0
    last_week = (monday - timedelta(days=7), monday)
    assert due_period("weekly", "Asia/Shanghai", monday) == last_week
    assert due_period("weekly", "Asia/Shanghai", monday + timedelta(days=7) - SECOND) == last_week
    assert due_period("weekly", "Asia/Shanghai", monday - SECOND) == (monday - timedelta(days=14), monday - timedelta(days=7))
    # the week holding Sunday 23:59:59 Shanghai (Sunday 15:59:59 UTC) is the one ending at that Monday
    assert period_containing("weekly", "Asia/Shanghai", monday - SECOND) == last_week
    assert period_containing("weekly", "Asia/Shanghai", monday) == (monday, monday + timedelta(days=7))


def test_weekly_period_across_a_year_end():
    monday = local(SHANGHAI, 2027, 1, 4)
    assert due_period("weekly", None, local(SHANGHAI, 2027, 1, 1, 9)) == (local(SHANGHAI, 2026, 12, 21),
                                                                          local(SHANGHAI, 2026, 12, 28))
    assert due_period("weekly", None, monday + timedelta(hours=8)) == (local(SHANGHAI, 2026, 12, 28), monday)


def test_periods_start_at_wall_midnight_across_a_dst_change():
    after = local(BERLIN, 2026, 3, 30, 8)  # Monday after summer time began (Sunday Mar 29)
    start, end = due_period("weekly", "Europe/Berlin", after)
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (datetime(2026, 3, 23), datetime(2026, 3, 30))
    assert elapsed(start, end) == timedelta(days=7, hours=-1)  # one hour shorter, both at local midnight
    start, end = due_period("daily", "Europe/Berlin", after)
    assert (start.replace(tzinfo=None), elapsed(start, end)) == (datetime(2026, 3, 29), timedelta(hours=23))


def test_immediate_period_runs_from_the_last_digest_to_now_at_any_hour():
    now = datetime(2026, 11, 30, 16, 0, tzinfo=timezone.utc)
    last = now - timedelta(hours=3)
    assert due_period("immediate", None, now, last) == (last, now)
    assert due_period("immediate", None, now) == (now - timedelta(days=1), now)  # the first digest: 24 h
    assert due_period("immediate", None, now, now + SECOND) == (now - timedelta(days=1), now)  # a later end is ignored
