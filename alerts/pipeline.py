"""Entry points of the alert stage (called by the CLI, the one-cycle runner and the DAGs).

    match_events(url, *, now) -> MatchSummary
    send_due_digests(url, *, now, settings=None) -> DigestSummary
    load_subscribers(url, path) -> list[int]        (the YAML file, upserted)
    load_demo_subscribers(url) -> list[int]         (alerts/demo_subscribers.yaml)

`now` is the moment the run stands for (the DAG's data interval end): it dates spikes and chooses
the due digest period. The outbox's own retry clock is the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from alerts.digest import build_due_digests
from alerts.events import MatchSummary, match_events
from alerts.send import deliver_pending
from alerts.subscribers import DEMO_SUBSCRIBERS, load_demo_subscribers, load_subscribers
from futurewatch.config import Settings, load_settings

__all__ = ["match_events", "send_due_digests", "load_subscribers", "load_demo_subscribers", "DEMO_SUBSCRIBERS",
           "MatchSummary", "DigestSummary"]


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
    errors: list[str] = field(default_factory=list)


def send_due_digests(url: str, *, now: datetime, settings: Settings | None = None) -> DigestSummary:
    """Build each active subscriber's due digest (once per period), then deliver everything due."""
    settings = settings or load_settings()
    built = build_due_digests(url, now=now, settings=settings)
    sent = deliver_pending(url, settings=settings)
    return DigestSummary(subscribers=built.subscribers, built=built.built, empty=built.empty, sent=sent.sent,
                         files=sent.files, retrying=sent.retrying, failed=sent.failed, in_doubt=sent.in_doubt,
                         recovered=sent.recovered, errors=sent.errors)
