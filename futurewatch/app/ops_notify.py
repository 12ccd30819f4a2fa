"""Tell ops a task failed (the DAGs' on_failure_callback, dag_support.notify_failure, builds the notice).

    notify_ops(failure, settings) -> list[str]     (where the notice went)

One notice per failed task (after its last retry): the source (a crawl's map label), the DAG, task
and run, the error and the failing URLs (a crawl's, from crawl_runs; at most URLS_LISTED) and the
task log link. It goes where digests go: mail through futurewatch.core.sender (SMTP_* or the Airflow
connection), else the file outbox FUTUREWATCH_HOME/outbox/ops/, to FUTUREWATCH_OPS_EMAIL
(comma-separated); and every webhook of FUTUREWATCH_OPS_WEBHOOKS (futurewatch.app.ops_webhooks) in
its own format. A failing channel is logged and reported, never hides the others.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core.sender import mail_sender, recipients, send_mail

log = logging.getLogger(__name__)
URLS_LISTED = 20
MAX_ERROR_CHARS = 2000
SELECT_RUN = """
SELECT crawl_run_id, status, error, details, started_at, finished_at FROM crawl_runs
WHERE source_id = %(source_id)s AND run_key = %(run_key)s
"""


@dataclass
class TaskFailure:
    dag_id: str
    task_id: str
    run_id: str
    error: str
    source_id: str | None = None
    failures: list[dict] = field(default_factory=list)  # {url, reason, kind}, at most URLS_LISTED
    failing_total: int = 0
    log_url: str | None = None

    @property
    def label(self) -> str:
        return self.source_id or self.dag_id

    def subject(self) -> str:
        return f"[futurewatch] {self.task_id} failed: {self.label}"

    def facts(self, error_chars: int = MAX_ERROR_CHARS) -> list[tuple[str, str]]:
        error = self.error if len(self.error) <= error_chars else self.error[:error_chars - 1] + "…"
        rows = [("Source", self.source_id)] if self.source_id else []
        return rows + [("DAG / task / run", f"{self.dag_id} / {self.task_id} / {self.run_id}"), ("Error", error)]

    def urls_heading(self) -> str:
        return f"Failing URLs ({len(self.failures)} of {max(self.failing_total, len(self.failures))})"

    def text(self) -> str:
        lines = [f"{name}: {value}" for name, value in self.facts()] + [""]
        if self.failures:
            lines.append(self.urls_heading() + ":")
            lines += [f"- {f.get('url')}  {f.get('reason')} ({f.get('kind')})" for f in self.failures]
            lines.append("")
        if self.log_url:
            lines += [f"Task log: {self.log_url}", ""]
        lines.append('Runbook: docs/operations.md ("Any task fails", "A crawl fails").')
        return "\n".join(lines) + "\n"


def select_failure(url_of, source_id: str, run_key: str, error: str) -> tuple[str, list[dict], int]:
    """The crawl run's recorded error, failing URLs (bounded) and their count; the task's exception
    when there is none or the archive cannot be read (the notice must go out even then)."""
    try:
        with connect(url_of()) as conn:
            row = conn.execute(SELECT_RUN, {"source_id": source_id, "run_key": run_key}).fetchone()
    except Exception as exc:  # noqa: BLE001 — a database that refuses is often why the task failed
        log.error("source_id=%s cannot read crawl_runs for the ops notice: %s", source_id, exc)
        return f"{error} (crawl_runs unreadable: {type(exc).__name__})", [], 0
    if row is None:
        return error, [], 0
    failures = list((row["details"] or {}).get("failures") or [])
    return row["error"] or error, failures[:URLS_LISTED], len(failures)


def build_mail(failure: TaskFailure, settings: Settings) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = failure.subject()
    msg["From"] = mail_sender(settings)
    msg["To"] = ", ".join(recipients(settings.extra.get("FUTUREWATCH_OPS_EMAIL")))
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg["Message-ID"] = make_msgid("task-failure")
    msg.set_content(failure.text())
    return msg


def send_notice_mail(failure: TaskFailure, settings: Settings) -> str:
    """Through the one sender (SMTP_* or the Airflow connection), else a .eml file in the ops outbox."""
    return send_mail(build_mail(failure, settings), settings, "ops",
                     f"{failure.task_id}-failed-{failure.label}-{failure.run_id}")


def post_webhooks(failure: TaskFailure, settings: Settings) -> list[str]:
    from futurewatch.app.ops_messages import bodies_for
    from futurewatch.app.ops_webhooks import SETTING, parse_ops_webhooks, post_all

    hooks = parse_ops_webhooks(settings.extra.get(SETTING))
    return post_all(hooks, lambda kind: bodies_for(kind, failure))


def notify_ops(failure: TaskFailure, settings: Settings) -> list[str]:
    """Mail and post the notice; each channel's outcome (a failing one is logged, not raised)."""
    outcomes = []
    for channel, send in (("mail", lambda: [send_notice_mail(failure, settings)]),
                          ("webhooks", lambda: post_webhooks(failure, settings))):
        try:
            outcomes += send()
        except Exception as exc:  # noqa: BLE001 — one broken channel must not silence the other
            log.error("%s ops %s notice failed: %s", failure.label, channel, exc)
            outcomes.append(f"{channel} failed: {exc}")
    log.warning("%s %s failure notice: %s", failure.label, failure.task_id, "; ".join(outcomes))
    return outcomes

