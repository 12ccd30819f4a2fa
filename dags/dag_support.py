"""Shared wiring for the futurewatch DAGs: defaults, assets, the database URL and the run's moment.

Each task body builds the settings once (`task_settings()`: the environment, plus the Airflow
connections for what it leaves unset), resolves the database URL from them (`task_db_url`) and
passes both down to the package function it calls. Airflow is imported here and in dags/ only.

Kept light on purpose (no stage code, no database or HTTP at import): the dag-processor
imports every DAG file often. Installed with the project, so the dag-processor, workers and tests all find it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pendulum
from airflow.sdk import Asset

from futurewatch.core.config import SOURCE_TIMEZONE, Settings, load_settings

OWNER = "futurewatch-ops"
TIMEZONE = SOURCE_TIMEZONE
START_DATE = pendulum.datetime(2026, 1, 1, tz=TIMEZONE)
DB_CONN_ID = "futurewatch_db"  # optional Airflow connection; DATABASE_URL wins when set
SMTP_CONN_ID = "futurewatch_smtp"  # optional Airflow connection (FUTUREWATCH_SMTP_CONN_ID); SMTP_HOST wins

# Assets are named after the table they stand for.
RAW_FETCHES = Asset("raw_fetches")
DOCUMENT_VERSIONS = Asset("document_versions")
CLASSIFICATIONS = Asset("classifications")
TAXONOMY_VERSIONS = Asset("taxonomy_versions")



def notify_failure(context) -> list[str]:
    """on_failure_callback of every task (after its last retry): mail and post ops the source (a
    mapped task's map label), the DAG/task/run, the error and a crawl's failing URLs (from
    crawl_runs); where the notice went. Imports at call time: DAG parsing stays light."""
    from futurewatch.app.ops_notify import TaskFailure, notify_ops, select_failure

    settings = task_settings()
    ti = context["ti"]
    error = " ".join(str(context.get("exception") or "task failed").split())
    mapped = ti.map_index is not None and ti.map_index >= 0
    source_id = (ti.rendered_map_index or str(ti.map_index)) if mapped else None
    failures, total = [], 0
    if source_id and ti.task_id == "crawl":
        error, failures, total = select_failure(lambda: task_db_url(settings), source_id, run_key(context), error)
    failure = TaskFailure(ti.dag_id, ti.task_id, ti.run_id, error, source_id, failures, total,
                          getattr(ti, "log_url", None))
    return notify_ops(failure, settings)


DEFAULT_ARGS = {
    "owner": OWNER,
    "retries": 3,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": notify_failure,
}


def task_settings() -> Settings:
    """The settings of one task run, built once at its start: the environment; when it sets no
    SMTP_HOST, the SMTP connection FUTUREWATCH_SMTP_CONN_ID (default `futurewatch_smtp`: host, port,
    login, password; extras `security`, `from`, `timeout`, `ca_file`); when it sets no DATABASE_URL,
    the `futurewatch_db` connection. A connection that does not exist changes nothing."""
    settings = load_settings()
    if not settings.smtp_host:
        conn = _connection(settings.extra.get("FUTUREWATCH_SMTP_CONN_ID") or SMTP_CONN_ID)
        if conn is not None:
            extra = conn.extra_dejson or {}
            settings = replace(
                settings, smtp_host=conn.host, smtp_port=int(conn.port or 587), smtp_user=conn.login or None,
                smtp_password=conn.password or None, smtp_security=str(extra.get("security") or "starttls").lower(),
                smtp_from=extra.get("from") or settings.smtp_from,
                smtp_timeout=float(extra.get("timeout") or settings.smtp_timeout),
                extra={**settings.extra, **({"FUTUREWATCH_SMTP_CA_FILE": extra["ca_file"]} if extra.get("ca_file") else {})})
    if not settings.db_url:
        conn = _connection(DB_CONN_ID)
        if conn is not None:
            settings = replace(settings, db_url=conn.get_uri().replace("postgres://", "postgresql://", 1))
    return settings


def _connection(conn_id: str):
    """An Airflow connection, or None when it does not exist."""
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        return BaseHook.get_connection(conn_id)
    except AirflowNotFoundException:
        return None


def task_db_url(settings: Settings) -> str:
    """The task's database URL: the settings' (DATABASE_URL or `futurewatch_db`), else the embedded server."""
    from futurewatch.core.db import resolve_db_url

    return resolve_db_url(settings)


def run_moment(context) -> datetime:
    """The instant a run stands for: its data-interval end, else logical date, else run_after.

    Asset-triggered runs have no data interval; their run_after is when the asset event queued them.
    Never the wall clock, so a rerun does the same work.
    """
    value = next((context[k] for k in ("data_interval_end", "logical_date") if context.get(k) is not None), None)
    value = context["dag_run"].run_after if value is None else value
    return datetime.fromisoformat(value.isoformat())   # a plain datetime: pendulum's arithmetic differs


def run_tally_extra(db_url: str, context, stage: str, count_key: str) -> dict:
    """The extra of a document_versions / classifications asset event: how many versions the run's
    `stage` made or classified and their id range, over all its attempts (futurewatch/core/run_tally.py):
    a retry resumes where the failed attempt stopped, so its own summary would count only the rest."""
    from futurewatch.core.db import connect
    from futurewatch.core.run_tally import prune_tallies, select_tally

    with connect(db_url) as conn:
        tally = select_tally(conn, run_key(context), stage)
        prune_tallies(conn)  # the table stays as small as the runs still retried
    return {count_key: tally.items, "first_version_id": tally.first_version_id,
            "last_version_id": tally.last_version_id}


def run_key(context) -> str:
    """A stable key for this run (crawl_runs.run_key): retries and reruns upsert the same rows."""
    return f"airflow:{context['dag'].dag_id}:{context['run_id']}"


def load_offline_subscribers(db_url: str, settings: Settings) -> list[int]:
    """Offline, with no FUTUREWATCH_SUBSCRIBERS file: the demo subscribers, as `make demo` loads them."""
    if not settings.offline or settings.extra.get("FUTUREWATCH_SUBSCRIBERS"):
        return []
    from futurewatch.app.cycle import load_demo_subscribers

    return load_demo_subscribers(db_url, offline=True)
