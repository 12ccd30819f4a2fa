"""Spikes: the documents of a category or entity in the last window (default 24 h) against the
trailing baseline (default 14 windows). Reprints of one story count once.

ratio = last / baseline, where baseline is the mean count per window over the trailing windows.
A spike fires when last >= min_count (3) and ratio >= threshold (3.0); with an empty baseline
it fires on min_count alone and the ratio is reported as null ("new").
One event per rule, target and Shanghai day (event_key spike:<target>:<YYYY-MM-DD>).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE

from alerts.rules import Catalog, Rule
from alerts.store import Event

SHANGHAI = ZoneInfo(SOURCE_TIMEZONE)

# Version-first (issue 17): the window is found through the published_at and first_seen_at indexes,
# and every other row by key, one version at a time: OFFSET 0 keeps each lookup a per-row index
# probe (no hash over a whole table), whatever the statistics say. Without statistics the old
# query scanned, for each document, every label of the rule's codes. One read of the window
# serves every spike target of the run: each row carries the watched codes and entities it has.
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
), watched AS (
    SELECT coalesce('s' || r.story_id, 'd' || r.document_id) AS story, r.at,
           (SELECT array_agg(c.code) FROM classifications c
             WHERE c.version_id = r.version_id AND c.code = ANY(%(codes)s)
               AND c.taxonomy_version_id = (SELECT max(x.taxonomy_version_id) FROM classification_runs x
                                            WHERE x.version_id = r.version_id)) AS codes,
           (SELECT array_agg(m.entity_id) FROM entity_mentions m
             WHERE m.version_id = r.version_id AND m.entity_id = ANY(%(entities)s)) AS entities
    FROM recent r
)
SELECT story, at, coalesce(codes, '{}') AS codes, coalesce(entities, '{}') AS entities
FROM watched WHERE codes IS NOT NULL OR entities IS NOT NULL
"""


@dataclass(frozen=True)
class Target:
    rule: Rule
    key: str
    label: str
    codes: frozenset[str]
    entities: frozenset[int]
    window: timedelta
    windows: int


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


def window_rows(conn, now: datetime, since: datetime, codes: set[str], entities: set[int]) -> list[dict]:
    """Documents (story keys) of (since, now] with any of these codes or entities, read once."""
    if not codes and not entities:
        return []
    return conn.execute(COUNTS_SQL, {"now": now, "since": since, "codes": sorted(codes),
                                     "entities": sorted(entities)}).fetchall()


def series_of(rows: list[dict], now: datetime, window: timedelta, windows: int, codes: set[str] | frozenset[str],
              entities: set[int] | frozenset[int]) -> list[int]:
    """Counts per window, oldest first (the last element is the current window); reprints count once."""
    stories: list[set[str]] = [set() for _ in range(windows + 1)]
    for row in rows:
        if codes.isdisjoint(row["codes"]) and entities.isdisjoint(row["entities"]):
            continue
        ago = (now - row["at"]) // window
        if 0 <= ago <= windows:
            stories[windows - ago].add(row["story"])
    return [len(s) for s in stories]


def count_series(conn, now: datetime, window: timedelta, windows: int, codes: list[str],
                 entities: list[int]) -> list[int]:
    """Counts per window of one target, oldest first; the last element is the current window."""
    rows = window_rows(conn, now, now - window * (windows + 1), set(codes), set(entities))
    return series_of(rows, now, window, windows, set(codes), set(entities))


def build_spike_events(conn, rules: list[Rule], catalog: Catalog, now: datetime) -> tuple[list[Event], list[str]]:
    targets, errors = [], []
    for rule in rules:
        p = rule.params
        window = timedelta(hours=float(p.get("window_hours") or 24))
        windows = max(1, round(timedelta(days=float(p.get("baseline_days") or 14)) / window))
        found, target_errors = _targets(rule, catalog)
        errors += target_errors
        targets += [Target(rule, key, label, frozenset(codes), frozenset(entities), window, windows)
                    for key, label, codes, entities in found]
    if not targets:
        return [], errors
    since = min(now - t.window * (t.windows + 1) for t in targets)
    rows = window_rows(conn, now, since, set().union(*(t.codes for t in targets)),
                       set().union(*(t.entities for t in targets)))
    events = [_spike_event(t, now, series_of(rows, now, t.window, t.windows, t.codes, t.entities)) for t in targets]
    return [e for e in events if e is not None], errors


def _spike_event(target: Target, now: datetime, series: list[int]) -> Event | None:
    rule, p, window, windows = target.rule, target.rule.params, target.window, target.windows
    key, label = target.key, target.label
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
