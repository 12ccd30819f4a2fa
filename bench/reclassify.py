"""Reclassification of the archive after a taxonomy change, at two sizes, projected to 1M.

Run: .venv/bin/python -m bench.reclassify [--docs 20000] [--workers 2] [--url URL] [--write]

Builds an archive of --docs/2 synthetic ~5 KB versions (bench.load_search's loader), stores a
changed taxonomy (the packaged one with its version renamed, so every version is pending) and
times `classify_parallel` — what `futurewatch taxonomy reclassify` runs — over all of it; then
grows the archive to --docs and times it again. With --url, an existing archive is used as it
is, for one size only (--limit N: only its first N versions, the rate on an archive of that size).
The projection to 1M versions is linear in the measured rate at
the larger size (the growth line shows whether linear holds). Ends with
`RESULT docs=… versions_s=… projected_1m_min=… growth=…`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import yaml

from bench.load_search_run import load_average, load_half, machine, open_database
from futurewatch.classify.parallel import classify_parallel
from futurewatch.migrate import apply_migrations
from futurewatch.taxonomy.loader import load_taxonomy
from futurewatch.taxonomy.model import DEFAULT_PATH

DOC = Path(__file__).resolve().parents[1] / "docs" / "perf" / "reclassify.md"


def changed_taxonomy(folder: Path, n: int) -> Path:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["version"] = f"{data['version']}-bench{n}"
    path = folder / f"taxonomy-{n}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def time_reclassify(db_url: str, folder: Path, n: int, workers: int, limit: int | None = None) -> dict:
    load_taxonomy(db_url, changed_taxonomy(folder, n))
    began = time.perf_counter()
    summary = classify_parallel(db_url, workers=workers, limit=limit)
    seconds = time.perf_counter() - began
    with psycopg.connect(db_url) as conn:
        versions = conn.execute("SELECT count(*) FROM document_versions").fetchone()[0]
    print(f"  reclassified {summary.classified} of {versions} versions in {seconds:.0f} s", flush=True)
    return {"versions": versions, "classified": summary.classified, "seconds": seconds,
            "rate": summary.classified / seconds, "labels": summary.labels, "load": load_average()}


def render(stages: list[dict], args) -> tuple[str, str]:
    last = stages[-1]
    minutes = 1_000_000 / last["rate"] / 60
    growth = (last["seconds"] / stages[0]["seconds"]) / (last["versions"] / stages[0]["versions"]) if len(stages) > 1 else 1.0
    lines = ["# bench.reclassify: the archive reclassified after a taxonomy change", "",
             f"Machine: {machine()}. Embedded PostgreSQL 16. {args.note}", "",
             f"Command: `.venv/bin/python -m bench.reclassify {' '.join(sys.argv[1:])}`", "",
             "| versions | reclassified | seconds | versions/s | labels | load average |", "|---:|---:|---:|---:|---:|---|"]
    lines += [f"| {s['versions']:,} | {s['classified']:,} | {s['seconds']:.0f} | {s['rate']:.0f} | {s['labels']:,}"
              f" | {s['load']} |" for s in stages]
    lines += ["", f"Seconds per version at the larger size / at the smaller: **{growth:.2f}×** (1.00 = linear).",
              f"Projected to 1,000,000 versions at the larger size's rate: **{minutes:.0f} minutes** with"
              f" {args.workers} worker(s) on this machine.", ""]
    result = f"RESULT docs={last['versions']} versions_s={last['rate']:.0f} projected_1m_min={minutes:.1f} growth={growth:.2f}"
    return "\n".join(lines), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--url", help="an existing archive to reclassify (one size only)")
    parser.add_argument("--limit", type=int, help="with --url: time only the first N versions of the archive")
    parser.add_argument("--write", action="store_true", help=f"write the results to docs/perf/{DOC.name}")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    stages = []
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as home:
        url, server = open_database(args.url, Path(home))
        try:
            if not args.url:
                apply_migrations(url)
                for first, last in ((1, args.docs // 2), (args.docs // 2 + 1, args.docs)):
                    load_half(url, first, last, args.workers, [])
                    stages.append(time_reclassify(url, Path(home), last, args.workers))
            else:
                stages.append(time_reclassify(url, Path(home), 0, args.workers, args.limit))
        finally:
            if server is not None:
                server.cleanup()
    report, result = render(stages, args)
    print(report)
    if args.write:
        DOC.write_text(report, encoding="utf-8")
    print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
