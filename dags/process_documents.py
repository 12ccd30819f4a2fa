"""process_documents: parse, dedup, classify and extract entities after every crawl."""

from __future__ import annotations

from airflow.sdk import dag, task

from dags.dag_support import (CLASSIFICATIONS, DEFAULT_ARGS, DOCUMENT_VERSIONS, RAW_FETCHES, START_DATE, run_key,
                              run_tally_extra, task_db_url, task_settings)

DOC = """
### process_documents
Triggered by the asset `raw_fetches` (any successful crawl). Two steps, each a package call:

1. **parse** — `parsers.process.process_pending`: unprocessed raw pages → documents, versions,
   policy metadata, attachments, dedup into stories. Batches claim rows with `FOR UPDATE SKIP
   LOCKED`, so a retry resumes where the failed attempt stopped. Updates `document_versions`.
2. **classify** — `classify.classify_pending`: every version the current taxonomy has
   not classified yet → classifications and entity mentions. Updates `classifications`,
   which triggers `match_alerts`.

Only counts and the range of new version ids go through XCom (the attempt's own). The extra of
each asset event, shown on the asset's page in the UI, counts the whole run, every attempt
included (`versions_new` / `classified`, `first_version_id`, `last_version_id`): both steps commit
batch by batch, so a retry resumes where the failed attempt stopped and its own counts miss what
that attempt did; each batch adds its work to the run's row of `stage_run_tallies`.
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
        db_url = task_db_url(settings)
        summary = process(db_url, settings=settings, run_key=run_key(context))
        context["outlet_events"][DOCUMENT_VERSIONS].extra = run_tally_extra(db_url, context, "parse", "versions_new")
        return summary

    @task(outlets=[CLASSIFICATIONS])
    def classify(parsed: dict, **context) -> dict:
        from futurewatch.app.cycle import classify as classify_versions

        db_url = task_db_url(task_settings())
        summary = classify_versions(db_url, run_key=run_key(context))
        context["outlet_events"][CLASSIFICATIONS].extra = run_tally_extra(db_url, context, "classify", "classified")
        return summary

    classify(parse())


process_documents()
