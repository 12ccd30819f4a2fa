"""A source whose every listing page fails is `failed`, not a quiet `partial`: in crawl_runs, in
`futurewatch sources`, and in the source-health check."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from typer.testing import CliRunner

from crawlers.runner import crawl_sources
from futurewatch.cli import app
from futurewatch.health import check_source_health


def test_all_listings_404_is_a_failed_run_everywhere_ops_look(fw_env, db_url, mirror):
    for key in [k for k in mirror.site.routes if "miit.gov.cn" in k[0]]:
        del mirror.site.routes[key]
    miit, chinanews = crawl_sources(db_url, ["miit", "chinanews"], mirror=mirror.url, run_key="gone")
    assert miit.status == "failed" and miit.details["listings"] == 0
    assert miit.error.startswith(f"all {miit.details['listing_failures']} listing page(s) failed (http_404")
    assert chinanews.status == "succeeded"

    result = CliRunner().invoke(app, ["sources"], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 5}
    assert "failing" in rows["miit"] and "failing" not in rows["chinanews"]

    report = check_source_health(db_url, as_of=datetime.now(timezone.utc) + timedelta(minutes=1))
    assert {(f.source_id, f.signal) for f in report.findings if f.signal == "failing"} == {("miit", "failing")}


def test_some_listings_failing_is_degraded_not_ok(fw_env, db_url, mirror):
    for key in [k for k in mirror.site.routes if k[0] == "epaper.southcn.com"]:
        del mirror.site.routes[key]  # the e-paper is gone; the 南方+ list API still answers
    [nanfang] = crawl_sources(db_url, ["nanfang"], mirror=mirror.url, run_key="half")
    assert nanfang.status == "partial" and nanfang.new > 0 and nanfang.details["listing_failures"] > 0

    result = CliRunner().invoke(app, ["sources"], env={"COLUMNS": "220"})
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 5}
    assert "degraded" in rows["nanfang"]

    report = check_source_health(db_url, as_of=datetime.now(timezone.utc) + timedelta(minutes=1))
    assert [f.source_id for f in report.findings if f.signal == "degraded"] == ["nanfang"]
