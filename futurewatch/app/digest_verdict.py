"""The send_digests task's verdict: red when a digest of its day did not reach its reader.

    send_and_judge(url, *, now, settings) -> dict      (the digest summary; DigestsNotDelivered if any is left)

A task that only counted its own attempt would go green on a retry: a delivery refused for good
stays `failed` and is not tried again, so the retry counts nothing. The verdict reads the outbox
instead: every e-mail and chat delivery of the digests whose period ended in the day before the
run's moment that is not `sent` (failed, in doubt, or still waiting to retry), and every
subscriber whose digest could not be built during this attempt. Raised, it turns the task red;
after its last retry the failure callback tells ops (dag_support.notify_failure).

It differs from alerts.pipeline.left_for_ops (what `digest send` and `futurewatch run` exit 1 on)
for a delivery waiting to retry: left_for_ops counts only what this pass left failed or in doubt,
since the outbox resends a waiting delivery on the next run by itself; this verdict counts it too,
because the task's own retries are what resend it within the morning, and after the last one the
reader still has no digest: ops must hear of it then, not on the next day's run.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from futurewatch.core.config import Settings
from futurewatch.core.db import connect

WINDOW = timedelta(days=1)  # send_digests runs daily: the digests of one run's day
LISTED = 10  # undelivered digests named in the message; the rest are counted

UNDELIVERED_SQL = """
SELECT d.digest_id, s.email, 'mail' AS channel, dl.status, dl.last_error
FROM digests d JOIN subscribers s USING (subscriber_id) JOIN deliveries dl USING (digest_id)
WHERE d.period_end > %(since)s AND d.period_end <= %(now)s AND dl.status <> 'sent'
UNION ALL
SELECT d.digest_id, s.email, cd.channel, cd.status, cd.last_error
FROM digests d JOIN subscribers s USING (subscriber_id) JOIN chat_deliveries cd USING (digest_id)
WHERE d.period_end > %(since)s AND d.period_end <= %(now)s AND cd.status <> 'sent'
ORDER BY digest_id, channel
"""

NOT_BUILT_SQL = """
SELECT subscriber_id, email, last_error FROM subscribers
WHERE active AND last_error_at >= %(started)s ORDER BY subscriber_id
"""


class DigestsNotDelivered(RuntimeError):
    """Raised to turn the send_digests task red; the message names each digest left and why."""


def undelivered(conn, now: datetime) -> list[dict]:
    """Every delivery (e-mail or chat) of the run's day not sent: digest, reader, channel, status, last error."""
    return conn.execute(UNDELIVERED_SQL, {"since": now - WINDOW, "now": now}).fetchall()


def describe(row: dict) -> str:
    error = f" ({' '.join(row['last_error'].split())})" if row["last_error"] else ""
    return f"digest {row['digest_id']} to {row['email'] or '(chat only)'} by {row['channel']}: {row['status']}{error}"


def not_built(conn, started: datetime) -> list[str]:
    return [f"subscriber {r['subscriber_id']} ({r['email'] or 'chat only'}): digest not built ({r['last_error']})"
            for r in conn.execute(NOT_BUILT_SQL, {"started": started})]


def send_and_judge(db_url: str, *, now: datetime, settings: Settings) -> dict:
    """Build and deliver the due digests (cycle.send_digests), then judge the outbox as above."""
    from futurewatch.app.cycle import send_digests

    with connect(db_url) as conn:
        started = conn.execute("SELECT now() AS t").fetchone()["t"]  # the clock last_error_at is set by
    summary = send_digests(db_url, now=now, settings=settings)
    with connect(db_url) as conn:
        left, unbuilt = undelivered(conn, now), not_built(conn, started)
    if left or unbuilt:
        problems = unbuilt + [describe(row) for row in left]
        more = f"; … and {len(problems) - LISTED} more" if len(problems) > LISTED else ""
        raise DigestsNotDelivered(
            f"{len({row['digest_id'] for row in left})} digest(s) of this run not delivered"
            + (f", {len(unbuilt)} not built" if unbuilt else "")
            + ": " + "; ".join(problems[:LISTED]) + more
            + ". See `futurewatch alerts outbox` / `alerts chat`; a failed one is resent with --requeue")
    return summary
