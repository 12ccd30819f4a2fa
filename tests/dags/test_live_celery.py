"""`make airflow-celery` for real: the CeleryExecutor with two Celery workers, PostgreSQL (metadata
and archive) and Redis (the one on 127.0.0.1:6379, else redis-server started by the script).

The offline pipeline runs end to end — taxonomy, four sources crawled over the mirror, processing
and alert matching through their assets, then the digests — and the task instances show both
workers' hostnames.
"""

from __future__ import annotations

import shutil
import time
import uuid
from datetime import datetime, timezone

import pytest

from futurewatch.app.airflow_local import redis_answers
from futurewatch.core.db import connect
from tests.dags.live_airflow import LiveAirflow
from tests.dags.test_dag_pipeline import mirror  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow
SOURCES = ["takungpao", "chinanews", "govcn", "nanfang"]


@pytest.fixture
def celery_airflow(fw_env, mirror, tmp_path):  # noqa: F811
    if not redis_answers() and shutil.which("redis-server") is None:
        pytest.skip("no Redis on 127.0.0.1:6379 and no redis-server (CI: apt-get install redis-server)")
    # A queue of its own: another Celery Airflow on the same Redis must not take this one's tasks.
    live = LiveAirflow("airflow_celery.sh", tmp_path / "airflow", {
        "FUTUREWATCH_CELERY_WORKERS": "2", "AIRFLOW__CELERY__WORKER_CONCURRENCY": "2",
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": f"futurewatch-test-{uuid.uuid4().hex[:8]}"})
    yield live
    live.stop()


def settle(live: LiveAirflow, dag_ids: list[str], quiet_s: float = 6, timeout: float = 150) -> None:
    """Wait until the asset-triggered DAGs have run and none is queued or running for quiet_s."""
    deadline, quiet_since = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        runs = [r for d in dag_ids for r in live.runs(d)]
        busy = not all(live.runs(d) for d in dag_ids) or any(r["state"] not in ("success", "failed") for r in runs)
        quiet_since = None if busy else (quiet_since or time.monotonic())
        if quiet_since and time.monotonic() - quiet_since >= quiet_s:
            return
        time.sleep(1)
    raise AssertionError(f"{dag_ids} did not settle: {[(r['dag_id'], r['state']) for r in runs]}")


def test_pipeline_runs_on_two_celery_workers(celery_airflow, fw_env):
    live = celery_airflow
    live.unpause("load_taxonomy")  # its latest daily run starts at once
    assert live.wait_for_runs("load_taxonomy", 1)[0]["state"] == "success"
    live.unpause("process_documents", "match_alerts", "crawl_sources")
    crawl_run = live.trigger("crawl_sources", {"sources": SOURCES})
    assert live.wait_run("crawl_sources", crawl_run) == "success"
    settle(live, ["process_documents", "match_alerts"])
    assert {r["state"] for d in ("process_documents", "match_alerts") for r in live.runs(d)} == {"success"}

    live.unpause("send_digests")
    digest_run = live.trigger("send_digests", logical_date=datetime.now(timezone.utc).isoformat())
    assert live.wait_run("send_digests", digest_run) == "success"
    with connect(fw_env.db_url) as conn:
        versions = conn.execute("SELECT count(*) AS n FROM document_versions").fetchone()["n"]
        digests = conn.execute("SELECT count(*) AS n FROM deliveries").fetchone()["n"]
    assert versions > 0 and digests > 0

    hosts = {}
    for dag_id, run_id in [("crawl_sources", crawl_run), ("send_digests", digest_run)]:
        for ti in live.task_instances(dag_id, run_id):
            hosts[f"{dag_id}.{ti['task_id']}[{ti['rendered_map_index'] or ''}]"] = ti["hostname"]
    for dag_id in ("load_taxonomy", "process_documents", "match_alerts"):
        for run in live.runs(dag_id):
            for ti in live.task_instances(dag_id, run["dag_run_id"]):
                hosts[f"{dag_id}.{ti['task_id']}@{run['dag_run_id'][-8:]}"] = ti["hostname"]
    assert set(hosts.values()) == {"worker1", "worker2"}, hosts
