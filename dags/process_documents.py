"""process_documents: parse, dedup, classify and extract entities after every crawl."""

from __future__ import annotations

from airflow.sdk import dag, task

from dags.dag_support import (CLASSIFICATIONS, DEFAULT_ARGS, DOCUMENT_VERSIONS, RAW_FETCHES, START_DATE,
                                     task_db_url, task_settings, version_range_extra)

DOC = """
### process_documents
Triggered by the asset `raw_fetches` (any successful crawl). Two steps, each a package call:

1. **parse** — `parsers.process.process_pending`: unprocessed raw pages → documents, versions,
   policy metadata, attachments, dedup into stories. Batches claim rows with `FOR UPDATE SKIP
   LOCKED`, so a retry resumes where the failed attempt stopped. Updates `document_versions`.
2. **classify** — `classify.classify_pending`: every version the current taxonomy has
   not classified yet → classifications and entity mentions. Updates `classifications`,
   which triggers `match_alerts`.

Only counts and the range of new version ids go through XCom; the same range is the extra of
each asset event (`first_version_id`, `last_version_id`), shown on the asset's page in the UI.
"""


@dag(
    dag_id="process_documents",
    schedule=[RAW_FETCHES],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "process"],
    doc_md=DOC,
)
def process_documents():
    @task(outlets=[DOCUMENT_VERSIONS])
    def parse(**context) -> dict:
        from futurewatch.app.cycle import process

        settings = task_settings()
        summary = process(task_db_url(settings), settings=settings)
        context["outlet_events"][DOCUMENT_VERSIONS].extra = version_range_extra(summary, "versions_new")
        return summary

    @task(outlets=[CLASSIFICATIONS])
    def classify(parsed: dict, **context) -> dict:
        from futurewatch.app.cycle import classify as classify_versions

        summary = classify_versions(task_db_url(task_settings()))
        context["outlet_events"][CLASSIFICATIONS].extra = version_range_extra(summary, "classified")
        return summary

    classify(parse())


process_documents()
