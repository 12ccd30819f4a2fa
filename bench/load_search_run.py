"""The parts of bench.load_search: database, timed batch load, query classes, report."""

from __future__ import annotations

import hashlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path

import psycopg

from bench.machine import load_average
from bench.search_classes import Query, build_classes
from futurewatch.core.config import load_settings
from futurewatch.core.db import embedded_server, with_database
from futurewatch.core.searchtext import SearchTextFolder
from parsers.batch_write import VersionRow, copy_versions, indexed_batch, upsert_staged
from tests.search.corpus import SampleDoc, build_doc, ensure_source

try:
    from parsers.batch_write import parallel_writers
except ImportError:  # a tree from before the writers merged in turn (bench.process.checkout, --before)
    from parsers.batch_write import pending_merger as parallel_writers

BATCH, CHUNK = 1000, 20_000
SERVER_SETTINGS = ("shared_buffers", "wal_buffers", "max_wal_size", "checkpoint_timeout")  # named in the report
MATCH_SQL = ("SELECT count(*), md5(coalesce(string_agg(v.version_id::text, ',' ORDER BY v.version_id), ''))"
             " FROM document_versions v WHERE ")


@contextmanager
def scratch_database(db_url: str | None = None) -> Iterator[tuple[str, Path]]:
    """(database URL, scratch folder) for one benchmark: db_url as given, else a database fw_bench on
    a fresh embedded server in the folder; server and folder are removed at the end."""
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as name:
        home, server = Path(name), None
        if not db_url:
            server = embedded_server(load_settings({"FUTUREWATCH_HOME": str(home / "db")}), cleanup_mode="delete")
            with psycopg.connect(server.get_uri(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE fw_bench")
            db_url = with_database(server.get_uri(), "fw_bench")
        try:
            yield db_url, home
        finally:
            if server is not None:
                server.cleanup()


def backend_cpu(pid: int) -> float:
    """CPU seconds used so far by one server backend (0 when the server is not local)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu(url: str) -> float:
    """CPU seconds of the local server so far: the postmaster, its exited and its live children."""
    with psycopg.connect(url) as conn:
        folder = conn.execute("SHOW data_directory").fetchone()[0]
    try:
        postmaster = Path(folder, "postmaster.pid").read_text().split()[0]
    except OSError:
        return 0.0
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").iterdir():
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split() if proc.name.isdigit() else None
        except OSError:
            continue
        if fields and proc.name == postmaster:
            total += sum(int(f) for f in fields[11:15]) / tick
        elif fields and fields[1] == postmaster:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def version_row(doc: SampleDoc) -> VersionRow:
    digest = hashlib.sha256((doc.title + "\n" + doc.text).encode()).hexdigest()
    return VersionRow(doc.document_id, doc.document_id, 1, doc.title, doc.text, doc.published_at, digest, "sample.V1")


def write_batch(db_url: str, docs: list[SampleDoc], merge: bool) -> float:
    """One transaction: documents and versions by COPY; returns CPU seconds (backend + thread)."""
    started = time.thread_time()
    with psycopg.connect(db_url) as conn:
        pid, cpu = conn.info.backend_pid, backend_cpu(conn.info.backend_pid)
        folder = SearchTextFolder.from_database(conn)
        with indexed_batch(conn, merge, durable=False):
            upsert_staged(conn, "documents", ("document_id", "doc_key", "source_id", "canonical_url", "current_version_id"),
                          ((d.document_id, f"sample:{d.document_id}", "sample", f"https://example.cn/{d.document_id}",
                            d.document_id) for d in docs))
            copy_versions(conn, map(version_row, docs), folder)
        return backend_cpu(pid) - cpu + time.thread_time() - started


def vacuum(db_url: str) -> float:
    with psycopg.connect(db_url, autocommit=True) as conn:
        pid, cpu = conn.info.backend_pid, backend_cpu(conn.info.backend_pid)
        conn.execute("VACUUM ANALYZE document_versions")
        conn.execute("VACUUM ANALYZE documents")
        return backend_cpu(pid) - cpu


def load_half(db_url: str, first: int, last: int, workers: int, kept: list[str]) -> dict:
    """Load versions first..last in chunks (documents built untimed), workers batches at a time,
    in batches of about BATCH split evenly among the workers (none left to run alone at the end).
    With several workers they merge in turn, and what they left is merged once they are done
    (batch_write.parallel_writers); VACUUM ANALYZE starts beside that last merge."""
    rng, seconds, cpu, text_bytes = random.Random(first), 0.0, 0.0, 0
    keep_every = max(1, last // 4000)
    with psycopg.connect(db_url) as conn:  # committed before the writers start: inserting it in each
        ensure_source(conn, "sample")       # batch made every writer wait for the first one's commit
    with ThreadPoolExecutor(1) as vacuums:
        for start in range(first, last + 1, CHUNK):
            docs = [build_doc(i, rng, 1700, mixed=False) for i in range(start, min(start + CHUNK, last + 1))]
            kept.extend(d.text for d in docs[::keep_every])
            text_bytes += sum(len(d.title.encode()) + len(d.text.encode()) for d in docs)
            batches = split(docs, workers)
            last_merge_cpu: list[float] = []
            merging = parallel_writers(db_url, lambda conn: last_merge_cpu.append(backend_cpu(conn.info.backend_pid)))
            began = time.perf_counter()
            with merging if workers > 1 else nullcontext():
                with ThreadPoolExecutor(workers) as pool:
                    cpu += sum(pool.map(lambda batch: write_batch(db_url, batch, workers == 1), batches))
                vacuumed = vacuums.submit(vacuum, db_url) if start + CHUNK > last else None
            if vacuumed:
                cpu += vacuumed.result()
            seconds += time.perf_counter() - began
            cpu += sum(last_merge_cpu)
            print(f"  loaded {start + len(docs) - 1}/{last} ({text_bytes / 2**20 / seconds:.1f} MB/s)", flush=True)
    mb = text_bytes / 2**20
    return {"first": first, "last": last, "mb": mb, "seconds": seconds, "mb_s": mb / seconds,
            "cpu_mb_s": mb / cpu if cpu else 0.0, "load": load_average()}


def split(docs: list, workers: int) -> list[list]:
    """Batches of at most BATCH documents, as even as can be, their number a multiple of workers."""
    count = -(-len(docs) // BATCH)
    count = -(-count // workers) * workers
    bounds = [len(docs) * i // count for i in range(count + 1)]
    return [docs[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def timed(conn, statement: str, params) -> tuple[float, list]:
    started = time.perf_counter()
    rows = conn.execute(statement, params).fetchall()
    return time.perf_counter() - started, rows


def like_scan(conn, query: Query) -> tuple[float, list]:
    """Every current match by a sequential LIKE scan: (seconds, rows of id, version, date, rank)."""
    where, terms = query.where(like=True)
    rank, rank_terms = query.rank()
    conn.execute("SET enable_bitmapscan = off")
    conn.execute("SET enable_indexscan = off")
    try:
        return timed(conn, f"SELECT d.document_id, v.version_id, v.published_at, ({rank})::real FROM document_versions v"
                           f" JOIN documents d ON d.current_version_id = v.version_id WHERE {where}", rank_terms + terms)
    finally:
        conn.execute("RESET enable_bitmapscan")
        conn.execute("RESET enable_indexscan")


def like_top(rows: list, rare: bool, max_rows: int = 20) -> list[tuple]:
    """The documented top max_rows (docs/search.md) chosen from every match."""
    never = datetime.min.replace(tzinfo=timezone.utc)
    if not rare:
        rows = sorted(rows, key=lambda r: (r[2] is not None, r[2] or never, r[1]), reverse=True)[:max_rows]
    key = lambda r: (-r[3], -(r[2].timestamp()) if r[2] else float("inf"), r[0])  # noqa: E731
    return [(r[0], r[1]) for r in sorted(rows, key=key)[:max_rows]]


def check_query(conn, query: Query, ranked_rows: list) -> dict:
    """Recall (index set == LIKE set) and top 20 (fw_search == LIKE oracle); the LIKE scan's time."""
    where, terms = query.where(like=False)
    _, index_set = timed(conn, MATCH_SQL + where, terms)
    like_where, _ = query.where(like=True)
    conn.execute("SET enable_bitmapscan = off")
    _, like_set = timed(conn, MATCH_SQL + like_where, terms)
    conn.execute("RESET enable_bitmapscan")
    assert index_set == like_set, (query, index_set, like_set)
    plan = conn.execute("SELECT fw_search_plan(fw_parse_query(%s), 20)", [query.text()]).fetchone()[0]
    like_seconds, rows = like_scan(conn, query)
    assert like_top(rows, plan["plan"] == "ranked") == [tuple(r[:2]) for r in ranked_rows], query
    return {"like": like_seconds, "matches": index_set[0][0]}


def run_class(conn, queries: list[Query], like_count: int) -> dict:
    search = "SELECT document_id, version_id FROM fw_search(%s, 20)"
    for query in queries:  # warm-up: the timed pass reads cached pages, like a busy server
        conn.execute(search, [query.text()]).fetchall()
    # the timed pass alone: a LIKE scan just before a search leaves it the CPU caches cold (1.1-1.3x
    # slower), so the checks, LIKE scans included, come after every query was timed
    timings = [timed(conn, search, [query.text()]) for query in queries]
    ranked, plans, checks = [seconds for seconds, _ in timings], {}, []
    for n, (query, (seconds, rows)) in enumerate(zip(queries, timings)):
        plan = conn.execute("SELECT fw_search_plan(fw_parse_query(%s), 20)->>'plan'", [query.text()]).fetchone()[0]
        plans[plan] = plans.get(plan, 0) + 1
        if n < like_count:
            checks.append(check_query(conn, query, rows) | {"ranked": seconds})
    return {"n": len(queries), "p50": pct(ranked, 0.5), "p95": pct(ranked, 0.95), "plans": plans,
            "matches": statistics.median(c["matches"] for c in checks),
            "like_p50": pct([c["like"] for c in checks], 0.5),
            "speedup": statistics.median(c["like"] for c in checks) / statistics.median(c["ranked"] for c in checks)}


def run_classes(conn, texts: list[str], per_class: int, like_count: int) -> dict[str, dict]:
    results = {}
    for name, queries in build_classes(texts, per_class).items():
        results[name] = run_class(conn, queries, like_count)
        print(f"  {name}: p95 {results[name]['p95']:.1f} ms", flush=True)
    return results


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def sizes(conn) -> dict:
    row = conn.execute("SELECT pg_total_relation_size('document_versions') - pg_indexes_size('document_versions'),"
                       " pg_relation_size('document_versions_search_keys_idx')").fetchone()
    settings = ", ".join(f"{name} {conn.execute(f'SHOW {name}').fetchone()[0]}" for name in SERVER_SETTINGS)
    return {"table_mb": row[0] / 2**20, "index_mb": row[1] / 2**20, "settings": settings}
