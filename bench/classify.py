"""Classification + entities throughput on one core, side by side with a naive loop.

`python -m bench.classify [--mb 8]` builds a corpus from the gold set (seeds + short texts,
repeated to --mb megabytes of UTF-8), then times in one run:
  - full:    Classifier.classify (normalise, Aho-Corasick, scoring, evidence, entities)
  - naive:   for each document, str.count for every taxonomy term (no normalisation, no
             entities, no scoring): the baseline the issue asks for
  - parts:   normalisation alone, the automaton alone, rjieba.cut alone
and the resident-memory growth of `classify --jsonl` over 10,000 lines.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
from pathlib import Path
import subprocess
import sys
import time

import rjieba

from futurewatch.classify.classifier import default_classifier
from futurewatch.classify.evaluate import DEFAULT_GOLD, read_gold
from futurewatch.classify.normalize import normalize


def build_corpus(megabytes: float, kind: str) -> list[tuple[str, str]]:
    """`articles`: the five real seed documents (4–21 kB); `short`: the gold set's short items."""
    docs = [(i.get("title", ""), i["text"]) for i in read_gold(DEFAULT_GOLD) if ("seed" in i) == (kind == "articles")]
    size = sum(len((t + x).encode()) for t, x in docs)
    return docs * max(1, int(megabytes * 1e6 / size))


def timed(fn, docs) -> float:
    """CPU seconds (the machine is shared: wall time would count other processes)."""
    start = time.process_time()
    for title, text in docs:
        fn(title, text)
    return time.process_time() - start


def rss_growth_jsonl(lines: int) -> tuple[int, int]:
    """Peak RSS (VmHWM, kB) of the --jsonl loop after 1,000 and after `lines` lines, fed from a file."""
    text = (DEFAULT_GOLD.parent / "seeds" / "003_09e148ba43777ec0.txt").read_text(encoding="utf-8")[:3000]
    code = ("import sys;from futurewatch.commands.classify import run_jsonl;"
            "run_jsonl(sys.stdin, open('/dev/null','w'), sys.stderr);"
            "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, lines):
            path = Path(tmp) / f"in{n}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for i in range(n):
                    fh.write(json.dumps({"id": i, "title": "t", "text": text}, ensure_ascii=False) + "\n")
            with path.open("rb") as fh:
                out = subprocess.run([sys.executable, "-c", code], stdin=fh, capture_output=True, check=True)
            peaks.append(int(out.stdout.decode().split()[-1]))
    return peaks[0], peaks[1]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--jsonl-lines", type=int, default=10000)
    args = ap.parse_args(argv)
    clf = default_classifier()
    terms = sorted({t for c in clf.taxonomy.categories for t, _ in c.terms})
    print(f"{len(terms)} taxonomy terms, {clf.matcher.size} automaton keys "
          f"(terms + exclusions + contexts + entity aliases); python {platform.python_version()}\n")
    print("| corpus | step | MB/s (CPU time) | vs naive |")
    print("|---|---|---:|---:|")
    for kind in ("articles", "short"):
        docs = build_corpus(args.mb, kind)
        mb = sum(len((t + x).encode()) for t, x in docs) / 1e6
        clf.classify(*docs[0])  # warm caches
        full = mb / timed(clf.classify, docs)
        naive_docs = docs[: max(1, len(docs) // 10)]
        naive_mb = sum(len((t + x).encode()) for t, x in naive_docs) / 1e6
        naive = naive_mb / timed(lambda t, x: [(t + x).count(term) for term in terms], naive_docs)
        norm = mb / timed(lambda t, x: (normalize(t), normalize(x)), docs)
        texts = [(normalize(t).text, normalize(x).text) for t, x in docs]
        auto = clf.matcher._automaton
        scan = mb / timed(lambda t, x: (sum(1 for _ in auto.iter(t)), sum(1 for _ in auto.iter(x))), texts)
        jieba = mb / timed(lambda t, x: rjieba.cut(t + x), docs)
        label = f"{kind} ({len(docs)} docs, {mb:.1f} MB)"
        print(f"| {label} | classify + entities (full) | {full:.1f} | {full / naive:.1f}× |")
        print(f"| {label} | naive str.count per term (terms only) | {naive:.2f} | 1.0× |")
        print(f"| {label} | normalisation only (NFKC, t2s, lower, offset map) | {norm:.1f} | |")
        print(f"| {label} | Aho-Corasick scan only | {scan:.1f} | |")
        print(f"| {label} | rjieba.cut (reference) | {jieba:.1f} | |")
    rss_small, rss_big = rss_growth_jsonl(args.jsonl_lines)
    print(f"\nclassify --jsonl peak RSS (VmHWM): {rss_small / 1024:.1f} MB after 1,000 lines, "
          f"{rss_big / 1024:.1f} MB after {args.jsonl_lines:,} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
