"""Alert events: every active rule against new (or, for a new rule, every) document version.

    match_events(url, *, now, batch_size=500, rule_ids=None, on_progress=None) -> MatchSummary

One event per rule × story × version (event_key story:<id>:v<n>); reprints of one story fall on
the same key and add their source to the event's list. Events are upserted on (rule_id,
event_key), so reruns and backfills never duplicate. A version is matched once its labels exist
(classification_runs), and again only when a newer taxonomy reclassifies it. Each batch commits
its events with its progress, so a crash loses at most the batches whose commits were not yet
flushed (run_batch), and the next run matches them again. A validity changed in place (a later
document, a reparse, an ended 有效期) is announced to `changed` rules by alerts.validity. A version
that returns a document to a text it had is a revert: its payload names the version it returns to,
and a revert soon after another is recorded but not sent (alerts.flapping).
"""

from __future__ import annotations

import gc
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from datetime import date, datetime
from typing import Callable, Iterator

import msgspec

from alerts import deadlines, firstseen, flapping, spikes, validity
from alerts.facts import VersionFacts, select_facts
from alerts.parallel import default_workers, run_batches
from alerts.policy_facts import attach_policy_facts
from alerts.plan import RulePlan
from alerts.rules import Catalog, Match, Rule, change_of, match_version
from alerts.store import (JSON, Event, record_rules, record_versions, resolve_entities, select_catalog,
                          select_rules, select_validity, upsert_events)
from alerts.terms import TermIndex
from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core.localtime import source_day
from futurewatch.core.stats import analyze_grown

log = logging.getLogger(__name__)
TIMED_RULES = ("spike", "policy_deadline")  # matched against the archive at `now`, not per version
STATS_TABLES = ["documents", "document_versions", "classifications", "classification_runs", "entity_mentions",
                "alert_version_state"]

CANDIDATES_SQL = """
SELECT d.current_version_id AS version_id,
       (st.version_id IS NULL OR st.taxonomy_version_id IS DISTINCT FROM r.tv) AS pending
FROM documents d
LEFT JOIN alert_version_state st ON st.version_id = d.current_version_id
LEFT JOIN LATERAL (SELECT max(taxonomy_version_id) AS tv FROM classification_runs c
                   WHERE c.version_id = d.current_version_id) r ON true
WHERE d.current_version_id IS NOT NULL
  AND (r.tv IS NOT NULL OR NOT EXISTS (SELECT 1 FROM taxonomy_versions))
ORDER BY d.current_version_id
"""


@dataclass
class MatchSummary:
    rules: int = 0
    rules_backfilled: int = 0
    versions_scanned: int = 0
    versions_new: int = 0
    events_new: int = 0
    spikes: int = 0
    validity_checked: int = 0  # versions whose validity today was computed (alerts.validity)
    validity_changes: int = 0  # events for validity changed in place (alerts.validity)
    flapping: int = 0  # documents whose reverts were recorded but not sent in the flap window (alerts.flapping)
    flapping_documents: list[int] = field(default_factory=list)  # their ids, the first FLAPPING_LISTED
    seconds: float = 0.0
    workers: int = 1
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def section_of(rule: Rule, facts: VersionFacts) -> str:
    if rule.rule_type == "changed" or (rule.rule_type != "new_policy" and change_of(facts) is not None):
        return "changed"
    if rule.rule_type == "new_policy" or facts.is_policy:
        return "policy"
    return "news"


def build_payload(rule: Rule, facts: VersionFacts, match: Match, catalog: Catalog, labels: dict) -> dict:
    """What the digest shows about one matched version (scraped text stays data, never markup): the
    rule's part; the version's part (version_payload) joins it as JSON (Event.shared). Parts shared
    by many events go in already encoded (msgspec.Raw): the snippet once per version and terms, the
    labels once per rule and codes (`labels`, kept for a batch)."""
    key = (rule.rule_id, tuple(match.codes))
    if key not in labels:
        labels[key] = (msgspec.Raw(JSON.encode([{"code": c, "name": catalog.label(c)} for c in match.codes])),
                       msgspec.Raw(JSON.encode(group_labels(rule, match.codes, catalog))))
    categories, groups = labels[key]
    snippet = facts.remember(("snippet JSON", tuple(match.terms)),
                             lambda: msgspec.Raw(JSON.encode(facts.snippet(match.terms))))
    return {"rule": rule.name, "rule_type": rule.rule_type, "terms": match.terms, "snippet": snippet,
            "categories": categories, "groups": groups, "change": match.change}


def version_payload(facts: VersionFacts) -> dict:
    """The part of an event's payload that every rule matching this version shares; a revert adds
    the version whose text it returns to (`returns_to`)."""
    payload = {
        "title": facts.title, "url": facts.url,
        "published_at": facts.published_at.isoformat() if facts.published_at else None,
        "kind": facts.kind, "issuers": facts.issuers, "doc_number": facts.doc_number,
        "level": facts.level() if facts.is_policy else None, "version_no": facts.version_no,
        "change_summary": trim_change_summary(facts.change_summary), "policy": facts.policy,
    }
    if facts.returns_to is not None:
        payload["returns_to"] = facts.returns_to
    return payload


def version_payload_json(facts: VersionFacts) -> bytes:
    """version_payload's members as JSON, encoded once per version (Event.shared)."""
    return facts.remember("payload", lambda: JSON.encode(version_payload(facts))[1:-1])


def group_labels(rule: Rule, codes: list[str], catalog: Catalog) -> list[str]:
    """The digest groups an item under the rule's view parents if it names any, else its categories."""
    views = [s for s in rule.selectors if ":" in s]
    labels = []
    for selector in views:
        if set(codes) & catalog.expand(selector):
            labels.append(selector.split(":", 1)[1])
    return labels or [catalog.label(c) for c in codes]


def trim_change_summary(summary: dict | None, limit: int = 3) -> dict | None:
    if not summary:
        return None
    return {k: [str(x)[:200] for x in (summary.get(k) or [])[:limit]] for k in ("added", "removed")}


def source_of(facts: VersionFacts) -> dict:
    return {"source_id": facts.source_id, "name": facts.source_name, "url": facts.url}


def match_batch(facts_list: list[VersionFacts], rules: list[Rule], pending: set[int], fresh: set[int],
                index: TermIndex, catalog: Catalog) -> dict[tuple[int, str], Event]:
    """Events of one batch, reprints of one story merged into one event per rule."""
    events: dict[tuple[int, str], Event] = {}
    plan, labels = RulePlan(rules), {}
    for facts in facts_list:
        key, source, is_pending = f"{facts.story_key}:v{facts.version_no}", source_of(facts), facts.version_id in pending
        for rule in plan.candidates(facts, index):
            if not is_pending and rule.rule_id not in fresh:
                continue
            match = match_version(rule, facts, index)
            if match is None:
                continue
            event = events.get((rule.rule_id, key))
            if event is None:
                event = events[(rule.rule_id, key)] = Event(
                    rule.rule_id, key, section_of(rule, facts), build_payload(rule, facts, match, catalog, labels),
                    facts.created_at, facts.story_id, facts.version_id, shared=version_payload_json(facts),
                    suppressed=flapping.SUPPRESSED_FLAPPING if facts.flapping else None)
            elif not facts.flapping:
                event.suppressed = None  # damped only while every reprint merged in is flapping (store.py)
            event.merge_source(source)
    return events


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for one batch. A batch makes tens of thousands of small
    objects (rows, facts, payload pieces, events) that reference counting frees when it ends;
    meanwhile each automatic collection walked every live object again, 40 % of the matcher's
    time. Cycles made in the batch, if any, are collected after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_term_index(rules: list[Rule]) -> TermIndex:
    index = TermIndex()
    for rule in rules:
        if rule.query is not None:
            for term in rule.query.terms(positive=False) | rule.query.terms():
                index.add(term)
        for name in rule.names:
            index.add(name)
    return index


def select_candidates(conn) -> list[tuple[int, bool]]:
    return [(r["version_id"], r["pending"]) for r in conn.execute(CANDIDATES_SQL).fetchall()]


def match_events(db_url: str, *, now: datetime, settings: Settings, batch_size: int = 500,
                 rule_ids: list[int] | None = None, on_progress: Callable[[int, int], None] | None = None,
                 workers: int | None = None) -> MatchSummary:
    """Match every active rule; see the module docstring. `now` dates spikes (never the wall clock).
    With `workers` > 1 (default: settings.alert_workers, FUTUREWATCH_ALERT_WORKERS; alerts.parallel) and at least
    two batches per worker, the batches run in that many processes; the events are the same."""
    started, summary = time.perf_counter(), MatchSummary()
    with connect(db_url) as conn:
        analyze_grown(conn, STATS_TABLES)  # no plan below runs on statistics of a much smaller archive
        baseline_end = firstseen.warmup_end(conn, firstseen.warmup_days(settings))
        catalog = select_catalog(conn)
        rules, fresh, summary.errors = select_rules(conn, catalog, rule_ids)
        summary.notes = resolve_entities(conn, rules)
        candidates = select_candidates(conn)
    summary.rules, summary.rules_backfilled = len(rules), len(fresh)
    version_rules = [r for r in rules if r.rule_type not in TIMED_RULES]
    if not any(r.rule_id in fresh for r in version_rules):
        candidates = [c for c in candidates if c[1]]
    index = build_term_index(version_rules)
    batches = [candidates[start:start + batch_size] for start in range(0, len(candidates), batch_size)]
    batch_conn = BatchConnection(db_url)
    run_one = partial(run_batch, batch_conn, rules=version_rules, fresh=fresh, index=index, catalog=catalog,
                      baseline_end=baseline_end, today=source_day(now), flap_window_days=settings.flap_window_days)
    workers = default_workers(settings) if workers is None else workers
    if workers > 1 and len(batches) >= 2 * workers:
        summary.workers = workers
        summary.events_new += run_batches(batches, run_one, workers, on_progress, at_exit=batch_conn.close)
    else:
        known: dict[int, set[int]] = {}  # first-seen rule → entities already reported
        try:
            for n, chunk in enumerate(batches, 1):
                summary.events_new += run_one(chunk, known)
                if on_progress:
                    on_progress(min(n * batch_size, len(candidates)), len(candidates))
        finally:
            batch_conn.close()
    summary.versions_scanned = len(candidates)
    summary.versions_new = sum(1 for _, p in candidates if p)
    if rule_ids is None:  # a run of some rules only must not mark validity changes as told to all
        with connect(db_url, autocommit=True) as conn:
            summary.validity_checked, summary.validity_changes = validity.raise_validity_events(
                conn, version_rules, index, catalog, now, batch_size)
        summary.events_new += summary.validity_changes
    with connect(db_url) as conn:
        spike_events, spike_errors = spikes.build_spike_events(conn, [r for r in rules if r.rule_type == "spike"],
                                                               catalog, now)
        summary.errors += spike_errors
        deadline_events = deadlines.build_deadline_events(conn, [r for r in rules if r.rule_type == "policy_deadline"],
                                                          now)
        record_rules(conn, rules)  # before the events: see upsert_events
        summary.spikes = upsert_events(conn, spike_events)
        summary.events_new += summary.spikes + upsert_events(conn, deadline_events)
        note_flapping(conn, summary, now, settings.flap_window_days)
    summary.seconds = time.perf_counter() - started
    log.info("alerts: %d rules, %d versions, %d new events, %d flapping document(s)", summary.rules,
             summary.versions_scanned, summary.events_new, summary.flapping)
    return summary


FLAPPING_LISTED = 100  # document ids a summary lists (XCom stays small); the count is of them all


def note_flapping(conn, summary: MatchSummary, now: datetime, window_days: float) -> None:
    """The documents whose reverts were damped in the flap window before `now`, in the summary and the log."""
    documents = flapping.select_flapping_documents(conn, now, window_days)
    summary.flapping = len(documents)
    summary.flapping_documents = documents[:FLAPPING_LISTED]
    if documents:
        log.warning("alerts: %d flapping document(s), reverts recorded but not sent: document_id %s",
                    len(documents), ", ".join(map(str, summary.flapping_documents)))


class BatchConnection:
    """One connection per process for all of its batches (a forked worker opens its own): a new
    connection per batch cost the server a backend start and a cold catalog cache each time."""

    def __init__(self, db_url: str):
        self.db_url, self.pid, self.conn = db_url, None, None

    def get(self):
        if self.pid != os.getpid():
            self.conn, self.pid = connect(self.db_url), os.getpid()
        return self.conn

    def close(self) -> None:
        if self.pid == os.getpid():
            self.conn.close()
            self.conn = self.pid = None


def run_batch(batch_conn: BatchConnection, chunk: list[tuple[int, bool]], known: dict[int, set[int]], *,
              rules: list[Rule], fresh: set[int], index: TermIndex, catalog: Catalog,
              baseline_end: datetime | None, today: date, flap_window_days: float) -> int:
    """Match one batch and commit its events together with its progress (one transaction)."""
    pending = {v for v, p in chunk if p}
    conn = batch_conn.get()
    with conn.transaction(), collector_paused():
        # A crash may lose the last batches' commits, but then their progress with their events:
        # the next run matches them again. Nothing waits for the WAL flush of each batch.
        conn.execute("SET LOCAL synchronous_commit = off")
        # The validity stored with the mark is read before the facts: a change made meanwhile is
        # then announced by alerts.validity (at worst twice, never lost).
        seen = select_validity(conn, sorted(pending), today)
        facts_list = select_facts(conn, [v for v, _ in chunk])
        attach_policy_facts(conn, facts_list)
        flapping.attach_reverts(conn, facts_list, flap_window_days)
        events = match_batch(facts_list, [r for r in rules if r.rule_type != "first_seen_entity"],
                             pending, fresh, index, catalog)
        seen_rules = [r for r in rules if r.rule_type == "first_seen_entity"]
        first = firstseen.build_first_seen_events(conn, facts_list, seen_rules, pending, fresh, catalog,
                                                  baseline_end, known, record=True)
        record_versions(conn, [(f.version_id, f.taxonomy_version_id, seen.get(f.version_id)) for f in facts_list
                               if f.version_id in pending])
        return upsert_events(conn, list(events.values()) + first)  # last: see upsert_events
