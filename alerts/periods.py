"""Digest periods in the subscriber's timezone.

daily      the last complete local day        [D-1 00:00, D 00:00)
weekly     the last complete ISO week          [Mon-7 00:00, Mon 00:00)
immediate  since the subscriber's last digest  [last period_end, now]  (first time: the last 24 h)
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE

DEFAULT_TZ = SOURCE_TIMEZONE


def _local_midnight(now: datetime, tz: ZoneInfo) -> datetime:
    local = now.astimezone(tz)
    return datetime.combine(local.date(), time(0), tzinfo=tz)


def due_period(cadence: str, timezone: str | None, now: datetime,
               last_end: datetime | None = None) -> tuple[datetime, datetime]:
    """The period whose digest is due at `now` (aware datetimes in the subscriber's zone)."""
    tz = ZoneInfo(timezone or DEFAULT_TZ)
    if cadence == "immediate":
        start = last_end if last_end is not None and last_end < now else now - timedelta(days=1)
        return start.astimezone(tz), now.astimezone(tz)
    midnight = _local_midnight(now, tz)
    if cadence == "weekly":
        end = midnight - timedelta(days=midnight.weekday())
        return _wall(end - timedelta(days=7), tz), end
    return _wall(midnight - timedelta(days=1), tz), midnight


def _wall(moment: datetime, tz: ZoneInfo) -> datetime:
    """Wall-clock midnight in tz (DST-safe: arithmetic done on the naive local time)."""
    local = moment.replace(tzinfo=None)
    return datetime.combine(local.date(), time(0), tzinfo=tz)


def parse_period(text: str, timezone: str | None) -> tuple[datetime, datetime]:
    """'2026-11-20..2026-11-23' (local dates, both included: the 20th 00:00 to the 24th 00:00)
    or '2026-11-22' (one local day)."""
    tz = ZoneInfo(timezone or DEFAULT_TZ)
    parts = text.split("..")
    try:
        days = [datetime.fromisoformat(p.strip()).date() for p in parts]
    except ValueError:
        raise ValueError(f"period {text!r}: expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD") from None
    if len(days) > 2 or days[-1] < days[0]:
        raise ValueError(f"period {text!r}: the end must not come before the start")
    start = datetime.combine(days[0], time(0), tzinfo=tz)
    return start, datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=tz)


def period_containing(cadence: str, timezone: str | None, moment: datetime) -> tuple[datetime, datetime]:
    """The cadence's period that contains `moment`: its local day, its ISO week, or (immediate)
    the 24 hours ending just after it."""
    tz = ZoneInfo(timezone or DEFAULT_TZ)
    if cadence == "immediate":
        return (moment - timedelta(days=1)).astimezone(tz), (moment + timedelta(seconds=1)).astimezone(tz)
    day = moment.astimezone(tz).date()
    if cadence == "weekly":
        day -= timedelta(days=day.weekday())
    length = 7 if cadence == "weekly" else 1
    return datetime.combine(day, time(0), tzinfo=tz), datetime.combine(day + timedelta(days=length), time(0), tzinfo=tz)
