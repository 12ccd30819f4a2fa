"""update_common_words: the archive's own common words listed for the search index (weekly)."""

from __future__ import annotations

from airflow.sdk import dag, task

from dags.dag_support import DEFAULT_ARGS, START_DATE, task_db_url, task_settings

DOC = """
### update_common_words
Weekly, Sunday 03:00 Asia/Shanghai (and on demand): `futurewatch db common-keys --add`
(`search.common_keys.add_common_keys`). A search excluding a word most documents hold
(`X -广东`) is answered by the index only when that word is listed; this appends the words a
sample of 2,000 current documents shows to be held by at least 40 % of them (at most 64 per run,
256 in all), waits for older transactions, rewrites the versions lacking one (committed batches: about the cost of a bulk load
the first time, nothing when no word is new) and then lets search use them.
*Skipped* while the archive has fewer than 200 current documents. A failed or killed run is
finished by the next (or by a retry). Runbook: docs/search.md, "Common words".
"""


@dag(
    dag_id="update_common_words",
    schedule="0 3 * * 0",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "ops", "search"],
    doc_md=DOC,
)
def update_common_words():
    @task
    def add_words() -> dict:
        from airflow.sdk.exceptions import AirflowSkipException

        from search.common_keys import TooFewDocuments, add_common_keys

        try:
            outcome = add_common_keys(task_db_url(task_settings()))
        except TooFewDocuments as exc:
            raise AirflowSkipException(str(exc)) from exc
        return {"added": [k.word for k in outcome.added], "listed": outcome.listed,
                "searchable": outcome.searchable, "rewritten": outcome.rewritten, "seconds": round(outcome.seconds, 1)}

    add_words()


update_common_words()
