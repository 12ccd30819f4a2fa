"""Previews: a digest as one self-contained HTML file (inline cid: images become data: URIs),
built without storing anything, for `futurewatch digest preview` and for browser checks.

Which period, when none is given: the one due now if it has unsent events; else the latest
period that has events (the period of the subscriber's newest event, sent or not). The label
says which it is.
"""

from __future__ import annotations

import base64
from datetime import datetime
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

from alerts.digest import build_draft, build_mime, due_period_for, select_events
from alerts.periods import period_containing
from futurewatch.core.config import SOURCE_TIMEZONE, Settings
from futurewatch.core.db import connect

LATEST_EVENT_SQL = """
SELECT e.event_id, e.occurred_at,
       (SELECT array[d.period_start, d.period_end] FROM digests d
         WHERE d.subscriber_id = r.subscriber_id AND d.event_ids @> ARRAY[e.event_id]) AS sent_in
FROM alert_events e JOIN alert_rules r USING (rule_id)
WHERE r.subscriber_id = %(s)s AND e.occurred_at <= %(now)s AND e.suppressed IS NULL
ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 1
"""


def html_with_inline_images(mime: bytes) -> str:
    """The HTML part of a message with each cid: reference replaced by the image's data: URI."""
    msg = message_from_bytes(mime, policy=policy.default)
    html_part = msg.get_body(preferencelist=("html",))
    html = html_part.get_content() if html_part else ""
    for part in msg.walk():
        cid = part.get("Content-ID")
        if cid and part.get_content_maintype() == "image":
            data = base64.b64encode(part.get_payload(decode=True)).decode("ascii")
            html = html.replace(f"cid:{cid.strip('<>')}", f"data:{part.get_content_type()};base64,{data}")
    return html


def find_subscriber(conn, who: str) -> dict | None:
    """A subscriber by email, name or id."""
    return conn.execute(
        "SELECT * FROM subscribers WHERE email = %(w)s OR name = %(w)s OR subscriber_id::text = %(w)s "
        "ORDER BY subscriber_id LIMIT 1", {"w": who}).fetchone()


def choose_period(conn, sub: dict, now: datetime) -> tuple[datetime, datetime, list[dict], str]:
    """(start, end, events, which) for a preview without --period (see the module docstring)."""
    sub["last_end"] = conn.execute("SELECT max(period_end) AS e FROM digests WHERE subscriber_id = %(s)s",
                                   {"s": sub["subscriber_id"]}).fetchone()["e"]
    start, end = due_period_for(conn, sub, now)
    events = select_events(conn, sub["subscriber_id"], start, end)
    if events:
        return start, end, events, "due now"
    latest = conn.execute(LATEST_EVENT_SQL, {"s": sub["subscriber_id"], "now": now}).fetchone()
    if latest is None:
        return start, end, [], "due now; the subscriber has no events yet"
    # the digest that carried it, else the cadence's period around it
    start, end = latest["sent_in"] or period_containing(sub["cadence"], sub["timezone"], latest["occurred_at"])
    return start, end, select_events(conn, sub["subscriber_id"], start, end, include_sent=True), \
        "the latest period with events"


def preview_draft(db_url: str, who: str, *, now: datetime, settings: Settings,
                  period: tuple[datetime, datetime] | None = None):
    """(draft or None when empty, a one-line description saying which period). Nothing is written.

    With a period, every event of that period (sent or not)."""
    with connect(db_url) as conn:
        sub = find_subscriber(conn, who)
        if sub is None:
            raise LookupError(f"no subscriber {who!r} (give an email, name or id)")
        if period is None:
            start, end, events, which = choose_period(conn, sub, now)
        else:
            (start, end), which = period, "the period asked for"
            events = select_events(conn, sub["subscriber_id"], start, end, include_sent=True)
        draft = build_draft(conn, sub, events, start, end, settings)
    tz = ZoneInfo(sub["timezone"] or SOURCE_TIMEZONE)
    label = (f"{sub['email'] or sub['name']}: {which}, {start.astimezone(tz):%Y-%m-%d %H:%M} → "
             f"{end.astimezone(tz):%Y-%m-%d %H:%M} ({tz.key}), {len(events)} event(s)")
    return draft, label


def preview_digest(db_url: str, who: str, *, now: datetime, settings: Settings,
                   period: tuple[datetime, datetime] | None = None) -> tuple[str | None, str]:
    """(self-contained HTML or None when empty, a one-line description)."""
    draft, label = preview_draft(db_url, who, now=now, period=period, settings=settings)
    if draft is None:
        return None, label
    return html_with_inline_images(build_mime(draft, settings.smtp_from)), label


def chat_preview(draft, settings: Settings) -> dict[str, list[dict]]:
    """The messages each kind of robot would get for this digest (unsigned request bodies)."""
    from alerts.chat_formats import build_messages
    from alerts.send import file_stem

    base = settings.extra.get("FUTUREWATCH_DIGEST_URL")
    context = {**draft.context, "full_url": f"{base.rstrip('/')}/{file_stem(draft.message_id)}.html" if base else None}
    return {kind: build_messages(kind, context) for kind in ("wecom", "dingtalk", "feishu")}


def active_subscribers(db_url: str) -> list[str]:
    """Ids of every active subscriber (a preview with no --subscriber covers them all)."""
    with connect(db_url) as conn:
        return [str(r["subscriber_id"]) for r in
                conn.execute("SELECT subscriber_id FROM subscribers WHERE active ORDER BY subscriber_id").fetchall()]
