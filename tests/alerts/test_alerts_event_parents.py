"""Issue 17 (migration 0270): alert events check their rule, story and version once per batch,
not by per-row foreign keys, and the archive keeps what the foreign keys promised: deleting a rule
or a version deletes its events, a story or key still named by events cannot go, a parent's
TRUNCATE needs alert_events emptied with it, an event naming a missing parent is refused, and a
delete that races an event batch waits for it (or makes it fail), never leaving an orphan."""

from __future__ import annotations

import random
import threading
from datetime import datetime, timezone

import psycopg
import pytest

from alerts.events import match_events
from alerts.store import Event, EventParentMissing, upsert_events
from bench.alerts import add_subscribers, fill_archive, make_rules
from classify.taxonomy import load_taxonomy
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect

ORPHANS_SQL = """
SELECT count(*) AS n FROM alert_events e
WHERE NOT EXISTS (SELECT 1 FROM alert_rules r WHERE r.rule_id = e.rule_id)
   OR (e.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.story_id = e.story_id))
   OR (e.version_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.version_id = e.version_id))
UNION ALL
SELECT count(*) FROM alert_version_state s
WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.version_id = s.version_id)
ORDER BY 1 DESC LIMIT 1
"""


@pytest.fixture
def matched(db_url, monkeypatch):
    """A small synthetic archive whose events have been raised."""
    monkeypatch.setenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", "0")
    load_taxonomy(db_url)
    fill_archive(db_url, 300)
    add_subscribers(db_url, make_rules(random.Random(5), 40), 5)
    summary = match_events(db_url, now=datetime.now(timezone.utc), settings=load_settings(), workers=1)
    assert summary.events_new > 100
    return db_url


DELETE_DOCUMENT = "DELETE FROM documents WHERE document_id = (SELECT document_id FROM document_versions " \
                  "WHERE version_id = %(v)s)"


def scalar(url: str, sql: str, params: dict | None = None):
    with connect(url) as conn:
        return conn.execute(sql, params or {}).fetchone()


def busy_version(url: str) -> dict:
    """A version named by several events, with its story."""
    return scalar(url, "SELECT version_id, story_id, count(*) AS n FROM alert_events WHERE version_id IS NOT NULL "
                       "GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1")


def test_deleting_a_version_or_a_rule_deletes_its_events(matched):
    version = busy_version(matched)
    assert version["n"] > 1
    with connect(matched) as conn:  # document → versions (foreign key cascade) → events (0270's trigger)
        conn.execute(DELETE_DOCUMENT, {"v": version["version_id"]})
    for table in ("alert_events", "alert_version_state"):  # its events and its matched mark
        assert scalar(matched, f"SELECT count(*) AS n FROM {table} WHERE version_id = %(v)s",
                      {"v": version["version_id"]})["n"] == 0
    rule = scalar(matched, "SELECT rule_id, subscriber_id FROM alert_events JOIN alert_rules USING (rule_id) "
                           "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
    before = scalar(matched, "SELECT count(*) AS n FROM alert_events")["n"]
    with connect(matched) as conn:  # subscriber → rules (foreign key cascade) → events (0270's trigger)
        conn.execute("DELETE FROM subscribers WHERE subscriber_id = %(s)s", {"s": rule["subscriber_id"]})
    assert scalar(matched, "SELECT count(*) AS n FROM alert_events WHERE rule_id = %(r)s",
                  {"r": rule["rule_id"]})["n"] == 0
    assert 0 < scalar(matched, "SELECT count(*) AS n FROM alert_events")["n"] < before
    assert scalar(matched, ORPHANS_SQL)["n"] == 0


def test_named_stories_and_keys_cannot_go(matched):
    version = busy_version(matched)
    with pytest.raises(psycopg.errors.ForeignKeyViolation, match="still named by alert_events"):
        with connect(matched) as conn:
            conn.execute("UPDATE documents SET story_id = NULL WHERE story_id = %(s)s", {"s": version["story_id"]})
            conn.execute("DELETE FROM stories WHERE story_id = %(s)s", {"s": version["story_id"]})
    with pytest.raises(psycopg.errors.ForeignKeyViolation, match="named by alert_events"):
        with connect(matched) as conn:
            conn.execute("UPDATE document_versions SET version_id = version_id + 1000000 WHERE version_id = %(v)s",
                         {"v": version["version_id"]})
    for table in ("stories", "document_versions", "alert_rules"):
        with pytest.raises(psycopg.errors.ForeignKeyViolation, match=f"cannot truncate {table}"):
            with connect(matched) as conn:
                conn.execute(f"TRUNCATE {table} CASCADE")  # our constants
    with connect(matched) as conn:  # an unnamed story goes, and other updates of a parent are free
        free = conn.execute("INSERT INTO stories DEFAULT VALUES RETURNING story_id").fetchone()["story_id"]
        conn.execute("DELETE FROM stories WHERE story_id = %(s)s", {"s": free})
        conn.execute("UPDATE document_versions SET title = title || '!' WHERE version_id = %(v)s",
                     {"v": version["version_id"]})
        conn.execute("TRUNCATE alert_events, alert_rules CASCADE")
    assert scalar(matched, "SELECT count(*) AS n FROM alert_rules")["n"] == 0


def test_an_event_naming_a_missing_parent_is_refused(matched):
    version = busy_version(matched)
    rule_id = scalar(matched, "SELECT min(rule_id) AS r FROM alert_rules")["r"]
    good = Event(rule_id, "story:test:v1", "news", {"title": "t"}, datetime.now(timezone.utc),
                 version["story_id"], version["version_id"])
    for field, missing in (("version_id", 10 ** 9), ("story_id", 10 ** 9), ("rule_id", 10 ** 9)):
        bad = Event(**{**good.__dict__, field: missing, "event_key": f"{field}:missing"})
        with pytest.raises(EventParentMissing, match=str(10 ** 9)):
            with connect(matched) as conn:
                upsert_events(conn, [good, bad])
    assert scalar(matched, "SELECT count(*) AS n FROM alert_events WHERE event_key LIKE '%%test%%'")["n"] == 0
    with connect(matched) as conn:
        assert upsert_events(conn, [good]) == 1
        assert upsert_events(conn, [good]) == 0  # still an upsert


def in_thread(fn, *args) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = fn(*args)
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            outcome["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    return thread, outcome


def delete_document(url: str, version_id: int) -> None:
    with connect(url) as conn:
        conn.execute("SET lock_timeout = '20s'")
        conn.execute(DELETE_DOCUMENT, {"v": version_id})


def write_events(url: str, events: list[Event]) -> int:
    with connect(url) as conn:
        conn.execute("SET lock_timeout = '20s'")
        return upsert_events(conn, events)


def test_a_delete_racing_an_event_batch_leaves_no_orphan(matched):
    version = busy_version(matched)
    rule_id = scalar(matched, "SELECT min(rule_id) AS r FROM alert_rules")["r"]
    event = Event(rule_id, "story:race:v1", "news", {"title": "t"}, datetime.now(timezone.utc),
                  version["story_id"], version["version_id"])
    with connect(matched) as writer:  # a batch in flight: the delete waits for its commit, then takes its events
        upsert_events(writer, [event])
        deleter, done = in_thread(delete_document, matched, version["version_id"])
        deleter.join(timeout=1.0)
        assert deleter.is_alive()  # waiting for the writer
    deleter.join(timeout=30)
    assert not deleter.is_alive() and "error" not in done, done
    assert scalar(matched, "SELECT count(*) AS n FROM alert_events WHERE version_id = %(v)s",
                  {"v": version["version_id"]})["n"] == 0

    other = busy_version(matched)
    event.version_id, event.story_id, event.event_key = other["version_id"], other["story_id"], "story:race:v2"
    with connect(matched) as conn:  # a delete in flight: the batch waits for it, then is refused
        conn.execute(DELETE_DOCUMENT, {"v": other["version_id"]})
        writer, outcome = in_thread(write_events, matched, [event])
        writer.join(timeout=1.0)
        assert writer.is_alive()
    writer.join(timeout=30)
    assert isinstance(outcome.get("error"), EventParentMissing), outcome
    assert scalar(matched, ORPHANS_SQL)["n"] == 0
