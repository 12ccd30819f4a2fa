"""process_documents under dag.test() when an attempt fails after its batches committed (the worker
loses its database connection at the end): the retry resumes where it stopped and finds nothing
left, yet each asset event's extra counts the whole run, every attempt included. It counted the
successful attempt's work only: 0 new versions, no id range."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest

import classify.pipeline
import parsers.process
from futurewatch.core.db import connect
from tests.dags.conftest import task_states
from tests.dags.test_dag_crawl import asset_extras
from tests.parsers.test_parsers_batch_process import add_pages


@pytest.fixture
def one_quick_retry(dag_bag):
    """process_documents with one retry at once (dag.test() waits out a retry's delay)."""
    dag = dag_bag.get_dag("process_documents")
    saved = [(t, t.retries, t.retry_delay, t.retry_exponential_backoff) for t in dag.tasks]
    for t in dag.tasks:
        t.retries, t.retry_delay, t.retry_exponential_backoff = 1, timedelta(0), False
    yield dag
    for t, retries, delay, exponential in saved:
        t.retries, t.retry_delay, t.retry_exponential_backoff = retries, delay, exponential


def fail_first_call(monkeypatch, module, name: str) -> list[int]:
    """`module.name` raises on its first call only (a dropped connection); the calls made so far."""
    real, calls = getattr(module, name), []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise psycopg.OperationalError("server closed the connection unexpectedly")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)
    return calls


def test_asset_extras_count_every_attempt_of_a_retried_run(dag_bag, fw_env, one_quick_retry, monkeypatch):
    add_pages(fw_env.db_url, 12, fw_env)
    with connect(fw_env.db_url) as conn:  # a run of two months ago: its tally has served its events
        conn.execute("INSERT INTO stage_run_tallies (run_key, stage, items, updated_at) "
                     "VALUES ('airflow:process_documents:old', 'parse', 5, now() - interval '60 days')")
    parse_tries = fail_first_call(monkeypatch, parsers.process, "analyze_grown")  # after the last batch
    classify_tries = fail_first_call(monkeypatch, classify.pipeline, "analyze_grown")
    run = one_quick_retry.test()
    assert str(run.state) == "success", task_states(run)
    assert (len(parse_tries), len(classify_tries)) == (2, 2)  # each step failed once, then succeeded
    with connect(fw_env.db_url) as conn:
        made = conn.execute("SELECT count(*) AS n, min(version_id) AS first, max(version_id) AS last "
                            "FROM document_versions").fetchone()
        labelled = conn.execute("SELECT count(*) AS n, min(version_id) AS first, max(version_id) AS last "
                                "FROM classification_runs").fetchone()
        kept = conn.execute("SELECT run_key FROM stage_run_tallies").fetchall()
    assert made["n"] > 0 and labelled["n"] == made["n"]
    assert len(kept) == 2 and "airflow:process_documents:old" not in {r["run_key"] for r in kept}  # pruned
    assert asset_extras("document_versions")[-1] == {
        "versions_new": made["n"], "first_version_id": made["first"], "last_version_id": made["last"]}
    assert asset_extras("classifications")[-1] == {
        "classified": labelled["n"], "first_version_id": labelled["first"], "last_version_id": labelled["last"]}
