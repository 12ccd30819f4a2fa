"""policy_deadline: an alert N days (param `days`, default 7) before a deadline a policy sets
(申报截止, 有效期至 … read by parsers.policy_measures).

One event per rule, document and deadline (event_key deadline:<document_id>:<YYYY-MM-DD>), so
the reminder comes once however often the stage runs; reprints of one policy at several
sources share a story and are reported once. `now` (the run's moment) sets "today".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from alerts.levels import LEVEL_WORDS
from alerts.rules import Rule, policy_filter_terms
from alerts.store import Event
from alerts.terms import normalize_term

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT_DAYS = 7

DEADLINES_SQL = """
SELECT DISTINCT ON (coalesce('s' || d.story_id, 'd' || d.document_id), m.due_on)
       d.document_id, d.story_id, d.kind, d.source_id, d.canonical_url AS url, v.version_id, v.title,
       v.published_at, pm.doc_number, pm.issuers, m.due_on, m.text, s.name AS source_name,
       (SELECT i.level FROM policy_issuers i WHERE i.version_id = v.version_id ORDER BY i.position LIMIT 1) AS level
FROM policy_measures m
JOIN documents d ON d.current_version_id = m.version_id
JOIN document_versions v ON v.version_id = m.version_id
JOIN sources s ON s.source_id = d.source_id
LEFT JOIN policy_metadata pm ON pm.version_id = v.version_id
WHERE m.kind = 'deadline' AND m.due_on BETWEEN %(today)s AND %(until)s
ORDER BY coalesce('s' || d.story_id, 'd' || d.document_id), m.due_on, d.document_id, m.position
"""


def _wanted(rule: Rule, row: dict) -> bool:
    p = rule.params
    if p.get("sources") and row["source_id"] not in p["sources"]:
        return False
    if p.get("kinds") and row["kind"] not in p["kinds"]:
        return False
    return policy_filter_terms(rule, lambda: [normalize_term(i) for i in row["issuers"] or []],
                               lambda: row["level"], row["doc_number"]) is not None


def build_deadline_events(conn, rules: list[Rule], now: datetime) -> list[Event]:
    today = now.astimezone(SHANGHAI).date()
    events = []
    for rule in rules:
        days = int(rule.params.get("days") or DEFAULT_DAYS)
        rows = conn.execute(DEADLINES_SQL, {"today": today, "until": today + timedelta(days=days)}).fetchall()
        events += [_event(rule, row, today, now) for row in rows if _wanted(rule, row)]
    return events


def _event(rule: Rule, row: dict, today, now: datetime) -> Event:
    payload = {
        "rule": rule.name, "rule_type": "policy_deadline", "title": row["title"], "url": row["url"],
        "published_at": row["published_at"].isoformat() if row["published_at"] else None, "kind": row["kind"],
        "issuers": list(row["issuers"] or []), "doc_number": row["doc_number"],
        "level": LEVEL_WORDS.get(row["level"] or ""),
        "due_on": row["due_on"].isoformat(), "days_left": (row["due_on"] - today).days,
        "deadline_text": row["text"][:200], "terms": [], "groups": [], "snippet": [],
    }
    key = f"deadline:{row['document_id']}:{row['due_on'].isoformat()}"
    source = {"source_id": row["source_id"], "name": row["source_name"], "url": row["url"]}
    return Event(rule.rule_id, key, "deadline", payload, now, row["story_id"], row["version_id"], sources=[source])
