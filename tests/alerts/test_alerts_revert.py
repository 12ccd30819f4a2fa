"""A policy page reverted A → B → A, through process, the real classifier and the alert matcher: the
return of A is a change the analysts see, once (a `changed` event for version 3), and reruns add nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alerts.pipeline import match_events
from classify import classify_pending
from classify.taxonomy import load_taxonomy
from futurewatch.core.config import load_settings
from parsers.process import process_pending
from tests.alerts import archive as A
from tests.parsers.test_parsers_process import add_sources, fixture, rows
from tests.parsers.test_parsers_revert import record_fetch

STEM = "gd_gov_2024_02_23"
NOW = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


def fetch_and_alert(db_url: str, url: str, body: bytes, when: datetime) -> list[dict]:
    """One crawl's write of the page, then the cycle's stages after it; returns the `changed` events."""
    assert record_fetch(db_url, url, body, when, source_id="gd_gov")[1]
    assert process_pending(db_url, settings=load_settings()).failed == 0
    classify_pending(db_url)
    assert match_events(db_url, now=NOW, settings=load_settings()).errors == []
    return rows(db_url, "SELECT e.version_id, e.event_key, e.payload FROM alert_events e JOIN alert_rules r USING (rule_id)"
                        " WHERE r.name = '修订' ORDER BY e.event_id")


def test_revert_is_one_change_event_and_reruns_add_none(fw_env):
    db = fw_env.db_url
    add_sources(db)
    load_taxonomy(db)
    A.add_subscriber(db, "analyst@example.com", [("修订", "changed", {"kinds": ["policy", "news"]})],
                     cadence="immediate")
    a, meta = fixture(STEM)
    b = a.replace("现印发给你们".encode(), "现修订印发给你们".encode())
    day = datetime.fromisoformat(meta["crawl_date"])

    assert fetch_and_alert(db, meta["url"], a, day) == []
    [revised] = fetch_and_alert(db, meta["url"], b, day + timedelta(days=1))
    changed = fetch_and_alert(db, meta["url"], a, day + timedelta(days=2))
    assert changed[0] == revised and len(changed) == 2
    back = changed[1]
    [v3] = rows(db, "SELECT v.version_id, v.version_no FROM documents d"
                    " JOIN document_versions v ON v.version_id = d.current_version_id")
    assert (back["version_id"], back["payload"]["version_no"], back["payload"]["change"]) == (v3["version_id"], 3, "revised")
    assert back["event_key"] != revised["event_key"]
    assert "现印发给你们" in " ".join(back["payload"]["change_summary"]["added"])
    assert rows(db, "SELECT count(*) AS n FROM classification_runs WHERE version_id = %(v)s", {"v": v3["version_id"]})[0]["n"] == 1

    events = rows(db, "SELECT count(*) AS n FROM alert_events")[0]["n"]
    assert process_pending(db, settings=load_settings()).pages == 0
    classify_pending(db)
    assert match_events(db, now=NOW, settings=load_settings()).events_new == 0
    assert rows(db, "SELECT count(*) AS n FROM alert_events")[0]["n"] == events
