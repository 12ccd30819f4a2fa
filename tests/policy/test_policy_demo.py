"""After the offline demo cycle (the CLI, the mirror, a real PostgreSQL), policy documents have
their metadata, links and measures, and a policy's digest entry shows them."""

from __future__ import annotations

from typer.testing import CliRunner

from futurewatch.app.cli import app
from futurewatch.core.db import connect

COVERAGE = """
SELECT count(*) AS documents,
       count(*) FILTER (WHERE published_on IS NOT NULL) AS published_on,
       count(*) FILTER (WHERE cardinality(issuers) > 0) AS issuers,
       count(*) FILTER (WHERE validity IS NOT NULL) AS validity,
       count(*) FILTER (WHERE issuer_level IS NOT NULL) AS levels
FROM v_policy_documents WHERE kind = 'policy'
"""


def test_demo_policies_have_metadata_links_and_measures(fw_env):
    result = CliRunner().invoke(app, ["run", "--offline", "--sources", "gd_gov,govcn,miit"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    with connect(fw_env.db_url) as conn:
        got = conn.execute(COVERAGE).fetchone()
        links = conn.execute("SELECT count(*) AS n FROM v_policy_links WHERE to_document_id IS NOT NULL").fetchone()["n"]
        measures = conn.execute("SELECT count(*) AS n FROM v_policy_measures").fetchone()["n"]
        offices = {r["issuer"]: r["level"] for r in conn.execute(
            "SELECT issuer, level FROM v_policy_issuers WHERE issuer LIKE '%人民政府办公厅'")}
    assert got["documents"] >= 8, got
    for field in ("published_on", "issuers", "validity", "levels"):
        assert got[field] >= 0.9 * got["documents"], (field, got)
    assert links >= 1 and measures >= 1
    assert offices == {"广东省人民政府办公厅": "provincial", "广州市人民政府办公厅": "city"}  # never merged
    html = "".join(p.read_text(encoding="utf-8") for p in fw_env.outbox_dir.rglob("*.html"))
    assert "省级" in html or "provincial" in html
