"""What the bigram index's keys cost to build: text keys (today's index) against integer keys.

Run: .venv/bin/python -m bench.index_keys [--docs 4000] [--write]

The bigram GIN index is most of a bulk load's CPU (perf/scale.md). This measures, at --docs/2
and --docs synthetic ~5 KB versions (bench.load_search's texts), the database server's CPU
seconds for building each variant from scratch (`CREATE INDEX`, maintenance_work_mem 64 MB):

- `expression`: today's index, GIN over `fw_bigrams(search_text) COLLATE "C"` (keys computed
  in SQL, compared as text);
- `text[] column`: the same keys precomputed in a column (the cost of the text keys alone);
- `int8[] column`: each bigram as one integer, first code point << 21 | second (exact: a code
  point has 21 bits), precomputed in a column — what a writer computing keys in Python would
  store;
- `int8[] in SQL`: the integer keys computed by SQL from the text (what a trigger would do for
  writers that do not supply them), per text, without an index;
- `int4[] column`: what migration 0220 stores: each pair of adjacent UTF-16 code units as one
  int4 (search_keys(), futurewatch/core/searchtext.py), half the bytes of int8 keys;
- `int4[] in SQL`: the same keys computed by fw_search_keys() (the trigger's path), no index.

Ends with `RESULT docs=… text_key_cpu_s=… int8_key_cpu_s=… int4_key_cpu_s=… key_cost_ratio=… expression_over_int4=… …`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import psycopg

from bench.machine import load_average, machine
from bench.load_search_run import backend_cpu, scratch_database
from bench.publish import publish
from futurewatch.core.migrate import apply_migrations
from futurewatch.core.searchtext import SearchTextFolder, search_keys
from tests.search.corpus import build_doc

DOC = Path(__file__).resolve().parents[1] / "docs" / "perf" / "index_keys.md"
INT_KEYS_SQL = """
SELECT ARRAY(SELECT DISTINCT (ascii(c)::int8 << 21) | ascii(n)
             FROM (SELECT c, lead(c) OVER (ORDER BY i) AS n
                   FROM unnest(string_to_array(x, NULL)) WITH ORDINALITY AS t(c, i)) AS p
             WHERE n IS NOT NULL)
"""
VARIANTS = {
    "expression": "CREATE INDEX ON keys_bench USING gin ((fw_bigrams(search_text) COLLATE \"C\"))",
    "text[] column": "CREATE INDEX ON keys_bench USING gin (text_keys)",
    "int8[] column": "CREATE INDEX ON keys_bench USING gin (int_keys)",
    "int8[] in SQL": f"SELECT sum(cardinality(k)) FROM keys_bench, LATERAL ({INT_KEYS_SQL.replace('x', 'search_text')}) AS s(k)",
    "int4[] column": "CREATE INDEX ON keys_bench USING gin (search_keys)",
    "int4[] in SQL": "SELECT sum(cardinality(fw_search_keys(search_text))) FROM keys_bench",
}


def int_keys(text: str) -> list[int]:
    return sorted({ord(a) << 21 | ord(b) for a, b in zip(text, text[1:])})


def fill(conn, first: int, last: int) -> int:
    """Rows first..last: search_text, its text keys and its integer keys; returns UTF-8 bytes."""
    folder, size = SearchTextFolder.from_database(conn), 0
    with conn.cursor().copy("COPY keys_bench (id, search_text, text_keys, int_keys, search_keys) FROM STDIN") as copy:
        for i in range(first, last + 1):
            doc = build_doc(i, random.Random(i), 1700, mixed=False)
            text = folder.search_text(doc.title, doc.text)
            size += len(text.encode())
            copy.write_row((i, text, sorted({text[j:j + 2] for j in range(len(text) - 1)}), int_keys(text),
                            search_keys(text).tolist()))
    conn.commit()
    return size


def measure(url: str, statement: str) -> tuple[float, float]:
    """(wall seconds, server CPU seconds) of one statement on a fresh connection; indexes dropped after."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '64MB'")
        pid, cpu, began = conn.info.backend_pid, backend_cpu(conn.info.backend_pid), time.perf_counter()
        conn.execute(statement)
        result = time.perf_counter() - began, backend_cpu(pid) - cpu
        for (name,) in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'keys_bench'"
                                    " AND indexname <> 'keys_bench_pkey'").fetchall():
            conn.execute(f'DROP INDEX "{name}"')
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--write", action="store_true", help=f"write the results to docs/perf/{DOC.name}")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    rows = []
    with scratch_database() as (url, _):
        apply_migrations(url)
        with psycopg.connect(url) as conn:
            conn.execute("CREATE TABLE keys_bench (id int PRIMARY KEY, search_text text, text_keys text[]"
                         " COLLATE \"C\", int_keys int8[], search_keys int4[] STORAGE EXTERNAL)")
            conn.commit()
            size = 0
            for first, last in ((1, args.docs // 2), (args.docs // 2 + 1, args.docs)):
                size += fill(conn, first, last)
                for name, statement in VARIANTS.items():
                    wall, cpu = measure(url, statement)
                    rows.append({"docs": last, "mb": size / 2**20, "variant": name, "wall": wall, "cpu": cpu,
                                 "load": load_average()})
                    print(f"  {last} {name}: {cpu:.2f} CPU s", flush=True)
    return publish(*render(rows, args), DOC, args.write)


def render(rows: list[dict], args) -> tuple[str, str]:
    lines = ["# bench.index_keys: the cost of the bigram index's keys", "",
             f"Machine: {machine()}, shared with other builds (load average per row). Embedded PostgreSQL 16."
             f" {args.note}", "", f"Command: `.venv/bin/python -m bench.index_keys {' '.join(sys.argv[1:])}`", "",
             "| versions | MB of search text | what | wall s | server CPU s | MB per CPU-second | load average |",
             "|---:|---:|---|---:|---:|---:|---|"]
    lines += [f"| {r['docs']:,} | {r['mb']:.1f} | {r['variant']} | {r['wall']:.1f} | {r['cpu']:.2f}"
              f" | {r['mb'] / r['cpu'] if r['cpu'] else 0:.1f} | {r['load']} |" for r in rows]
    last = {r["variant"]: r for r in rows if r["docs"] == args.docs}
    first = {r["variant"]: r for r in rows if r["docs"] != args.docs}
    ratio = last["text[] column"]["cpu"] / max(last["int8[] column"]["cpu"], 1e-9)
    growth = ((last["expression"]["cpu"] / first["expression"]["cpu"])
              / (last["expression"]["mb"] / first["expression"]["mb"])) if first else 1.0
    int4 = last["expression"]["cpu"] / max(last["int4[] column"]["cpu"], 1e-9)
    lines += ["", f"Text keys / integer keys, CPU to build at {args.docs:,} versions: **{ratio:.1f}×**.",
              f"The expression index / the int4[] column of 0220: **{int4:.1f}×**; int8[] / int4[] column:"
              f" {last['int8[] column']['cpu'] / max(last['int4[] column']['cpu'], 1e-9):.2f}×.",
              f"CPU per MB of today's index, at the larger size / at the smaller: {growth:.2f}× (1.00 = linear).", ""]
    result = (f"RESULT docs={args.docs} text_key_cpu_s={last['text[] column']['cpu']:.2f}"
              f" int8_key_cpu_s={last['int8[] column']['cpu']:.2f} int4_key_cpu_s={last['int4[] column']['cpu']:.2f}"
              f" key_cost_ratio={ratio:.1f} expression_over_int4={int4:.1f}"
              f" expression_cpu_s={last['expression']['cpu']:.2f} mb={last['expression']['mb']:.1f}")
    return "\n".join(lines), result


if __name__ == "__main__":
    raise SystemExit(main())
