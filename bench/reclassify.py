"""Reclassification of the archive after a taxonomy change, at two sizes, projected to 1M.

Run: .venv/bin/python -m bench.reclassify [--docs 20000] [--workers 2] [--before REF] [--url URL] [--write]

Builds an archive of --docs/2 synthetic ~5 KB versions (bench.load_search's loader), stores a
changed taxonomy (the packaged one with its version renamed, so every version is pending) and
times `classify_parallel` — what `futurewatch taxonomy reclassify` runs — over all of it (the
new versions are classified once, untimed, before: what an archive holds when its taxonomy
changes, so every timed run, the first included, finds its entity mentions stored, and this
code finds them recorded as the current extractor's and skips their extraction); then
grows the archive to --docs and times it again. With --url, an existing archive is used as it
is, for one size only (--limit N: only its first N versions, the rate on an archive of that size).
With --before REF each size is reclassified by the code of git revision REF (a `git archive`
copy) and by this code, on the same archive (each with its own changed taxonomy), REF first at
the smaller size and second at the larger, so neither always runs after the other's writes.
Both run on this code's schema (its migrations), so a schema change helps REF's run too.
Each run is timed in its own process; CPU seconds of that process and its workers, and of the
database server, are counted per version, because the machine is shared. The projection to 1M
versions is linear in the measured rate at the larger size (the growth line shows whether
linear holds); the CPU line says what two idle cores would do. Ends with
`RESULT docs=… versions_s=… projected_1m_min=… cpu_ms_per_version=… idle_2core_1m_min=… growth=…`
(and `before_versions_s=… speedup=…` with --before).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import yaml

from bench.machine import load_average, machine
from bench.load_search_run import load_half, scratch_database, server_cpu
from bench.process import checkout
from bench.publish import publish
from classify.parallel import classify_parallel
from futurewatch.core.migrate import apply_migrations
from classify.taxonomy import load_taxonomy
from futurewatch.core.taxonomy import DEFAULT_PATH

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "perf" / "reclassify.md"


def changed_taxonomy(folder: Path, n: int | str) -> Path:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["version"] = f"{data['version']}-bench{n}"
    path = folder / f"taxonomy-{n}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run_here(url: str, tag: str, workers: int, limit: int | None) -> dict:
    """Store a changed taxonomy and reclassify (in this process and its workers); the timings."""
    with tempfile.TemporaryDirectory(prefix="fw-tax-") as folder:
        load_taxonomy(url, changed_taxonomy(Path(folder), tag))
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    summary = classify_parallel(url, workers=workers, limit=limit)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before))
    return {"classified": summary.classified, "seconds": seconds, "labels": summary.labels, "client_cpu": cpu,
            "kept": getattr(summary, "entities_kept", None)}   # None: code from before the extractor record


def time_reclassify(url: str, tag: str, workers: int, limit: int | None = None, code: Path | None = None) -> dict:
    """One reclassification in its own process (with `code` on its path: another revision's)."""
    code = code or ROOT
    env = dict(os.environ, PYTHONPATH=str(code))
    server = server_cpu(url)
    out = subprocess.run([sys.executable, "-m", "bench.reclassify", "--side", url, "--tag", tag, "--workers",
                          str(workers)] + (["--limit", str(limit)] if limit else []),
                         env=env, cwd=code, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"reclassify run failed: {out.stderr.strip().splitlines()[-1:]}")
    run = json.loads(out.stdout.strip().splitlines()[-1])
    run["server_cpu"] = server_cpu(url) - server
    with psycopg.connect(url) as conn:
        run["versions"] = conn.execute("SELECT count(*) FROM document_versions").fetchone()[0]
    run |= {"rate": run["classified"] / run["seconds"], "load": load_average(),
            "cpu_ms": 1000 * (run["client_cpu"] + run["server_cpu"]) / max(1, run["classified"])}
    print(f"  {'before' if code != ROOT else 'after'}: reclassified {run['classified']} of {run['versions']}"
          f" versions in {run['seconds']:.0f} s", flush=True)
    return run


def render(stages: list[dict], args) -> tuple[str, str]:
    runs = [s["after"] for s in stages]
    last = runs[-1]
    minutes = 1_000_000 / last["rate"] / 60
    idle = 1_000_000 * last["cpu_ms"] / 1000 / 2 / 60  # both cores busy with this work alone
    growth = (last["seconds"] / runs[0]["seconds"]) / (last["classified"] / runs[0]["classified"]) if len(runs) > 1 else 1.0
    lines = ["# bench.reclassify: the archive reclassified after a taxonomy change", "",
             f"Machine: {machine()}, shared with other builds (load average per row). Embedded PostgreSQL 16."
             f" {args.note}", "", f"Command: `.venv/bin/python -m bench.reclassify {' '.join(sys.argv[1:])}`", "",
             "CPU ms per version: the reclassifying process and its workers, plus the database server"
             " (its background processes included)."
             + (" Both codes on this code's schema." if args.before else ""), "",
             "Entities kept: versions whose stored mentions the run kept without extracting (– : code that always extracts).",
             "", "| code | versions | reclassified | seconds | versions/s | CPU ms/version (server) | labels"
             " | entities kept | load average |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for stage in stages:
        for name in ("before", "after"):
            if (s := stage.get(name)) is not None:
                lines.append(f"| {name} | {s['versions']:,} | {s['classified']:,} | {s['seconds']:.0f} | {s['rate']:.0f}"
                             f" | {s['cpu_ms']:.2f} ({1000 * s['server_cpu'] / max(1, s['classified']):.2f})"
                             f" | {s['labels']:,} | {'–' if s.get('kept') is None else format(s['kept'], ',')}"
                             f" | {s['load']} |")
    lines += ["", f"Seconds per version at the larger size / at the smaller: **{growth:.2f}×** (1.00 = linear).",
              f"Projected to 1,000,000 versions at the larger size's rate: **{minutes:.0f} minutes** with"
              f" {args.workers} worker(s) on this shared machine; from the CPU per version, two idle cores:"
              f" **{idle:.0f} minutes**."]
    result = (f"RESULT docs={last['versions']} versions_s={last['rate']:.0f} projected_1m_min={minutes:.1f}"
              f" cpu_ms_per_version={last['cpu_ms']:.2f} idle_2core_1m_min={idle:.1f} growth={growth:.2f}")
    if stages[-1].get("before"):
        before = stages[-1]["before"]
        speedup = last["rate"] / before["rate"]
        lines.append(f"After / before at the larger size: **{speedup:.2f}×** versions per second,"
                     f" **{before['cpu_ms'] / last['cpu_ms']:.2f}×** less CPU per version.")
        result += f" before_versions_s={before['rate']:.0f} speedup={speedup:.2f}"
    return "\n".join(lines + [""]), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--before", help="a git revision to measure first on the same archive (e.g. main)")
    parser.add_argument("--url", help="an existing archive to reclassify (one size only)")
    parser.add_argument("--limit", type=int, help="with --url: time only the first N versions of the archive")
    parser.add_argument("--write", action="store_true", help=f"write the results to docs/perf/{DOC.name}")
    parser.add_argument("--note", default="")
    parser.add_argument("--side", help=argparse.SUPPRESS)  # internal: one run against this URL
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(run_here(args.side, args.tag, args.workers, args.limit)))
        return 0
    stages = []
    with scratch_database(args.url) as (url, home):
        code = checkout(args.before, Path(tempfile.mkdtemp(dir=home)), "reclassify") if args.before else None
        sizes = ((1, args.docs // 2), (args.docs // 2 + 1, args.docs)) if not args.url else ((0, 0),)
        if not args.url:
            apply_migrations(url)
        for first, last in sizes:
            if not args.url:
                load_half(url, first, last, args.workers, [])
                classify_parallel(url, workers=args.workers)   # untimed: the archive as it is
                # before a taxonomy change (labelled, its entity mentions stored), so every timed
                # run below is a reclassification, the first one included
            order = ["before", "after"] if len(stages) % 2 == 0 else ["after", "before"]   # neither
            stage = {}   # always runs second (after the other's inserts, and its autovacuum)
            for name in order if code else ["after"]:
                stage[name] = time_reclassify(url, f"{last}-{name}-{time.time_ns()}", args.workers, args.limit,
                                              code if name == "before" else None)
            stages.append(stage)
    return publish(*render(stages, args), DOC, args.write)


if __name__ == "__main__":
    raise SystemExit(main())
