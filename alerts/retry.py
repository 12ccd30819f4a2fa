"""What the e-mail outbox (alerts.send) and the chat outbox (alerts.chat_outbox) share: the pause
before a retry, the count of rows recovered from 'sending', one outcome tallied in a summary."""

from __future__ import annotations

from datetime import timedelta


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
