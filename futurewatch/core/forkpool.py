"""Forked worker processes with one shared progress count: what the parallel stages build on
(alerts/parallel.py, classify/parallel.py).

    run_workers(work, workers, total, on_progress=None) -> [what work(0, advance) returned, ...]

Each of `workers` forked processes runs `work(k, advance)` (k = 0 … workers-1) and calls
`advance(n)` as it gets n more items done; the parent reports `on_progress(done, total)` about
twice a second and returns the workers' results in worker order. A worker's exception, or a
worker that ended without a result (killed, os._exit), is one `WorkerFailed` with a one-line
message, raised once every worker has stopped.

Forked, not spawned: nothing but the results is pickled, so the work may close over anything
the parent had ready (rules, indexes, queues made before the call).
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import Callable, TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.5     # how often the parent reports progress while waiting
LAST_WORDS_SECONDS = 1  # once every worker has stopped: how long a last result may take to arrive
MESSAGE_CHARS = 300


class WorkerFailed(RuntimeError):
    """A worker process stopped with an error; its message is one line."""


def one_line(exc: BaseException) -> str:
    """`Type: message` on one line, at most MESSAGE_CHARS characters."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:MESSAGE_CHARS]


def stopped_message(exitcode: int | None) -> str:
    """Why a worker gave no result: its exit code (negative: the signal that killed it)."""
    killed = f" (killed by signal {-exitcode})" if exitcode is not None and exitcode < 0 else ""
    return f"a worker stopped with exit code {exitcode}{killed}"


def run_workers(work: Callable[[int, Callable[[int], None]], T], workers: int, total: int,
                on_progress: Callable[[int, int], None] | None = None) -> list[T]:
    """Run `work(k, advance)` in `workers` forked processes; their results in worker order.
    `on_progress(done, total)` is called while waiting and, on success, once at the end."""
    context = multiprocessing.get_context("fork")
    done, results = context.Value("q", 0), context.Queue()

    def advance(n: int) -> None:
        with done.get_lock():
            done.value += n

    def report(k: int) -> None:
        try:
            results.put((k, True, work(k, advance)))
        except Exception as exc:  # noqa: BLE001 - the parent raises it as one line
            results.put((k, False, one_line(exc)))

    def show_progress() -> None:
        if on_progress:
            on_progress(done.value, total)

    procs = [context.Process(target=report, args=(k,)) for k in range(workers)]
    for proc in procs:
        proc.start()
    outcomes = _collect(results, procs, show_progress)
    for proc in procs:
        proc.join()
    failed = [value for k, (ok, value) in sorted(outcomes.items()) if not ok]
    silent = [k for k in range(workers) if k not in outcomes]
    if failed or silent:
        raise WorkerFailed(failed[0] if failed else stopped_message(procs[silent[0]].exitcode))
    show_progress()
    return [outcomes[k][1] for k in range(workers)]


def _collect(results, procs, show_progress: Callable[[], None]) -> dict[int, tuple[bool, object]]:
    """Worker → (ok, result or error line), until every worker has reported or stopped."""
    outcomes: dict[int, tuple[bool, object]] = {}
    while len(outcomes) < len(procs):
        show_progress()
        try:
            k, ok, value = results.get(timeout=POLL_SECONDS)
            outcomes[k] = (ok, value)
            continue
        except queue.Empty:
            pass
        if not any(proc.is_alive() for proc in procs):
            try:   # a stopped worker's result may still be in the pipe
                k, ok, value = results.get(timeout=LAST_WORDS_SECONDS)
                outcomes[k] = (ok, value)
            except queue.Empty:
                break
    return outcomes
