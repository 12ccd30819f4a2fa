"""`futurewatch alerts test`: run rules against the whole archive without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from alerts import deadlines, firstseen, flapping, spikes
from alerts.events import build_term_index, match_batch
from alerts.facts import select_facts
from alerts.policy_facts import attach_policy_facts
from alerts.store import resolve_entities, select_catalog, select_rules
from futurewatch.core.config import Settings
from futurewatch.core.db import connect

RULE_IDS_SQL = """
SELECT r.rule_id FROM alert_rules r JOIN subscribers s USING (subscriber_id)
WHERE r.rule_id::text = %(t)s OR r.name = %(t)s OR s.email = %(t)s OR s.name = %(t)s
"""


@dataclass
class RuleTrial:
    rule: str
    rule_type: str
    matches: list[dict] = field(default_factory=list)


@dataclass
class TrialResult:
    versions: int = 0
    trials: list[RuleTrial] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def trial_match(db_url: str, target: str, *, now: datetime, settings: Settings, batch_size: int = 1000) -> TrialResult:
    """What the rules named by `target` (rule id or name, subscriber email or name) would raise now."""
    result = TrialResult()
    with connect(db_url) as conn:
        ids = [r["rule_id"] for r in conn.execute(RULE_IDS_SQL, {"t": target}).fetchall()]
        if not ids:
            raise LookupError(f"no rule or subscriber {target!r}")
        catalog = select_catalog(conn)
        rules, _, result.errors = select_rules(conn, catalog, ids)
        resolve_entities(conn, rules)
        versions = [r["v"] for r in conn.execute(
            "SELECT current_version_id AS v FROM documents WHERE current_version_id IS NOT NULL ORDER BY 1").fetchall()]
        every = {r.rule_id for r in rules}
        baseline_end = firstseen.warmup_end(conn, firstseen.warmup_days(settings))
        index = build_term_index(rules)
        events = []
        for start in range(0, len(versions), batch_size):
            facts = select_facts(conn, versions[start:start + batch_size])
            attach_policy_facts(conn, facts)
            flapping.attach_reverts(conn, facts, settings.flap_window_days)  # as the real run: reverts, flapping
            events += match_batch(facts, [r for r in rules if r.rule_type not in ("spike", "policy_deadline",
                                                                                   "first_seen_entity")],
                                  set(), every, index, catalog).values()
            seen = [r for r in rules if r.rule_type == "first_seen_entity"]
            events += firstseen.build_first_seen_events(conn, facts, seen, set(), every, catalog, baseline_end)
        spike_events, spike_errors = spikes.build_spike_events(conn, [r for r in rules if r.rule_type == "spike"],
                                                               catalog, now)
        events += spike_events
        events += deadlines.build_deadline_events(conn, [r for r in rules if r.rule_type == "policy_deadline"], now)
        result.errors += spike_errors
    result.versions = len(versions)
    by_rule = {r.rule_id: RuleTrial(r.name, r.rule_type) for r in rules}
    for event in events:
        by_rule[event.rule_id].matches.append({**event.payload, "event_key": event.event_key,
                                               "sources": event.sources, "suppressed": event.suppressed})
    result.trials = list(by_rule.values())
    return result
