"""Every DAG imports cleanly, carries the house rules, and keeps its top level light."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from tests.dags.conftest import DAGS_FOLDER, airflow_env

EXPECTED = {"crawl_sources", "process_documents", "match_alerts", "send_digests", "load_taxonomy",
            "reclassify_documents", "check_source_health", "update_common_words"}
HEAVY = ["jieba", "rjieba", "trafilatura", "scrapy", "psycopg", "pgserver", "crawlers", "parsers", "alerts",
         "futurewatch.core.db", "futurewatch.app.cycle", "futurewatch.app.health"]


def test_dagbag_has_no_import_errors(dag_bag):
    assert dag_bag.import_errors == {}
    assert EXPECTED <= set(dag_bag.dag_ids)


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_dag_follows_house_rules(dag_bag, dag_id):
    from dags.dag_support import notify_failure

    dag = dag_bag.get_dag(dag_id)
    assert dag.tags and "futurewatch" in dag.tags
    assert dag.doc_md and len(dag.doc_md.strip()) > 80
    assert dag.catchup is False
    for task in dag.tasks:
        assert task.owner == "futurewatch-ops", task.task_id
        assert notify_failure in failure_callbacks(task), task.task_id  # every failure reaches ops
        if task.task_id == "crawl":  # retries inside the task (keeps its map label)
            assert task.retries == 0, task.task_id
        elif task.task_id != "flag_sources":  # the health verdict must not be retried away
            assert task.retries >= 1, task.task_id
            assert task.retry_exponential_backoff, task.task_id
            assert task.retry_delay >= timedelta(minutes=1), task.task_id


def failure_callbacks(task) -> list:
    callbacks = task.on_failure_callback
    return list(callbacks) if isinstance(callbacks, (list, tuple)) else [callbacks]


def test_assets_chain_the_dags(dag_bag):
    def outlets(dag_id):
        return {o.name for t in dag_bag.get_dag(dag_id).tasks for o in t.outlets}

    assert "raw_fetches" in outlets("crawl_sources")
    assert {"document_versions", "classifications"} <= outlets("process_documents")
    assert "taxonomy_versions" in outlets("load_taxonomy")
    assert "classifications" in outlets("reclassify_documents")
    for dag_id, asset in [("process_documents", "raw_fetches"), ("match_alerts", "classifications"),
                          ("reclassify_documents", "taxonomy_versions")]:
        timetable = dag_bag.get_dag(dag_id).timetable
        assert asset in repr(timetable.asset_condition), dag_id


def test_crawl_is_mapped_per_source_and_never_waits_for_another_run(dag_bag):
    dag = dag_bag.get_dag("crawl_sources")
    crawl = dag.get_task("crawl")
    from airflow.sdk.definitions.mappedoperator import MappedOperator

    assert isinstance(crawl, MappedOperator)
    assert dag.max_active_runs > 1  # a retrying source does not hold back the next cron's sources


def test_digest_schedules_are_shanghai_daily_and_monday(dag_bag):
    timetable = dag_bag.get_dag("send_digests").timetable
    crons = sorted(t.expression for t in timetable.timetables)
    assert crons == ["0 8 * * *", "0 8 * * 1"]
    assert all("Asia/Shanghai" in str(t.timezone) for t in timetable.timetables)


def test_top_level_stays_light_and_offline(tmp_path):
    """Parsing every DAG imports no NLP, crawler, parser or database code, and opens no connection."""
    script = (
        "import json, sys\n"
        "from airflow.dag_processing.dagbag import DagBag\n"
        f"bag = DagBag(dag_folder={str(DAGS_FOLDER)!r})\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(json.dumps({'errors': list(bag.import_errors), 'dags': len(bag.dags), 'heavy': heavy}))\n"
    )
    env = {**os.environ, **airflow_env(tmp_path),
           "DATABASE_URL": "postgresql://nobody:wrong@127.0.0.1:1/none"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["errors"] == [] and result["dags"] >= len(EXPECTED)
    assert result["heavy"] == []
