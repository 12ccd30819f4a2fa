"""Crawl schedules from the registry: crons for the DAG, due sources per run."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from futurewatch.app.schedule import (
    REGISTRY_PATH,
    load_scheduled_sources,
    select_crons,
    select_sources_for_run,
)

SITE = 'name: S, kind: news, entry_urls: ["https://s.example.org/"], allowed_domains: [s.example.org]'
REGISTRY = f"""
sources:
  - {{source_id: hourly, schedule: "5 * * * *", {SITE}}}
  - {{source_id: morning, schedule: "0 8 * * *", {SITE}}}
  - {{source_id: paused, schedule: "0 8 * * *", enabled: false, {SITE}}}
  - {{source_id: default, {SITE}}}
"""


@pytest.fixture
def registry(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


def test_enabled_sources_and_distinct_crons(registry):
    sources = load_scheduled_sources(registry)
    assert [s.source_id for s in sources] == ["hourly", "morning", "default"]
    assert select_crons(sources) == sorted({"5 * * * *", "0 8 * * *", "0 */6 * * *"})


def test_scheduled_run_maps_over_due_sources_in_shanghai_time(registry):
    eight_shanghai = datetime(2026, 3, 10, 0, 0, tzinfo=timezone.utc)
    assert select_sources_for_run(at=eight_shanghai, scheduled=True, path=registry) == ["morning"]
    five_past = datetime(2026, 3, 10, 0, 5, tzinfo=timezone.utc)
    assert select_sources_for_run(at=five_past, scheduled=True, path=registry) == ["hourly"]


def test_manual_run_takes_all_or_the_requested(registry):
    assert select_sources_for_run(at=None, scheduled=False, path=registry) == ["hourly", "morning", "default"]
    assert select_sources_for_run(at=None, scheduled=False, requested=["morning"], path=registry) == ["morning"]
    with pytest.raises(ValueError, match="paused"):
        select_sources_for_run(at=None, scheduled=False, requested=["paused"], path=registry)


def test_the_schedule_reads_the_one_checked_registry(tmp_path):
    """A malformed entry is an error here too (not skipped), named by file and key."""
    from futurewatch.core.sources import RegistryError

    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {source_id: x1, schedule: '5 * * * *'}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"bad.yaml: sources\[0\] \(x1\)\.name: missing"):
        load_scheduled_sources(bad)


def test_real_registry_has_a_cron_per_source():
    sources = load_scheduled_sources(REGISTRY_PATH)
    assert sources, "crawlers/sources.yaml lists no enabled source"
    assert all(len(s.cron.split()) == 5 for s in sources)


def test_run_types_the_task_sdk_hands_over():
    pytest.importorskip("airflow")
    from airflow.sdk.api.datamodels._generated import DagRunType

    from futurewatch.app.schedule import is_cron_run

    assert str(DagRunType.SCHEDULED) != "scheduled"  # why the DAG must compare the value
    assert is_cron_run(DagRunType.SCHEDULED) and is_cron_run(DagRunType.BACKFILL)
    assert not is_cron_run(DagRunType.MANUAL) and not is_cron_run(DagRunType.ASSET_TRIGGERED)
    assert is_cron_run("scheduled") and not is_cron_run("manual")


def test_since_only_for_intervals_before_the_lookback_window():
    from datetime import date

    from futurewatch.app.crawl_task import crawl_since

    today = date(2026, 3, 12)
    ninth_shanghai = datetime(2026, 3, 8, 17, 0, tzinfo=timezone.utc)  # 2026-03-09 01:00 +08:00
    assert crawl_since(2, ninth_shanghai, today=today) == date(2026, 3, 9)
    assert crawl_since(5, ninth_shanghai, today=today) is None  # a 5-day lookback already reads the 9th
    assert crawl_since(1, datetime(2026, 3, 12, 1, 0, tzinfo=timezone.utc), today=today) is None
    assert crawl_since(1, None, today=today) is None
