"""send_digests under dag.test() with a real SMTP server on loopback: a digest the relay refuses
turns the task red, and ops hear of it (mail to FUTUREWATCH_OPS_EMAIL), also after a retry."""

from __future__ import annotations

import email
import email.policy

import pendulum
import pytest

from futurewatch.core.db import connect
from tests.alerts.digests import seed_digest_events
from tests.alerts.smtp_servers import Recorder, smtp_server
from tests.dags.conftest import task_states

READER = "reader@example.com"


class RefusesReader(Recorder):
    """Accepts mail to ops, refuses the analyst's mailbox for good (550)."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == READER:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def relay(monkeypatch):
    recorder = RefusesReader()
    with smtp_server(recorder) as port:
        for key, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_SECURITY": "none",
                           "SMTP_FROM": "futurewatch@example.org", "FUTUREWATCH_OPS_EMAIL": "ops@example.org"}.items():
            monkeypatch.setenv(key, value)
        yield lambda: [email.message_from_bytes(m, policy=email.policy.default) for m in recorder.messages]


def test_a_refused_digest_turns_the_run_red_and_reaches_ops_on_every_try(dag_bag, fw_env, relay, no_retries):
    now = seed_digest_events(fw_env.db_url, email=READER, spike=False)
    dag = no_retries(dag_bag.get_dag("send_digests"))
    moment = pendulum.instance(now).add(minutes=1)
    for later in (0, 1):  # the next run finds the delivery already failed: still not delivered
        run = dag.test(logical_date=moment.add(minutes=later))
        assert task_states(run)[("send_due_digests", -1)] == "failed", later
        [notice] = [m for m in relay() if m["Subject"] == "[futurewatch] send_due_digests failed: send_digests"
                    and run.run_id in m.get_content()]
        text = " ".join(notice.get_content().split())
        assert "1 digest(s) of this run not delivered: digest " in text
        assert f"to {READER} by mail: failed" in text and "550" in text
    with connect(fw_env.db_url) as conn:
        assert conn.execute("SELECT status FROM deliveries").fetchone()["status"] == "failed"
    assert not [m for m in relay() if READER in (m["To"] or "")]  # the relay never took the digest
