"""fw_search against an older fw_search, side by side on one archive, query by query.

Run: .venv/bin/python -m bench.search_plans --url URL [--before 0171|0210 | --before-url URL2] [--queries 20]
URL: an archive loaded by bench.load_search (e.g. its run with --url). The older side is
- with --before 0171 (count first, the default) or 0210 (walk first, walk on, exclusions last):
  that migration's fw_search and fw_search_plan, created as temporary functions of this session
  (pg_temp), calling today's statement builders;
- with --before-url: fw_search of URL2, a copy of the same archive (`CREATE DATABASE … TEMPLATE …`)
  migrated only up to the older code (e.g. main's), on the same server.
Each query runs once through both for warm-up, then both are timed, interleaved. Ends with
`RESULT docs=… worst_p95_ms=… worst_p95_<before>_ms=… p50_speedup_min=… same_rows=…` (same_rows:
queries where both return the same rows; they may differ by design for a query with at most 200
candidates whose newest documents hold 20 matches: see docs/search.md, 0210 and 0260).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import psycopg

from bench.machine import load_average, machine
from bench.load_search_run import pct
from bench.search_classes import build_classes

MIGRATIONS = Path(__file__).resolve().parents[1] / "sql" / "migrations"
OLDER = {"0171": "0171_choose_search_plan.sql", "0210": "0210_search_walk_first.sql"}


def old_functions(version: str) -> list[str]:
    """That migration's fw_search_plan and fw_search as pg_temp functions (no SECURITY DEFINER
    there), suffixed with the version; they call today's statement builders."""
    src = (MIGRATIONS / OLDER[version]).read_text(encoding="utf-8")
    plan = src[src.index("CREATE FUNCTION fw_search_plan("):src.index("COMMENT ON FUNCTION fw_search_plan")]
    search = src[src.index("CREATE OR REPLACE FUNCTION fw_search("):src.index("COMMENT ON FUNCTION fw_search(")]
    plan = plan.replace("CREATE FUNCTION fw_search_plan(", f"CREATE FUNCTION pg_temp.fw_search_plan_{version}(")
    search = (search.replace("CREATE OR REPLACE FUNCTION fw_search(", f"CREATE FUNCTION pg_temp.fw_search_{version}(")
              .replace("LANGUAGE plpgsql STABLE SECURITY DEFINER", "LANGUAGE plpgsql STABLE")
              .replace("SET search_path FROM CURRENT\n", "")
              .replace("fw_search_plan(parsed, max_rows", f"pg_temp.fw_search_plan_{version}(parsed, max_rows"))
    return [plan, search]


def timed(conn, function: str, query: str) -> tuple[float, list]:
    started = time.perf_counter()
    rows = conn.execute(f"SELECT document_id FROM {function}(%s, 20)", [query]).fetchall()
    return time.perf_counter() - started, rows


def sides(conn, before_url: str | None, before: str):
    """((connection, function) now, (connection, function) before)."""
    if before_url:
        return (conn, "fw_search"), (psycopg.connect(before_url, autocommit=True), "fw_search")
    for statement in old_functions(before):
        conn.execute(statement)
    return (conn, "fw_search"), (conn, f"pg_temp.fw_search_{before}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a database loaded by bench.load_search")
    parser.add_argument("--before", choices=sorted(OLDER), default="0171", help="the older fw_search (pg_temp)")
    parser.add_argument("--before-url", help="instead: a copy of the archive migrated to the older code")
    parser.add_argument("--queries", type=int, default=20, help="queries per class")
    args = parser.parse_args()
    old_name = "before" if args.before_url else args.before
    lines = [f"| query | p50 ms | p95 ms | {old_name} p50 ms | {old_name} p95 ms | p50 speed-up | same rows |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    worst, worst_old, speedups, same_all = 0.0, 0.0, [], 0
    with psycopg.connect(args.url, autocommit=True) as conn:
        now, before = sides(conn, args.before_url, args.before)
        texts = [r[0] for r in conn.execute("SELECT text FROM document_versions WHERE mod(version_id, 50) = 0")]
        docs = conn.execute("SELECT count(*) FROM document_versions").fetchone()[0]
        began = load_average()
        for name, queries in build_classes(texts, args.queries).items():
            new, old, same = [], [], 0
            for query in queries:
                for side in (now, before):
                    timed(*side, query.text())  # warm-up
                seconds, rows = timed(*now, query.text())
                seconds_old, rows_old = timed(*before, query.text())
                new.append(seconds)
                old.append(seconds_old)
                same += rows == rows_old
            worst, worst_old = max(worst, pct(new, 0.95)), max(worst_old, pct(old, 0.95))
            speedups.append(pct(old, 0.5) / pct(new, 0.5))
            same_all += same
            lines.append(f"| {name} | {pct(new, 0.5):.1f} | {pct(new, 0.95):.1f} | {pct(old, 0.5):.1f} | "
                         f"{pct(old, 0.95):.1f} | {speedups[-1]:.2f}× | {same}/{len(queries)} |")
            print(lines[-1], flush=True)
    print(f"\n{docs:,} versions; {machine()}; load average {began} → {load_average()}.\n")
    print("\n".join(lines))
    print(f"\nRESULT docs={docs} worst_p95_ms={worst:.1f} worst_p95_{old_name}_ms={worst_old:.1f} "
          f"p50_speedup_min={min(speedups):.2f} same_rows={same_all}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
