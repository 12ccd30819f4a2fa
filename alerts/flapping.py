"""Flapping damping: a page that keeps going back to a text it had before alerts once, not at every flip.

    attach_reverts(conn, facts_list, window_days)          facts.returns_to, facts.flapping
    select_flapping_documents(conn, now, window_days)      documents damped in the window, for ops

A version is a *revert* when its document had its content before (an earlier version with the same
content_hash): `returns_to` is the first version that had it. A revert is *flapping* when the
document reverted before, less than `window_days` earlier (FUTUREWATCH_FLAP_WINDOW_DAYS, default 7;
0 turns damping off). Its events are recorded with `suppressed = 'flapping'` and never sent; the
first revert in the window, and every version with a content new to the document, are sent as
before. Times are the fetches' (when the page said so; a version without a fetch: when it was
stored), so a backlog processed at once is judged by when its pages changed.

The decision reads only the document's history, never what the alert stage did before: reruns,
backfills of new rules, workers and batch order all give the same answer (a revert superseded
before any run still counts as the document's first revert).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from alerts.facts import VersionFacts

SUPPRESSED_FLAPPING = "flapping"

# Each version of the batch by key; its earlier versions through (document_id, content_hash, …) and
# (document_id, version_no), the unique keys of document_versions.
REVERTS_SQL = """
SELECT v.version_id, back.version_no AS returns_to,
       (%(window)s > interval '0' AND EXISTS (
            SELECT 1 FROM document_versions w
            LEFT JOIN raw_fetches wf ON wf.raw_fetch_id = w.raw_fetch_id
            WHERE w.document_id = v.document_id AND w.version_no < v.version_no
              AND coalesce(wf.fetched_at, w.created_at) > coalesce(f.fetched_at, v.created_at) - %(window)s
              AND EXISTS (SELECT 1 FROM document_versions x
                          WHERE x.document_id = w.document_id AND x.content_hash = w.content_hash
                            AND x.version_no < w.version_no))) AS flapping
FROM document_versions v
LEFT JOIN raw_fetches f ON f.raw_fetch_id = v.raw_fetch_id
CROSS JOIN LATERAL (SELECT min(x.version_no) AS version_no FROM document_versions x
                    WHERE x.document_id = v.document_id AND x.content_hash = v.content_hash
                      AND x.version_no < v.version_no) back
WHERE v.version_id = ANY(%(ids)s::bigint[]) AND v.version_no > 2 AND back.version_no IS NOT NULL
"""

# Documents whose events the stage damped in the window before `now` (index alert_events_suppressed_idx).
FLAPPING_DOCUMENTS_SQL = """
SELECT DISTINCT v.document_id
FROM alert_events e JOIN document_versions v ON v.version_id = e.version_id
WHERE e.suppressed = 'flapping' AND e.occurred_at > %(since)s AND e.occurred_at <= %(now)s
ORDER BY v.document_id
"""


def window_of(window_days: float) -> timedelta:
    return timedelta(days=window_days)


def attach_reverts(conn, facts_list: list[VersionFacts], window_days: float) -> None:
    """Set `returns_to` and `flapping` on the batch's versions that are reverts (one statement)."""
    candidates = [f.version_id for f in facts_list if f.version_no > 2]  # a revert needs two versions before it
    if not candidates:
        return
    rows = conn.execute(REVERTS_SQL, {"ids": candidates, "window": window_of(window_days)}).fetchall()
    reverts = {r["version_id"]: r for r in rows}
    for facts in facts_list:
        if (row := reverts.get(facts.version_id)) is not None:
            facts.returns_to, facts.flapping = row["returns_to"], row["flapping"]


def select_flapping_documents(conn, now: datetime, window_days: float) -> list[int]:
    """Ids of the documents with events suppressed as flapping in the window before `now`, ascending."""
    rows = conn.execute(FLAPPING_DOCUMENTS_SQL, {"since": now - window_of(window_days), "now": now}).fetchall()
    return [r["document_id"] for r in rows]
