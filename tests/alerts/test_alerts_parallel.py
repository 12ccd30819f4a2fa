"""Issue 17: alert matching in worker processes (alerts.parallel) raises exactly the events of one
process, and both raise exactly what trying every rule on every version raises."""

from __future__ import annotations

import os
import random
from datetime import datetime, timezone

import pytest

from alerts.events import build_term_index, match_events
from alerts.facts import select_facts
from alerts.policy_facts import attach_policy_facts
from alerts.rules import MATCHERS, match_version
from alerts.store import resolve_entities, select_catalog, select_rules
from bench.alerts import add_subscribers, fill_archive, make_rules
from futurewatch.core.db import connect
from futurewatch.core.config import load_settings
from classify.taxonomy import load_taxonomy

EVENTS_SQL = """SELECT e.rule_id, r.rule_type, e.event_key, e.story_id, e.version_id, e.section, e.payload,
                       e.occurred_at
                FROM alert_events e JOIN alert_rules r USING (rule_id) ORDER BY e.rule_id, e.event_key"""


def run(url: str, now: datetime, workers: int) -> tuple[object, list[dict]]:
    summary = match_events(url, now=now, settings=load_settings(), workers=workers, batch_size=100)
    with connect(url) as conn:
        rows = conn.execute(EVENTS_SQL).fetchall()
        for table in ("alert_events", "alert_version_state", "alert_rule_state"):
            conn.execute(f"DELETE FROM {table}")  # our constants
        conn.commit()
    return summary, rows


def every_rule_on_every_version(url: str) -> set[tuple[int, str]]:
    """The old, unplanned path: each per-version rule tried on each current version."""
    with connect(url) as conn:
        rules, _, _ = select_rules(conn, select_catalog(conn))
        resolve_entities(conn, rules)
        ids = [r["v"] for r in conn.execute("SELECT current_version_id AS v FROM documents ORDER BY 1")]
        facts = select_facts(conn, ids)
        attach_policy_facts(conn, facts)
    index = build_term_index(rules)
    return {(r.rule_id, f"{f.story_key}:v{f.version_no}") for f in facts for r in rules
            if r.rule_type in MATCHERS and match_version(r, f, index) is not None}


def test_workers_raise_the_events_of_one_process(db_url, monkeypatch):
    monkeypatch.setenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", "0")  # one synthetic crawl: no warm-up
    load_taxonomy(db_url)
    fill_archive(db_url, 1000)
    add_subscribers(db_url, make_rules(random.Random(5), 100), 12)
    now = datetime.now(timezone.utc)
    one, rows_one = run(db_url, now, workers=1)
    two, rows_two = run(db_url, now, workers=2)
    assert (one.workers, two.workers) == (1, 2)
    assert len(rows_one) > 1000 and {r["rule_type"] for r in rows_one} >= {
        "keyword", "category", "entity", "first_seen_entity", "new_policy", "changed"}
    assert rows_two == rows_one
    assert one.events_new == two.events_new == len(rows_one)
    assert {(r["rule_id"], r["event_key"]) for r in rows_one if r["rule_type"] in MATCHERS} \
        == every_rule_on_every_version(db_url)


def test_alert_workers_setting():
    from alerts.parallel import default_workers
    from futurewatch.core.config import ConfigError

    assert default_workers(load_settings({})) == 1  # an Airflow task process should not fork unless asked to
    assert default_workers(load_settings({"FUTUREWATCH_ALERT_WORKERS": "2"})) == min(2, os.cpu_count() or 1)
    for bad in ("two", "0", "-1", "1.5"):
        with pytest.raises(ConfigError, match="FUTUREWATCH_ALERT_WORKERS must be a whole number from 1"):
            load_settings({"FUTUREWATCH_ALERT_WORKERS": bad})
