"""Bulk load and search of the archive, at two sizes in one run, to show growth.

Run: .venv/bin/python -m bench.load_search [--docs 20000] [--workers 2] [--write]

1. Load: --docs document versions of ~5 KB (seed sentences, 15 % written in Traditional) in two
   halves, through the batch writer (parsers/batch_write.py: COPY straight in, search_text computed in
   Python, ANALYZE after growth), --workers connections in parallel; with more than one, they
   merge the GIN pending list in turn and what is left is merged at the end
   (batch_write.parallel_writers, its CPU counted);
   batches commit with synchronous_commit off (durable=False: a bulk load reruns what a crash lost);
   batches of about 1,000, their number a multiple of --workers, so no writer runs alone at the end.
   Rates in MB/s of UTF-8 title+text, wall clock and per CPU second (server backends + Python),
   because the machine is shared. Each half ends with its last merge and VACUUM ANALYZE, included in the time.
2. Search, after each half: eight query classes (docs/search.md syntax, search_classes.py).
   *ranked* = fw_search(q, 20), the user's search, p50/p95; for --like queries per class, the
   index-served set of every match is asserted equal to a sequential LIKE scan (count + md5 of
   ids), and fw_search's top 20 is asserted equal to the same top 20 chosen from one LIKE scan
   under the documented plan rule; the LIKE scan's time over fw_search's is the speed-up.
With --common-words, the archive's own common words are listed after the first half, as the weekly
DAG update_common_words does (`futurewatch db common-keys --add`: survey, backfill of the absence
keys, VACUUM ANALYZE); its time is reported apart, not in the load rate, and the second half is
written with the new words' absence keys (more keys a row: its load rate is not comparable to a run
without the option).
Ends with `RESULT docs=… load_mb_s=… load_cpu_mb_s=… search_p95_ms=… like_ratio_min=…`
(search_p95_ms: the worst class's ranked p95 at full size; like_ratio_min: the smallest
class median speed-up at full size). Runs on a private embedded server unless --url is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import psycopg

from bench.load_search_report import render
from bench.machine import load_average
from bench.load_search_run import load_half, run_classes, scratch_database, sizes
from bench.publish import publish
from futurewatch.core.migrate import apply_migrations
from search.common_keys import TooFewDocuments, add_common_keys

DOC = Path(__file__).resolve().parents[1] / "docs" / "perf" / "load_search.md"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="document versions in all (two halves)")
    parser.add_argument("--workers", type=int, default=2, help="loading connections in parallel")
    parser.add_argument("--queries", type=int, default=40, help="queries per class")
    parser.add_argument("--like", type=int, default=8, help="queries per class also checked by a LIKE scan")
    parser.add_argument("--url", help="an empty database to use instead of a private embedded server")
    parser.add_argument("--write", action="store_true", help=f"write the results to docs/perf/{DOC.name}")
    parser.add_argument("--note", default="", help="a sentence added to the results (e.g. machine load)")
    parser.add_argument("--common-words", action="store_true",
                        help="list the archive's common words after the first half (the weekly DAG's step)")
    parser.add_argument("--search-only", action="store_true", help="with --url: search the archive as it is (no load)")
    return parser.parse_args()


def search_existing(db_url: str, args) -> dict:
    """One stage over an archive already loaded (queries cut from every 50th text)."""
    with psycopg.connect(db_url) as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM document_versions WHERE mod(version_id, 50) = 0"
                                            " ORDER BY version_id")]  # the same queries every run
        versions = conn.execute("SELECT count(*) FROM document_versions").fetchone()[0]
        results = run_classes(conn, texts, args.queries, args.like)
        return {"load": {"first": 1, "last": versions, "mb": 0.0, "seconds": 1.0, "mb_s": 0.0, "cpu_mb_s": 0.0,
                         "load": load_average()}, "results": results, "size": sizes(conn)}


def common_words(db_url: str) -> dict:
    """The weekly DAG's step on the archive as it is: words appended, versions rewritten, seconds."""
    try:
        outcome = add_common_keys(db_url)
    except TooFewDocuments as exc:
        print(f"  common words: not listed: {exc}", flush=True)
        return {}
    print(f"  common words: {len(outcome.added)} appended, {outcome.rewritten} versions rewritten"
          f" in {outcome.seconds:.0f} s", flush=True)
    return {"added": [k.word for k in outcome.added], "listed": outcome.listed, "rewritten": outcome.rewritten,
            "seconds": outcome.seconds}


def main() -> int:
    args = parse_args()
    stages = []
    with scratch_database(args.url) as (url, _):
        apply_migrations(url)
        kept: list[str] = []
        halves = ((1, args.docs // 2), (args.docs // 2 + 1, args.docs))
        for first, last in halves if not args.search_only else ():
            load = load_half(url, first, last, args.workers, kept)
            with psycopg.connect(url) as conn:
                results = run_classes(conn, kept, args.queries, args.like)
                stages.append({"load": load, "results": results, "size": sizes(conn)})
            if args.common_words and last < args.docs:
                stages[-1]["common_words"] = common_words(url)
        if args.search_only:
            stages.append(search_existing(url, args))
    return publish(*render(stages, args), DOC, args.write)


if __name__ == "__main__":
    raise SystemExit(main())
