"""Where a bulk load's CPU goes, step by step: main's batch writer (before 0300) against this one.

Run: .venv/bin/python -m bench.load_steps [--docs 8000] [--write]

One embedded server, two databases: `staged` migrated up to 0280 and loaded the way the batch
writer did before 0300 (search_text by unicodedata NFKC + str.translate, COPY into a staging
table, INSERT … ON CONFLICT DO NOTHING, the trigger called for every row, search_text
compressed); `direct` migrated to head and loaded by parsers/batch_write.py as it is (inert
characters through one table, versions COPied straight in, the trigger skipped for trusted
rows, search_text uncompressed). Both load the same ~5 KB versions (bench.load_search's texts)
in batches of 2,000, one connection each, alternating batch by batch (so both see the same
machine load), in two halves (--docs/2, then --docs) to show growth. CPU seconds per step:

- `search_text + keys` (Python): search_text and its keys in int4[]'s binary form, client CPU;
- `COPY`: the rows into the staging table (staged) or straight into document_versions (direct:
  with the trigger, TOAST, b-trees and the GIN pending list), client + server CPU;
- `INSERT` (staged only): staging into document_versions (trigger, TOAST, GIN pending list);
- `GIN merge`: gin_clean_pending_list(), server CPU;
- `VACUUM ANALYZE`: at the end of each half, server CPU.

Ends with `RESULT docs=… mb=… staged_cpu_s_per_mb=… direct_cpu_s_per_mb=… cpu_ratio=… wall_ratio=…`.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import unicodedata
import sys
import time
import uuid
from pathlib import Path

import psycopg

from bench.machine import load_average, machine
from bench.load_search_run import backend_cpu, scratch_database
from bench.publish import publish
from futurewatch.core import migrate
from futurewatch.core.db import with_database
from futurewatch.core.searchtext import SearchTextFolder, keys_binary
from futurewatch.core.staging import copy_new, copy_staged
from parsers.batch_write import BINARY_COLUMNS, SEARCH_INDEX, VERSION_COLUMNS, VersionRow, unstored
from tests.search.corpus import build_doc, ensure_source

DOC = Path(__file__).resolve().parents[1] / "docs" / "perf" / "load_steps.md"
BATCH = 2000
STAGED_COLUMNS = VERSION_COLUMNS[:VERSION_COLUMNS.index("search_keys") + 1]  # before 0300: no search_sig (0410)
STEPS = ("search_text + keys", "COPY", "INSERT", "GIN merge", "VACUUM ANALYZE")
SCHEMAS = {"staged": "0300", "direct": None}  # below which migration each database stops


def create(admin_url: str, below: str | None) -> str:
    """A new database migrated to head, or to the last migration below `below`."""
    name = f"steps_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_database(admin_url, name)
    migrate.apply_migrations(url, before=below)
    return url


class Meter:
    """CPU seconds per step of one connection: its backend's and this thread's."""

    def __init__(self, conn):
        self.conn, self.pid, self.cpu = conn, conn.info.backend_pid, dict.fromkeys(STEPS, 0.0)

    def run(self, step: str, action):
        server, client = backend_cpu(self.pid), time.thread_time()
        result = action()
        self.cpu[step] += backend_cpu(self.pid) - server + time.thread_time() - client
        return result


def load_batch(meter: Meter, folder: SearchTextFolder, docs, direct: bool) -> None:
    conn = meter.conn
    rows = [VersionRow(d.document_id, d.document_id, 1, d.title, d.text, d.published_at,
                       hashlib.sha256(d.text.encode()).hexdigest(), "sample.V1") for d in docs]
    with conn.transaction():
        conn.execute("SET LOCAL gin_pending_list_limit = '64MB'")
        conn.execute("SET LOCAL maintenance_work_mem = '64MB'")
        conn.execute("INSERT INTO documents (document_id, doc_key, source_id, canonical_url)"
                     " SELECT i, 'sample:' || i, 'sample', 'https://example.cn/' || i FROM unnest(%s::bigint[]) i",
                     [[d.document_id for d in docs]])
        if direct:
            values = meter.run("search_text + keys", lambda: [
                (r.version_id, r.document_id, r.version_no, r.title, r.text, r.published_at, r.content_hash, r.parser,
                 *folder.search_columns(r.title, r.text)) for r in unstored(conn, rows)])
            meter.run("COPY", lambda: copy_new(conn, "document_versions", VERSION_COLUMNS, values, raw=BINARY_COLUMNS))
        else:
            values = meter.run("search_text + keys", lambda: [
                (r.version_id, r.document_id, r.version_no, r.title, r.text, r.published_at, r.content_hash, r.parser,
                 *general_columns(folder, r.title, r.text)) for r in rows])
            staging = meter.run("COPY", lambda: copy_staged(conn, "document_versions", STAGED_COLUMNS, values,
                                                               ("search_keys",)))
            names = ", ".join(STAGED_COLUMNS)
            meter.run("INSERT", lambda: conn.execute(f"INSERT INTO document_versions ({names}) SELECT {names}"
                                                     f" FROM {staging.as_string(conn)} ON CONFLICT DO NOTHING"))
        meter.run("GIN merge", lambda: conn.execute("SELECT gin_clean_pending_list(%s::regclass)", [SEARCH_INDEX]))


def folder_of(name: str, conn) -> SearchTextFolder:
    """The database's folder; `staged` stops before 0400, so it has the fold map but no common keys."""
    if name == "direct":
        return SearchTextFolder.from_database(conn)
    return SearchTextFolder(conn.execute("SELECT fw_fold_map() AS fold").fetchone()[0])


def general_columns(folder: SearchTextFolder, title: str, text: str) -> tuple[str, bytes]:
    """search_text and keys the way main computed them (NFKC, then the fold, then the keys)."""
    search_text = unicodedata.normalize("NFKC", title.replace("\n", " ") + "\n" + text).translate(folder.table)
    return search_text, keys_binary(search_text)


def vacuum(url: str) -> float:
    with psycopg.connect(url, autocommit=True) as conn:
        pid, cpu = conn.info.backend_pid, backend_cpu(conn.info.backend_pid)
        conn.execute("VACUUM ANALYZE document_versions")
        return backend_cpu(pid) - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=8000)
    parser.add_argument("--write", action="store_true", help=f"write the results to docs/perf/{DOC.name}")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    rows, began = [], time.perf_counter()
    with scratch_database() as (admin, _):
        urls = {name: create(admin, below) for name, below in SCHEMAS.items()}
        conns = {name: psycopg.connect(url) for name, url in urls.items()}
        meters = {name: Meter(conn) for name, conn in conns.items()}
        folders = {name: folder_of(name, conn) for name, conn in conns.items()}
        for conn in conns.values():
            ensure_source(conn, "sample")
            conn.commit()
        rng, mb, walls = random.Random(1), 0.0, dict.fromkeys(SCHEMAS, 0.0)
        for first, last in ((1, args.docs // 2), (args.docs // 2 + 1, args.docs)):
            for start in range(first, last + 1, BATCH):
                docs = [build_doc(i, rng, 1700, mixed=False) for i in range(start, min(start + BATCH, last + 1))]
                mb += sum(len(d.title.encode()) + len(d.text.encode()) for d in docs) / 2**20
                for name in SCHEMAS:
                    t0 = time.perf_counter()
                    load_batch(meters[name], folders[name], docs, name == "direct")
                    walls[name] += time.perf_counter() - t0
            for name in SCHEMAS:
                t0 = time.perf_counter()
                meters[name].cpu["VACUUM ANALYZE"] += vacuum(urls[name])
                walls[name] += time.perf_counter() - t0
                rows.append({"schema": name, "docs": last, "mb": mb, "wall": walls[name], **meters[name].cpu,
                             "load": load_average()})
                print(f"  {name} {last}: {sum(meters[name].cpu.values()):.1f} CPU s, {mb:.1f} MB", flush=True)
        for conn in conns.values():
            conn.close()
    return publish(*render(rows, args, time.perf_counter() - began), DOC, args.write)


def render(rows: list[dict], args, seconds: float) -> tuple[str, str]:
    head = "| writer | versions (cumulative) | MB | " + " | ".join(STEPS) + " | CPU s | CPU s per MB | MB per CPU-second | wall s | MB/s wall | load average |"
    lines = ["# bench.load_steps: a bulk load's CPU per step, main's batch writer (staged) against direct COPY (0300)", "",
             f"Machine: {machine()}, shared (load average per row). Embedded PostgreSQL 16. {args.note}", "",
             f"Command: `.venv/bin/python -m bench.load_steps {' '.join(sys.argv[1:])}` ({seconds:.0f} s)", "",
             "CPU seconds (client + server), cumulative over the load; one connection per writer, batches alternating:",
             "", head, "|---|---:|---:|" + "---:|" * len(STEPS) + "---:|---:|---:|---:|---:|---|"]
    for r in rows:
        cpu = sum(r[s] for s in STEPS)
        lines.append(f"| {r['schema']} | {r['docs']:,} | {r['mb']:.1f} | " + " | ".join(f"{r[s]:.2f}" for s in STEPS)
                     + f" | {cpu:.2f} | {cpu / r['mb']:.3f} | {r['mb'] / cpu:.2f} | {r['wall']:.1f}"
                     + f" | {r['mb'] / r['wall']:.2f} | {r['load']} |")
    last = {r["schema"]: r for r in rows if r["docs"] == args.docs}
    per_mb = {k: sum(r[s] for s in STEPS) / r["mb"] for k, r in last.items()}
    ratio, wall = per_mb["staged"] / per_mb["direct"], last["staged"]["wall"] / last["direct"]["wall"]
    lines += ["", f"CPU per MB, staged / direct, at {args.docs:,} versions: **{ratio:.2f}×**; wall time: {wall:.2f}×.", ""]
    result = (f"RESULT docs={args.docs} mb={last['direct']['mb']:.1f} staged_cpu_s_per_mb={per_mb['staged']:.3f}"
              f" direct_cpu_s_per_mb={per_mb['direct']:.3f} cpu_ratio={ratio:.2f} wall_ratio={wall:.2f}")
    return "\n".join(lines), result


if __name__ == "__main__":
    raise SystemExit(main())
