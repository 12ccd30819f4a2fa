"""Digests: one per subscriber and period, built once from the events not yet sent to them.

An event goes into the first digest of its subscriber whose period end it precedes (occurred_at
<= period_end) and that is built after it exists; events older than CATCH_UP before the period
are left out (a backfill of old documents does not flood the next digest), and so are events
recorded as suppressed (alerts.flapping). Items of several rules on the same story merge into one. Empty digests are not stored and not sent.
The digest, its MIME message (stable Message-ID) and its outbox row are written in one
transaction under a per-subscriber advisory lock, and ON CONFLICT keeps the first build.

A daily or weekly subscriber's due period stays the same on every run until the next one ends (a
weekly period is due on seven daily runs). The period a run finishes (built, already built, or
empty) is recorded in subscribers.digested_through in the same transaction, which also clears the
subscriber's last build error; a later run whose due period is that very period (or the period of
the newest stored digest) skips the subscriber without a query. Only the same period: a run whose
clock was ahead (a mistaken --now) must not swallow the days before it, and a rerun of an old day
still builds that day's digest from what was never sent. Delivery does not depend on it (the outbox sends every pending row), a period
whose build failed is not recorded (the next run tries again), and an event that arrives after its
period was found empty goes into the next digest (CATCH_UP).
"""

from __future__ import annotations

import email.policy
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from alerts.layout import build_context
from alerts.periods import due_period
from alerts.render import render_html, render_text
from alerts.chat_outbox import queue_chat_messages
from futurewatch.core.config import Settings
from futurewatch.core.db import connect

log = logging.getLogger(__name__)
CATCH_UP = timedelta(days=7)

EVENTS_SQL = """
SELECT e.event_id, e.event_key, e.section, e.payload, e.occurred_at, e.story_id, e.version_id, r.name AS rule_name
FROM alert_events e JOIN alert_rules r USING (rule_id)
WHERE r.subscriber_id = %(s)s AND e.occurred_at <= %(end)s AND e.occurred_at > %(since)s AND e.suppressed IS NULL
  AND (%(all)s OR NOT EXISTS (SELECT 1 FROM digests d
                              WHERE d.subscriber_id = %(s)s AND d.event_ids @> ARRAY[e.event_id]))
ORDER BY e.occurred_at, e.event_id
"""


@dataclass
class DigestDraft:
    subscriber: dict
    period_start: datetime
    period_end: datetime
    subject: str
    text: str
    html: str
    message_id: str
    event_ids: list[int]
    charts: dict[str, bytes] = field(default_factory=dict)
    context: dict = field(default_factory=dict)
    unsubscribe: list[str] = field(default_factory=list)


@dataclass
class BuildSummary:
    subscribers: int = 0
    built: int = 0
    empty: int = 0
    existing: int = 0
    finished: int = 0  # due period finished by an earlier run: skipped without a query
    digest_ids: list[int] = field(default_factory=list)
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def message_id_for(subscriber_id: int, start: datetime, end: datetime, sender: str) -> str:
    """Stable per (subscriber, period): a rebuild or resend carries the same Message-ID."""
    domain = sender.rsplit("@", 1)[-1].strip(">") if "@" in sender else "futurewatch.local"
    return f"<digest.{subscriber_id}.{start.timestamp():.0f}.{end.timestamp():.0f}@{domain}>"


def select_events(conn, subscriber_id: int, start: datetime, end: datetime, *, include_sent: bool = False) -> list[dict]:
    """Events for a digest of [start, end]: not yet sent, reaching back CATCH_UP for late ones;
    with include_sent (previews of a past period), exactly the period's events."""
    since = start if include_sent else start - CATCH_UP
    return conn.execute(EVENTS_SQL, {"s": subscriber_id, "end": end, "since": since, "all": include_sent}).fetchall()


def build_draft(conn, subscriber: dict, events: list[dict], start: datetime, end: datetime,
                settings: Settings) -> DigestDraft | None:
    """Render a digest from events (alerts.layout gives the reading order); None when there is nothing to say."""
    if not events:
        return None
    context, images = build_context(conn, subscriber, events, start, end, settings)
    return DigestDraft(subscriber, start, end, context["subject"], render_text(context), render_html(context),
                       message_id_for(subscriber["subscriber_id"], start, end, settings.smtp_from),
                       sorted({e["event_id"] for e in events}), images, context, context["unsubscribe"])


def build_mime(draft: DigestDraft, sender: str) -> bytes:
    """multipart/alternative: text/plain, then multipart/related (text/html + inline PNG charts).

    List-Unsubscribe (RFC 2369) names the mailto: and any https: link; List-Unsubscribe-Post
    (RFC 8058 one-click) is added only with an https: link, as that RFC requires."""
    msg = EmailMessage()
    msg["Subject"] = draft.subject
    msg["From"] = sender
    msg["To"] = draft.subscriber.get("email") or "undisclosed-recipients:;"
    msg["Date"] = format_datetime(draft.period_end)
    msg["Message-ID"] = draft.message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Futurewatch-Period"] = f"{draft.period_start.isoformat()}/{draft.period_end.isoformat()}"
    if draft.unsubscribe:
        msg["List-Unsubscribe"] = ", ".join(f"<{link}>" for link in draft.unsubscribe)
        if any(link.startswith("https:") for link in draft.unsubscribe):
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(draft.text, charset="utf-8")
    msg.add_alternative(draft.html, subtype="html", charset="utf-8")
    html_part = msg.get_payload()[1]
    for cid, png in draft.charts.items():
        html_part.add_related(png, "image", "png", cid=f"<{cid}>", filename=f"{cid.split('@')[0]}.png",
                              disposition="inline")
    return msg.as_bytes(policy=email.policy.SMTP)  # CRLF line ends, as sent on the wire


STORE_DIGEST_SQL = """
INSERT INTO digests (subscriber_id, period_start, period_end, message_id, subject, body_text, body_html, mime, event_ids)
VALUES (%(s)s, %(start)s, %(end)s, %(mid)s, %(subject)s, %(text)s, %(html)s, %(mime)s, %(events)s)
ON CONFLICT (subscriber_id, period_start, period_end) DO NOTHING
RETURNING digest_id
"""


def build_digest(conn, subscriber: dict, start: datetime, end: datetime, settings: Settings) -> tuple[int | None, bool]:
    """(digest_id, newly built) for one subscriber and period; (None, False) when empty.

    Runs inside the caller's transaction, under the subscriber's advisory lock."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('futurewatch.digest'), %(s)s::int)",
                 {"s": subscriber["subscriber_id"]})
    existing = conn.execute("SELECT digest_id FROM digests WHERE subscriber_id = %(s)s AND period_start = %(a)s "
                            "AND period_end = %(b)s", {"s": subscriber["subscriber_id"], "a": start, "b": end}).fetchone()
    if existing:
        return existing["digest_id"], False
    draft = build_draft(conn, subscriber, select_events(conn, subscriber["subscriber_id"], start, end), start, end,
                        settings)
    if draft is None:
        return None, False
    row = conn.execute(STORE_DIGEST_SQL, {
        "s": subscriber["subscriber_id"], "start": start, "end": end, "mid": draft.message_id, "subject": draft.subject,
        "text": draft.text, "html": draft.html, "mime": build_mime(draft, settings.smtp_from), "events": draft.event_ids,
    }).fetchone()
    if subscriber.get("email") or not settings.smtp_host:  # a chat-only subscriber still gets the file copy
        conn.execute("INSERT INTO deliveries (digest_id, channel, recipient) VALUES (%(d)s, %(c)s, %(r)s) "
                     "ON CONFLICT (digest_id) DO NOTHING",
                     {"d": row["digest_id"], "c": "smtp" if settings.smtp_host else "file", "r": subscriber.get("email")})
    queue_chat_messages(conn, row["digest_id"], draft, settings)
    return row["digest_id"], True


SUBSCRIBERS_SQL = """
SELECT s.*, (SELECT max(period_end) FROM digests d WHERE d.subscriber_id = s.subscriber_id) AS last_end
FROM subscribers s WHERE s.active AND (%(ids)s::bigint[] IS NULL OR s.subscriber_id = ANY(%(ids)s))
ORDER BY s.subscriber_id
"""


def build_due_digests(db_url: str, *, now: datetime, settings: Settings,
                      subscriber_ids: list[int] | None = None) -> BuildSummary:
    """Build the due digest of every active subscriber (one transaction each)."""
    summary = BuildSummary()
    with connect(db_url) as conn:
        subscribers = conn.execute(SUBSCRIBERS_SQL, {"ids": subscriber_ids}).fetchall()
    for sub in subscribers:
        summary.subscribers += 1
        try:
            if period_finished(sub, now):
                summary.finished += 1
                continue
            with connect(db_url) as conn:
                start, end = due_period_for(conn, sub, now)
                digest_id, new = build_digest(conn, sub, start, end, settings)
                note_period_finished(conn, sub, end)
        except Exception as exc:  # one subscriber's failure is its own: noted on its row, the rest go on
            note_build_failure(db_url, sub, exc, summary)
            continue
        if digest_id is None:
            summary.empty += 1
            continue
        summary.digest_ids.append(digest_id)
        summary.built += new
        summary.existing += not new
    return summary


def period_finished(subscriber: dict, now: datetime) -> bool:
    """Whether an earlier run finished the due period (see the module docstring); never for `immediate`."""
    if subscriber["cadence"] == "immediate":
        return False
    due_end = due_period(subscriber["cadence"], subscriber["timezone"], now)[1]
    return due_end in (subscriber["digested_through"], subscriber["last_end"])


def note_period_finished(conn, subscriber: dict, end: datetime) -> None:
    """Record the finished period (the latest run's, not the latest in time: see the module docstring)
    and clear the build error an earlier run left (it is over)."""
    conn.execute("UPDATE subscribers SET digested_through = %(end)s, "
                 "last_error = NULL, last_error_at = NULL WHERE subscriber_id = %(s)s",
                 {"end": end, "s": subscriber["subscriber_id"]})


def note_build_failure(db_url: str, subscriber: dict, exc: Exception, summary: BuildSummary) -> None:
    error = f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:500]
    log.error("alerts: digest of subscriber_id=%s not built: %s", subscriber["subscriber_id"], error)
    summary.failed += 1
    summary.errors.append(f"subscriber_id={subscriber['subscriber_id']}: digest not built: {error}")
    with connect(db_url) as conn:
        conn.execute("UPDATE subscribers SET last_error = %(e)s, last_error_at = now() WHERE subscriber_id = %(s)s",
                     {"e": error, "s": subscriber["subscriber_id"]})


def due_period_for(conn, subscriber: dict, now: datetime) -> tuple[datetime, datetime]:
    """The due period; for `immediate`, a digest already ending at `now` is that period (task retried)."""
    if subscriber["cadence"] == "immediate":
        row = conn.execute("SELECT period_start, period_end FROM digests WHERE subscriber_id = %(s)s "
                           "AND period_end = %(now)s", {"s": subscriber["subscriber_id"], "now": now}).fetchone()
        if row:
            return row["period_start"], row["period_end"]
    return due_period(subscriber["cadence"], subscriber["timezone"], now, subscriber.get("last_end"))
