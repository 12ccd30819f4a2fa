"""Validity changed in place: `changed` events for policies whose 有效性 moved without a new version.

    raise_validity_events(conn, rules, index, catalog, now, batch_size) -> (versions checked, events new)

A later document that amends, abolishes or supersedes a policy, a reparse that rewrites its
有效性, or its 有效期 ending all change a version's validity in place; the version matcher reads
only pending versions and never sees them. alert_version_state.validity keeps what the alert
stage last saw (migration 0310, stored when a version is first matched); each run compares it
with policy_validity on the run's Shanghai day, in one statement that calls the rule only for the
versions whose validity can have moved (CHANGES_SQL): a rerun with nothing new computes none. A
version whose validity became amended, abolished or expired raises one event per `changed` rule
that matches it, keyed `<story key>:<validity>` (once per rule, story and state: reprints add
their source), with the reason in `payload.validity`; then the new value is stored, in the
transaction of the events. A rerun finds nothing to do; a crash loses only uncommitted chunks,
found again by the next run. Other rule types never fire here: the text did not change.
"""

from __future__ import annotations

from datetime import datetime

from alerts.facts import VersionFacts, select_facts
from alerts.policy_facts import attach_policy_facts
from alerts.rules import Catalog, Rule, match_version
from alerts.store import Event, record_validity, upsert_events
from alerts.terms import TermIndex
from futurewatch.core.localtime import source_day

ANNOUNCED = ("amended", "abolished", "expired")

# Current policy versions already matched whose validity may differ today from the one stored, with
# today's. policy_validity (migration 0521) is the stored 有效性 unless a current later document
# amends, abolishes or supersedes the document, the 有效期 ended before as_of, or the 施行日期 is
# still to come (or came for a source's not_yet_in_force); so only these can have moved, and the
# rule is called for them alone (~12 µs a call; the join ~1.5 µs a version): a document some
# reference names; a stored field that is not what was told, unless the dates explain it (told
# expired, the end date passed; told not yet in force, the start date to come; told in force, the
# start date come for a source's 尚未生效); an end date passed but not told; a start date to come but
# not told, or come but not told.
CHANGES_SQL = """
SELECT s.version_id, s.validity AS was, pm.expires_on,
       policy_validity(d.document_id, pm.validity, pm.effective_on, pm.expires_on, %(today)s) AS validity
FROM policy_metadata pm
JOIN alert_version_state s ON s.version_id = pm.version_id
JOIN documents d ON d.current_version_id = pm.version_id
WHERE d.document_id IN (SELECT r.to_document_id FROM policy_references r
                        WHERE r.relation IN ('amends', 'abolishes', 'supersedes'))
   OR (pm.validity IS DISTINCT FROM s.validity
       AND ((s.validity = 'expired' AND pm.validity IN ('not_yet_in_force', 'in_force', 'amended')
             AND pm.expires_on < %(today)s)
            OR (s.validity = 'not_yet_in_force' AND pm.validity = 'in_force' AND pm.effective_on > %(today)s)
            OR (s.validity = 'in_force' AND pm.validity = 'not_yet_in_force' AND pm.effective_on <= %(today)s))
           IS NOT TRUE)
   OR (pm.expires_on < %(today)s AND s.validity IS DISTINCT FROM 'expired')
   OR (pm.effective_on > %(today)s AND pm.validity IN ('not_yet_in_force', 'in_force')
       AND s.validity IS DISTINCT FROM 'not_yet_in_force')
   OR (pm.effective_on <= %(today)s AND s.validity = 'not_yet_in_force')
ORDER BY s.version_id
"""

# The newest current document that amends (or abolishes/supersedes) each document, for the reason.
LINKS_SQL = """
SELECT DISTINCT ON (r.to_document_id, effect) r.to_document_id AS document_id,
       CASE WHEN r.relation = 'amends' THEN 'amended' ELSE 'abolished' END AS effect,
       f.document_id AS by_document_id, fv.title, fpm.doc_number, f.canonical_url AS url
FROM policy_references r
JOIN documents f ON f.current_version_id = r.version_id
JOIN document_versions fv ON fv.version_id = r.version_id
LEFT JOIN policy_metadata fpm ON fpm.version_id = r.version_id
WHERE r.to_document_id = ANY(%(docs)s) AND r.relation IN ('amends', 'abolishes', 'supersedes')
ORDER BY r.to_document_id, effect, fv.created_at DESC, f.document_id DESC
"""


def select_changes(conn, now: datetime) -> tuple[int, list[dict]]:
    """(versions checked, those whose validity changed). 有效期 dates are days in China: compared on
    the run's Shanghai day."""
    checked = conn.execute(CHANGES_SQL, {"today": source_day(now)}).fetchall()
    return len(checked), [c for c in checked if c["validity"] != c["was"]]


def reasons_of(conn, changes: list[dict], facts: dict[int, VersionFacts]) -> dict[int, dict]:
    """payload.validity per version: the state, the one before, and what caused it when known (the
    later document that amends or abolishes it; the 有效期 end); else the source's own field."""
    docs = [facts[c["version_id"]].document_id for c in changes if c["version_id"] in facts]
    links = {(r["document_id"], r["effect"]): r for r in conn.execute(LINKS_SQL, {"docs": docs}).fetchall()}
    reasons = {}
    for change in changes:
        version = facts.get(change["version_id"])
        if version is None:
            continue
        reason = {"state": change["validity"], "was": change["was"]}
        link = links.get((version.document_id, change["validity"]))
        if link:
            reason["by"] = {"document_id": link["by_document_id"], "title": link["title"],
                            "doc_number": link["doc_number"], "url": link["url"]}
        elif change["validity"] == "expired" and change["expires_on"]:
            reason["expires_on"] = change["expires_on"].isoformat()
        reasons[change["version_id"]] = reason
    return reasons


def build_events(facts_list: list[VersionFacts], reasons: dict[int, dict], rules: list[Rule], index: TermIndex,
                 catalog: Catalog, now: datetime) -> list[Event]:
    from alerts.events import build_payload, source_of, version_payload_json

    events: dict[tuple[int, str], Event] = {}
    labels: dict = {}
    for facts in facts_list:
        reason = reasons.get(facts.version_id)
        if reason is None or reason["state"] not in ANNOUNCED:
            continue
        facts.validity = reason["state"]  # the rule sees the validity of today, not the stored field
        key = f"{facts.story_key}:{reason['state']}"
        for rule in rules:
            match = match_version(rule, facts, index)
            if match is None:
                continue
            event = events.get((rule.rule_id, key))
            if event is None:
                payload = build_payload(rule, facts, match, catalog, labels) | {"validity": reason}
                event = events[(rule.rule_id, key)] = Event(
                    rule.rule_id, key, "changed", payload, now, facts.story_id, facts.version_id,
                    shared=version_payload_json(facts))
            event.merge_source(source_of(facts))
    return list(events.values())


def raise_validity_events(conn, rules: list[Rule], index: TermIndex, catalog: Catalog, now: datetime,
                          batch_size: int = 500) -> tuple[int, int]:
    """See the module docstring. One transaction per chunk of changed versions; (versions checked,
    new events)."""
    changed_rules = [r for r in rules if r.rule_type == "changed"]
    created = 0
    checked, changes = select_changes(conn, now)
    for start in range(0, len(changes), batch_size):
        chunk = changes[start:start + batch_size]
        with conn.transaction():
            facts_list = select_facts(conn, [c["version_id"] for c in chunk])
            attach_policy_facts(conn, facts_list)
            reasons = reasons_of(conn, chunk, {f.version_id: f for f in facts_list})
            events = build_events(facts_list, reasons, changed_rules, index, catalog, now)
            record_validity(conn, [(c["version_id"], c["validity"]) for c in chunk])
            created += upsert_events(conn, events)  # last: see upsert_events
    return checked, created
