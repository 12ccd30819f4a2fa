"""Spikes: the documents of a category or entity in the last window (default 24 h) against the
trailing baseline (default 14 windows). Reprints of one story count once.

ratio = last / baseline, where baseline is the mean count per window over the trailing windows.
A spike fires when last >= min_count (3) and ratio >= threshold (3.0); with an empty baseline
it fires on min_count alone and the ratio is reported as null ("new").
One event per rule, target and Shanghai day (event_key spike:<target>:<YYYY-MM-DD>).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE

from alerts.rules import Catalog, Rule
from alerts.store import Event

SHANGHAI = ZoneInfo(SOURCE_TIMEZONE)

# Version-first (issue 17): the window is found through the published_at and first_seen_at indexes,
# and every other row by key, one version at a time: OFFSET 0 keeps each lookup a per-row index
# probe (no hash over a whole table), whatever the statistics say. Without statistics the old
# query scanned, for each document, every label of the rule's codes.
COUNTS_SQL = """
WITH recent AS (
    SELECT d.document_id, d.story_id, v.version_id, v.published_at AS at
    FROM document_versions v
    CROSS JOIN LATERAL (SELECT c.document_id, c.story_id FROM documents c
                        WHERE c.current_version_id = v.version_id OFFSET 0) d
    WHERE v.published_at > %(since)s AND v.published_at <= %(now)s
    UNION ALL
    SELECT d.document_id, d.story_id, v.version_id, d.first_seen_at
    FROM documents d
    CROSS JOIN LATERAL (SELECT x.version_id FROM document_versions x
                        WHERE x.version_id = d.current_version_id AND x.published_at IS NULL OFFSET 0) v
    WHERE d.first_seen_at > %(since)s AND d.first_seen_at <= %(now)s
)
SELECT floor(extract(epoch FROM (%(now)s - r.at)) / %(window)s)::int AS ago,
       count(DISTINCT coalesce('s' || r.story_id, 'd' || r.document_id)) AS n
FROM recent r
WHERE EXISTS (SELECT 1 FROM classifications c
              WHERE c.version_id = r.version_id AND c.code = ANY(%(codes)s)
                AND c.taxonomy_version_id = (SELECT max(x.taxonomy_version_id) FROM classification_runs x
                                             WHERE x.version_id = r.version_id)
              OFFSET 0)
   OR EXISTS (SELECT 1 FROM entity_mentions m
              WHERE m.version_id = r.version_id AND m.entity_id = ANY(%(entities)s) OFFSET 0)
GROUP BY 1
"""


def _targets(rule: Rule, catalog: Catalog) -> tuple[list[tuple[str, str, list[str], list[int]]], list[str]]:
    """(key, label, codes, entity ids) per target; errors for targets that name nothing."""
    targets, errors = [], []
    for selector in rule.selectors:
        codes = sorted(catalog.expand(selector))
        if not codes:
            errors.append(f"rule {rule.name!r}: category {selector!r} is not in the taxonomy")
            continue
        label = selector.split(":", 1)[1] if ":" in selector else catalog.label(selector)
        targets.append((f"category:{selector}", label, codes, []))
    names = rule.params.get("names") or []
    if names and not rule.entity_ids:
        errors.append(f"rule {rule.name!r}: none of {names} is a known entity yet")
    elif names:
        targets.append((f"entity:{'+'.join(str(i) for i in sorted(rule.entity_ids))}", "、".join(names), [],
                        sorted(rule.entity_ids)))
    return targets, errors


def count_series(conn, now: datetime, window: timedelta, windows: int, codes: list[str],
                 entities: list[int]) -> list[int]:
    """Counts per window, oldest first; the last element is the current window."""
    rows = conn.execute(COUNTS_SQL, {
        "now": now, "window": window.total_seconds(), "since": now - window * (windows + 1),
        "codes": codes, "entities": entities,
    }).fetchall()
    counts = [0] * (windows + 1)
    for row in rows:
        if 0 <= row["ago"] <= windows:
            counts[windows - row["ago"]] += row["n"]
    return counts


def build_spike_events(conn, rules: list[Rule], catalog: Catalog, now: datetime) -> tuple[list[Event], list[str]]:
    events, errors = [], []
    for rule in rules:
        targets, target_errors = _targets(rule, catalog)
        errors += target_errors
        for key, label, codes, entities in targets:
            event = _spike_event(conn, rule, now, key, label, codes, entities)
            if event is not None:
                events.append(event)
    return events, errors


def _spike_event(conn, rule: Rule, now: datetime, key: str, label: str, codes: list[str],
                 entities: list[int]) -> Event | None:
    p = rule.params
    window = timedelta(hours=float(p.get("window_hours") or 24))
    windows = max(1, round(timedelta(days=float(p.get("baseline_days") or 14)) / window))
    series = count_series(conn, now, window, windows, codes, entities)
    last, baseline = series[-1], sum(series[:-1]) / windows
    ratio = last / baseline if baseline else None
    threshold, min_count = float(p.get("threshold") or 3.0), int(p.get("min_count") or 3)
    if last < min_count or (ratio is not None and ratio < threshold):
        return None
    day = now.astimezone(SHANGHAI).date()
    days = [(now - window * (windows - i)).astimezone(SHANGHAI).date().isoformat() for i in range(windows + 1)]
    payload = {
        "rule": rule.name, "rule_type": "spike", "title": label, "target": key, "count": last,
        "baseline": round(baseline, 2), "ratio": round(ratio, 2) if ratio is not None else None,
        "threshold": threshold, "window_hours": window.total_seconds() / 3600, "baseline_windows": windows,
        "series": series, "days": days, "groups": [label], "terms": [],
    }
    return Event(rule.rule_id, f"spike:{key}:{day.isoformat()}", "spike", payload, now)
