"""The whole chain under dag.test(): mirror → crawl → process → alerts → digest over loopback SMTP.

One source's site is gone (its task fails alone), one changed its markup (its crawl succeeds
with nothing listed, and the health DAG flags it).
"""

from __future__ import annotations

import socket
from datetime import timedelta

import pendulum
import pytest

from futurewatch.core.db import connect
from tests.crawlers.conftest import c114_roll
from tests.dags.conftest import mapped_states, task_states

SOURCES = ["c114", "govcn", "miit", "nanfang"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_inbox(monkeypatch):
    from aiosmtpd.controller import Controller

    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    for key, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_SECURITY": "none",
                       "SMTP_FROM": "futurewatch@example.org"}.items():
        monkeypatch.setenv(key, value)
    yield inbox
    controller.stop()


@pytest.fixture
def mirror(monkeypatch):
    mirror_pkg = pytest.importorskip("crawlers.mirror")
    server = mirror_pkg.start_mirror()
    monkeypatch.setenv("FUTUREWATCH_OFFLINE", "1")
    monkeypatch.setenv("FUTUREWATCH_MIRROR_URL", server.url)
    yield server
    server.stop()


def take_site_offline(server, host_part: str) -> None:
    for key in [k for k in server.site.routes if host_part in k[0]]:
        del server.site.routes[key]


@pytest.mark.slow
def test_whole_chain_ends_with_a_digest_delivered(dag_bag, fw_env, mirror, smtp_inbox, no_retries):
    url = fw_env.db_url
    take_site_offline(mirror, "miit.gov.cn")
    for age in (0, 1):  # its listing rows are no longer div.new_list_c
        mirror.site.edit(c114_roll(mirror.site.today - timedelta(days=age)), 'class="new_list_c"', 'class="feed-card"')

    assert str(no_retries(dag_bag.get_dag("load_taxonomy")).test().state) == "success"
    # no subscriber loaded here: offline, match_alerts loads the demo subscribers itself

    crawl = no_retries(dag_bag.get_dag("crawl_sources")).test(run_conf={"sources": SOURCES})
    states = mapped_states(crawl, "crawl")
    assert states == {"c114": "success", "govcn": "success", "miit": "failed", "nanfang": "success"}
    assert str(crawl.state) == "failed"

    for dag_id in ("process_documents", "match_alerts"):
        run = no_retries(dag_bag.get_dag(dag_id)).test()
        assert str(run.state) == "success", (dag_id, task_states(run))
    with connect(url) as conn:
        assert conn.execute("SELECT count(*) AS n FROM document_versions").fetchone()["n"] > 0
        assert conn.execute("SELECT count(*) AS n FROM alert_events").fetchone()["n"] > 0
        assert conn.execute("SELECT count(*) AS n FROM subscribers").fetchone()["n"] > 0
    from tests.dags.test_dag_crawl import asset_extras

    versions = asset_extras("document_versions")[-1]
    assert versions["versions_new"] > 0 and versions["first_version_id"] <= versions["last_version_id"]

    digest_run = no_retries(dag_bag.get_dag("send_digests")).test(logical_date=pendulum.now("UTC"))
    assert str(digest_run.state) == "success"
    crawl_notices = [m for m in smtp_inbox.messages if b"crawl failed: miit" in m.content]
    assert len(crawl_notices) == 1  # the failing source's on_failure_callback told ops
    digests = [m for m in smtp_inbox.messages if m not in crawl_notices]
    assert digests, "no digest reached the SMTP server"
    with connect(url) as conn:
        sent = conn.execute("SELECT count(*) AS n FROM deliveries WHERE status = 'sent'").fetchone()["n"]
    assert sent == len(digests)

    health = no_retries(dag_bag.get_dag("check_source_health")).test(logical_date=pendulum.now("UTC").add(minutes=1))
    assert task_states(health)[("flag_sources", -1)] == "failed"
    ops_mail = [m for m in smtp_inbox.messages if "source health" in m.content.decode("utf-8", "replace")]
    assert len(ops_mail) == 1
    text = ops_mail[0].content.decode("utf-8", "replace")
    assert "c114 [shape_changed]" in text
    assert "miit [failing]" in text
    assert "govcn [" not in text and "nanfang [" not in text
