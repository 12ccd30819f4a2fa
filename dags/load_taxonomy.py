"""load_taxonomy and reclassify_documents: a new taxonomy version reclassifies the archive."""

from __future__ import annotations

from airflow.sdk import dag, task

from dags.dag_support import (CLASSIFICATIONS, DEFAULT_ARGS, START_DATE, TAXONOMY_VERSIONS, task_db_url,
                                     task_settings)

LOAD_DOC = """
### load_taxonomy
Daily (and on demand after editing the taxonomy file): `classify.taxonomy.load_taxonomy`
loads the taxonomy, a no-op when the newest version has its checksum (a file reverted to older
data is a new version). Only when that creates a **new** taxonomy version
does the task update the asset `taxonomy_versions` (otherwise it is *skipped*), which triggers
`reclassify_documents`.
"""

RECLASSIFY_DOC = """
### reclassify_documents
Triggered by the asset `taxonomy_versions`. Calls `classify.classify_pending`, which
classifies every document version the current taxonomy version has not classified yet (the
resume point is `classification_runs`), so a failed run resumes on retry. Updates
`classifications`, which lets `match_alerts` raise events for newly matching documents.
"""


@dag(
    dag_id="load_taxonomy",
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "taxonomy"],
    doc_md=LOAD_DOC,
)
def load_taxonomy():
    @task(outlets=[TAXONOMY_VERSIONS])
    def load() -> int:
        from airflow.sdk.exceptions import AirflowSkipException

        from futurewatch.app.cycle import load_new_taxonomy_version

        version_id = load_new_taxonomy_version(task_db_url(task_settings()))
        if version_id is None:
            raise AirflowSkipException("taxonomy unchanged: nothing to reclassify")
        return version_id

    load()


@dag(
    dag_id="reclassify_documents",
    schedule=[TAXONOMY_VERSIONS],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "taxonomy", "classify"],
    doc_md=RECLASSIFY_DOC,
)
def reclassify_documents():
    @task(outlets=[CLASSIFICATIONS])
    def reclassify() -> dict:
        from futurewatch.app.cycle import classify

        return classify(task_db_url(task_settings()))

    reclassify()


load_taxonomy()
reclassify_documents()
