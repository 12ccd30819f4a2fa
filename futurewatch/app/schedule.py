"""Crawl schedules from the source registry, for the crawl DAG.

The crawl DAG runs on every distinct cron in the registry; each run crawls the sources whose
cron fires at the run's logical date (a manual run crawls every enabled source). The registry
is read by futurewatch/core/sources.py, the one loader (FUTUREWATCH_SOURCES included); it is a YAML
read only, so DAG files may call these functions at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE
from futurewatch.core.sources import REGISTRY_PATH, SourceConfig, load_registry  # noqa: F401 - REGISTRY_PATH re-exported

DEFAULT_CRON = SourceConfig.__dataclass_fields__["schedule"].default
SCHEDULE_TZ = SOURCE_TIMEZONE


@dataclass(frozen=True)
class ScheduledSource:
    source_id: str
    cron: str


def load_scheduled_sources(path: Path | None = None) -> list[ScheduledSource]:
    """The enabled sources and their crons (the package registry and FUTUREWATCH_SOURCES by default);
    a missing registry file means no sources, a malformed one raises RegistryError."""
    if path is not None and not Path(path).exists():
        return []
    return [ScheduledSource(s.source_id, s.schedule) for s in load_registry(path).values() if s.enabled]


def select_crons(sources: list[ScheduledSource]) -> list[str]:
    return sorted({s.cron for s in sources}) or [DEFAULT_CRON]


CRON_RUN_TYPES = {"scheduled", "backfill"}


def is_cron_run(run_type) -> bool:
    """A run the timetable made (scheduled, or a backfill of past cron times), not a manual one.

    The task SDK hands the run type over as an enum whose str() is "DagRunType.SCHEDULED", so
    compare its value.
    """
    return str(getattr(run_type, "value", run_type)) in CRON_RUN_TYPES


def select_due_sources(sources: list[ScheduledSource], at: datetime, *, tz: str = SCHEDULE_TZ) -> list[str]:
    """The sources whose cron fires at `at` (evaluated in the schedule's time zone)."""
    from croniter import croniter

    local = at.astimezone(ZoneInfo(tz)).replace(second=0, microsecond=0)
    return [s.source_id for s in sources if croniter.match(s.cron, local)]


def select_sources_for_run(*, at: datetime | None, scheduled: bool, requested: list[str] | None = None,
                           path: Path | None = None) -> list[str]:
    """Source ids one crawl run maps over: the requested ones, else (scheduled) the due ones, else all."""
    sources = load_scheduled_sources(path)
    if requested:
        known = {s.source_id for s in sources}
        unknown = sorted(set(requested) - known)
        if unknown:
            raise ValueError(f"unknown or disabled source(s): {', '.join(unknown)}")
        return list(dict.fromkeys(requested))
    if scheduled and at is not None:
        return select_due_sources(sources, at)
    return [s.source_id for s in sources]
