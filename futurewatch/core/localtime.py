"""One time convention for people: stored in UTC (timestamptz), shown in one configured zone.

FUTUREWATCH_TIMEZONE names the zone (an IANA name; default Asia/Shanghai, where the sources
publish). Tables say which zone their times are in; JSON carries ISO 8601 with the offset.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from futurewatch.core.config import SOURCE_TIMEZONE, ConfigError, Settings

DEFAULT_ZONE = SOURCE_TIMEZONE


def source_day(moment: datetime) -> date:
    """The calendar day of `moment` where the sources publish (Asia/Shanghai): "today" for every
    window counted in source days, whatever the zone of the machine (CI runs in UTC)."""
    return _local(moment, ZoneInfo(SOURCE_TIMEZONE)).date()


def display_zone(settings: Settings) -> ZoneInfo:
    """The configured display zone; ConfigError on an unknown name."""
    name = settings.extra.get("FUTUREWATCH_TIMEZONE") or DEFAULT_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"FUTUREWATCH_TIMEZONE must be an IANA zone such as {DEFAULT_ZONE}, got {name!r}") from None


def read_time(text: str, zone: ZoneInfo) -> datetime:
    """An ISO 8601 time a person typed (`--now`, `--fetched-at`), aware: one without an offset is a
    wall time in `zone`, the zone that person is shown. ValueError (a message naming `text`) when it
    is not ISO 8601, or is a wall time the zone's clocks skip or show twice (a DST change)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo:
        return moment
    local = moment.replace(tzinfo=zone)
    if local.utcoffset() == local.replace(fold=1).utcoffset():
        return local
    if local.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != moment:
        raise ValueError(f"{text!r} does not exist in {zone.key}: its clocks skip it (a daylight saving change)")
    raise ValueError(f"{text!r} occurs twice in {zone.key} (a daylight saving change): give the offset, "
                     f"{local.isoformat()} or {local.replace(fold=1).isoformat()}")


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # naive values are stored UTC
    return aware.astimezone(zone)


def show_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """'2026-11-30 14:16' in `zone`; '' for no time. The table's title names the zone."""
    return _local(moment, zone).strftime("%Y-%m-%d %H:%M") if moment else ""


def show_date(moment: datetime | date | None, zone: ZoneInfo) -> str:
    """The calendar day in `zone` ('2026-11-30'); a plain date is shown as it is."""
    if moment is None:
        return ""
    return _local(moment, zone).date().isoformat() if isinstance(moment, datetime) else moment.isoformat()


def iso_time(moment: datetime | None, zone: ZoneInfo) -> str | None:
    """ISO 8601 with the zone's offset, for JSON."""
    return _local(moment, zone).isoformat() if moment else None


def zone_note(zone: ZoneInfo) -> str:
    return f"times in {zone.key}"
