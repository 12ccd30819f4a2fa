"""Source health: the signs ops must see before a source quietly stops feeding the archive.

Three signals, each computed for a window that ends at `as_of` (the run's data-interval end,
never the wall clock), so a rerun of the same day gives the same findings:

- silent:        an enabled source with no usable page fetched for `silent_days` days;
- shape_changed: the share of a source's new document versions that parse empty or fall back
                 to the generic parser rose sharply against the days before (its markup changed);
- blocked:       a high share of a source's fetches were WAF/captcha/blocked responses;
- failing:       its last crawl failed, was unreachable or was abandoned, or half its requests failed
                 (health/status.py, over the same window);
- degraded:      its last crawl was partial because some of its listing pages failed;
- parser_drift:  many of its pages needed the generic path for a field its site parser missed;
- not_articles:  many of its pages were 404/WAF/login pages served with status 200.
Every threshold is in health/thresholds.py, shared with `futurewatch sources`.

shape_changed also fires when the source's latest crawl in the window read its listing pages
fine but found no item in any of them (the crawler records that in crawl_runs.details).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from futurewatch.core.config import SOURCE_TIMEZONE, Settings
from futurewatch.core.db import connect
from futurewatch.core.localtime import source_day
from futurewatch.app.health.parse import parse_metrics, parse_problems, select_parse_health
from futurewatch.app.health.status import select_enabled, select_source_health
from futurewatch.app.health.thresholds import HealthThresholds
from futurewatch.core.sender import mail_sender, recipients, send_mail

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthFinding:
    source_id: str
    signal: str  # silent | shape_changed | blocked | failing | degraded | parser_drift | not_articles
    detail: str
    metrics: dict = field(default_factory=dict)


@dataclass(frozen=True)
class HealthReport:
    as_of: datetime
    sources_checked: int
    findings: list[HealthFinding]

    @property
    def flagged_sources(self) -> list[str]:
        return sorted({f.source_id for f in self.findings})

    def to_dict(self) -> dict:
        """JSON-safe form (for XCom and logs)."""
        return {
            "as_of": self.as_of.isoformat(),
            "sources_checked": self.sources_checked,
            "findings": [asdict(f) for f in self.findings],
        }


SILENT_SQL = """
SELECT s.source_id, max(rf.fetched_at) AS last_fetched_at
FROM sources s
LEFT JOIN raw_fetches rf
       ON rf.source_id = s.source_id AND rf.blocked_reason IS NULL
      AND rf.status < 400 AND rf.fetched_at < %(as_of)s
WHERE s.source_id = ANY(%(enabled)s)
GROUP BY s.source_id
HAVING max(rf.fetched_at) IS NULL OR max(rf.fetched_at) < %(since)s
ORDER BY s.source_id
"""

SHAPE_SQL = """
WITH v AS (
    SELECT rf.source_id, rf.fetched_at AS seen_at,
           (dv.parser LIKE 'generic.%%' OR dv.is_empty) AS degraded
    FROM raw_fetches rf
    JOIN document_versions dv ON dv.raw_fetch_id = rf.raw_fetch_id
    WHERE rf.fetched_at >= %(base_start)s AND rf.fetched_at < %(as_of)s
)
SELECT source_id,
       count(*) FILTER (WHERE seen_at >= %(recent_start)s) AS recent_n,
       count(*) FILTER (WHERE seen_at >= %(recent_start)s AND degraded) AS recent_degraded,
       count(*) FILTER (WHERE seen_at < %(recent_start)s) AS base_n,
       count(*) FILTER (WHERE seen_at < %(recent_start)s AND degraded) AS base_degraded
FROM v
GROUP BY source_id
ORDER BY source_id
"""

BLOCKED_SQL = """
SELECT source_id,
       count(*) AS fetches,
       count(*) FILTER (WHERE blocked_reason IS NOT NULL) AS blocked,
       array_remove(array_agg(DISTINCT blocked_reason), NULL) AS reasons
FROM raw_fetches
WHERE fetched_at >= %(recent_start)s AND fetched_at < %(as_of)s
GROUP BY source_id
ORDER BY source_id
"""


LISTING_SQL = """
SELECT DISTINCT ON (source_id) source_id, crawl_run_id, started_at, details
FROM crawl_runs
WHERE started_at >= %(recent_start)s AND started_at < %(as_of)s
ORDER BY source_id, started_at DESC
"""


def utc_minute(moment: datetime) -> str:
    """'2026-03-05 01:30 UTC': a database time converted, since sessions return the server's zone."""
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def select_silent_sources(conn, as_of: datetime, th: HealthThresholds, enabled: set[str]) -> list[HealthFinding]:
    since = as_of - timedelta(days=th.silent_days)
    findings = []
    for row in conn.execute(SILENT_SQL, {"as_of": as_of, "since": since, "enabled": sorted(enabled)}):
        last = row["last_fetched_at"]
        when = f"last page {utc_minute(last)}" if last else "no page ever fetched"
        findings.append(
            HealthFinding(
                row["source_id"], "silent", f"silent for ≥{th.silent_days} days ({when})",
                {"last_fetched_at": last.isoformat() if last else None, "silent_days": th.silent_days},
            )
        )
    return findings


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def select_shape_changes(conn, as_of: datetime, th: HealthThresholds) -> list[HealthFinding]:
    recent_start = as_of - timedelta(days=th.recent_days)
    params = {"as_of": as_of, "recent_start": recent_start,
              "base_start": recent_start - timedelta(days=th.baseline_days)}
    findings = []
    for row in conn.execute(SHAPE_SQL, params):
        if row["recent_n"] < th.min_pages or row["base_n"] < th.min_pages:
            continue
        recent = _share(row["recent_degraded"], row["recent_n"])
        base = _share(row["base_degraded"], row["base_n"])
        if recent >= th.fallback_share and recent - base >= th.fallback_rise:
            findings.append(
                HealthFinding(
                    row["source_id"], "shape_changed",
                    f"{recent:.0%} of {row['recent_n']} new versions parse empty or fall back to the "
                    f"generic parser (was {base:.0%} of {row['base_n']}): the markup probably changed",
                    {"recent_share": round(recent, 3), "baseline_share": round(base, 3),
                     "recent_n": row["recent_n"], "baseline_n": row["base_n"]},
                )
            )
    return findings


def select_listing_changes(conn, as_of: datetime, th: HealthThresholds) -> list[HealthFinding]:
    """Sources whose latest crawl in the window found listings but no item in them."""
    params = {"as_of": as_of, "recent_start": as_of - timedelta(days=th.recent_days)}
    findings = []
    for row in conn.execute(LISTING_SQL, params):
        details = row["details"] or {}
        if not details.get("shape_changed"):
            continue
        listings = list(details.get("empty_listings") or [])[:3]
        findings.append(
            HealthFinding(
                row["source_id"], "shape_changed",
                f"latest crawl ({utc_minute(row['started_at'])}) found no item on its listing pages "
                f"({', '.join(listings) or 'no URL recorded'}): the markup probably changed",
                {"crawl_run_id": row["crawl_run_id"], "empty_listings": listings},
            )
        )
    return findings


def select_blocked_sources(conn, as_of: datetime, th: HealthThresholds) -> list[HealthFinding]:
    params = {"as_of": as_of, "recent_start": as_of - timedelta(days=th.recent_days)}
    findings = []
    for row in conn.execute(BLOCKED_SQL, params):
        share = _share(row["blocked"], row["fetches"])
        if row["blocked"] and share >= th.blocked_share:
            reasons = ", ".join(sorted(row["reasons"])[:5])
            findings.append(
                HealthFinding(
                    row["source_id"], "blocked",
                    f"{row['blocked']} of {row['fetches']} fetches blocked ({reasons})",
                    {"blocked": row["blocked"], "fetches": row["fetches"], "share": round(share, 3),
                     "reasons": sorted(row["reasons"])},
                )
            )
    return findings


def select_parse_problems(conn, as_of: datetime, th: HealthThresholds, enabled: set[str]) -> list[HealthFinding]:
    """Enabled sources whose recent pages show parser drift or a surge of not-an-article pages."""
    parsed = select_parse_health(conn, as_of - timedelta(days=th.recent_days), as_of)
    return [HealthFinding(source_id, signal, reason, parse_metrics(ph))
            for source_id, ph in sorted(parsed.items()) if source_id in enabled
            for signal, reason in parse_problems(ph, th)]


def select_failing_sources(db_url: str, as_of: datetime, th: HealthThresholds) -> list[HealthFinding]:
    """Enabled sources health/status.py judges `failing` or `degraded` in the window ending at `as_of`."""
    return [
        HealthFinding(h.source_id, h.status,
                      f"last crawl {h.last_status}, error rate {h.error_rate:.0%}: {h.last_error or 'no detail'}",
                      {"last_status": h.last_status, "error_rate": h.error_rate})
        for h in select_source_health(db_url, th, days=th.recent_days, now=as_of)
        if h.enabled and (h.status == "failing" or h.cause == "listing_failures")
    ]


def check_source_health(db_url: str, *, as_of: datetime, thresholds: HealthThresholds) -> HealthReport:
    """Every signal for the window ending at `as_of`."""
    th = thresholds
    with connect(db_url) as conn:
        enabled = select_enabled(conn)  # the registry's `enabled: false` wins (health/status.py)
        findings = (
            select_silent_sources(conn, as_of, th, enabled)
            + select_shape_changes(conn, as_of, th)
            + select_listing_changes(conn, as_of, th)
            + select_blocked_sources(conn, as_of, th)
            + select_parse_problems(conn, as_of, th, enabled)
        )
    findings += select_failing_sources(db_url, as_of, th)
    findings = [f for f in findings if f.source_id in enabled]  # a disabled source is not checked at all
    for f in findings:
        log.warning("source health: source_id=%s signal=%s %s", f.source_id, f.signal, f.detail)
    return HealthReport(as_of=as_of, sources_checked=len(enabled), findings=findings)


def render_health_report(report: HealthReport) -> tuple[str, str]:
    """(subject, plain-text body) of the ops email."""
    flagged = report.flagged_sources
    subject = (
        f"[futurewatch] source health {source_day(report.as_of)} ({SOURCE_TIMEZONE}): "
        + (f"{len(flagged)} source(s) need attention: {', '.join(flagged)}" if flagged else "all clear")
    )
    lines = [f"Source health as of {report.as_of.isoformat()} ({report.sources_checked} enabled sources).", ""]
    for f in report.findings:
        lines.append(f"- {f.source_id} [{f.signal}]: {f.detail}")
    if not report.findings:
        lines.append("No source is silent, blocked or changed shape.")
    lines += ["", "Runbook: docs/operations.md (a source goes quiet / changes shape / parser drift)."]
    return subject, "\n".join(lines) + "\n"


def build_health_message(report: HealthReport, *, sender: str, recipients: list[str]) -> EmailMessage:
    """The ops email (Message-ID fixed by the day, so a resend is recognisable)."""
    subject, body = render_health_report(report)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = format_datetime(report.as_of)
    domain = sender.rpartition("@")[2] or "localhost"
    msg["Message-ID"] = f"<health-{report.as_of:%Y%m%dT%H%M%S}@{domain}>"
    msg.set_content(body)
    return msg


def send_health_report(report: HealthReport, settings: Settings, to: list[str]) -> str:
    """Mail the report through the one sender (SMTP_*, else the Airflow SMTP connection inside a
    task), or write it to the ops outbox; returns where it went."""
    msg = build_health_message(report, sender=mail_sender(settings), recipients=to)
    return send_mail(msg, settings, "ops", f"health-{report.as_of:%Y%m%dT%H%M%S}")


# --- the steps of the check_source_health DAG (plain dicts in and out, for XCom) ---------------

class SourceHealthError(RuntimeError):
    """Raised to turn the health run red when any source was flagged."""


def _report_from_dict(data: dict) -> HealthReport:
    return HealthReport(
        as_of=datetime.fromisoformat(data["as_of"]),
        sources_checked=data["sources_checked"],
        findings=[HealthFinding(**f) for f in data["findings"]],
    )


def build_health_report(db_url: str, settings: Settings, *, as_of: datetime) -> dict:
    thresholds = HealthThresholds.from_settings(settings)
    return check_source_health(db_url, as_of=as_of, thresholds=thresholds).to_dict()


def notify_ops(report: dict, settings: Settings) -> str:
    """Mail the report to FUTUREWATCH_OPS_EMAIL when anything was flagged; returns where it went."""
    parsed = _report_from_dict(report)
    if not parsed.findings:
        return "nothing flagged: no mail"
    return send_health_report(parsed, settings, recipients(settings.extra.get("FUTUREWATCH_OPS_EMAIL")))


def raise_if_flagged(report: dict) -> int:
    """0 when all is well; otherwise raise SourceHealthError naming every finding."""
    parsed = _report_from_dict(report)
    if parsed.findings:
        lines = "; ".join(f"{f.source_id} {f.signal}: {f.detail}" for f in parsed.findings)
        raise SourceHealthError(f"{len(parsed.flagged_sources)} source(s) flagged: {lines}")
    return 0
