"""run_moment hands tasks a plain datetime: Airflow's pendulum values do arithmetic differently."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pendulum

from dags.dag_support import run_moment


def test_pendulum_moment_becomes_a_plain_datetime_of_the_same_instant():
    end = pendulum.datetime(2026, 11, 30, 6, 30, tz="Asia/Shanghai")
    moment = run_moment({"data_interval_end": end, "logical_date": end - timedelta(days=1)})
    assert type(moment) is datetime
    assert moment == end and moment.utcoffset() == timedelta(hours=8)
    # the spike windows divide a difference by a timedelta; pendulum's Interval cannot
    assert (moment - datetime(2026, 11, 29, 10, 30, tzinfo=timezone.utc)) // timedelta(hours=1) == 12


def test_asset_triggered_run_falls_back_to_run_after():
    queued = pendulum.datetime(2026, 11, 30, 1, 0, tz="UTC")
    moment = run_moment({"data_interval_end": None, "dag_run": SimpleNamespace(run_after=queued)})
    assert type(moment) is datetime and moment == queued
