"""Reclassification on every core: the pending versions split into contiguous version-id spans
of about SPAN_BATCHES batches each, handed out from one queue to the worker processes, so every
core stays busy until the last span (a slower worker simply takes fewer). Each worker keeps one
database session and one classifier for all its spans; one progress count for all of them.

    classify_parallel(url, workers=2, batch_size=500, progress=None, force_entities=False) -> ClassifySummary

A crash of one worker loses at most its batch in flight; rerunning picks up whatever is still
pending, in any span. The taxonomy is loaded (or the packaged one stored) before the split, so
every worker classifies with the same version.
"""

from __future__ import annotations

import multiprocessing
import time
from typing import Callable

from classify.pipeline import GROWN_TABLES, ClassifySummary, PendingClassifier, classify_pending
from classify.taxonomy import load_taxonomy, select_latest_taxonomy
from futurewatch.core.db import connect
from futurewatch.core.stats import analyze_grown

SPAN_BATCHES = 8   # batches per span handed to a worker: small enough to balance, large to keep few

_PENDING_IDS = """
SELECT dv.version_id FROM document_versions dv
WHERE NOT EXISTS (SELECT 1 FROM classification_runs r
                  WHERE r.version_id = dv.version_id AND r.taxonomy_version_id = %(tv)s)
ORDER BY dv.version_id
"""


class WorkerFailed(RuntimeError):
    """A worker process stopped with an error; its message is one line."""


def split_ranges(ids: list[int], parts: int) -> list[tuple[int, int]]:
    """(after, until] ranges holding about len(ids)/parts of the sorted ids each."""
    if not ids:
        return []
    step = -(-len(ids) // max(1, parts))
    bounds = [ids[min(i, len(ids)) - 1] for i in range(step, len(ids) + step, step)]
    return list(zip([ids[0] - 1] + bounds[:-1], bounds))


def _work(db_url: str, tv: int, spans, batch_size: int, force_entities: bool, done, results) -> None:
    """Take spans from the queue until its end mark (None); report the totals or one error line."""
    counted = 0

    def count(seen: int) -> None:
        nonlocal counted
        with done.get_lock():
            done.value += seen - counted
        counted = seen
    try:
        with PendingClassifier.open(db_url, tv, force_entities=force_entities) as job:
            for span in iter(spans.get, None):
                counted = 0
                job.classify_span(span, batch_size=batch_size, progress=count)
        s = job.summary
        results.put(("ok", s.classified, s.labels, s.mentions, s.entities_kept))
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        results.put(("error", f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:300], 0, 0, 0))


def classify_parallel(db_url: str, *, workers: int = 2, batch_size: int = 500, limit: int | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      force_entities: bool = False) -> ClassifySummary:
    """Classify every pending version (or the first `limit`) with `workers` processes (1: in this one);
    `force_entities`: extract entities of every version again (classify_pending)."""
    latest = select_latest_taxonomy(db_url) or select_latest_taxonomy(db_url, load_taxonomy(db_url))
    tv = latest[0]
    with connect(db_url) as conn:
        ids = [row["version_id"] for row in conn.execute(_PENDING_IDS, {"tv": tv})][:limit]
    if workers <= 1 or len(ids) < 2 * batch_size:
        return classify_pending(db_url, batch_size=batch_size, taxonomy_version_id=tv, progress=progress,
                                limit=limit, force_entities=force_entities)
    spans = split_ranges(ids, max(workers, -(-len(ids) // (batch_size * SPAN_BATCHES))))
    summary = _run_workers(db_url, tv, spans, min(workers, len(spans)), batch_size, len(ids), progress,
                           force_entities)
    with connect(db_url, autocommit=True) as conn:
        analyze_grown(conn, GROWN_TABLES)   # once, after every worker (the alert queries plan on them)
    return summary


def _run_workers(url, tv, spans, workers, batch_size, total, progress, force_entities) -> ClassifySummary:
    context = multiprocessing.get_context("fork")
    done, queue, results = context.Value("q", 0), context.Queue(), context.Queue()
    for span in spans + [None] * workers:   # one end mark per worker
        queue.put(span)
    procs = [context.Process(target=_work, args=(url, tv, queue, batch_size, force_entities, done, results))
             for _ in range(workers)]
    for proc in procs:
        proc.start()
    outcomes = []
    while len(outcomes) < workers:
        if progress:
            progress(done.value, total)
        outcomes += _collect(results, procs, workers - len(outcomes))
    for proc in procs:
        proc.join()
    failed = [message for status, message, *_ in outcomes if status == "error"]
    if failed:
        raise WorkerFailed(failed[0])
    if progress:
        progress(done.value, total)
    return ClassifySummary(taxonomy_version_id=tv, pending=total, classified=sum(o[1] for o in outcomes),
                           labels=sum(o[2] for o in outcomes), mentions=sum(o[3] for o in outcomes),
                           entities_kept=sum(o[4] for o in outcomes))


def _collect(results, procs, missing: int) -> list[tuple]:
    """The outcomes reported within half a second; a worker that died without one (killed) is an error."""
    got = []
    try:
        got.append(results.get(timeout=0.5))
        while len(got) < missing:
            got.append(results.get_nowait())
    except Exception:  # noqa: BLE001 - queue.Empty: nothing (more) for now
        pass
    if not got and not any(proc.is_alive() for proc in procs):
        time.sleep(0.5)   # a last report may still be in the pipe
        try:
            got.append(results.get(timeout=1))
        except Exception:  # noqa: BLE001
            died = [proc.exitcode for proc in procs if proc.exitcode]
            got = [("error", f"a worker stopped with exit code {died[0] if died else '?'}", 0, 0, 0)] * missing
    return got
