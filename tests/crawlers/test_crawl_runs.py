"""Run-level behaviour: unreachable sources, crashed crawl processes, markup drift, the CLI."""

from __future__ import annotations

import json

import socket
import sys
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from crawlers import runner
from futurewatch.app.health.status import select_source_health
from futurewatch.app.health.thresholds import HealthThresholds
from crawlers.registry import RegistryError
from crawlers.runner import crawl_sources
from futurewatch.app.cli import app
from tests.crawlers.conftest import c114_roll, mirror_noon, query
from futurewatch.core.config import load_settings


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once the socket is closed


def test_unreachable_sources_are_reported_and_the_run_finishes(fw_env, db_url, mirror):
    dead = f"http://127.0.0.1:{closed_port()}"
    summaries = crawl_sources(db_url, ["c114", "govcn"], mirror=dead, run_key="offline", settings=load_settings())
    assert [s.status for s in summaries] == ["unreachable", "unreachable"]
    assert all("connection_refused" in s.error for s in summaries)
    [ok] = crawl_sources(db_url, ["takungpao"], mirror=mirror.url, run_key="offline", settings=load_settings())
    assert ok.status == "succeeded"
    health = {h.source_id: h for h in select_source_health(db_url, HealthThresholds())}
    assert health["c114"].status == "failing" and health["c114"].last_status == "unreachable"
    assert health["takungpao"].status == "ok"
    assert health["miit"].status == "never"  # in the registry, never crawled
    assert query(db_url, "SELECT count(*) AS n FROM raw_fetches WHERE source_id = 'c114'")[0]["n"] == 0


def test_a_crashing_crawl_process_is_closed_as_failed_and_others_continue(fw_env, db_url, mirror, monkeypatch):
    real = runner.build_command

    def crash_for_c114(source_id, *args):
        if source_id == "c114":
            return [sys.executable, "-c", "import sys; print('boom: spider import failed', file=sys.stderr); sys.exit(3)"]
        return real(source_id, *args)

    monkeypatch.setattr(runner, "build_command", crash_for_c114)
    crashed, fine = crawl_sources(db_url, ["c114", "chinanews"], mirror=mirror.url, run_key="crash", settings=load_settings())
    assert crashed.status == "failed" and "exited with 3" in crashed.error and "boom" in crashed.error
    assert fine.status == "succeeded" and fine.new > 0
    assert query(db_url, "SELECT status FROM crawl_runs WHERE run_key = 'crash' AND source_id = 'c114'")[0][
        "status"] == "failed"


def test_unknown_source_is_refused_before_anything_runs(db_url):
    with pytest.raises(RegistryError, match="unknown source"):
        crawl_sources(db_url, ["c114", "nosuch"], settings=load_settings())
    assert query(db_url, "SELECT count(*) AS n FROM crawl_runs")[0]["n"] == 0


def test_markup_change_is_visible_not_silent(fw_env, db_url, mirror):
    for age in (0, 1):  # today's and yesterday's roll: the rows' class renamed
        mirror.site.edit(c114_roll(mirror.site.today - timedelta(days=age)), 'class="new_list_c"', 'class="feed-card"')
    [api] = [u for u in mirror.site.urls("nanfang", kind="listing") if "article/list" in u]
    mirror.site.edit(api, '"data": {"list":', '"result": {"items":')  # the API's rows moved
    c114, nanfang = crawl_sources(db_url, ["c114", "nanfang"], mirror=mirror.url, run_key="drift", settings=load_settings(),
                                  now=mirror_noon(mirror))
    assert c114.status == "partial" and c114.listed == 0 and c114.details["shape_changed"]
    assert "markup changed" in c114.error and len(c114.details["empty_listings"]) == 2
    assert "nfplus-manuscript-web" in " ".join(nanfang.details["empty_listings"])  # the API changed shape too
    assert nanfang.new > 0  # the e-paper still works, so the source is not all-empty


def test_cli_crawl_and_sources(fw_env, mirror):
    cli = CliRunner()
    result = cli.invoke(app, ["crawl", "takungpao", "chinanews", "--mirror", mirror.url])
    assert result.exit_code == 0, result.output
    assert "crawl summary" in result.output and "takungpao" in result.output and "succeeded" in result.output
    result = cli.invoke(app, ["sources", "--json"])
    assert result.exit_code == 0, result.output
    status = {row["source_id"]: row["status"] for row in json.loads(result.output)}
    assert status["takungpao"] == "ok" and status["gd_gov"] == "never"
    bad = cli.invoke(app, ["crawl", "nosuch"])
    assert bad.exit_code == 2 and "unknown source" in bad.output
    bad = cli.invoke(app, ["crawl", "c114", "--since", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.output
