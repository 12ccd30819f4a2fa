"""match_alerts: turn newly classified documents into alert events."""

from __future__ import annotations

from airflow.sdk import dag, task

from dags.dag_support import (CLASSIFICATIONS, DEFAULT_ARGS, START_DATE, load_offline_subscribers, run_moment,
                                     task_db_url, task_settings)

DOC = """
### match_alerts
Triggered by the asset `classifications` (after each `process_documents` or `reclassify_documents`
run). Calls `alerts.pipeline.match_events` with the run's moment (the time the asset event
queued the run, never the wall clock). Events are unique per rule and event key, so reruns add
nothing twice. Digests are built and sent by `send_digests`.

Subscribers: the YAML file named by `FUTUREWATCH_SUBSCRIBERS` is upserted first. Offline
(`FUTUREWATCH_OFFLINE=1`) without that variable, the demo subscribers
(`alerts/demo_subscribers.yaml`, as in `make demo`) are loaded, so the offline path ends with a digest.
"""


@dag(
    dag_id="match_alerts",
    schedule=[CLASSIFICATIONS],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "alerts"],
    doc_md=DOC,
)
def match_alerts():
    @task
    def match_events(**context) -> dict:
        from futurewatch.app.cycle import match_alert_events

        settings = task_settings()
        db_url = task_db_url(settings)
        load_offline_subscribers(db_url, settings)
        return match_alert_events(db_url, now=run_moment(context), settings=settings)

    match_events()


match_alerts()
