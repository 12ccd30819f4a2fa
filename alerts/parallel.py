"""Alert batches on every core: batch i goes to worker process i mod N, each worker runs
`run_one(chunk, known)` on its batches in order (its own connection, one transaction per batch,
as in one process), and the parent adds up what they return and shows one progress count
(futurewatch.core.forkpool).

    run_batches(batches, run_one, workers, on_progress=None, at_exit=None) -> int
    default_workers(settings) -> int

Workers are forked after every rule, index and catalog is ready, so nothing is pickled but the
counts. Two workers may raise the same first-seen event or two reprints of one story in the
same moment: events are upserted in (rule_id, event_key) order (alerts.store), so their row
locks are always taken in one order and the second writer only adds its source.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence

from futurewatch.core.config import Settings
from futurewatch.core.forkpool import run_workers


def default_workers(settings: Settings) -> int:
    """settings.alert_workers (FUTUREWATCH_ALERT_WORKERS, default 1: an Airflow task process should
    not fork children), at most the number of cores, and 1 inside a daemonic process, which may not
    fork at all."""
    if multiprocessing.current_process().daemon:
        return 1
    return min(settings.alert_workers, os.cpu_count() or 1)


def run_batches(batches: Sequence[list], run_one: Callable[[list, dict], int], workers: int,
                on_progress: Callable[[int, int], None] | None = None,
                at_exit: Callable[[], None] | None = None) -> int:
    """Run every batch in `workers` processes (forkpool.WorkerFailed if one fails); the sum of
    what run_one returned. Each worker calls `at_exit` after its last batch (e.g. to close its
    connection)."""

    def work(k: int, advance: Callable[[int], None]) -> int:
        known: dict[int, set[int]] = {}  # first-seen rule → entities decided, per worker (see firstseen)
        inserted = 0
        try:
            for chunk in batches[k::workers]:
                inserted += run_one(chunk, known)
                advance(len(chunk))
        finally:
            if at_exit:
                at_exit()
        return inserted

    return sum(run_workers(work, workers, sum(len(chunk) for chunk in batches), on_progress))
