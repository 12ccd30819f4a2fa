"""A policy page flapping between two texts (A, B, A, B, A), through the crawl store's writes, process, the
real classifier, the alert matcher and the digest: the first return to an earlier text is sent and says
which version it returns to; the next returns within FUTUREWATCH_FLAP_WINDOW_DAYS are recorded as
`suppressed = 'flapping'` and never sent; a text new to the document is always sent."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from alerts.digest import build_due_digests
from alerts.pipeline import match_events
from alerts.store import Event, upsert_events
from classify import classify_pending
from classify.taxonomy import load_taxonomy
from futurewatch.app.cli import app
from futurewatch.app.cycle import _describe_alerts, match_alert_events
from futurewatch.core.config import ConfigError, load_settings
from futurewatch.core.db import connect
from parsers.process import process_pending
from tests.alerts import archive as A
from tests.parsers.test_parsers_process import add_sources, fixture, rows
from tests.parsers.test_parsers_revert import record_fetch

STEM = "gd_gov_2024_02_23"
RULE = "修订"
EVENTS_SQL = """
SELECT v.version_no, e.event_id, e.event_key, e.suppressed, e.payload, e.occurred_at
FROM alert_events e JOIN alert_rules r USING (rule_id) JOIN document_versions v USING (version_id)
WHERE r.name = %(rule)s ORDER BY v.version_no
"""


class Page:
    """One gd_gov policy page in three texts, crawled on the days given, with an analyst's `changed` rule."""

    def __init__(self, db_url: str):
        self.db = db_url
        add_sources(db_url)
        load_taxonomy(db_url)
        A.add_subscriber(db_url, "analyst@example.com", [(RULE, "changed", {"kinds": ["policy", "news"]})],
                         cadence="immediate")
        self.texts = {"A": fixture(STEM)[0]}
        self.texts["B"] = self.texts["A"].replace("现印发给你们".encode(), "现修订印发给你们".encode())
        self.texts["C"] = self.texts["A"].replace("现印发给你们".encode(), "现再次修订印发给你们".encode())
        meta = fixture(STEM)[1]
        self.url, self.day0 = meta["url"], datetime.fromisoformat(meta["crawl_date"])

    def crawl(self, text: str, day: float) -> None:
        """The crawl store's write of the page as fetched `day` days after the first crawl, then process and classify."""
        assert record_fetch(self.db, self.url, self.texts[text], self.day0 + timedelta(days=day), source_id="gd_gov")[1]
        assert process_pending(self.db, settings=load_settings()).failed == 0
        classify_pending(self.db)

    def alert(self, **options):
        summary = match_events(self.db, now=datetime.now(timezone.utc), settings=load_settings(), **options)
        assert summary.errors == []
        return summary

    def step(self, text: str, day: float):
        self.crawl(text, day)
        return self.alert()

    def events(self, rule: str = RULE) -> dict[int, dict]:
        """The rule's events by version number."""
        return {r["version_no"]: r for r in rows(self.db, EVENTS_SQL, {"rule": rule})}

    def document_id(self) -> int:
        return rows(self.db, "SELECT document_id FROM documents")[0]["document_id"]


def sent(events: dict[int, dict]) -> list[int]:
    return [n for n, e in events.items() if e["suppressed"] is None]


def test_flapping_page_alerts_once_then_records_quietly(fw_env):
    page = Page(fw_env.db_url)
    page.step("A", 0)
    page.step("B", 1)
    assert sent(page.events()) == [2] and "returns_to" not in page.events()[2]["payload"]
    summary = page.step("A", 2)
    v3 = page.events()[3]
    assert v3["suppressed"] is None and v3["payload"]["returns_to"] == 1 and v3["payload"]["change"] == "revised"
    assert (summary.flapping, summary.flapping_documents) == (0, [])

    page.crawl("B", 3)
    summary = match_alert_events(fw_env.db_url, now=datetime.now(timezone.utc), settings=load_settings())  # the DAG's task
    v4 = page.events()[4]
    assert v4["suppressed"] == "flapping" and v4["payload"]["returns_to"] == 2 and summary["events_new"] == 1
    assert (summary["flapping"], summary["flapping_documents"]) == (1, [page.document_id()])
    assert _describe_alerts(summary).endswith(": 1 new event(s), 1 flapping document(s) not alerted (alerts.flapping)")
    page.step("A", 4)
    assert page.events()[5]["suppressed"] == "flapping" and page.events()[5]["payload"]["returns_to"] == 1
    trial = CliRunner().invoke(app, ["alerts", "test", RULE], catch_exceptions=False, terminal_width=200)
    assert trial.exit_code == 0 and "(flapping: recorded, not sent)" in trial.output  # the trial run says so too

    # A rule added now is backfilled over the archive's current version (v5): the same decision,
    # taken from the document's history and not from what the stage did before.
    A.add_subscriber(fw_env.db_url, "late@example.com", [("late", "changed", {"kinds": ["policy", "news"]})])
    assert page.alert().events_new == 1
    assert [(n, e["suppressed"]) for n, e in page.events("late").items()] == [(5, "flapping")]

    summary = page.step("C", 5)  # a text the document never had: sent, flapping or not
    events = page.events()
    assert sent(events) == [2, 3, 6] and "returns_to" not in events[6]["payload"]
    assert [n for n, e in events.items() if e["suppressed"] == "flapping"] == [4, 5]
    assert summary.flapping == 1  # v4 and v5 are still in the window

    before = rows(fw_env.db_url, "SELECT * FROM alert_events ORDER BY event_id")
    rerun = page.alert()
    assert (rerun.events_new, rerun.versions_new) == (0, 0)
    assert rows(fw_env.db_url, "SELECT * FROM alert_events ORDER BY event_id") == before


def test_suppressed_events_never_reach_a_digest_and_a_revert_says_which_version(fw_env):
    page = Page(fw_env.db_url)
    page.step("A", 0)
    digests = []

    def digest_now() -> dict:
        built = build_due_digests(fw_env.db_url, now=datetime.now(timezone.utc), settings=load_settings())
        assert built.errors == []
        [digest] = rows(fw_env.db_url, "SELECT * FROM digests WHERE digest_id = ANY(%(d)s)", {"d": built.digest_ids})
        digests.append(digest)
        return digest

    page.step("B", 1)
    assert "恢复为" not in digest_now()["body_text"]
    page.step("A", 2)
    back = digest_now()
    assert "修订（恢复为第 1 版的文本）" in back["body_text"] and "恢复为第 1 版的文本" in back["body_html"]
    page.step("B", 3)
    page.step("A", 4)
    built = build_due_digests(fw_env.db_url, now=datetime.now(timezone.utc), settings=load_settings())
    assert (built.built, built.empty) == (0, 1)  # v4 and v5 were recorded, nothing to send
    page.step("C", 5)
    digest_now()
    events = page.events()
    assert sorted(i for d in digests for i in d["event_ids"]) == sorted(events[n]["event_id"] for n in (2, 3, 6))


def test_a_revert_after_the_window_is_sent_again(fw_env):
    page = Page(fw_env.db_url)
    for text, day in (("A", 0), ("B", 1), ("A", 2), ("B", 10), ("A", 11), ("B", 17.5)):
        page.step(text, day)
    # v4 came 8 days after the last revert (v3): sent; v5 a day after v4: flapping; v6 6.5 days after v5: flapping.
    assert [(n, e["suppressed"], e["payload"].get("returns_to")) for n, e in page.events().items()] == [
        (2, None, None), (3, None, 1), (4, None, 2), (5, "flapping", 1), (6, "flapping", 2)]


def test_two_reverts_between_runs_count_in_version_order(fw_env):
    """v3 and v4 are both stored before the stage runs: only the current version (v4) is matched, and
    v3, stored before it, is the document's first revert, so v4 is flapping, as it would have been had a
    run come between them."""
    page = Page(fw_env.db_url)
    page.step("A", 0)
    page.step("B", 1)
    page.crawl("A", 2)
    page.crawl("B", 3)
    page.alert()
    assert [(n, e["suppressed"]) for n, e in page.events().items()] == [(2, None), (4, "flapping")]


def test_window_zero_sends_every_revert(fw_env, monkeypatch):
    monkeypatch.setenv("FUTUREWATCH_FLAP_WINDOW_DAYS", "0")
    page = Page(fw_env.db_url)
    for text, day in (("A", 0), ("B", 1), ("A", 2), ("B", 3), ("A", 4)):
        summary = page.step(text, day)
    assert sent(page.events()) == [2, 3, 4, 5] and summary.flapping == 0
    assert [e["payload"].get("returns_to") for e in page.events().values()] == [None, 1, 2, 1]


@pytest.mark.parametrize("value", ["a week", "-1", "nan", "1e6"])
def test_bad_window_is_one_line(value):
    with pytest.raises(ConfigError, match=f"FUTUREWATCH_FLAP_WINDOW_DAYS must be a number from 0 to 3650, got '{value}'"):
        load_settings({"FUTUREWATCH_FLAP_WINDOW_DAYS": value})


def test_a_story_event_is_damped_only_while_every_reprint_merged_in_flaps(fw_env):
    """Reprints of one story share an event (`story:<id>:v<n>`): one that is a real change makes it sent,
    whichever version's payload it shows; a flapping reprint never damps a sent one."""
    page = Page(fw_env.db_url)
    for text, day in (("A", 0), ("B", 1), ("A", 2), ("B", 3)):
        page.step(text, day)
    [row] = rows(fw_env.db_url, "SELECT e.* FROM alert_events e JOIN document_versions v USING (version_id)"
                                " WHERE v.version_no = 4")
    assert row["suppressed"] == "flapping"

    def merge(source_id: str, suppressed: str | None) -> dict:
        reprint = Event(row["rule_id"], row["event_key"], row["section"], {"title": "转载"}, row["occurred_at"],
                        row["story_id"], row["version_id"], [{"source_id": source_id, "name": source_id, "url": None}],
                        suppressed=suppressed)
        with connect(fw_env.db_url) as conn:
            upsert_events(conn, [reprint])
        return rows(fw_env.db_url, "SELECT * FROM alert_events WHERE event_id = %(e)s", {"e": row["event_id"]})[0]

    assert merge("reprint_flapping", "flapping")["suppressed"] == "flapping"
    assert merge("reprint_changed", None)["suppressed"] is None
    assert merge("another_flapping", "flapping")["suppressed"] is None
