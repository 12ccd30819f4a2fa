"""Failure notices under dag.test(): a failing task of any DAG reaches ops by mail (loopback SMTP)
and through every ops webhook in its own format (loopback WeCom, DingTalk and Feishu stand-ins that
check keys and signatures), one broken robot never stopping the others, no secret in the logs."""

from __future__ import annotations

import email
import email.policy
import json
import logging

import pytest

from tests.alerts.chat_servers import Robots, robot_server
from tests.alerts.smtp_servers import Recorder, smtp_server
from tests.dags.conftest import mapped_states, task_states
from tests.dags.test_dag_crawl import TAKUNGPAO_ONLY, ops_webhook  # noqa: F401  (fixture)
from tests.dags.test_dag_pipeline import mirror, take_site_offline  # noqa: F401  (fixture)

DING_SECRET = "SECops-dingtalk-secret-0123456789"
FEISHU_SECRET = "ops-feishu-secret-abcdef"
REFUSING_DB = "postgresql://nobody:wrong@127.0.0.1:1/none"


@pytest.fixture
def ops_mailbox(monkeypatch):
    """A loopback SMTP server taking the notices; the parsed messages it accepted."""
    recorder = Recorder()
    with smtp_server(recorder) as port:
        for key, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_SECURITY": "none",
                           "SMTP_FROM": "futurewatch@example.org", "FUTUREWATCH_OPS_EMAIL": "ops@example.org"}.items():
            monkeypatch.setenv(key, value)
        yield lambda: [email.message_from_bytes(m, policy=email.policy.default) for m in recorder.messages]


@pytest.fixture
def ops_robots(monkeypatch, tmp_path):
    """WeCom and DingTalk (signed, secret from the environment) robots in an ops webhook file, plus a
    Feishu robot whose secret is wrong (it refuses every notice)."""
    robots = Robots(dingtalk_secret=DING_SECRET, feishu_secret=FEISHU_SECRET)
    with robot_server(robots) as base:
        monkeypatch.setenv("FW_TEST_OPS_DING_SECRET", DING_SECRET)
        config = tmp_path / "ops-webhooks.yaml"
        config.write_text(
            "webhooks:\n"
            f"  - {{kind: wecom, url: '{base}/cgi-bin/webhook/send?key=wk'}}\n"
            f"  - {{kind: feishu, url: '{base}/open-apis/bot/v2/hook/fh', secret: wrong-secret}}\n"
            f"  - {{kind: dingtalk, url: '{base}/robot/send?access_token=dt', secret_env: FW_TEST_OPS_DING_SECRET}}\n",
            encoding="utf-8")
        monkeypatch.setenv("FUTUREWATCH_OPS_WEBHOOKS", str(config))
        yield robots


def test_failed_crawl_reaches_mail_wecom_and_signed_dingtalk(dag_bag, fw_env, mirror, monkeypatch, caplog,
                                                             ops_mailbox, ops_robots):
    monkeypatch.setenv("FUTUREWATCH_CRAWL_ATTEMPTS", "1")
    take_site_offline(mirror, "miit.gov.cn")  # every listing page answers 404
    caplog.set_level(logging.INFO)

    run = dag_bag.get_dag("crawl_sources").test(logical_date=TAKUNGPAO_ONLY,
                                                run_conf={"sources": ["takungpao", "miit"]})
    assert mapped_states(run, "crawl") == {"takungpao": "success", "miit": "failed"}

    [mail] = ops_mailbox()
    assert mail["Subject"] == "[futurewatch] crawl failed: miit" and mail["To"] == "ops@example.org"
    body = mail.get_content()
    assert "Source: miit" in body and "crawl_sources / crawl / manual__" in body
    assert "listing page(s) failed (http_404" in body and "Failing URLs (" in body
    assert "http://" in body and "miit.gov.cn" in body and "Task log: http" in body

    [wecom] = ops_robots.of("wecom")
    [ding] = ops_robots.of("dingtalk")  # the stand-in records only a correctly signed request
    assert ops_robots.of("feishu") == [] and [k for k, _ in ops_robots.requests].count("feishu") == 1
    for text in (wecom["markdown"]["content"], ding["markdown"]["text"]):
        assert text.startswith("## ［futurewatch］ crawl failed: miit")
        assert "**Source**: miit" in text and "http＿404" in text and "miit.gov.cn" in text
        assert "](http://" in text and "[Task log](http" in text
    assert ding["markdown"]["title"] == "[futurewatch] crawl failed: miit"
    assert "19021" in caplog.text  # the refusing robot is logged by its channel key…
    assert DING_SECRET not in caplog.text and "wrong-secret" not in caplog.text  # …without a secret
    assert "key=wk" not in caplog.text and "access_token=dt" not in caplog.text


def test_process_documents_failing_on_a_refusing_database_tells_ops(dag_bag, fw_env, monkeypatch, no_retries,
                                                                    ops_mailbox, ops_webhook):
    hook_url, posted = ops_webhook  # legacy setting: comma-separated URLs, each a generic JSON webhook
    monkeypatch.setenv("FUTUREWATCH_OPS_WEBHOOKS", f"{hook_url}, {hook_url}?second")
    monkeypatch.setenv("DATABASE_URL", REFUSING_DB)

    run = no_retries(dag_bag.get_dag("process_documents")).test()
    failed = sorted(task for (task, _), state in task_states(run).items() if state == "failed")
    assert failed, task_states(run)

    mails = ops_mailbox()
    assert sorted(m["Subject"] for m in mails) == [f"[futurewatch] {t} failed: process_documents" for t in failed]
    body = mails[0].get_content()
    assert f"DAG / task / run: process_documents / {failed[0]} / manual__" in body
    assert "Error: " in body and "Source:" not in body
    assert len(posted) == 2 * len(failed)
    notice = posted[0]
    assert notice["dag_id"] == "process_documents" and notice["task_id"] == failed[0]
    assert notice["source_id"] is None and notice["failing_urls"] == [] and notice["error"]
    assert notice["text"].startswith(f"[futurewatch] {failed[0]} failed: process_documents")
    assert "wrong" not in json.dumps(posted)  # the database password never leaves in a notice
