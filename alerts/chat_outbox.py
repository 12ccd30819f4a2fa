"""The chat outbox: one row per digest and webhook, sent once, retried with backoff, never lost.

    queue_chat_messages(conn, digest_id, draft, settings)      with the digest, in its transaction
    deliver_chat_pending(url, *, settings, at=None, lease=None) -> OutboxSummary

A row goes pending → sending → sent, each step committed on its own:
1. claim: 'sending', a fresh claim token, attempts + 1 (FOR UPDATE SKIP LOCKED);
2. before each POST: posting_at is committed together with a row in chat_posts (the rate limit);
3. after the robot answers errcode 0: parts_sent + 1 and posting_at cleared; after the last part, 'sent'.
Webhooks cannot de-duplicate, so a crash between the POST and step 3 leaves the robot's state
unknown. We choose AT MOST ONCE, as for SMTP: a row found in 'sending' after its lease with
posting_at set becomes 'in_doubt' and is not resent (ops: `futurewatch alerts chat --requeue
DIGEST:CHANNEL` resends from the part in doubt). With posting_at NULL nothing was in flight: the
row is retried from parts_sent. A refusal (non-zero errcode/code, HTTP error) or a connection
that never opened is retried with backoff up to MAX_ATTEMPTS, then 'failed'. Rows are independent:
one robot's failure or rate limit never holds back another channel or another row.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from psycopg.types.json import Jsonb

from alerts.channels import ChannelError, webhook_from
from alerts.chat_formats import build_messages
from alerts import retry
from alerts.retry import OutboxSummary
from alerts.send import file_stem
from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core import sender

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=1)
RATE_PER_MINUTE = 20          # per robot (WeCom and DingTalk document 20 a minute; Feishu allows more)
RATE_LIMITED_PAUSE = timedelta(minutes=10)   # DingTalk blocks a robot for 10 minutes after its limit


@dataclass
class ChatClaim:
    digest_id: int
    channel: str
    kind: str
    token: str
    messages: list[dict]
    parts_sent: int
    attempts: int
    webhooks: list[dict]


def queue_chat_messages(conn, digest_id: int, draft, settings: Settings) -> int:
    """One chat_deliveries row per webhook of the subscriber, messages built now; rows queued."""
    base = settings.extra.get("FUTUREWATCH_DIGEST_URL")
    context = {**draft.context, "full_url": f"{base.rstrip('/')}/{file_stem(draft.message_id)}.html" if base else None}
    rows = 0
    for entry in draft.subscriber.get("webhooks") or []:
        hook = webhook_from(entry)
        cur = conn.execute(
            "INSERT INTO chat_deliveries (digest_id, channel, kind, messages) VALUES (%(d)s, %(c)s, %(k)s, %(m)s) "
            "ON CONFLICT (digest_id, channel) DO NOTHING",
            {"d": digest_id, "c": hook.channel, "k": hook.kind, "m": Jsonb(build_messages(hook.kind, context))})
        rows += cur.rowcount
    return rows


def backoff(attempts: int) -> timedelta:
    return retry.backoff(attempts, BACKOFF_BASE, BACKOFF_CAP)


RECOVER_SQL = """
UPDATE chat_deliveries SET
    status = CASE WHEN posting_at IS NULL THEN 'pending' ELSE 'in_doubt' END,
    last_error = CASE WHEN posting_at IS NULL THEN 'sender died between messages; retried'
                      ELSE 'sender died after posting part ' || (parts_sent + 1) || ' at ' || posting_at
                           || '; it may have been shown; not resent' END,
    next_attempt_at = %(at)s, claim_token = NULL, updated_at = now()
WHERE status = 'sending' AND claimed_at < %(stale)s
RETURNING digest_id, channel, status
"""

CLAIM_SQL = """
UPDATE chat_deliveries cd SET status = 'sending', claim_token = %(token)s, claimed_at = %(at)s, posting_at = NULL,
       attempts = cd.attempts + 1, updated_at = now()
FROM digests d JOIN subscribers s USING (subscriber_id)
WHERE (cd.digest_id, cd.channel) = (SELECT digest_id, channel FROM chat_deliveries
                                    WHERE status = 'pending' AND next_attempt_at <= %(at)s
                                      AND NOT (channel = ANY(%(skip)s))
                                    ORDER BY next_attempt_at, digest_id, channel LIMIT 1 FOR UPDATE SKIP LOCKED)
  AND d.digest_id = cd.digest_id
RETURNING cd.digest_id, cd.channel, cd.kind, cd.claim_token, cd.messages, cd.parts_sent, cd.attempts, s.webhooks
"""


def recover_stale(db_url: str, at: datetime, lease: timedelta) -> tuple[int, int]:
    with connect(db_url) as conn:
        rows = conn.execute(RECOVER_SQL, {"at": at, "stale": at - lease}).fetchall()
    for row in rows:
        log.warning("chat outbox: digest_id=%s %s was stuck in 'sending' → %s", row["digest_id"], row["channel"],
                    row["status"])
    return retry.recovered(rows)


def claim_next(db_url: str, at: datetime, skip: set[str]) -> ChatClaim | None:
    with connect(db_url) as conn:
        row = conn.execute(CLAIM_SQL, {"token": uuid.uuid4().hex, "at": at, "skip": sorted(skip)}).fetchone()
    if row is None:
        return None
    return ChatClaim(row["digest_id"], row["channel"], row["kind"], row["claim_token"], row["messages"],
                     row["parts_sent"], row["attempts"], row["webhooks"] or [])


def update_claimed(db_url: str, claim: ChatClaim, sql_set: str, params: dict | None = None, *,
                   record_post: bool = False) -> bool:
    """Update the row while this process holds the claim (with a chat_posts row when posting)."""
    with connect(db_url) as conn:
        cur = conn.execute(f"UPDATE chat_deliveries SET {sql_set}, updated_at = now() "  # sql_set: our constants
                           "WHERE digest_id = %(d)s AND channel = %(c)s AND claim_token = %(token)s",
                           {"d": claim.digest_id, "c": claim.channel, "token": claim.token, **(params or {})})
        if cur.rowcount == 1 and record_post:
            conn.execute("INSERT INTO chat_posts (channel, posted_at) VALUES (%(c)s, %(at)s)",
                         {"c": claim.channel, "at": params["at"]})
        return cur.rowcount == 1


MARK_POSTING = "posting_at = %(at)s"
MARK_PART = "parts_sent = parts_sent + 1, posting_at = NULL"
MARK_SENT = "status = 'sent', sent_at = now(), last_error = NULL, claim_token = NULL, posting_at = NULL"
MARK_RETRY = "status = 'pending', next_attempt_at = %(next)s, last_error = %(error)s, claim_token = NULL, posting_at = NULL"
MARK_DEFER = ("status = 'pending', next_attempt_at = %(next)s, attempts = attempts - 1, claim_token = NULL, "
              "last_error = %(error)s")
MARK_FAILED = "status = 'failed', last_error = %(error)s, claim_token = NULL, posting_at = NULL"
MARK_IN_DOUBT = "status = 'in_doubt', last_error = %(error)s, claim_token = NULL"


def rate_window(db_url: str, channel: str, at: datetime) -> datetime | None:
    """None if the robot may post now; else when its oldest post of the last minute ages out."""
    with connect(db_url) as conn:
        conn.execute("DELETE FROM chat_posts WHERE posted_at < %(old)s", {"old": at - timedelta(hours=1)})
        row = conn.execute("SELECT count(*) AS n, min(posted_at) AS first FROM chat_posts "
                           "WHERE channel = %(c)s AND posted_at > %(since)s",
                           {"c": channel, "since": at - timedelta(minutes=1)}).fetchone()
    return row["first"] + timedelta(minutes=1) if row["n"] >= RATE_PER_MINUTE else None


def resolve(claim: ChatClaim) -> tuple[str, str | None]:
    """The row's (url, secret) from the subscriber's entry of its channel; an entry that cannot be
    read fails only a row that found no entry of its own."""
    unreadable = None
    for entry in claim.webhooks:
        try:
            hook = webhook_from(entry)
            channel = hook.channel
        except Exception as exc:  # a hand-edited entry: not this row's, unless none is
            unreadable = unreadable or exc
            continue
        if channel == claim.channel:
            return hook.resolve()
    if unreadable is not None:
        raise unreadable
    raise ChannelError(f"{claim.channel}: the subscriber no longer lists this webhook")


def _record(db_url: str, claim: ChatClaim, sql_set: str, params: dict, summary: OutboxSummary, outcome: str) -> None:
    log.warning("chat outbox: digest_id=%s %s: %s (%s)", claim.digest_id, claim.channel, params["error"], outcome)
    update_claimed(db_url, claim, sql_set, params)
    retry.tally(summary, outcome, f"digest_id={claim.digest_id} {claim.channel}: {params['error']}")


def _refused(db_url: str, claim: ChatClaim, exc: Exception, at: datetime, summary: OutboxSummary) -> None:
    """A message the robot did not post: retried with backoff (longer after a rate limit), then failed."""
    error = f"attempt {claim.attempts}, part {claim.parts_sent + 1}/{len(claim.messages)}: {exc}"
    if claim.attempts >= MAX_ATTEMPTS:
        _record(db_url, claim, MARK_FAILED, {"error": error + " (giving up)"}, summary, "failed")
        return
    pause = backoff(claim.attempts)
    if isinstance(exc, sender.RateLimited) and claim.kind == "dingtalk":
        pause = max(pause, RATE_LIMITED_PAUSE)
    _record(db_url, claim, MARK_RETRY, {"error": error, "next": at + pause}, summary, "retrying")


def deliver_one(db_url: str, claim: ChatClaim, at: datetime, summary: OutboxSummary) -> str:
    """Post the claimed row's remaining parts in order; the outcome ('sent', 'deferred', …)."""
    try:
        target, secret = resolve(claim)
    except Exception as exc:  # a bad URL or secret, or entries hand-edited into something unreadable: this row only
        error = str(exc) if isinstance(exc, ChannelError) else \
            f"{claim.channel}: the subscriber's webhooks cannot be read ({type(exc).__name__}: {exc}); not posted"
        _record(db_url, claim, MARK_FAILED, {"error": error}, summary, "failed")
        return "failed"
    for part in range(claim.parts_sent, len(claim.messages)):
        wait = rate_window(db_url, claim.channel, at)
        if wait is not None:
            update_claimed(db_url, claim, MARK_DEFER, {"next": wait, "error": f"rate limit ({RATE_PER_MINUTE}/min); "
                                                    f"part {part + 1} deferred"})
            summary.deferred += 1
            return "deferred"
        if not update_claimed(db_url, claim, MARK_POSTING, {"at": at}, record_post=True):
            summary.errors.append(f"digest_id={claim.digest_id} {claim.channel}: claim taken away; not posted")
            return "lost"
        try:
            sender.send_message(claim.kind, target, secret, claim.messages[part])
        except sender.InDoubt as exc:
            _record(db_url, claim, MARK_IN_DOUBT, {"error": f"part {part + 1}: {exc}; not resent"}, summary, "in_doubt")
            return "in_doubt"
        except (sender.Refused, sender.NotSent) as exc:
            _refused(db_url, claim, exc, at, summary)
            return "refused"
        update_claimed(db_url, claim, MARK_PART)
        claim.parts_sent = part + 1
    update_claimed(db_url, claim, MARK_SENT)
    summary.sent += 1
    return "sent"


DEFAULT_LEASE = timedelta(seconds=sender.TIMEOUT * 8 + 60)


def deliver_chat_pending(db_url: str, *, settings: Settings, at: datetime | None = None,
                         lease: timedelta | None = None) -> OutboxSummary:
    """Post every due chat message. `at` is the outbox clock (default: the wall clock)."""
    at = at or datetime.now(timezone.utc)
    summary = OutboxSummary()
    summary.recovered, summary.in_doubt = recover_stale(db_url, at, lease or DEFAULT_LEASE)
    deferred: set[str] = set()  # robots at their rate limit: their other rows wait too
    while (claim := claim_next(db_url, at, deferred)) is not None:
        if deliver_one(db_url, claim, at, summary) == "deferred":
            deferred.add(claim.channel)
    return summary


def requeue_chat(db_url: str, digest_id: int, channel: str, *, at: datetime | None = None) -> bool:
    """Put a failed or in-doubt chat delivery back in the queue (ops' decision); it resumes at the
    first part not confirmed."""
    with connect(db_url) as conn:
        cur = conn.execute(
            "UPDATE chat_deliveries SET status = 'pending', next_attempt_at = %(at)s, attempts = 0, claim_token = NULL, "
            "posting_at = NULL, updated_at = now() WHERE digest_id = %(d)s AND channel = %(c)s "
            "AND status IN ('failed', 'in_doubt')", {"d": digest_id, "c": channel, "at": at or datetime.now(timezone.utc)})
        return cur.rowcount == 1


CHAT_OUTBOX_SQL = """
SELECT cd.digest_id, cd.channel, coalesce(s.email, s.name) AS subscriber, d.period_end, cd.status, cd.attempts,
       cd.parts_sent, jsonb_array_length(cd.messages) AS parts, cd.next_attempt_at, cd.sent_at, cd.last_error
FROM chat_deliveries cd JOIN digests d USING (digest_id) JOIN subscribers s USING (subscriber_id)
WHERE %(status)s::text IS NULL OR cd.status = %(status)s
ORDER BY cd.status <> 'sent' DESC, d.period_end DESC, cd.digest_id DESC, cd.channel
LIMIT %(limit)s
"""


def select_chat_outbox(db_url: str, *, status: str | None = None, limit: int = 100) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute(CHAT_OUTBOX_SQL, {"status": status, "limit": limit}).fetchall()
