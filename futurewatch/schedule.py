"""Crawl schedules from the source registry, for the crawl DAG.

The crawl DAG runs on every distinct cron in the registry; each run crawls the sources whose
cron fires at the run's logical date (a manual run crawls every enabled source). Reading the
registry is a YAML read only, so DAG files may call these functions at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

REGISTRY_PATH = Path(__file__).resolve().parent.parent / "crawlers" / "sources.yaml"
DEFAULT_CRON = "0 */6 * * *"
SCHEDULE_TZ = "Asia/Shanghai"


@dataclass(frozen=True)
class ScheduledSource:
    source_id: str
    cron: str


def _entries(data) -> list[dict]:
    if isinstance(data, dict):
        data = data.get("sources", data)
    if isinstance(data, dict):  # {source_id: {...}}
        return [{"source_id": k, **(v or {})} for k, v in data.items()]
    return list(data or [])


def load_scheduled_sources(path: Path = REGISTRY_PATH) -> list[ScheduledSource]:
    """The enabled sources and their crons; a missing registry means no sources."""
    if not path.exists():
        return []
    sources = []
    for entry in _entries(yaml.safe_load(path.read_text(encoding="utf-8"))):
        source_id = entry.get("source_id") or entry.get("id")
        if not source_id or entry.get("enabled", True) is False:
            continue
        sources.append(ScheduledSource(str(source_id), str(entry.get("schedule") or DEFAULT_CRON)))
    return sources


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
                           path: Path = REGISTRY_PATH) -> list[str]:
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
