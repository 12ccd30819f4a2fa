"""Previews: a digest as one self-contained HTML file (inline cid: images become data: URIs),
built without storing anything, for `futurewatch digest preview` and for browser checks."""

from __future__ import annotations

import base64
from datetime import datetime
from email import message_from_bytes, policy

from alerts.digest import build_draft, build_mime, due_period_for, select_events
from futurewatch.config import Settings, load_settings
from futurewatch.db import connect


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


def preview_digest(url: str, who: str, *, now: datetime, period: tuple[datetime, datetime] | None = None,
                   settings: Settings | None = None) -> tuple[str | None, str]:
    """(self-contained HTML or None when empty, a one-line description). Nothing is written.

    Without `period`, the subscriber's due period at `now` with the events not yet sent; with a
    period, every event of that period (sent or not)."""
    settings = settings or load_settings()
    with connect(url) as conn:
        sub = find_subscriber(conn, who)
        if sub is None:
            raise LookupError(f"no subscriber {who!r} (give an email, name or id)")
        if period is None:
            sub["last_end"] = conn.execute("SELECT max(period_end) AS e FROM digests WHERE subscriber_id = %(s)s",
                                           {"s": sub["subscriber_id"]}).fetchone()["e"]
            start, end = due_period_for(conn, sub, now)
            events = select_events(conn, sub["subscriber_id"], start, end)
        else:
            start, end = period
            events = select_events(conn, sub["subscriber_id"], start, end, include_sent=True)
    draft = build_draft(sub, events, start, end, settings)
    label = f"{sub['email']} {start.isoformat()} → {end.isoformat()}: {len(events)} event(s)"
    if draft is None:
        return None, label
    return html_with_inline_images(build_mime(draft, settings.smtp_from)), label
