"""What the e-mail outbox (alerts.send) and the chat outbox (alerts.chat_outbox) share: the pause
before a retry, the count of rows recovered from 'sending', the summary of one pass over an outbox
and one outcome tallied in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta


@dataclass
class OutboxSummary:
    """One pass over an outbox: rows recovered from 'sending' (and of those in doubt), then each claimed
    row's outcome. `files` is the file outbox's (mail without SMTP), `deferred` the chat robots' rate limit."""
    recovered: int = 0
    in_doubt: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    deferred: int = 0
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def backoff(attempts: int, base: timedelta, cap: timedelta) -> timedelta:
    """The pause before the next attempt: `base`, doubled per attempt after the first, at most `cap`."""
    return min(cap, base * (2 ** max(0, attempts - 1)))


def recovered(rows: list[dict]) -> tuple[int, int]:
    """(requeued, in doubt) among the rows a recovery moved out of 'sending'."""
    return sum(r["status"] == "pending" for r in rows), sum(r["status"] == "in_doubt" for r in rows)


def tally(summary, outcome: str, error: str) -> None:
    """Count one delivery's outcome (a field of the summary) and keep its error line."""
    setattr(summary, outcome, getattr(summary, outcome) + 1)
    summary.errors.append(error)
