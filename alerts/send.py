"""The outbox: deliveries of built digests, each sent once, retried with backoff, never lost.

    deliver_pending(url, *, settings, at=None, lease=None) -> OutboxSummary

A delivery goes pending → sending → sent. Each step commits on its own:
1. claim: status 'sending', a fresh claim_token and claimed_at, attempts + 1;
2. smtp_data_at: committed after MAIL/RCPT are accepted and just before the message (DATA);
3. sent: committed after the server's 250 for the message (only by the claim's holder).
A row left in 'sending' longer than the lease belongs to a process that died. If it had not
reached DATA (smtp_data_at NULL) the server cannot have the message: it is retried. If it had,
the server may have delivered it: the row becomes 'in_doubt' and is NOT resent (at most once);
`futurewatch alerts outbox --requeue ID` resends it with the same Message-ID.
Temporary failures (4xx, timeouts, refused connections) are retried with exponential backoff
up to MAX_ATTEMPTS; permanent refusals (5xx) fail at once. Both stay in the table for ops.
With no SMTP configured, the message is written as .eml and .html to FUTUREWATCH_HOME/outbox/.
"""

from __future__ import annotations

import logging
import re
import smtplib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from alerts.limits import check_email
from alerts import retry
from alerts.retry import OutboxSummary
from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core.private import make_private_dir, write_private
from futurewatch.core.sender import SmtpConfig, open_smtp, smtp_config

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(minutes=2)
BACKOFF_CAP = timedelta(hours=6)


class PermanentFailure(RuntimeError):
    """The server refused the message for good (5xx)."""


class InDoubt(RuntimeError):
    """The connection broke after the message was handed over: it may have been delivered."""


@dataclass
class Claim:
    digest_id: int
    token: str
    recipient: str
    message_id: str
    mime: bytes
    html: str
    attempts: int


def backoff(attempts: int) -> timedelta:
    return retry.backoff(attempts, BACKOFF_BASE, BACKOFF_CAP)


RECOVER_SQL = """
UPDATE deliveries SET
    status = CASE WHEN smtp_data_at IS NULL THEN 'pending' ELSE 'in_doubt' END,
    last_error = CASE WHEN smtp_data_at IS NULL
                      THEN 'sender died before SMTP DATA; retried'
                      ELSE 'sender died after SMTP DATA at ' || smtp_data_at || '; may have been delivered; not resent' END,
    next_attempt_at = %(at)s, claim_token = NULL, updated_at = now()
WHERE status = 'sending' AND claimed_at < %(stale)s
RETURNING digest_id, status
"""

CLAIM_SQL = """
UPDATE deliveries dl SET status = 'sending', claim_token = %(token)s, claimed_at = %(at)s, smtp_data_at = NULL,
       attempts = dl.attempts + 1, channel = %(channel)s, updated_at = now()
FROM digests d JOIN subscribers s USING (subscriber_id)
WHERE dl.digest_id = (SELECT digest_id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= %(at)s
                      ORDER BY next_attempt_at, digest_id LIMIT 1 FOR UPDATE SKIP LOCKED)
  AND d.digest_id = dl.digest_id
RETURNING dl.digest_id, dl.claim_token, coalesce(dl.recipient, s.email) AS recipient, d.message_id, d.mime,
          d.body_html, dl.attempts
"""


def recover_stale(db_url: str, at: datetime, lease: timedelta) -> tuple[int, int]:
    """Apply the documented policy to rows stuck in 'sending'; (requeued, in doubt)."""
    with connect(db_url) as conn:
        rows = conn.execute(RECOVER_SQL, {"at": at, "stale": at - lease}).fetchall()
    for row in rows:
        log.warning("alerts outbox: digest_id=%s was stuck in 'sending' → %s", row["digest_id"], row["status"])
    return retry.recovered(rows)


def claim_next(db_url: str, at: datetime, channel: str) -> Claim | None:
    with connect(db_url) as conn:
        row = conn.execute(CLAIM_SQL, {"token": uuid.uuid4().hex, "at": at, "channel": channel}).fetchone()
    if row is None:
        return None
    return Claim(row["digest_id"], row["claim_token"], row["recipient"], row["message_id"], bytes(row["mime"]),
                 row["body_html"], row["attempts"])


def _update_claimed(db_url: str, claim: Claim, sql_set: str, params: dict) -> bool:
    """Update the row only while this process still holds the claim; False if it was taken away."""
    with connect(db_url) as conn:
        cur = conn.execute(f"UPDATE deliveries SET {sql_set}, updated_at = now() "  # sql_set is one of our constants
                           "WHERE digest_id = %(d)s AND claim_token = %(token)s",
                           {"d": claim.digest_id, "token": claim.token, **params})
        return cur.rowcount == 1


MARK_SENT = "status = 'sent', sent_at = now(), last_error = NULL, claim_token = NULL"
MARK_DATA = "smtp_data_at = now()"
MARK_RETRY = "status = 'pending', next_attempt_at = %(next)s, last_error = %(error)s, claim_token = NULL"
MARK_FAILED = "status = 'failed', last_error = %(error)s, claim_token = NULL"
MARK_IN_DOUBT = "status = 'in_doubt', last_error = %(error)s, claim_token = NULL"


def file_stem(message_id: str) -> str:
    """The outbox file name (without suffix) of a message: also the full-digest link in chat messages."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", message_id.strip("<>"))


def write_files(outbox: Path, claim: Claim) -> Path:
    """<message-id>.eml and .html in the outbox folder, each written atomically (same name on rerun), 0600.
    The .html is self-contained: its charts are data: URIs, not the e-mail's cid: references."""
    from alerts.preview import html_with_inline_images

    make_private_dir(outbox)
    stem = file_stem(claim.message_id)
    for suffix, data in ((".eml", claim.mime), (".html", html_with_inline_images(claim.mime).encode("utf-8"))):
        write_private(outbox / f"{stem}{suffix}", data)
    return outbox / f"{stem}.eml"


def send_smtp(db_url: str, config: SmtpConfig, claim: Claim) -> None:
    """MAIL, RCPT, then mark smtp_data_at, then DATA. Raises PermanentFailure / InDoubt / OSError."""
    check_email(claim.recipient)  # LimitError: never a CR/LF (a second SMTP command) on the wire
    server = open_smtp(config)
    try:
        _check(server.mail(config.sender), "MAIL FROM")
        _check(server.rcpt(claim.recipient), f"RCPT TO {claim.recipient}")
        if not _update_claimed(db_url, claim, MARK_DATA, {}):
            server.rset()
            raise RuntimeError("claim lost before DATA (another sender took the row); not sent")
        try:
            code, reply = server.data(claim.mime)
        except smtplib.SMTPDataError as exc:
            _check((exc.smtp_code, exc.smtp_error), "DATA")
            raise
        except (OSError, smtplib.SMTPException) as exc:
            raise InDoubt(f"connection lost during DATA: {exc}") from exc
        _check((code, reply), "DATA")
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()


def _check(reply: tuple[int, bytes | str], step: str) -> None:
    code, text = reply
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    if 200 <= code < 400:
        return
    message = f"{step}: {code} {' '.join(text.split())}"
    if code >= 500:
        raise PermanentFailure(message)
    raise smtplib.SMTPResponseException(code, message)


def deliver_one(db_url: str, claim: Claim, config: SmtpConfig | None, settings: Settings, at: datetime,
                summary: OutboxSummary) -> None:
    """Send one claimed digest and record the outcome (the documented policy for each failure)."""
    try:
        if config is None:
            summary.files.append(str(write_files(settings.outbox_dir, claim)))
        else:
            send_smtp(db_url, config, claim)
    except PermanentFailure as exc:
        _record(db_url, claim, MARK_FAILED, {"error": f"attempt {claim.attempts}: {exc}"}, summary, "failed", exc)
    except InDoubt as exc:
        _record(db_url, claim, MARK_IN_DOUBT, {"error": f"attempt {claim.attempts}: {exc}; not resent"}, summary,
                "in_doubt", exc)
    except (OSError, smtplib.SMTPException, RuntimeError) as exc:
        error = f"attempt {claim.attempts}: {type(exc).__name__}: {' '.join(str(exc).split()) or 'no detail'}"
        if claim.attempts >= MAX_ATTEMPTS:
            _record(db_url, claim, MARK_FAILED, {"error": error + " (giving up)"}, summary, "failed", exc)
        else:
            _record(db_url, claim, MARK_RETRY, {"error": error, "next": at + backoff(claim.attempts)}, summary,
                    "retrying", exc)
    except Exception as exc:  # anything else (a bad address, a bug) fails this delivery only, for good
        error = f"attempt {claim.attempts}: {type(exc).__name__}: {' '.join(str(exc).split()) or 'no detail'}"
        _record(db_url, claim, MARK_FAILED, {"error": error}, summary, "failed", exc)
    else:
        if _update_claimed(db_url, claim, MARK_SENT, {}):
            summary.sent += 1
        else:
            summary.errors.append(f"digest_id={claim.digest_id}: sent, but the claim had been taken away")


def _record(db_url: str, claim: Claim, sql_set: str, params: dict, summary: OutboxSummary, outcome: str,
            exc: Exception) -> None:
    log.warning("alerts outbox: digest_id=%s to %s: %s (%s)", claim.digest_id, claim.recipient, exc, outcome)
    _update_claimed(db_url, claim, sql_set, params)
    retry.tally(summary, outcome, f"digest_id={claim.digest_id}: {params['error']}")


def default_lease(config: SmtpConfig | None) -> timedelta:
    """Longer than any live send can take: every SMTP step has its own timeout."""
    return timedelta(seconds=(config.timeout if config else 30) * 6 + 60)


def deliver_pending(db_url: str, *, settings: Settings, at: datetime | None = None,
                    lease: timedelta | None = None, limit: int | None = None) -> OutboxSummary:
    """Send every due delivery. `at` is the outbox clock (default: the wall clock)."""
    at = at or datetime.now(timezone.utc)
    config = smtp_config(settings)
    summary = OutboxSummary()
    summary.recovered, summary.in_doubt = recover_stale(db_url, at, lease or default_lease(config))
    channel = "file" if config is None else "smtp"
    done = 0
    while limit is None or done < limit:
        claim = claim_next(db_url, at, channel)
        if claim is None:
            break
        deliver_one(db_url, claim, config, settings, at, summary)
        done += 1
    return summary


def requeue(db_url: str, digest_id: int, *, at: datetime | None = None) -> bool:
    """Put a failed or in-doubt delivery back in the queue (ops' decision; same Message-ID)."""
    with connect(db_url) as conn:
        cur = conn.execute(
            "UPDATE deliveries SET status = 'pending', next_attempt_at = %(at)s, attempts = 0, claim_token = NULL, "
            "smtp_data_at = NULL, updated_at = now() WHERE digest_id = %(d)s AND status IN ('failed', 'in_doubt')",
            {"d": digest_id, "at": at or datetime.now(timezone.utc)})
        return cur.rowcount == 1


OUTBOX_SQL = """
SELECT dl.digest_id, s.email, d.period_start, d.period_end, d.message_id, dl.channel, dl.status, dl.attempts,
       dl.next_attempt_at, dl.sent_at, dl.last_error
FROM deliveries dl JOIN digests d USING (digest_id) JOIN subscribers s USING (subscriber_id)
WHERE %(status)s::text IS NULL OR dl.status = %(status)s
ORDER BY dl.status <> 'sent' DESC, d.period_end DESC, dl.digest_id DESC
LIMIT %(limit)s
"""


def select_outbox(db_url: str, *, status: str | None = None, limit: int = 100) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute(OUTBOX_SQL, {"status": status, "limit": limit}).fetchall()
