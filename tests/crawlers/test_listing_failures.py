"""A source whose every listing page fails is `failed`, not a quiet `partial`: in crawl_runs, in
`futurewatch sources`, and in the source-health check."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from typer.testing import CliRunner

from crawlers.runner import crawl_sources
from futurewatch.app.cli import app
from futurewatch.app.health import HealthThresholds, check_source_health
from futurewatch.core.config import load_settings


def test_all_listings_404_is_a_failed_run_everywhere_ops_look(fw_env, db_url, mirror):
    for key in [k for k in mirror.site.routes if "miit.gov.cn" in k[0]]:
        del mirror.site.routes[key]
    miit, chinanews = crawl_sources(db_url, ["miit", "chinanews"], mirror=mirror.url, run_key="gone", settings=load_settings())
    assert miit.status == "failed" and miit.details["listings"] == 0
    assert miit.error.startswith(f"all {miit.details['listing_failures']} listing page(s) failed (http_404")
    assert chinanews.status == "succeeded"

    statuses = source_statuses()
    assert statuses["miit"] == "failing" and statuses["chinanews"] != "failing"

    report = check_source_health(db_url, as_of=datetime.now(timezone.utc) + timedelta(minutes=1),
                                 thresholds=HealthThresholds())
    assert {(f.source_id, f.signal) for f in report.findings if f.signal == "failing"} == {("miit", "failing")}


def test_some_listings_failing_is_degraded_not_ok(fw_env, db_url, mirror):
    for key in [k for k in mirror.site.routes if k[0] == "epaper.southcn.com"]:
        del mirror.site.routes[key]  # the e-paper is gone; the 南方+ list API still answers
    [nanfang] = crawl_sources(db_url, ["nanfang"], mirror=mirror.url, run_key="half", settings=load_settings())
    assert nanfang.status == "partial" and nanfang.new > 0 and nanfang.details["listing_failures"] > 0

    statuses = source_statuses()
    assert statuses["nanfang"] == "degraded"
    assert [source for source, status in statuses.items() if status == "degraded"] == ["nanfang"]

    report = check_source_health(db_url, as_of=datetime.now(timezone.utc) + timedelta(minutes=1),
                                 thresholds=HealthThresholds())
    assert [f.source_id for f in report.findings if f.signal == "degraded"] == ["nanfang"]


def source_statuses() -> dict[str, str]:
    """{source_id: status} as `futurewatch sources --json` reports it."""
    result = CliRunner().invoke(app, ["sources", "--json"])
    assert result.exit_code == 0, result.output
    return {row["source_id"]: row["status"] for row in json.loads(result.output)}
