"""Bulk load and search of the archive, side by side in one run.

Run: .venv/bin/python -m bench.load_search [--docs 200000] [--write]

1. Load: N document versions of ~5 KB (seed sentences, 15% written in Traditional) into the real
   table (the search_text column and the bigram index are maintained as rows arrive). COPY for
   the bulk, executemany for a smaller sample; rates in MB/s of UTF-8 title+text and their ratio.
2. Search: 2-, 3-, 4-character queries and two-term ANDs cut from the loaded documents.
   For each: the index-served match (fw_contains, all matching ids) and the ranked top 20
   (fw_search), p50/p95; and for a subset the LIKE scan of the same query, asserting the same
   ids (count + md5 of the sorted ids), and the same top 20 computed from one sequential LIKE
   scan under the order of docs/search.md, asserting the same ids in the same order. Runs on a private embedded server in a temporary folder
   unless --url names a database.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from futurewatch.config import load_settings
from futurewatch.db import embedded_server, with_database
from futurewatch.migrate import apply_migrations
from tests.search.corpus import SampleDoc, build_doc, copy_docs, ensure_source, version_row

DOC = Path(__file__).resolve().parents[1] / "docs" / "perf" / "foundation.md"
BATCH = 2000
MATCH_SQL = ("SELECT count(*), md5(coalesce(string_agg(version_id::text, ',' ORDER BY version_id), ''))"
             " FROM document_versions WHERE ")
TOPK, TOPK_PROBE = 20, 1000  # fw_search(q, 20) walks at most least(50 * 20, 20000) newest documents
LIKE_TERM = (r"search_text LIKE '%%' || replace(replace(replace(fw_normalize(%s), '\', '\\'),"
             r" '%%', '\%%'), '_', '\_') || '%%'")


def machine() -> str:
    model = subprocess.run("lscpu | grep 'Model name'", shell=True, capture_output=True, text=True).stdout
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    mem = subprocess.run("free -g | awk '/Mem:/ {print $2}'", shell=True, capture_output=True, text=True).stdout
    model = " ".join(model.split(":", 1)[-1].split()) or platform.processor()
    return f"nproc {nproc}; {model}; {mem.strip()} GB RAM; Python {platform.python_version()}"


def doc_bytes(docs: list[SampleDoc]) -> int:
    return sum(len(d.title.encode()) + len(d.text.encode()) for d in docs)


def load_executemany(conn, docs: list[SampleDoc]) -> None:
    ensure_source(conn, "sample")
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO documents (document_id, doc_key, source_id, canonical_url, current_version_id)"
            " VALUES (%s, %s, 'sample', %s, %s)",
            [(d.document_id, f"sample:{d.document_id}", f"https://example.cn/{d.document_id}", d.document_id)
             for d in docs],
        )
        cur.executemany(
            "INSERT INTO document_versions (version_id, document_id, version_no, title, text, published_at,"
            " content_hash, parser) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [version_row(d) for d in docs],
        )


def timed_load(conn, docs, loader) -> float:
    start = time.perf_counter()
    loader(conn, docs)
    conn.commit()
    return time.perf_counter() - start


def run_load(conn, total: int, sample: int, keep_every: int) -> tuple[dict, list[SampleDoc]]:
    """executemany for the first `sample` documents, COPY for the rest; returns rates and kept docs."""
    rng, kept = random.Random(42), []
    docs = [build_doc(i + 1, rng, 1700, mixed=False) for i in range(sample)]
    many_seconds, many_bytes = timed_load(conn, docs, load_executemany), doc_bytes(docs)
    kept.extend(docs[::keep_every])
    copy_seconds = copy_bytes = 0.0
    next_id = sample + 1
    while next_id <= total:
        docs = [build_doc(next_id + i, rng, 1700, mixed=False) for i in range(min(BATCH, total - next_id + 1))]
        copy_seconds += timed_load(conn, docs, copy_docs)
        copy_bytes += doc_bytes(docs)
        kept.extend(docs[::keep_every])
        next_id += len(docs)
        print(f"  loaded {next_id - 1}/{total} ({copy_bytes / 2**20 / copy_seconds:.1f} MB/s by COPY)", flush=True)
    start = time.perf_counter()
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE document_versions")
    conn.execute("VACUUM ANALYZE documents")
    conn.autocommit = False
    return {
        "docs": total, "sample": sample,
        "copy_mb_s": copy_bytes / 2**20 / copy_seconds, "copy_seconds": copy_seconds,
        "many_mb_s": many_bytes / 2**20 / many_seconds, "many_seconds": many_seconds,
        "text_mb": (copy_bytes + many_bytes) / 2**20, "vacuum_seconds": time.perf_counter() - start,
    }, kept


def build_queries(kept: list[SampleDoc], per_class: int) -> dict[str, list[list[str]]]:
    """Query classes → lists of terms (one term, or two for AND), cut from loaded documents."""
    rng = random.Random(7)

    def cut(length: int) -> str:
        while True:
            text = rng.choice(kept).text
            at = rng.randrange(len(text) - length)
            term = text[at : at + length]
            if all("\u3400" <= ch <= "\u9fff" for ch in term):
                return term

    return {
        "2 chars": [[cut(2)] for _ in range(per_class)],
        "3 chars": [[cut(3)] for _ in range(per_class)],
        "4 chars": [[cut(4)] for _ in range(per_class)],
        "AND of 2+3 chars": [[cut(2), cut(3)] for _ in range(per_class)],
    }


def timed(conn, statement: str, params: list) -> tuple[float, tuple]:
    start = time.perf_counter()
    row = conn.execute(statement, params).fetchone()
    return time.perf_counter() - start, row


def match_by_index(conn, terms):
    return timed(conn, MATCH_SQL + " AND ".join(["fw_contains(search_text, %s)"] * len(terms)), terms)


def match_by_like(conn, terms):
    conn.execute("SET enable_bitmapscan = off")
    try:
        return timed(conn, MATCH_SQL + " AND ".join([LIKE_TERM] * len(terms)), terms)
    finally:
        conn.execute("RESET enable_bitmapscan")


def ranked(conn, terms):
    """fw_search(q, 20): the version ids in the order returned."""
    return timed(conn, "SELECT array_agg(version_id ORDER BY n) FROM fw_search(%s, 20) WITH ORDINALITY AS r(document_id,"
                 " version_id, title, url, published_at, rank, n)", [" ".join(f'"{t}"' for t in terms)])


def ranked_by_like(conn, terms):
    """The same top 20 under the documented order (docs/search.md, Ranking) from one sequential
    LIKE scan: (version ids in order, True when the recent path applies)."""
    like = " AND ".join([LIKE_TERM.replace("search_text", "v.search_text")] * len(terms))
    rank = " + ".join(["fw_rank_normalized(search_text, fw_normalize(%s))"] * len(terms))
    statement = (
        "WITH hits AS MATERIALIZED (SELECT * FROM (SELECT d.document_id, v.version_id, v.published_at,"
        " v.search_text, row_number() OVER (ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC) AS age,"
        f" {like} AS hit FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id) c"
        " WHERE hit),"
        f" recent AS (SELECT * FROM hits WHERE age <= {TOPK_PROBE} ORDER BY age LIMIT {TOPK}),"
        f" pick AS (SELECT * FROM recent WHERE (SELECT count(*) FROM recent) = {TOPK}"
        f"          UNION ALL SELECT * FROM hits WHERE (SELECT count(*) FROM recent) < {TOPK})"
        " SELECT array_agg(version_id ORDER BY rank DESC, published_at DESC NULLS LAST, document_id),"
        f" bool_and((SELECT count(*) FROM recent) = {TOPK})"
        f" FROM (SELECT *, ({rank})::real AS rank FROM pick ORDER BY rank DESC, published_at DESC NULLS LAST,"
        f" document_id LIMIT {TOPK}) top"
    )
    conn.execute("SET enable_bitmapscan = off")
    conn.execute("SET enable_indexscan = off")
    try:
        return timed(conn, statement, terms + terms)
    finally:
        conn.execute("RESET enable_bitmapscan")
        conn.execute("RESET enable_indexscan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def run_queries(conn, queries, like_count: int) -> list[dict]:
    results = []
    for name, items in queries.items():
        for terms in items:  # warm-up pass: the timed pass reads cached pages, like a busy server
            match_by_index(conn, terms)
        index_t, rank_t, like_t, like_index_t, matches = [], [], [], [], []
        top_like_t, top_rank_t, recent = [], [], 0
        for n, terms in enumerate(items):
            seconds, row = match_by_index(conn, terms)
            index_t.append(seconds)
            matches.append(row[0])
            rank_seconds, top = ranked(conn, terms)
            rank_t.append(rank_seconds)
            if n < like_count:
                like_seconds, like_row = match_by_like(conn, terms)
                assert like_row == row, (name, terms, row, like_row)  # same ids as the LIKE scan
                like_t.append(like_seconds)
                like_index_t.append(seconds)
                top_seconds, (like_top, is_recent) = ranked_by_like(conn, terms)
                assert like_top == top[0], (name, terms, top, like_top)  # same top 20, same order
                top_like_t.append(top_seconds)
                top_rank_t.append(rank_seconds)
                recent += bool(is_recent)
        results.append({
            "class": name, "queries": len(items), "median_matches": statistics.median(matches),
            "index_p50": pct(index_t, 0.5), "index_p95": pct(index_t, 0.95),
            "rank_p50": pct(rank_t, 0.5), "rank_p95": pct(rank_t, 0.95),
            "like_p50": pct(like_t, 0.5), "like_compared": len(like_t),
            "speedup": statistics.median(like_t) / statistics.median(like_index_t),
            "top_like_p50": pct(top_like_t, 0.5), "recent": recent,
            "top_speedup": statistics.median(top_like_t) / statistics.median(top_rank_t),
        })
        print(f"  {name}: done", flush=True)
    return results


def sizes(conn) -> dict:
    row = conn.execute(
        "SELECT pg_total_relation_size('document_versions') - pg_indexes_size('document_versions'),"
        " pg_relation_size('document_versions_search_idx')"
    ).fetchone()
    return {"table_mb": row[0] / 2**20, "index_mb": row[1] / 2**20}


def render(load: dict, size: dict, results: list[dict], note: str) -> str:
    lines = [
        "# Foundation benchmarks: bulk load and Chinese search", "",
        f"Machine: {machine()}. Server: embedded PostgreSQL 16 (pgserver), default settings. {note}", "",
        "Command: `.venv/bin/python -m bench.load_search --docs {} --write`".format(load["docs"]), "",
        "## Bulk load", "",
        f"{load['docs']} document versions, {load['text_mb']:.0f} MB of UTF-8 title+text (~5 KB each), into the"
        " indexed table (search_text and the bigram GIN index maintained per row).", "",
        "| method | docs | MB/s | seconds |", "|---|---:|---:|---:|",
        f"| COPY | {load['docs'] - load['sample']} | {load['copy_mb_s']:.2f} | {load['copy_seconds']:.0f} |",
        f"| executemany | {load['sample']} | {load['many_mb_s']:.2f} | {load['many_seconds']:.1f} |", "",
        f"COPY / executemany rate ratio: **{load['copy_mb_s'] / load['many_mb_s']:.2f}×**. "
        f"VACUUM ANALYZE afterwards: {load['vacuum_seconds']:.0f} s. Heap+TOAST {size['table_mb']:.0f} MB,"
        f" bigram index {size['index_mb']:.0f} MB.", "",
        "## Search", "",
        "Latency in ms. *match* = every matching id through `fw_contains` (the index, exact result);"
        " *ranked* = `fw_search(q, 20)` (the top 20 under the order of docs/search.md, Ranking);"
        " *LIKE* = sequential `search_text LIKE '%q%'` scan of the same query, asserted to give the same ids;"
        " *LIKE top 20* = the same top 20 computed from one sequential LIKE scan, asserted to give the same"
        " ids in the same order; *recent* = how many of the compared queries took the recent path.", "",
        "| query | n | median matches | match p50 | match p95 | ranked p50 | ranked p95 | LIKE p50 | LIKE / match"
        " | LIKE top 20 p50 | LIKE top 20 / ranked | recent |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['class']} | {r['queries']} | {r['median_matches']:.0f} | {r['index_p50']:.1f} | {r['index_p95']:.1f}"
            f" | {r['rank_p50']:.1f} | {r['rank_p95']:.1f} | {r['like_p50']:.0f} | {r['speedup']:.0f}×"
            f" | {r['top_like_p50']:.0f} | {r['top_speedup']:.0f}× | {r['recent']}/{r['like_compared']} |"
        )
    return "\n".join(lines) + "\n"


def open_database(url: str | None, home: Path):
    if url:
        return url, None
    server = embedded_server(load_settings({"FUTUREWATCH_HOME": str(home)}), cleanup_mode="delete")
    admin = server.get_uri()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("CREATE DATABASE fw_bench")
    return with_database(admin, "fw_bench"), server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200_000, help="document versions to load")
    parser.add_argument("--sample", type=int, default=0, help="executemany sample (default: docs/50, >= 500)")
    parser.add_argument("--queries", type=int, default=40, help="queries per class")
    parser.add_argument("--like", type=int, default=8, help="queries per class also run as a LIKE scan")
    parser.add_argument("--url", help="an empty database to use instead of a private embedded server")
    parser.add_argument("--write", action="store_true", help=f"write the results to {DOC.name}")
    parser.add_argument("--note", default="", help="a sentence added to the results (e.g. machine load)")
    args = parser.parse_args()
    sample = args.sample or max(500, args.docs // 50)
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as home:
        url, server = open_database(args.url, Path(home))
        try:
            apply_migrations(url)
            with psycopg.connect(url) as conn:
                load, kept = run_load(conn, args.docs, sample, keep_every=max(1, args.docs // 4000))
                results = run_queries(conn, build_queries(kept, args.queries), args.like)
                size = sizes(conn)
        finally:
            if server is not None:
                server.cleanup()
    report = render(load, size, results, args.note)
    print(report)
    if args.write:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
