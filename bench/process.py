"""The process stage (raw pages → documents) at two sizes, this code against an earlier commit.

Run: .venv/bin/python -m bench.process [--pages 4000] [--before main] [--write]

Builds --pages synthetic article pages (~5 KB of seed sentences each, wrapped in simple HTML
for the generic parser; one in ten a reprint of an earlier page, one in twenty a refetch of an
earlier URL with changed text, so every path of the stage is taken), stores them as raw
fetches, and times `process_pending` over the first half, then over the second half (growth).
With --before REF the same is run, in the same way and right before, with the stage's code of
git revision REF (a `git archive` copy), each side on its own database of one private server:
the ratio of the two is what changed. Ends with
`RESULT pages=… pages_s=… mb_s=… server_ms_per_page=… before_pages_s=… speedup=… growth=…`. CPU
seconds of the stage's process and of the database server are counted per page as well, because
the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import psycopg

from bench.publish import publish

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "perf" / "process.md"
SOURCE = "sample"


def page_html(title: str, text: str, day: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta name='publishdate' content='{day}'></head><body><div class='article'>"
            f"<h1>{title}</h1><div class='info'>发布时间：{day}</div>{paragraphs}</div></body></html>").encode()


def _settings_kw(function) -> dict:
    """{"settings": …} when `function` takes settings (this code); {} for a revision from before they were passed."""
    import inspect

    from futurewatch.core.config import load_settings
    return {"settings": load_settings()} if "settings" in inspect.signature(function).parameters else {}


def build_pages(url: str, first: int, last: int) -> int:
    """Raw fetches first..last (pages built and stored untimed); returns their text bytes."""
    from futurewatch.core.rawstore import open_raw_store
    from tests.search.corpus import build_doc, ensure_source

    store, size = open_raw_store(**_settings_kw(open_raw_store)), 0
    with psycopg.connect(url) as conn:
        ensure_source(conn, SOURCE)
        for i in range(first, last + 1):
            doc = build_doc(i, random.Random(i), 1700, mixed=False)
            n, text = i, doc.text
            if i > 20 and i % 10 == 0:      # a reprint: another URL, nearly the same text
                text = build_doc(i - 7, random.Random(i - 7), 1700, mixed=False).text + "\n转载。"
            elif i > 20 and i % 20 == 5:    # a changed page at a stored URL: a new version
                n = i - 13
            body = page_html(doc.title, text.replace("\n", "\n\n"), (doc.published_at + timedelta(hours=8)).date().isoformat())
            sha, key = store.put(body)
            size += len(doc.title.encode()) + len(text.encode())
            conn.execute("INSERT INTO raw_fetches (source_id, url, final_url, status, fetched_at, sha256, size_bytes,"
                         " storage_key, kind, content_type) VALUES (%s, %s, %s, 200, now(), %s, %s, %s, 'page',"
                         " 'text/html; charset=utf-8')",
                         (SOURCE, f"https://news.example.cn/a/{n}.html", f"https://news.example.cn/a/{n}.html",
                          sha, len(body), key))
    return size


def one_side(url: str, pages: int) -> list[dict]:
    """Both halves on this side's database: [{pages, seconds, mb, summary}, …] (run in a subprocess)."""
    import resource

    from bench.load_search_run import server_cpu
    from futurewatch.core.migrate import apply_migrations
    from parsers.process import process_pending

    apply_migrations(url)
    stages = []
    for first, last in ((1, pages // 2), (pages // 2 + 1, pages)):
        size = build_pages(url, first, last)
        began, client, server = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF), server_cpu(url)
        summary = process_pending(url, **_settings_kw(process_pending))
        seconds = time.perf_counter() - began
        used = resource.getrusage(resource.RUSAGE_SELF)
        client = used.ru_utime + used.ru_stime - client.ru_utime - client.ru_stime
        stages.append({"pages": last - first + 1, "archive": last, "seconds": seconds, "mb": size / 2**20,
                       "client_ms": 1000 * client / (last - first + 1),
                       "server_ms": 1000 * (server_cpu(url) - server) / (last - first + 1),
                       "summary": summary.describe(), "load": " ".join(Path("/proc/loadavg").read_text().split()[:3])})
    return stages


def run_side(code: Path, url: str, home: Path, pages: int) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(code), FUTUREWATCH_HOME=str(home))
    out = subprocess.run([sys.executable, "-m", "bench.process", "--side", url, "--pages", str(pages)],
                         env=env, cwd=code, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def checkout(ref: str, folder: Path, bench: str = "process") -> Path:
    """The tree of `ref`, with this benchmark (and what it needs) copied in: only the code measured is old."""
    from futurewatch.core.revisions import export_revision   # not at the top: this file also runs in old trees

    export_revision(ref, folder)
    for name in {"process", "load_search_run", "publish", "machine", bench}:
        shutil.copy(ROOT / "bench" / f"{name}.py", folder / "bench" / f"{name}.py")
    return folder


def render(after: list[dict], before: list[dict] | None, args) -> tuple[str, str]:
    from bench.machine import machine

    rate = lambda s: s["pages"] / s["seconds"]  # noqa: E731
    lines = ["# bench.process: raw pages → documents (the process stage)", "",
             f"Machine: {machine()}, shared with other builds (load average per row). Embedded PostgreSQL 16.",
             f"{args.note}", "", f"Command: `.venv/bin/python -m bench.process {' '.join(sys.argv[1:])}`", "",
             "CPU ms per page: the process stage's own (parsing, story hashes, the client side of the writes)"
             " and the database server's.", "",
             "| code | pages | archive after | seconds | pages/s | MB/s | CPU ms/page | server CPU ms/page | load average |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, stages in (("before", before), ("after", after)):
        for s in stages or []:
            lines.append(f"| {name} | {s['pages']:,} | {s['archive']:,} | {s['seconds']:.1f} | {rate(s):.0f}"
                         f" | {s['mb'] / s['seconds']:.2f} | {s['client_ms']:.1f} | {s['server_ms']:.1f} | {s['load']} |")
    growth = (after[1]["seconds"] / after[1]["pages"]) / (after[0]["seconds"] / after[0]["pages"])
    lines += ["", f"Outcome, after: {after[-1]['summary']}", "",
              f"Seconds per page, second half / first half: **{growth:.2f}×** (1.00 = linear)."]
    result = (f"RESULT pages={after[-1]['archive']} pages_s={rate(after[-1]):.0f}"
              f" mb_s={after[-1]['mb'] / after[-1]['seconds']:.2f} server_ms_per_page={after[-1]['server_ms']:.1f}")
    if before:
        speedup = rate(after[-1]) / rate(before[-1])
        lines.append(f"Pages per second, after / before (second half): **{speedup:.2f}×**.")
        result += f" before_pages_s={rate(before[-1]):.0f} speedup={speedup:.2f}"
        lines.append(f"Server CPU per page, before / after: **{before[-1]['server_ms'] / after[-1]['server_ms']:.1f}×**;"
                     f" the stage's own CPU per page, before / after: {before[-1]['client_ms'] / after[-1]['client_ms']:.2f}×.")
    return "\n".join(lines + [""]), result + f" growth={growth:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4000, help="pages in all (two halves)")
    parser.add_argument("--before", help="a git revision to measure first, the same way (e.g. main)")
    parser.add_argument("--write", action="store_true", help=f"write the results to docs/perf/{DOC.name}")
    parser.add_argument("--note", default="")
    parser.add_argument("--side", help=argparse.SUPPRESS)  # internal: run one side against this URL
    args = parser.parse_args()
    if args.side:
        print(json.dumps(one_side(args.side, args.pages)))
        return 0
    from bench.load_search_run import scratch_database
    from futurewatch.core.db import with_database

    with scratch_database() as (url, tmp):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE DATABASE fw_before")
        before = None
        if args.before:
            code = checkout(args.before, Path(tempfile.mkdtemp(dir=tmp)))
            before = run_side(code, with_database(url, "fw_before"), tmp / "home-before", args.pages)
        after = run_side(ROOT, url, tmp / "home-after", args.pages)
    return publish(*render(after, before, args), DOC, args.write)


if __name__ == "__main__":
    raise SystemExit(main())
