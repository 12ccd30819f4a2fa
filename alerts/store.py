"""Reading rules and the catalog, writing events: the alert stage's SQL in one place."""

from __future__ import annotations

import json
import logging

import msgspec
from dataclasses import dataclass, field
from datetime import date, datetime

from alerts.limits import LimitError, check_rule_params
from alerts.rules import Catalog, Rule, RuleError, compile_rule
from alerts.terms import normalize_term
from futurewatch.core.staging import copy_staged

log = logging.getLogger(__name__)
JSON = msgspec.json.Encoder()  # the payloads' JSON, several times faster than json.dumps

CATALOG_SQL = """
SELECT code, name_zh, views FROM categories
WHERE taxonomy_version_id = (SELECT max(taxonomy_version_id) FROM taxonomy_versions)
"""

RULES_SQL = """
SELECT r.rule_id, r.subscriber_id, r.name, r.rule_type, r.params, st.params_hash AS matched_hash
FROM alert_rules r JOIN subscribers s USING (subscriber_id)
LEFT JOIN alert_rule_state st USING (rule_id)
WHERE r.active AND s.active AND (%(rule_ids)s::bigint[] IS NULL OR r.rule_id = ANY(%(rule_ids)s))
ORDER BY r.rule_id
"""

ENTITIES_SQL = """
SELECT e.entity_id, e.type, e.canonical, coalesce(array_agg(a.alias) FILTER (WHERE a.alias IS NOT NULL), '{}') AS aliases
FROM entities e LEFT JOIN entity_aliases a USING (entity_id)
WHERE e.entity_id IN (SELECT entity_id FROM entities WHERE canonical = ANY(%(names)s)
                      UNION SELECT entity_id FROM entity_aliases WHERE alias = ANY(%(names)s))
GROUP BY e.entity_id
"""

EVENT_COLUMNS = ("rule_id", "event_key", "story_id", "version_id", "section", "payload", "occurred_at", "suppressed")

# The foreign keys of alert_events and alert_version_state are checked once per batch (migration
# 0270): under the shared writers' lock, which a delete of a rule, story or version takes
# exclusively, so no parent can go between the check and the commit. The lock is its own
# statement (the check's snapshot is taken once it is held), and a writer takes it after any
# statement that may wait for a row lock (a deleter holding one may be waiting for this lock).
# Each distinct key is one index probe (OFFSET 0: whatever the statistics say).
LOCK_WRITERS_SQL = "SELECT pg_advisory_xact_lock_shared(alert_event_writers_key())"
MISSING_PARENTS_SQL = """
SELECT (SELECT array_agg(k.rule_id) FROM (SELECT DISTINCT rule_id FROM staged_alert_events) k
         WHERE NOT EXISTS (SELECT 1 FROM alert_rules x WHERE x.rule_id = k.rule_id OFFSET 0)) AS rules,
       (SELECT array_agg(k.story_id) FROM (SELECT DISTINCT story_id FROM staged_alert_events) k
         WHERE k.story_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM stories x WHERE x.story_id = k.story_id OFFSET 0)) AS stories,
       (SELECT array_agg(k.version_id) FROM (SELECT DISTINCT version_id FROM staged_alert_events) k
         WHERE k.version_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM document_versions x WHERE x.version_id = k.version_id OFFSET 0)) AS versions
"""

# Rows are written in one order, (rule_id, event_key) by code point (Python's sort, COLLATE "C":
# no locale comparisons), so concurrent writers lock rows in one order (alerts.parallel).
# Reprints of a story already raised add their source to the event's list. The event shows the
# story's earliest version (the lowest version_id): in one process that is the one raised first;
# with parallel workers (alerts.parallel) a later batch may commit first, and the earlier
# version's payload then takes its place, so the result does not depend on timing. An event is
# recorded unsent (`suppressed`, alerts.flapping) only while every version merged into it is: a reprint
# that is a real change makes the story's event sent, whichever payload it shows.
UPSERT_EVENTS_SQL = """
INSERT INTO alert_events (rule_id, event_key, story_id, version_id, section, payload, occurred_at, suppressed)
SELECT rule_id, event_key, story_id, version_id, section, payload, occurred_at, suppressed FROM staged_alert_events
ORDER BY rule_id, event_key COLLATE "C"
ON CONFLICT (rule_id, event_key) DO UPDATE
   SET payload = jsonb_set(CASE WHEN EXCLUDED.version_id < alert_events.version_id THEN EXCLUDED.payload
                                ELSE alert_events.payload END, '{sources}',
                 (SELECT jsonb_agg(DISTINCT s) FROM jsonb_array_elements(
                      coalesce(alert_events.payload->'sources', '[]') || (EXCLUDED.payload->'sources')) s)),
       section = CASE WHEN EXCLUDED.version_id < alert_events.version_id THEN EXCLUDED.section
                      ELSE alert_events.section END,
       occurred_at = CASE WHEN EXCLUDED.version_id < alert_events.version_id THEN EXCLUDED.occurred_at
                          ELSE alert_events.occurred_at END,
       suppressed = CASE WHEN alert_events.suppressed IS NULL OR EXCLUDED.suppressed IS NULL THEN NULL
                         ELSE alert_events.suppressed END,
       version_id = least(alert_events.version_id, EXCLUDED.version_id)
 WHERE NOT coalesce(alert_events.payload->'sources', '[]') @> (EXCLUDED.payload->'sources')
    OR EXCLUDED.version_id < alert_events.version_id
RETURNING (xmax = 0) AS inserted
"""


class EventParentMissing(RuntimeError):
    """An event names a rule, story or version that is not (or no longer) in the archive."""


@dataclass
class Event:
    rule_id: int
    event_key: str
    section: str
    payload: dict
    occurred_at: datetime
    story_id: int | None = None
    version_id: int | None = None
    sources: list[dict] = field(default_factory=list)
    shared: bytes = b""  # more payload members, already JSON (`"a":1,"b":2`): one version's share
    suppressed: str | None = None  # recorded, never sent, and why (alerts.flapping)

    def payload_json(self) -> bytes:
        """The payload with its sources, as JSON."""
        self.payload["sources"] = sorted(self.sources, key=json.dumps) if len(self.sources) > 1 else self.sources
        own = JSON.encode(self.payload)
        return own[:-1] + b"," + self.shared + b"}" if self.shared else own

    def merge_source(self, source: dict) -> None:
        if source not in self.sources:
            self.sources.append(source)


def select_catalog(conn) -> Catalog:
    catalog = Catalog()
    for row in conn.execute(CATALOG_SQL).fetchall():
        catalog.names[row["code"]] = row["name_zh"]
        views = {}
        for view, parents in (row["views"] or {}).items():
            views[view] = [parents] if isinstance(parents, str) else list(parents or [])
        catalog.views[row["code"]] = views
    return catalog


def select_rules(conn, catalog: Catalog, rule_ids: list[int] | None = None) -> tuple[list[Rule], set[int], list[str]]:
    """Active rules, compiled; the ids of those needing a backfill; one-line errors for bad ones."""
    rules, fresh, errors = [], set(), []
    for row in conn.execute(RULES_SQL, {"rule_ids": rule_ids}).fetchall():
        try:
            check_rule_params(dict(row.get("params") or {}))  # a row written around `alerts load`
            rule = compile_rule(row, catalog)
        except (RuleError, LimitError) as exc:
            log.warning("alerts: skipping rule_id=%s: %s", row["rule_id"], exc)
            errors.append(f"rule_id={row['rule_id']}: {exc}")
            continue
        rules.append(rule)
        if row["matched_hash"] != rule.params_hash:
            fresh.add(rule.rule_id)
    return rules, fresh, errors


def resolve_entities(conn, rules: list[Rule]) -> list[str]:
    """Fill each rule's entity ids and alias terms from the archive's entities; unknown names noted."""
    wanted = {n for r in rules for n in r.params.get("names") or []}
    if not wanted:
        return []
    from futurewatch.core.textnorm import to_simplified

    names = sorted(wanted | {to_simplified(n) for n in wanted})
    rows = conn.execute(ENTITIES_SQL, {"names": names}).fetchall()
    by_name: dict[str, list[dict]] = {}
    for row in rows:
        for n in [row["canonical"], *row["aliases"]]:
            by_name.setdefault(normalize_term(n), []).append(row)
    unknown = []
    for rule in rules:
        types = rule.params.get("types")
        for name in list(rule.names):
            for row in by_name.get(name, []):
                if types and row["type"] not in types:
                    continue
                rule.entity_ids.add(row["entity_id"])
                rule.names += [t for t in map(normalize_term, row["aliases"]) if t and t not in rule.names]
            if name not in by_name:
                unknown.append(f"rule {rule.name!r}: {name!r} is not an entity yet (matched as text)")
    return unknown


def upsert_events(conn, events: list[Event]) -> int:
    """Insert events (or add reprint sources to existing ones) in one statement; the number new.

    Rows go by binary COPY into a staging table (one round trip per batch), their parents are
    checked per batch (MISSING_PARENTS_SQL), then one INSERT … ON CONFLICT upserts them. Call it
    after every statement of the transaction that may wait for a row lock: see LOCK_WRITERS_SQL."""
    if not events:
        return 0
    rows = ((e.rule_id, e.event_key, e.story_id, e.version_id, e.section, b"\x01" + e.payload_json(), e.occurred_at,
             e.suppressed) for e in events)   # in any order: UPSERT_EVENTS_SQL sorts them (one lock order)
    copy_staged(conn, "alert_events", EVENT_COLUMNS, rows, raw=("payload",))  # jsonb's binary form: 1, text
    conn.execute(LOCK_WRITERS_SQL)
    missing = conn.execute(MISSING_PARENTS_SQL).fetchone()
    for what in ("rules", "stories", "versions"):
        if missing[what]:
            raise EventParentMissing(f"alert events name {what} not in the archive: {sorted(missing[what])[:5]}")
    conn.execute("SET LOCAL work_mem = '64MB'")  # the ORDER BY's sort stays in memory
    return sum(1 for r in conn.execute(UPSERT_EVENTS_SQL).fetchall() if r["inserted"])


# A new version of a document already matched keeps what the alert stage told of the document:
# the matcher announces only the source's own amended/abolished/expired (rules.change_of), so a
# change made by a later document or the 有效期 meanwhile is left to alerts.validity.
SELECT_VALIDITY_SQL = """
SELECT pm.version_id,
       CASE WHEN told.version_id IS NULL
            THEN policy_validity(v.document_id, pm.validity, pm.effective_on, pm.expires_on, %(today)s)
            ELSE coalesce(CASE WHEN pm.validity IN ('amended', 'abolished', 'expired') THEN pm.validity
                               ELSE told.validity END,
                          policy_validity(v.document_id, pm.validity, pm.effective_on, pm.expires_on, %(today)s))
            END AS validity
FROM policy_metadata pm
JOIN document_versions v ON v.version_id = pm.version_id
LEFT JOIN LATERAL (SELECT s.version_id, s.validity FROM document_versions e
                   JOIN alert_version_state s ON s.version_id = e.version_id
                   WHERE e.document_id = v.document_id AND e.version_id < v.version_id
                   ORDER BY e.version_id DESC LIMIT 1) told ON true
WHERE pm.version_id = ANY(%(v)s::bigint[])
"""


def select_validity(conn, version_ids: list[int], today: date) -> dict[int, str | None]:
    """The validity to store with each policy version's first match: for a new document its
    validity on `today` (policy_validity: what changed before is not news), for a new version
    of a matched document what was told of the document (SELECT_VALIDITY_SQL). Versions without
    policy metadata are left out (their validity is None)."""
    rows = conn.execute(SELECT_VALIDITY_SQL, {"v": version_ids, "today": today}).fetchall()
    return {r["version_id"]: r["validity"] for r in rows}


def record_versions(conn, states: list[tuple[int, int | None, str | None]]) -> None:
    """Mark versions as matched (one statement per batch) with (version, taxonomy version, validity);
    a version deleted meanwhile needs no mark. The validity is stored the first time only: a rematch
    keeps the one stored, which alerts.validity compares with later values, so it never swallows a
    change. Takes the writers' lock (see upsert_events)."""
    if not states:
        return
    conn.execute(LOCK_WRITERS_SQL)
    conn.execute(
        """INSERT INTO alert_version_state (version_id, taxonomy_version_id, validity)
           SELECT s.v, s.t, s.validity FROM unnest(%(v)s::bigint[], %(t)s::integer[], %(val)s::text[]) AS s(v, t, validity)
           WHERE EXISTS (SELECT 1 FROM document_versions x WHERE x.version_id = s.v OFFSET 0)
           ON CONFLICT (version_id) DO UPDATE SET taxonomy_version_id = EXCLUDED.taxonomy_version_id,
                                                   matched_at = now()""",
        {"v": [v for v, _, _ in states], "t": [t for _, t, _ in states], "val": [x for _, _, x in states]})


def record_validity(conn, states: list[tuple[int, str | None]]) -> None:
    """Store the validity the alert stage has now seen for matched versions (alerts.validity).
    Takes the writers' lock (see upsert_events)."""
    if not states:
        return
    conn.execute(LOCK_WRITERS_SQL)
    conn.execute(
        """UPDATE alert_version_state st SET validity = s.validity
           FROM unnest(%(v)s::bigint[], %(val)s::text[]) AS s(v, validity)
           WHERE st.version_id = s.v""",
        {"v": [v for v, _ in states], "val": [x for _, x in states]})


def record_rules(conn, rules: list[Rule]) -> None:
    conn.cursor().executemany(
        """INSERT INTO alert_rule_state (rule_id, params_hash) VALUES (%(r)s, %(h)s)
           ON CONFLICT (rule_id) DO UPDATE SET params_hash = EXCLUDED.params_hash, matched_at = now()""",
        [{"r": r.rule_id, "h": r.params_hash} for r in rules])
