"""The one set of source-health thresholds, read by `futurewatch sources` and the health DAG.

| threshold          | default | meaning                                                                 |
|--------------------|---------|-------------------------------------------------------------------------|
| silent_days        | 3       | FUTUREWATCH_SILENT_DAYS: days without a usable page (DAG: `silent`), or |
|                    |         | without a new item although crawls succeed (`sources`: `quiet`)         |
| recent_days        | 2       | the window judged for shape, blocking, drift and failing (DAG)          |
| baseline_days      | 14      | the window before it, for the shape comparison                          |
| min_pages          | 3       | fewer pages than this in a window say nothing                           |
| fallback_share     | 0.5     | shape_changed: recent share of empty / generic-parser versions …        |
| fallback_rise      | 0.3     | … at least this much above the baseline share                           |
| blocked_share      | 0.3     | blocked: share of fetches (DAG) or requests (`sources`) blocked         |
| failing_error_rate | 0.5     | failing: share of requests that failed                                  |
| drift_rate         | 0.3     | parser_drift: share of article pages with a field the site parser missed |
| not_article_rate   | 0.3     | not_articles: share of pages that were 404/WAF/login pages served as 200 |

Only silent_days is set from the environment; the others are the documented defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from futurewatch.core.config import ConfigError, Settings

SILENT_DAYS_SETTING = "FUTUREWATCH_SILENT_DAYS"


@dataclass(frozen=True)
class HealthThresholds:
    silent_days: int = 3
    recent_days: int = 2
    baseline_days: int = 14
    min_pages: int = 3
    fallback_share: float = 0.5
    fallback_rise: float = 0.3
    blocked_share: float = 0.3
    failing_error_rate: float = 0.5
    drift_rate: float = 0.3
    not_article_rate: float = 0.3

    @classmethod
    def from_settings(cls, settings: Settings) -> "HealthThresholds":
        days = settings.extra.get(SILENT_DAYS_SETTING)
        if not days:
            return cls()
        if not days.isdigit() or int(days) < 1:
            raise ConfigError(f"{SILENT_DAYS_SETTING} must be a whole number of days (1 or more), got {days!r}")
        return cls(silent_days=int(days))
