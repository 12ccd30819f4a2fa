"""Reclassification on every core: the pending versions split into contiguous version-id ranges
of equal size, one worker process per range, each running `classify_pending` on its range (its
own batches, transactions and resume point), with one progress count for all of them.

    classify_parallel(url, workers=2, batch_size=500, progress=None, force_entities=False) -> ClassifySummary

A crash of one worker loses at most its batch in flight; rerunning picks up whatever is still
pending, in any range. The taxonomy is loaded (or the packaged one stored) before the split, so
every worker classifies with the same version.
"""

from __future__ import annotations

import multiprocessing
import time
from typing import Callable

from classify.pipeline import ClassifySummary, classify_pending
from futurewatch.core.db import connect
from classify.taxonomy import load_taxonomy, select_latest_taxonomy

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


def _work(db_url: str, tv: int, span: tuple[int, int], batch_size: int, force_entities: bool, done,
          errors) -> None:
    def count(classified: int, _total: int, seen=[0]) -> None:  # noqa: B006 - per-process counter
        with done.get_lock():
            done.value += classified - seen[0]
        seen[0] = classified
    try:
        summary = classify_pending(db_url, batch_size=batch_size, taxonomy_version_id=tv, version_range=span,
                                   progress=count, force_entities=force_entities)
        errors.put(("ok", summary.labels, summary.mentions, summary.entities_kept))
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        errors.put(("error", f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:300], 0, 0))


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
    return _run_workers(db_url, tv, split_ranges(ids, workers), batch_size, len(ids), progress, force_entities)


def _run_workers(url, tv, spans, batch_size, total, progress, force_entities) -> ClassifySummary:
    context = multiprocessing.get_context("fork")
    done, results = context.Value("q", 0), context.Queue()
    procs = [context.Process(target=_work, args=(url, tv, span, batch_size, force_entities, done, results)) for span in spans]
    for proc in procs:
        proc.start()
    while any(proc.is_alive() for proc in procs):
        if progress:
            progress(done.value, total)
        time.sleep(0.5)
    outcomes = [results.get(timeout=5) for _ in procs]
    failed = [message for status, message, *_ in outcomes if status == "error"]
    if failed:
        raise WorkerFailed(failed[0])
    if progress:
        progress(done.value, total)
    return ClassifySummary(taxonomy_version_id=tv, pending=total, classified=done.value,
                           labels=sum(o[1] for o in outcomes), mentions=sum(o[2] for o in outcomes),
                           entities_kept=sum(o[3] for o in outcomes))
