"""`make airflow` for real: Airflow standalone on the port next to a taken 8080, over the mirror.

One live run checks what ops see: the map label is the source id, a failing source is red alone
(retried inside its task, its log lists every failing URL and status) and mails ops; asset events
carry their extras; the asset graph loads; and the runbook's `airflow backfill create` reruns a
past window, crawling only the source due then, back to that day.
"""

from __future__ import annotations

import email
import email.policy
import socket

import pytest

from futurewatch.core.db import connect
from tests.dags.live_airflow import LiveAirflow
from tests.dags.test_dag_pipeline import mirror, smtp_inbox, take_site_offline  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.fixture
def port_8080_taken():
    """Hold 8080 (the Airflow engineer's port) so the script must move to another one."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a closing socket in TIME_WAIT must not fool us
    try:
        sock.bind(("127.0.0.1", 8080))
        sock.listen()
    except OSError:
        pass  # already taken by something else: the same situation
    yield
    sock.close()


@pytest.fixture
def airflow(fw_env, mirror, smtp_inbox, port_8080_taken, tmp_path):  # noqa: F811
    live = LiveAirflow("airflow_standalone.sh", tmp_path / "airflow", {
        "FUTUREWATCH_CRAWL_ATTEMPTS": "2", "FUTUREWATCH_CRAWL_RETRY_SECONDS": "4",
        "FUTUREWATCH_OPS_EMAIL": "ops@example.org"}, private_api_port=False)  # the script picks: not 8080
    yield live
    live.stop()


def test_standalone_ui_failing_source_assets_and_backfill(airflow, fw_env, mirror, smtp_inbox):  # noqa: F811
    assert airflow.port != 8080
    take_site_offline(mirror, "miit.gov.cn")
    airflow.unpause("crawl_sources")
    run_id = airflow.trigger("crawl_sources", {"sources": ["takungpao", "miit"]})
    backfill = airflow.airflow_cli("backfill", "create", "--dag-id", "crawl_sources",
                                   "--from-date", "2026-03-09T09:05:00+08:00", "--to-date", "2026-03-09T09:15:00+08:00",
                                   "--reprocess-behavior", "completed")
    assert backfill.returncode == 0, backfill.stderr[-2000:]
    running_labels = []
    assert airflow.wait_run("crawl_sources", run_id, watch=lambda tis: running_labels.extend(
        t["rendered_map_index"] for t in tis if t["task_id"] == "crawl" and t["state"] == "running")) == "failed"
    assert "miit" in running_labels and None not in running_labels  # the label shows while it runs and retries

    crawls = {t["rendered_map_index"]: t for t in airflow.task_instances("crawl_sources", run_id)
              if t["task_id"] == "crawl"}
    assert {k: t["state"] for k, t in crawls.items()} == {"takungpao": "success", "miit": "failed"}
    assert crawls["miit"]["try_number"] == 1  # retried inside the task: one Airflow try, label kept
    log = airflow.task_log("crawl_sources", run_id, "crawl", crawls["miit"]["map_index"])
    assert "attempt 1/2 failed; retrying" in log
    assert "http_404" in log and "miit.gov.cn" in log

    check_ops_were_mailed(smtp_inbox, run_id)

    events = airflow.api("GET", "/assets/events", params={"limit": 100})["asset_events"]
    extras = [e["extra"] for e in events if e["extra"].get("source_id") == "takungpao"]
    assert any(e["new"] > 0 for e in extras)  # the manual run or the backfill beside it stored the pages
    stored = [e for e in extras if e["new"] + e["changed"]]  # a run counts only what its own inserts stored
    assert all(e["last_raw_fetch_id"] >= e["first_raw_fetch_id"] for e in stored)
    graph = airflow.client.get("/ui/dependencies")
    assert graph.status_code == 200 and "raw_fetches" in graph.text

    check_backfill_crawled_only_the_due_source(airflow)
    with connect(fw_env.db_url) as conn:
        status = conn.execute("SELECT status FROM crawl_runs WHERE source_id = 'miit' AND run_key LIKE %s",
                              (f"%{run_id}",)).fetchone()["status"]
    assert status == "failed"


def check_ops_were_mailed(smtp_inbox, run_id):  # noqa: F811
    mails = [email.message_from_bytes(m.content, policy=email.policy.default) for m in smtp_inbox.messages]
    ops = [m.get_content() for m in mails if m["Subject"] == "[futurewatch] crawl failed: miit"]
    ops = [text for text in ops if run_id in text]  # unpausing may also start the latest scheduled run
    assert len(ops) == 1
    assert "http_404" in ops[0] and "miit.gov.cn" in ops[0]


def check_backfill_crawled_only_the_due_source(airflow):
    [backfill_run] = [r for r in airflow.runs("crawl_sources") if r["run_type"] == "backfill"]
    assert airflow.wait_run("crawl_sources", backfill_run["dag_run_id"]) == "success"
    mapped = [t for t in airflow.task_instances("crawl_sources", backfill_run["dag_run_id"]) if t["task_id"] == "crawl"]
    assert [t["rendered_map_index"] for t in mapped] == ["takungpao"]  # only its cron fires at 09:10
    assert "crawling back to 2026-03-09" in airflow.task_log("crawl_sources", backfill_run["dag_run_id"], "crawl", 0)
