"""crawl_sources: one mapped task per source, on the schedules in crawlers/sources.yaml."""

from __future__ import annotations

from airflow.sdk import dag, task
from airflow.sdk import MultipleCronTriggerTimetable

from futurewatch.dag_support import DEFAULT_ARGS, RAW_FETCHES, START_DATE, TIMEZONE, database_url, offline, run_key
from futurewatch.schedule import load_scheduled_sources, select_crons

DOC = """
### crawl_sources
Crawls the enabled sources of the registry (`crawlers/sources.yaml`), **one task per source**
(dynamic task mapping), each running Scrapy in its own subprocess through
`crawlers.runner.crawl_sources`. The DAG fires on every distinct cron in the registry; a run
crawls the sources whose cron fires at its logical date. A manual run crawls every enabled
source, or those listed in the run conf: `{"sources": ["c114", "miit"]}`.

- A source that fails or cannot be reached **fails its own task** only; clear that one task to retry it.
- Every successful crawl updates the asset `raw_fetches`, which triggers `process_documents`.
- Reruns are idempotent: the crawl run key is the Airflow run id (`crawl_runs` upsert on it).
- `FUTUREWATCH_OFFLINE=1` crawls the bundled offline mirror instead of the live sites.
"""


@dag(
    dag_id="crawl_sources",
    schedule=MultipleCronTriggerTimetable(*select_crons(load_scheduled_sources()), timezone=TIMEZONE),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "crawl"],
    doc_md=DOC,
)
def crawl_sources():
    @task
    def select_sources(**context) -> list[str]:
        from futurewatch.schedule import select_sources_for_run

        dag_run = context["dag_run"]
        return select_sources_for_run(
            at=context.get("logical_date"),
            scheduled=str(dag_run.run_type).endswith("scheduled"),
            requested=(dag_run.conf or {}).get("sources"),
        )

    @task(outlets=[RAW_FETCHES], map_index_template="{{ source_id }}", max_active_tis_per_dag=8)
    def crawl(source_id: str, **context) -> dict:
        from futurewatch.cycle import crawl_one_source

        return crawl_one_source(database_url(), source_id, run_key=run_key(context), offline=offline())

    crawl.expand(source_id=select_sources())


crawl_sources()
