"""crawl_sources: one mapped task per source, on the schedules in crawlers/sources.yaml."""

from __future__ import annotations

from airflow.sdk import MultipleCronTriggerTimetable, dag, task

from dags.dag_support import (DEFAULT_ARGS, RAW_FETCHES, START_DATE, TIMEZONE, run_key, task_db_url,
                                     task_settings)
from futurewatch.app.schedule import load_scheduled_sources, select_crons

DOC = """
### crawl_sources
Crawls the enabled sources of the registry (`crawlers/sources.yaml`), **one task per source**
(dynamic task mapping, labelled with the `source_id`), each running Scrapy in its own subprocess.
The DAG fires on every distinct cron in the registry; a **scheduled** (or backfill) run crawls only
the sources whose cron fires at its logical date. A **manual** run crawls every enabled source, or
those in its conf: `{"sources": ["c114", "miit"]}` (optionally `"since": "2026-03-09"`).

- A crawl retries **inside its task** (3 attempts, 1 then 2 minutes apart), so its label stays the
  source id and no other source waits; the log lists every failing URL and its status.
- A source that still fails (including *every listing page failed*) fails its own task only, and
  the failure callback (every task has it) tells ops by mail (`FUTUREWATCH_OPS_EMAIL`) and chat
  (`FUTUREWATCH_OPS_WEBHOOKS`) the source, the error and the failing URLs.
- Every successful crawl updates the asset `raw_fetches` (extra: source_id, new/changed pages,
  first/last raw_fetch id), which triggers `process_documents`.
- Reruns are idempotent (the crawl run key is the Airflow run id). Rerunning a past day passes the
  run's data interval to the crawler as `since`: sources with daily archives read that day.
- `FUTUREWATCH_OFFLINE=1` crawls the bundled offline mirror instead of the live sites.
"""


@dag(
    dag_id="crawl_sources",
    schedule=MultipleCronTriggerTimetable(*select_crons(load_scheduled_sources()), timezone=TIMEZONE),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=8,  # a slow or retrying source never holds back the next cron's sources
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "crawl"],
    doc_md=DOC,
)
def crawl_sources():
    @task
    def select_sources(**context) -> list[str]:
        from futurewatch.app.schedule import is_cron_run, select_sources_for_run

        dag_run = context["dag_run"]
        return select_sources_for_run(
            at=context.get("logical_date"),
            scheduled=is_cron_run(dag_run.run_type),
            requested=(dag_run.conf or {}).get("sources"),
        )

    # The label is rendered from the task's own argument, so Airflow shows it from the task's start
    # (a template on the function's locals only renders after it returns).
    @task(outlets=[RAW_FETCHES], map_index_template="{{ task.op_kwargs['source_id'] }}", max_active_tis_per_dag=8,
          retries=0)
    def crawl(source_id: str, **context) -> dict:
        from futurewatch.app.crawl_task import run_crawl_task

        settings = task_settings()
        result = run_crawl_task(task_db_url(settings), source_id, settings=settings, run_key=run_key(context),
                                offline=settings.offline,
                                interval_start=context.get("data_interval_start"),
                                since=(context["dag_run"].conf or {}).get("since"))
        context["outlet_events"][RAW_FETCHES].extra = result
        return result

    crawl.expand(source_id=select_sources())


crawl_sources()
