"""First-seen entities: an org (or place, policy …) mentioned for the first time with a watched category.

scope "category" (default): the entity's earliest mention among versions labelled with one of
the rule's categories. scope "archive": its earliest mention anywhere, and that version must
carry one of the categories ("a company never mentioned before, and with 具身智能").
One event per rule and entity (event_key entity:<id>), in the digest's "new entities" section.

Warm-up baseline: the organisations of a first crawl are not news. Entities whose earliest
mention was stored in the archive's first FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS days (default 7,
counted from the first stored version), or was published before that end (a backfill of older
pages), form the baseline and are never reported. 0 turns the warm-up off.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from alerts.facts import VersionFacts, select_facts
from alerts.rules import Catalog, Rule
from alerts.store import Event
from futurewatch.core.config import ConfigError, Settings

EARLIEST_SQL = """
SELECT DISTINCT ON (m.entity_id) m.entity_id, e.canonical, e.type, e.first_seen_on, m.surface,
       v.version_id, coalesce(v.published_at, v.created_at) AS first_at,
       (SELECT min(v2.created_at) FROM entity_mentions m2 JOIN document_versions v2 ON v2.version_id = m2.version_id
         WHERE m2.entity_id = m.entity_id) AS first_stored,
       EXISTS (SELECT 1 FROM classifications c
               WHERE c.version_id = v.version_id AND c.code = ANY(%(codes)s)
                 AND c.taxonomy_version_id = (SELECT max(r.taxonomy_version_id) FROM classification_runs r
                                              WHERE r.version_id = v.version_id)) AS in_scope
FROM entity_mentions m
JOIN entities e ON e.entity_id = m.entity_id
JOIN document_versions v ON v.version_id = m.version_id
WHERE m.entity_id = ANY(%(ids)s) AND e.type = ANY(%(types)s)
  AND (%(archive)s OR EXISTS (SELECT 1 FROM classifications c
                              WHERE c.version_id = v.version_id AND c.code = ANY(%(codes)s)))
ORDER BY m.entity_id, coalesce(v.published_at, v.created_at), v.version_id, m.start_offset
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


KNOWN_SQL = """
SELECT substr(event_key, 8)::bigint AS entity_id FROM alert_events
WHERE rule_id = %(r)s AND event_key LIKE 'entity:%%'
"""


def build_first_seen_events(conn, facts_list: list[VersionFacts], rules: list[Rule], pending: set[int],
                            fresh: set[int], catalog: Catalog, warmup: float,
                            known: dict[int, set[int]] | None = None) -> list[Event]:
    """Events for entities first seen in this batch's versions. `known` (rule → entity ids already
    decided: reported before, or checked in this run) is filled on first use and kept across the
    batches of one run, so the earliest-mention query runs once per new entity."""
    known = {} if known is None else known
    events: list[Event] = []
    for rule in rules:
        if rule.rule_id not in known:
            known[rule.rule_id] = {r["entity_id"] for r in conn.execute(KNOWN_SQL, {"r": rule.rule_id}).fetchall()}
        ids = {e for f in facts_list if (f.version_id in pending or rule.rule_id in fresh) and rule.in_scope(f)
               for e in f.entity_ids} - known[rule.rule_id]
        if ids:  # each id queried either gets its event or (archive scope) never will in this run
            events += _rule_events(conn, rule, sorted(ids), catalog, warmup)
            known[rule.rule_id] |= ids
    return events


def _rule_events(conn, rule: Rule, ids: list[int], catalog: Catalog, warmup: float) -> list[Event]:
    archive = rule.params.get("scope") == "archive"
    rows = conn.execute(EARLIEST_SQL, {
        "ids": ids, "codes": sorted(rule.codes or ()), "archive": archive,
        "types": rule.params.get("types") or ["org"],
    }).fetchall()
    end = warmup_end(conn, warmup)
    rows = [r for r in rows if r["in_scope"] and after_baseline(r, end)]
    if not rows:
        return []
    facts = {f.version_id: f for f in select_facts(conn, sorted({r["version_id"] for r in rows}))}
    return [_event(rule, row, facts[row["version_id"]], catalog) for row in rows if row["version_id"] in facts]


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
