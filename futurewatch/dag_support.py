"""Shared wiring for the futurewatch DAGs: defaults, assets, the database URL and the run's moment.

Kept light on purpose (no stage code, no database or HTTP at import): the dag-processor
imports every DAG file often. Lives in the package so the dag-processor, workers and tests all find it.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pendulum
from airflow.sdk import Asset

from futurewatch.config import SOURCE_TIMEZONE

OWNER = "futurewatch-ops"
TIMEZONE = SOURCE_TIMEZONE
START_DATE = pendulum.datetime(2026, 1, 1, tz=TIMEZONE)
DB_CONN_ID = "futurewatch_db"  # optional Airflow connection; DATABASE_URL wins when set

# Assets are named after the table they stand for.
RAW_FETCHES = Asset("raw_fetches")
DOCUMENT_VERSIONS = Asset("document_versions")
CLASSIFICATIONS = Asset("classifications")
TAXONOMY_VERSIONS = Asset("taxonomy_versions")



def notify_failure(context) -> None:
    """on_failure_callback of every task (after its last retry): mail and post ops the source, the
    DAG/task/run, the error and the failing URLs. Imports at call time: DAG parsing stays light."""
    from futurewatch.ops_notify import notify_task_failure

    notify_task_failure(context)


DEFAULT_ARGS = {
    "owner": OWNER,
    "retries": 3,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": notify_failure,
}


def database_url() -> str:
    """At task run time: DATABASE_URL, else the `futurewatch_db` connection, else the embedded server."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn = BaseHook.get_connection(DB_CONN_ID)
    except AirflowNotFoundException:
        from futurewatch.db import database_url as embedded_or_env_url

        return embedded_or_env_url()
    return conn.get_uri().replace("postgres://", "postgresql://", 1)


def run_moment(context) -> datetime:
    """The instant a run stands for: its data-interval end, else logical date, else run_after.

    Asset-triggered runs have no data interval; their run_after is when the asset event queued them.
    Never the wall clock, so a rerun does the same work.
    """
    for key in ("data_interval_end", "logical_date"):
        value = context.get(key)
        if value is not None:
            return value
    return context["dag_run"].run_after


def version_range_extra(summary: dict, count_key: str) -> dict:
    """The extra of a document_versions / classifications asset event: how many, which version ids."""
    return {count_key: summary.get(count_key, 0), "first_version_id": summary.get("min_version_id"),
            "last_version_id": summary.get("max_version_id")}


def run_key(context) -> str:
    """A stable key for this run (crawl_runs.run_key): retries and reruns upsert the same rows."""
    return f"airflow:{context['dag'].dag_id}:{context['run_id']}"


def load_offline_subscribers(url: str) -> list[int]:
    """Offline, with no FUTUREWATCH_SUBSCRIBERS file: the demo subscribers, as `make demo` loads them."""
    if not offline() or os.environ.get("FUTUREWATCH_SUBSCRIBERS"):
        return []
    from futurewatch.cycle import load_demo_subscribers

    return load_demo_subscribers(url, offline=True)


def offline() -> bool:
    return os.environ.get("FUTUREWATCH_OFFLINE", "") in {"1", "true", "yes"}
