"""Tell ops a source's crawl failed: the crawl task's on_failure_callback.

    notify_crawl_failure(context) -> list[str]     (where the notice went)

The notice names the source, the run, the error and the failing URLs (from crawl_runs). It goes
where digests go: SMTP through alerts.smtpconfig (SMTP_* or the Airflow connection), else the file
outbox FUTUREWATCH_HOME/outbox/ops/; to FUTUREWATCH_OPS_EMAIL (comma-separated). Chat: every URL
in FUTUREWATCH_OPS_WEBHOOKS (comma-separated) receives a JSON POST {"text": …, "source_id": …}
(Slack/Mattermost-style incoming webhooks). A failing channel is logged, never hides the others.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from futurewatch.config import Settings, load_settings
from futurewatch.db import connect

log = logging.getLogger(__name__)
URLS_LISTED = 20
WEBHOOK_TIMEOUT_S = 10
SELECT_RUN = """
SELECT crawl_run_id, status, error, details, started_at, finished_at FROM crawl_runs
WHERE source_id = %(source_id)s AND run_key = %(run_key)s
"""


@dataclass
class CrawlFailure:
    source_id: str
    dag_run: str
    error: str
    failures: list[dict] = field(default_factory=list)
    log_url: str | None = None

    def subject(self) -> str:
        return f"[futurewatch] crawl failed: {self.source_id}"

    def text(self) -> str:
        lines = [f"Source {self.source_id} failed its crawl in {self.dag_run}.", "", f"Error: {self.error}", ""]
        if self.failures:
            lines.append(f"Failing URLs ({len(self.failures)} shown):")
            lines += [f"- {f.get('url')}  {f.get('reason')} ({f.get('kind')})" for f in self.failures]
        if self.log_url:
            lines += ["", f"Task log: {self.log_url}"]
        lines += ["", "Runbook: docs/operations.md (a crawl fails)."]
        return "\n".join(lines) + "\n"


def select_failure(url: str, source_id: str, run_key: str, error: str) -> tuple[str, list[dict]]:
    """The crawl run's recorded error and failing URLs (the task's exception when there is none,
    or when the archive cannot be read: the notice must go out even then)."""
    import psycopg

    from futurewatch.db import DatabaseError

    try:
        with connect(url) as conn:
            row = conn.execute(SELECT_RUN, {"source_id": source_id, "run_key": run_key}).fetchone()
    except (DatabaseError, psycopg.Error) as exc:
        log.error("source_id=%s cannot read crawl_runs for the ops notice: %s", source_id, exc)
        return f"{error} (crawl_runs unreadable: {exc})", []
    if row is None:
        return error, []
    failures = list((row["details"] or {}).get("failures") or [])[:URLS_LISTED]
    return row["error"] or error, failures


def build_mail(failure: CrawlFailure, settings: Settings, sender: str) -> EmailMessage:
    recipients = [a.strip() for a in settings.extra.get("FUTUREWATCH_OPS_EMAIL", "").split(",") if a.strip()]
    msg = EmailMessage()
    msg["Subject"] = failure.subject()
    msg["From"] = sender
    msg["To"] = ", ".join(recipients or ["ops@localhost"])
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg["Message-ID"] = make_msgid("crawl-failure")
    msg.set_content(failure.text())
    return msg


def send_mail(failure: CrawlFailure, settings: Settings) -> str:
    """Through the digests' SMTP configuration, else a .eml file in the ops outbox."""
    from alerts.send import open_smtp
    from alerts.smtpconfig import smtp_config

    config = smtp_config(settings)
    msg = build_mail(failure, settings, config.sender if config else settings.smtp_from)
    if config is None:
        folder: Path = settings.outbox_dir / "ops"
        folder.mkdir(parents=True, exist_ok=True)
        safe_run = "".join(c if c.isalnum() or c in "-_." else "_" for c in failure.dag_run)[:80]
        path = folder / f"crawl-failed-{failure.source_id}-{safe_run}.eml"
        path.write_bytes(bytes(msg))
        return str(path)
    with open_smtp(config) as server:
        server.send_message(msg)
    return config.describe()


def post_webhooks(failure: CrawlFailure, settings: Settings) -> list[str]:
    urls = [u.strip() for u in settings.extra.get("FUTUREWATCH_OPS_WEBHOOKS", "").split(",") if u.strip()]
    body = json.dumps({"text": f"{failure.subject()}\n{failure.text()}", "source_id": failure.source_id,
                       "error": failure.error, "failing_urls": [f.get("url") for f in failure.failures]},
                      ensure_ascii=False).encode("utf-8")
    sent = []
    for url in urls:
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_S) as response:
            sent.append(f"{url} → HTTP {response.status}")
    return sent


def notify_ops(failure: CrawlFailure, settings: Settings | None = None) -> list[str]:
    """Mail and post the notice; each channel's outcome (a failing one is logged, not raised)."""
    settings = settings or load_settings()
    outcomes = []
    for channel, send in (("mail", lambda: [send_mail(failure, settings)]),
                          ("webhooks", lambda: post_webhooks(failure, settings))):
        try:
            outcomes += send()
        except Exception as exc:  # one broken channel must not silence the other; logged for ops
            log.error("source_id=%s ops %s notice failed: %s", failure.source_id, channel, exc)
            outcomes.append(f"{channel} failed: {exc}")
    log.warning("source_id=%s crawl failure notice: %s", failure.source_id, "; ".join(outcomes))
    return outcomes


def notify_crawl_failure(context) -> list[str]:
    """on_failure_callback of the crawl task: the source is the task's map label."""
    from futurewatch.dag_support import database_url, run_key

    ti = context["ti"]
    source_id = ti.rendered_map_index or str(ti.map_index)
    error, failures = select_failure(database_url(), source_id, run_key(context),
                                     str(context.get("exception") or "task failed"))
    failure = CrawlFailure(source_id, f"{ti.dag_id} run {ti.run_id}", error, failures,
                           getattr(ti, "log_url", None))
    return notify_ops(failure)
