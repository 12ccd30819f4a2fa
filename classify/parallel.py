"""Reclassification on every core: the pending versions split into contiguous version-id spans
of about SPAN_BATCHES batches each, handed out from one queue to the worker processes, so every
core stays busy until the last span (a slower worker simply takes fewer). Each worker keeps one
database session and one classifier for all its spans; one progress count for all of them
(futurewatch.core.forkpool, whose WorkerFailed a failed worker raises).

    classify_parallel(url, workers=2, batch_size=500, progress=None, force_entities=False) -> ClassifySummary

A crash of one worker loses at most its batch in flight; rerunning picks up whatever is still
pending, in any span. The taxonomy is loaded (or the packaged one stored) before the split, so
every worker classifies with the same version.
"""

from __future__ import annotations

import multiprocessing
from typing import Callable

from classify.pipeline import GROWN_TABLES, ClassifySummary, PendingClassifier, classify_pending
from classify.taxonomy import load_taxonomy, select_latest_taxonomy
from futurewatch.core.db import connect
from futurewatch.core.forkpool import run_workers
from futurewatch.core.stats import analyze_grown

SPAN_BATCHES = 8   # batches per span handed to a worker: small enough to balance, large to keep few

_PENDING_IDS = """
SELECT dv.version_id FROM document_versions dv
WHERE NOT EXISTS (SELECT 1 FROM classification_runs r
                  WHERE r.version_id = dv.version_id AND r.taxonomy_version_id = %(tv)s)
ORDER BY dv.version_id
"""


def split_ranges(ids: list[int], parts: int) -> list[tuple[int, int]]:
    """(after, until] ranges holding about len(ids)/parts of the sorted ids each."""
    if not ids:
        return []
    step = -(-len(ids) // max(1, parts))
    bounds = [ids[min(i, len(ids)) - 1] for i in range(step, len(ids) + step, step)]
    return list(zip([ids[0] - 1] + bounds[:-1], bounds))


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
    """The spans from one queue, each worker until its end mark (None); their totals added up."""
    span_queue = multiprocessing.get_context("fork").Queue()
    for span in spans + [None] * workers:   # one end mark per worker
        span_queue.put(span)

    def work(_k: int, advance: Callable[[int], None]) -> tuple[int, int, int, int]:
        counted = 0

        def count(seen: int) -> None:   # `seen` counts from 0 in each span
            nonlocal counted
            advance(seen - counted)
            counted = seen
        with PendingClassifier.open(url, tv, force_entities=force_entities) as job:
            for span in iter(span_queue.get, None):
                counted = 0
                job.classify_span(span, batch_size=batch_size, progress=count)
        done = job.summary
        return done.classified, done.labels, done.mentions, done.entities_kept

    per_worker = run_workers(work, workers, total, progress)
    classified, labels, mentions, kept = (sum(column) for column in zip(*per_worker))
    return ClassifySummary(taxonomy_version_id=tv, pending=total, classified=classified, labels=labels,
                           mentions=mentions, entities_kept=kept)
