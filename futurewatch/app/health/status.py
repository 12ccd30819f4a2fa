"""Source health from crawl_runs: the figures behind `futurewatch sources` (and the health DAG's
`failing` and `degraded` signals).

    select_source_health(url, thresholds, *, days=14, now=None) -> list[SourceHealth]

Per source, over the last `days` days: last successful run, new items (new + changed pages),
error rate (failed / requests), blocked rate (blocked / requests), parse health (parser drift and
not-an-article pages, health/parse.py), and a status with its cause and a human reason:

    disabled not enabled (the registry's `enabled: false` wins over the sources row): not crawled, not checked
    never    no run recorded
    failing  the last run failed, was unreachable (e.g. every listing page failed) or was abandoned (its
             process died: crawlers/stale_runs.py), or the error rate is ≥ failing_error_rate
    blocked  the blocked rate is ≥ blocked_share, or ≥ not_article_rate of its pages were WAF/login walls
             served as 200
    degraded the last run was partial because some of its listing pages failed (part of the source unread),
             or ≥ drift_rate of its pages needed the generic path for a field (parser drift), or ≥
             not_article_rate of its pages were 404 pages served as 200
    quiet    runs succeed but brought nothing new for silent_days
    ok       otherwise
(thresholds: health/thresholds.py)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from futurewatch.core.db import connect
from futurewatch.app.health.parse import ParseHealth, parse_problems, select_parse_health
from futurewatch.app.health.thresholds import HealthThresholds
from futurewatch.core.sources import load_registry

FAILED_RUN_STATUSES = ("failed", "unreachable", "abandoned")  # a last run that did not read the source

SELECT_HEALTH = """
WITH window_runs AS (
    SELECT * FROM crawl_runs WHERE started_at >= %(since)s AND started_at <= %(now)s
), last_run AS (
    SELECT DISTINCT ON (source_id) source_id, status, error, started_at,
           COALESCE((details->>'listing_failures')::int, 0) AS listing_failures
    FROM crawl_runs WHERE started_at <= %(now)s ORDER BY source_id, started_at DESC, crawl_run_id DESC
)
SELECT s.source_id, s.name, s.kind, s.enabled,
       (SELECT max(finished_at) FROM crawl_runs c
         WHERE c.source_id = s.source_id AND c.status IN ('succeeded', 'partial') AND c.started_at <= %(now)s)
           AS last_success_at,
       (SELECT max(finished_at) FROM crawl_runs c
         WHERE c.source_id = s.source_id AND c.new + c.changed > 0 AND c.started_at <= %(now)s) AS last_new_at,
       count(w.crawl_run_id) AS runs,
       COALESCE(sum(w.new + w.changed), 0) AS new_items,
       COALESCE(sum(w.failed), 0) AS failed,
       COALESCE(sum(w.blocked), 0) AS blocked,
       COALESCE(sum(w.requests), 0) AS requests,
       l.status AS last_status, l.error AS last_error, l.started_at AS last_run_at,
       l.listing_failures AS last_listing_failures
FROM sources s
LEFT JOIN window_runs w ON w.source_id = s.source_id
LEFT JOIN last_run l ON l.source_id = s.source_id
GROUP BY s.source_id, s.name, s.kind, s.enabled, l.status, l.error, l.started_at, l.listing_failures
ORDER BY s.source_id
"""


ENABLED_SQL = "SELECT source_id FROM sources WHERE enabled AND source_id <> ALL(%(disabled)s::text[])"


def registry_disabled() -> set[str]:
    """Sources the registry disables (`enabled: false`). The registry wins over sources.enabled, which
    only a crawl of the source writes: a disabled source is never crawled again, so its row would
    say enabled for ever (and the health DAG would call it silent every morning)."""
    return {c.source_id for c in load_registry().values() if not c.enabled}


def select_enabled(conn) -> set[str]:
    """The sources whose health counts: enabled in the database and not disabled by the registry."""
    return {r["source_id"] for r in conn.execute(ENABLED_SQL, {"disabled": sorted(registry_disabled())})}


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    name: str
    kind: str
    enabled: bool
    status: str  # ok | quiet | failing | blocked | degraded | never
    runs: int
    last_run_at: datetime | None
    last_status: str | None
    last_success_at: datetime | None
    last_new_at: datetime | None
    new_items: int
    error_rate: float
    blocked_rate: float
    last_error: str | None
    parse: ParseHealth = ParseHealth()
    cause: str | None = None  # the rule behind the status: error_rate, listing_failures, parser_drift, …
    reason: str | None = None  # the status in words, e.g. "site parser missed title on 4/10 pages: layout changed?"


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else (1.0 if part else 0.0)


def judge_status(row: dict, now: datetime, th: HealthThresholds, parse: ParseHealth = ParseHealth()) -> tuple:
    """(status, cause, reason) of one source; the first rule that applies wins."""
    error_rate, blocked_rate = _rate(row["failed"], row["requests"]), _rate(row["blocked"], row["requests"])
    problems = dict(parse_problems(parse, th))
    walled = "not_articles" in problems and set(parse.not_article_kinds) - {"error page"}
    if not row["enabled"]:
        return "disabled", None, "disabled: not crawled, not checked"
    if row["last_status"] is None:
        return "never", None, None
    if row["last_status"] in FAILED_RUN_STATUSES or error_rate >= th.failing_error_rate:
        return "failing", "error_rate", row["last_error"]
    if blocked_rate >= th.blocked_share:
        return "blocked", "blocked_rate", f"{blocked_rate:.0%} of requests blocked"
    if walled:
        return "blocked", "not_articles", problems["not_articles"]
    if row["last_status"] == "partial" and row.get("last_listing_failures"):
        return "degraded", "listing_failures", f"{row['last_listing_failures']} listing page(s) failed"
    if problems:
        cause = next(iter(problems))
        return "degraded", cause, "; ".join(problems.values())
    if row["last_new_at"] is None or row["last_new_at"] < now - timedelta(days=th.silent_days):
        return "quiet", "no_new_items", f"nothing new for {th.silent_days} days"
    return "ok", None, None


def never_crawled(known: set[str]) -> list[dict]:
    """Registry sources with no row in the database yet (never crawled)."""
    return [{"source_id": c.source_id, "name": c.name, "kind": c.kind, "enabled": c.enabled, "runs": 0,
             "new_items": 0, "failed": 0, "blocked": 0, "requests": 0, "last_status": None, "last_error": None,
             "last_listing_failures": 0, "last_run_at": None, "last_success_at": None, "last_new_at": None}
            for c in load_registry().values() if c.source_id not in known]


def select_source_health(db_url: str, thresholds: HealthThresholds, *, days: int = 14,
                         now: datetime | None = None) -> list[SourceHealth]:
    """Health of every registered source over the `days` days before `now` (default: the clock)."""
    now = now or datetime.now(timezone.utc)
    since = now - timedelta(days=days)
    with connect(db_url) as conn:
        rows = conn.execute(SELECT_HEALTH, {"since": since, "now": now}).fetchall()
        parsed = select_parse_health(conn, since, now)
    disabled = registry_disabled()
    rows = [{**r, "enabled": r["enabled"] and r["source_id"] not in disabled} for r in rows]
    rows += never_crawled({r["source_id"] for r in rows})
    return [source_health(r, parsed.get(r["source_id"], ParseHealth()), now, thresholds) for r in rows]


def source_health(r: dict, parse: ParseHealth, now: datetime, th: HealthThresholds) -> SourceHealth:
    status, cause, reason = judge_status(r, now, th, parse)
    return SourceHealth(source_id=r["source_id"], name=r["name"], kind=r["kind"], enabled=r["enabled"],
                        status=status, runs=r["runs"], last_run_at=r["last_run_at"], last_status=r["last_status"],
                        last_success_at=r["last_success_at"], last_new_at=r["last_new_at"],
                        new_items=int(r["new_items"]), error_rate=_rate(r["failed"], r["requests"]),
                        blocked_rate=_rate(r["blocked"], r["requests"]), last_error=r["last_error"],
                        parse=parse, cause=cause, reason=reason)
