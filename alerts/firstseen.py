"""First-seen entities: an org (or place, policy …) mentioned for the first time with a watched category.

scope "category" (default): the entity's earliest mention among versions labelled with one of
the rule's categories. scope "archive": its earliest mention anywhere, and that version must
carry one of the categories ("a company never mentioned before, and with 具身智能").
One event per rule and entity (event_key entity:<id>), in the digest's "new entities" section.

Warm-up baseline: the organisations of a first crawl are not news. Entities whose earliest
mention was stored in the archive's first FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS days (default 7,
counted from the first stored version), or was published before that end (a backfill of older
pages), form the baseline and are never reported. 0 turns the warm-up off. Such entities are
stored per rule (alert_first_seen_baseline), so a later run looks them up by key instead of
reading all of their mentions again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from alerts.facts import VersionFacts, select_facts
from alerts.rules import Catalog, Rule
from alerts.store import Event
from futurewatch.core.config import ConfigError, Settings

# Entity-first (issue 17): each wanted entity's mentions by key, each mention's version by key
# (OFFSET 0 keeps every lookup a per-row index probe, whatever the statistics say), read once per
# entity: its first stored mention and its earliest mention in scope come from the same rows.
# The old query computed the first stored mention again for every mention (quadratic).
EARLIEST_SQL = """
WITH mention AS MATERIALIZED (
    SELECT e.entity_id, m.surface, m.start_offset, v.version_id, v.created_at,
           coalesce(v.published_at, v.created_at) AS first_at
    FROM unnest(%(ids)s::bigint[]) AS i(entity_id)
    CROSS JOIN LATERAL (SELECT x.entity_id FROM entities x
                        WHERE x.entity_id = i.entity_id AND x.type = ANY(%(types)s) OFFSET 0) e
    CROSS JOIN LATERAL (SELECT x.version_id, x.surface, x.start_offset FROM entity_mentions x
                        WHERE x.entity_id = e.entity_id OFFSET 0) m
    CROSS JOIN LATERAL (SELECT x.version_id, x.created_at, x.published_at FROM document_versions x
                        WHERE x.version_id = m.version_id OFFSET 0) v
), stored AS (
    SELECT entity_id, min(created_at) AS first_stored FROM mention GROUP BY entity_id
), earliest AS (
    SELECT DISTINCT ON (x.entity_id) x.entity_id, x.surface, x.version_id, x.first_at
    FROM mention x
    WHERE %(archive)s OR EXISTS (SELECT 1 FROM classifications c
                                 WHERE c.version_id = x.version_id AND c.code = ANY(%(codes)s) OFFSET 0)
    ORDER BY x.entity_id, x.first_at, x.version_id, x.start_offset
)
SELECT x.entity_id, e.canonical, e.type, e.first_seen_on, x.surface, x.version_id, x.first_at, s.first_stored,
       EXISTS (SELECT 1 FROM classifications c
               WHERE c.version_id = x.version_id AND c.code = ANY(%(codes)s)
                 AND c.taxonomy_version_id = (SELECT max(r.taxonomy_version_id) FROM classification_runs r
                                              WHERE r.version_id = x.version_id)) AS in_scope
FROM earliest x
JOIN stored s ON s.entity_id = x.entity_id
CROSS JOIN LATERAL (SELECT y.canonical, y.type, y.first_seen_on FROM entities y
                    WHERE y.entity_id = x.entity_id OFFSET 0) e
ORDER BY x.entity_id
"""


WARMUP_DAYS = 7.0
ARCHIVE_START_SQL = "SELECT min(created_at) AS t FROM document_versions"


def warmup_days(settings: Settings) -> float:
    raw = settings.extra.get("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS")
    try:
        return float(raw) if raw not in (None, "") else WARMUP_DAYS
    except ValueError:
        raise ConfigError(f"FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS must be a number of days, got {raw!r}") from None


def warmup_end(conn, days: float) -> datetime | None:
    """When the baseline closes: archive start + warm-up days; None when the warm-up is off."""
    start = conn.execute(ARCHIVE_START_SQL).fetchone()["t"] if days > 0 else None
    return start + timedelta(days=days) if start else None


def after_baseline(row: dict, end: datetime | None) -> bool:
    return end is None or (row["first_stored"] > end and row["first_at"] > end)


# Entities of this batch the rule has decided before: reported (an event), or in the baseline
# for the rule's current params and a baseline end no later than this run's (see migration 0230).
DECIDED_SQL = """
SELECT substr(event_key, 8)::bigint AS entity_id FROM alert_events
WHERE rule_id = %(r)s AND event_key = ANY(%(keys)s)
UNION
SELECT entity_id FROM alert_first_seen_baseline
WHERE rule_id = %(r)s AND entity_id = ANY(%(ids)s) AND params_hash = %(h)s AND baseline_end <= %(end)s
"""
RECORD_BASELINE_SQL = """
INSERT INTO alert_first_seen_baseline (rule_id, entity_id, params_hash, baseline_end)
SELECT %(r)s, unnest(%(ids)s::bigint[]), %(h)s, %(end)s
ON CONFLICT (rule_id, entity_id) DO UPDATE SET params_hash = EXCLUDED.params_hash, baseline_end = EXCLUDED.baseline_end
"""


def build_first_seen_events(conn, facts_list: list[VersionFacts], rules: list[Rule], pending: set[int],
                            fresh: set[int], catalog: Catalog, end: datetime | None,
                            known: dict[int, set[int]] | None = None, *, record: bool = False) -> list[Event]:
    """Events for entities first seen in this batch's versions (`end`: warmup_end). `known` (rule →
    entity ids decided in this run) is kept across the batches of one run; entities decided in an
    earlier run are looked up by key, so the earliest-mention query runs once per undecided entity.
    With `record`, entities that fall in the baseline are stored as decided (in this transaction)."""
    known = {} if known is None else known
    events: list[Event] = []
    for rule in rules:
        done = known.setdefault(rule.rule_id, set())
        ids = sorted({e for f in facts_list if (f.version_id in pending or rule.rule_id in fresh) and rule.in_scope(f)
                      for e in f.entity_ids} - done)
        if ids:
            done |= {r["entity_id"] for r in conn.execute(DECIDED_SQL, {
                "r": rule.rule_id, "keys": [f"entity:{e}" for e in ids], "ids": ids, "h": rule.params_hash,
                "end": end}).fetchall()}
            ids = [e for e in ids if e not in done]
        if ids:  # each id queried either gets its event or (archive scope) never will in this run
            found, baseline = _rule_events(conn, rule, ids, catalog, end)
            events += found
            done |= set(ids)
            if record and baseline:
                conn.execute(RECORD_BASELINE_SQL, {"r": rule.rule_id, "ids": baseline, "h": rule.params_hash,
                                                   "end": end})
    return events


def _rule_events(conn, rule: Rule, ids: list[int], catalog: Catalog,
                 end: datetime | None) -> tuple[list[Event], list[int]]:
    """The rule's events for these entities, and the entities in the baseline (never reported)."""
    archive = rule.params.get("scope") == "archive"
    rows = conn.execute(EARLIEST_SQL, {
        "ids": ids, "codes": sorted(rule.codes or ()), "archive": archive,
        "types": rule.params.get("types") or ["org"],
    }).fetchall()
    baseline = [r["entity_id"] for r in rows if not after_baseline(r, end)]
    rows = [r for r in rows if r["in_scope"] and after_baseline(r, end)]
    if not rows:
        return [], baseline
    facts = {f.version_id: f for f in select_facts(conn, sorted({r["version_id"] for r in rows}))}
    return [_event(rule, row, facts[row["version_id"]], catalog) for row in rows if row["version_id"] in facts], baseline


def _event(rule: Rule, row: dict, facts: VersionFacts, catalog: Catalog) -> Event:
    codes = sorted((rule.codes or set()) & facts.codes.keys())
    terms = [row["surface"], row["canonical"]]
    payload = {
        "rule": rule.name, "rule_type": rule.rule_type, "title": facts.title, "url": facts.url,
        "published_at": facts.published_at.isoformat() if facts.published_at else None, "kind": facts.kind,
        "entity": {"id": row["entity_id"], "name": row["canonical"], "type": row["type"],
                   "first_seen_on": row["first_seen_on"].isoformat() if row["first_seen_on"] else None},
        "terms": terms, "snippet": facts.snippet(terms),
        "categories": [{"code": c, "name": catalog.label(c)} for c in codes],
        "groups": [catalog.label(c) for c in codes], "issuers": facts.issuers, "doc_number": facts.doc_number,
    }
    event = Event(rule.rule_id, f"entity:{row['entity_id']}", "new_entity", payload, facts.created_at,
                  facts.story_id, facts.version_id)
    event.merge_source({"source_id": facts.source_id, "name": facts.source_name, "url": facts.url})
    return event
