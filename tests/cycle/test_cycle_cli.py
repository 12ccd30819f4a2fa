"""`futurewatch run --offline`: the demo cycle end to end on the mirror and a real PostgreSQL."""

from __future__ import annotations

from typer.testing import CliRunner

from futurewatch.app.cli import app
from futurewatch.core.db import connect


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


def test_unknown_source_is_refused_before_the_cycle_starts(fw_env):
    result = CliRunner().invoke(app, ["run", "--offline", "--sources", "c114,nosuch"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "unknown source(s): nosuch" in result.output
    assert "digests" not in result.output  # no stage ran on a typo
