"""Alert batches on every core: batch i goes to worker process i mod N, each worker runs
`run_one(chunk, known)` on its batches in order (its own connection, one transaction per batch,
as in one process), and the parent adds up what they return and shows one progress count.

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
import queue
from typing import Callable, Sequence

from futurewatch.core.config import Settings


class WorkerFailed(RuntimeError):
    """A worker process stopped with an error; its message is one line."""


def default_workers(settings: Settings) -> int:
    """settings.alert_workers (FUTUREWATCH_ALERT_WORKERS, default 1: an Airflow task process should
    not fork children), at most the number of cores, and 1 inside a daemonic process, which may not
    fork at all."""
    if multiprocessing.current_process().daemon:
        return 1
    return min(settings.alert_workers, os.cpu_count() or 1)


def _work(run_one, batches, done, results, at_exit) -> None:
    known: dict[int, set[int]] = {}  # first-seen rule → entities decided, per worker (see firstseen)
    inserted = 0
    try:
        for chunk in batches:
            inserted += run_one(chunk, known)
            with done.get_lock():
                done.value += len(chunk)
        results.put(("ok", inserted))
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        results.put(("error", f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:300]))
    finally:
        if at_exit:
            at_exit()


def run_batches(batches: Sequence[list], run_one: Callable[[list, dict], int], workers: int,
                on_progress: Callable[[int, int], None] | None = None,
                at_exit: Callable[[], None] | None = None) -> int:
    """Run every batch in `workers` processes; the sum of what run_one returned. Each worker calls
    `at_exit` after its last batch (e.g. to close its connection)."""
    context = multiprocessing.get_context("fork")
    done, results = context.Value("q", 0), context.Queue()
    total = sum(len(chunk) for chunk in batches)
    procs = [context.Process(target=_work, args=(run_one, batches[k::workers], done, results, at_exit))
             for k in range(workers)]
    for proc in procs:
        proc.start()
    outcomes = []
    while len(outcomes) < len(procs):
        if on_progress:
            on_progress(done.value, total)
        try:
            outcomes.append(results.get(timeout=0.5))
        except queue.Empty:
            if not any(proc.is_alive() for proc in procs) and results.empty():
                outcomes += [("error", "a worker process ended without a result")] * (len(procs) - len(outcomes))
    for proc in procs:
        proc.join()
    failed = [value for status, value in outcomes if status == "error"]
    if failed:
        raise WorkerFailed(failed[0])
    if on_progress:
        on_progress(done.value, total)
    return sum(value for _, value in outcomes)
