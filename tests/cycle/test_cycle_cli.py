"""`futurewatch run --offline`: the demo cycle end to end on the mirror and a real PostgreSQL."""

from __future__ import annotations

from typer.testing import CliRunner

from futurewatch.app.cli import app
from futurewatch.core.db import connect
from tests.alerts.smtp_servers import Recorder, smtp_server


def test_offline_run_ends_with_a_digest_in_the_outbox(fw_env):
    result = CliRunner().invoke(app, ["run", "--offline", "--sources", "nanfang,govcn"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for stage in ("migrate", "taxonomy", "crawl", "process", "classify", "alerts", "digests"):
        assert stage in result.output
    assert "nanfang" in result.output and "govcn" in result.output
    with connect(fw_env.db_url) as conn:
        sources = {r["source_id"] for r in conn.execute("SELECT DISTINCT source_id FROM raw_fetches")}
        files = conn.execute("SELECT count(*) AS n FROM deliveries WHERE status = 'sent'").fetchone()["n"]
    assert sources == {"nanfang", "govcn"}
    assert files >= 1, result.output
    assert list(fw_env.outbox_dir.rglob("*.eml"))


def test_a_digest_the_mail_server_refuses_fails_the_run(fw_env):
    """The digests stage is FAILED and the run exits 1 when a digest failed for good, as `alerts digest` does
    (it said "yes" and exited 0, so a scheduler running `futurewatch run` never heard of it)."""
    with smtp_server(Recorder(refuse_rcpt="550 5.1.1 mailbox unavailable")) as port:
        env = {"COLUMNS": "200", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_SECURITY": "none"}
        result = CliRunner().invoke(app, ["run", "--offline", "--sources", "nanfang,govcn"], env=env)
    assert result.exit_code == 1, result.output
    [digests] = [line for line in result.output.splitlines() if line.startswith("digests ")]
    assert "FAILED" in digests and " 0 sent" in digests, digests
    assert "stage(s) failed: digests" in result.output
    with connect(fw_env.db_url) as conn:
        statuses = {r["status"] for r in conn.execute("SELECT status FROM deliveries")}
    assert statuses == {"failed"}


def test_unknown_source_is_refused_before_the_cycle_starts(fw_env):
    result = CliRunner().invoke(app, ["run", "--offline", "--sources", "c114,nosuch"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "unknown source(s): nosuch" in result.output
    assert "digests" not in result.output  # no stage ran on a typo
