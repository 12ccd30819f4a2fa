"""Entry points of the alert stage (called by the CLI, the one-cycle runner and the DAGs).

    match_events(url, *, now) -> MatchSummary
    send_due_digests(url, *, now, settings=None) -> DigestSummary
    load_subscribers(url, path) -> list[int]        (the YAML file, upserted)
    load_demo_subscribers(url) -> list[int]         (alerts/demo_subscribers.yaml)

Subscribers: when FUTUREWATCH_SUBSCRIBERS names a YAML file, match_events first upserts it.
`ensure_demo_subscribers` (never called implicitly) loads the demo subscribers when none exist and
no SMTP is configured; the one-cycle runner loads them only on the offline demo (`make demo`).

`now` is the moment the run stands for (the DAG's data interval end): it dates spikes and chooses
the due digest period. The outbox's own retry clock is the wall clock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from alerts.digest import build_due_digests
from alerts import events
from alerts.events import MatchSummary
from alerts.chat_outbox import deliver_chat_pending
from alerts.send import deliver_pending
from alerts.subscribers import DEMO_SUBSCRIBERS, SubscriberError, load_demo_subscribers, load_subscribers
from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core.sender import smtp_config

__all__ = ["match_events", "send_due_digests", "load_subscribers", "load_demo_subscribers", "ensure_demo_subscribers",
           "DEMO_SUBSCRIBERS",
           "MatchSummary", "DigestSummary"]


log = logging.getLogger(__name__)


def match_events(db_url: str, *, now: datetime, settings: Settings, **options) -> MatchSummary:
    """Sync subscribers (see module docstring), then match every active rule (alerts.events)."""
    try:
        sync_subscribers(db_url, settings)
    except SubscriberError as exc:  # a bad file is refused whole; the rules already loaded still match
        log.error("alerts: FUTUREWATCH_SUBSCRIBERS not loaded: %s", exc)
        summary = events.match_events(db_url, now=now, settings=settings, **options)
        summary.errors.append(f"subscribers file not loaded: {exc}")
        return summary
    return events.match_events(db_url, now=now, settings=settings, **options)


def sync_subscribers(db_url: str, settings: Settings) -> list[int]:
    path = settings.extra.get("FUTUREWATCH_SUBSCRIBERS")
    return load_subscribers(db_url, path) if path else []


def ensure_demo_subscribers(db_url: str, settings: Settings) -> list[int]:
    """Load the demo subscribers when there are none and mail goes to the file outbox."""
    if smtp_config(settings) is not None:
        return []
    with connect(db_url) as conn:
        if conn.execute("SELECT 1 FROM subscribers LIMIT 1").fetchone() is not None:
            return []
    log.warning("alerts: no subscribers; loading the demo subscribers from %s (file outbox only)", DEMO_SUBSCRIBERS)
    return load_demo_subscribers(db_url)


@dataclass
class DigestSummary:
    subscribers: int = 0
    built: int = 0
    empty: int = 0
    sent: int = 0
    files: list[str] = field(default_factory=list)
    retrying: int = 0
    failed: int = 0
    in_doubt: int = 0
    recovered: int = 0
    chat_sent: int = 0
    chat_retrying: int = 0
    chat_deferred: int = 0
    chat_failed: int = 0
    chat_in_doubt: int = 0
    errors: list[str] = field(default_factory=list)


LEFT_FOR_OPS = ("failed", "in_doubt", "chat_failed", "chat_in_doubt")  # nothing resends these by itself


def left_for_ops(summary: dict) -> int:
    """Deliveries of a digest run (DigestSummary as a dict) that need ops: failed or in doubt, mail or chat
    (`failed` also counts subscribers whose digest could not be built). `digest send` exits 1 and the
    cycle's digests stage fails on any.

    A delivery waiting to retry is not counted: the outbox resends it by itself on the next run, so
    this pass leaves nothing for ops. The Airflow task judges differently on purpose
    (futurewatch.app.digest_verdict.send_and_judge): it reads the outbox for every digest of the run's
    day and is red while one is not sent, waiting to retry included, because its own retries are
    what resend it and, after the last one, its failure notice is how ops hear that the morning's
    digest has not reached its reader. Counts of this pass only: a delivery that failed in an
    earlier run is not counted again here (the verdict still names it for the run's day)."""
    return sum(summary[key] for key in LEFT_FOR_OPS)


def send_due_digests(db_url: str, *, now: datetime, settings: Settings) -> DigestSummary:
    """Build each active subscriber's due digest (once per period), then deliver everything due."""
    built = build_due_digests(db_url, now=now, settings=settings)
    sent = deliver_pending(db_url, settings=settings)
    chat = deliver_chat_pending(db_url, settings=settings)  # its own rows: e-mail trouble never holds it back
    return DigestSummary(subscribers=built.subscribers, built=built.built, empty=built.empty, sent=sent.sent,
                         files=sent.files, retrying=sent.retrying, failed=built.failed + sent.failed,
                         in_doubt=sent.in_doubt,
                         recovered=sent.recovered + chat.recovered, chat_sent=chat.sent, chat_retrying=chat.retrying,
                         chat_deferred=chat.deferred, chat_failed=chat.failed, chat_in_doubt=chat.in_doubt,
                         errors=built.errors + sent.errors + chat.errors)
