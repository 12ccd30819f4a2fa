"""crawl_sources under dag.test(): which sources a run maps over, and what ops see when one fails.

dag.test() always creates a *manual* run; the scheduled case wraps the run it creates into the
run the scheduler would make (run_type scheduled, same logical date), so the DAG's own
select_sources reads the run type from the task SDK exactly as in production.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pendulum
import pytest

from futurewatch.core.db import connect
from tests.dags.conftest import mapped_states
from tests.dags.test_dag_pipeline import mirror, take_site_offline  # noqa: F401  (fixture)

# 09:10 Asia/Shanghai: only takungpao's cron ("10 */3 * * *") fires; miit's ("20 8-22/2") does not.
TAKUNGPAO_ONLY = pendulum.datetime(2026, 3, 9, 9, 10, tz="Asia/Shanghai")


@pytest.fixture
def ops_webhook():
    """A loopback HTTP endpoint standing in for a chat webhook; the JSON bodies it received."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


@pytest.fixture
def as_scheduled(monkeypatch):
    """Make dag.test() create a scheduled run instead of a manual one."""
    import airflow.models.dagrun as dagrun_module
    from airflow.utils.types import DagRunType

    real = dagrun_module.get_or_create_dagrun

    def scheduled(**kwargs):
        run = real(**kwargs)
        run.run_type = DagRunType.SCHEDULED
        kwargs["session"].merge(run)
        kwargs["session"].commit()
        return run

    monkeypatch.setattr(dagrun_module, "get_or_create_dagrun", scheduled)


def crawled_sources(db_url) -> dict[str, str]:
    with connect(db_url) as conn:
        return {r["source_id"]: r["status"] for r in conn.execute("SELECT source_id, status FROM crawl_runs")}


def asset_extras(name: str) -> list[dict]:
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        query = select(AssetEvent.extra).join(AssetModel, AssetEvent.asset_id == AssetModel.id).where(
            AssetModel.name == name)
        return [dict(extra) for extra in session.scalars(query)]


def test_scheduled_run_crawls_only_the_sources_due_at_its_logical_date(dag_bag, fw_env, mirror, as_scheduled):
    run = dag_bag.get_dag("crawl_sources").test(logical_date=TAKUNGPAO_ONLY)
    assert str(run.run_type) == "scheduled"
    assert mapped_states(run, "crawl") == {"takungpao": "success"}
    assert crawled_sources(fw_env.db_url) == {"takungpao": "succeeded"}
    extra = [e for e in asset_extras("raw_fetches") if e.get("source_id") == "takungpao"][-1]
    assert extra["new"] > 0 and extra["pages"] >= extra["new"]
    assert extra["first_raw_fetch_id"] <= extra["last_raw_fetch_id"]


def test_manual_run_with_failing_source_retries_in_task_and_tells_ops(dag_bag, fw_env, mirror, monkeypatch,
                                                                      caplog, ops_webhook):
    hook_url, posted = ops_webhook
    monkeypatch.setenv("FUTUREWATCH_OPS_WEBHOOKS", hook_url)
    monkeypatch.setenv("FUTUREWATCH_CRAWL_ATTEMPTS", "2")
    monkeypatch.setenv("FUTUREWATCH_CRAWL_RETRY_SECONDS", "0")
    monkeypatch.setenv("FUTUREWATCH_OPS_EMAIL", "ops@example.org")
    take_site_offline(mirror, "miit.gov.cn")  # every listing page now answers 404
    caplog.set_level(logging.INFO)

    run = dag_bag.get_dag("crawl_sources").test(logical_date=TAKUNGPAO_ONLY,
                                                run_conf={"sources": ["takungpao", "miit"]})
    assert mapped_states(run, "crawl") == {"takungpao": "success", "miit": "failed"}
    assert crawled_sources(fw_env.db_url) == {"takungpao": "succeeded", "miit": "failed"}
    with connect(fw_env.db_url) as conn:
        error = conn.execute("SELECT error FROM crawl_runs WHERE source_id = 'miit'").fetchone()["error"]
    assert "listing page(s) failed (http_404)" in error

    log = caplog.text
    assert "attempt 1/2 failed; retrying" in log
    assert "miit.gov.cn" in log and "http_404" in log  # each failing URL with its status

    mails = list((fw_env.outbox_dir / "ops").glob("crawl-failed-miit-*.eml"))
    assert len(mails) == 1
    body = mails[0].read_text(encoding="utf-8")
    assert "Subject: [futurewatch] crawl failed: miit" in body and "To: ops@example.org" in body
    assert "listing page(s) failed" in body and "http_404" in body and "miit.gov.cn" in body
    assert not list((fw_env.outbox_dir / "ops").glob("crawl-failed-takungpao-*"))
    assert [p["source_id"] for p in posted] == ["miit"]
    assert "http_404" in posted[0]["text"] and all("miit.gov.cn" in u for u in posted[0]["failing_urls"])
