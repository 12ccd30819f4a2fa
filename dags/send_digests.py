"""send_digests: daily 08:00 and weekly (Monday 08:00) digests, Asia/Shanghai."""

from __future__ import annotations

from airflow.sdk import MultipleCronTriggerTimetable, dag, task

from dags.dag_support import DEFAULT_ARGS, START_DATE, TIMEZONE, run_moment, task_db_url, task_settings

DOC = """
### send_digests
Fires at **08:00 Asia/Shanghai every day** (`0 8 * * *`) and **Monday 08:00** (`0 8 * * 1`; the two
coincide on Mondays and give one run). Calls `alerts.pipeline.send_due_digests` with the run's
logical date as "now": it builds the digest of each subscriber whose cadence is due for the period
ending then, and delivers every pending one through SMTP (or the file outbox). Digests are unique
per subscriber and period and deliveries are an outbox, so a rerun of a day sends nothing twice.
The task is **red** while a digest whose period ended in the day before the run is not delivered
(refused, in doubt, or still waiting to retry; e-mail or chat) or a subscriber's digest could not be
built: each retry delivers what has come due, and after the last one ops get the failure notice
naming each digest (`futurewatch.app.digest_verdict`). To resend a day: clear this task for that day's run.
"""


@dag(
    dag_id="send_digests",
    schedule=MultipleCronTriggerTimetable("0 8 * * *", "0 8 * * 1", timezone=TIMEZONE),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "alerts", "digests"],
    doc_md=DOC,
)
def send_digests():
    @task
    def send_due_digests(**context) -> dict:
        from futurewatch.app.digest_verdict import send_and_judge

        settings = task_settings()
        return send_and_judge(task_db_url(settings), now=run_moment(context), settings=settings)

    send_due_digests()


send_digests()
