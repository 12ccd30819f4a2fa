"""Classification + entities throughput on one core, side by side with a naive loop.

`python -m bench.classify [--mb 4] [--baseline REV]` builds a corpus from the gold set (seeds
+ short texts, repeated to --mb megabytes of UTF-8), then times in one run:
  - full:     Classifier.classify (normalise, Aho-Corasick, scoring, evidence, entities)
  - baseline: the same at git revision REV (futurewatch/classify imported from `git archive`
              as a separate package), interleaved chunk by chunk with `full` so both see the
              same machine load; its results are checked to be identical
  - naive:    for each document, str.count for every taxonomy term (no normalisation, no
              entities, no scoring): the baseline the issue asks for
  - parts:    normalisation alone, the automaton alone (and pyahocorasick on the same keys),
              rjieba.cut alone
and the resident-memory growth of `classify --jsonl` over 10,000 lines.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import io
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import ahocorasick
import rjieba

from futurewatch.classify.classifier import default_classifier
from futurewatch.classify.evaluate import DEFAULT_GOLD, read_gold
from futurewatch.classify.normalize import normalize

REPO = Path(__file__).resolve().parents[1]


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


def timed_pair(fn_a, fn_b, docs, chunks: int = 20) -> tuple[float, float]:
    """CPU seconds of fn_a and fn_b over `docs`, alternating chunk by chunk."""
    step = max(1, len(docs) // chunks)
    a = b = 0.0
    for i in range(0, len(docs), step):
        part = docs[i:i + step]
        a += timed(fn_a, part)
        b += timed(fn_b, part)
    return a, b


def load_baseline(rev: str):
    """default_classifier() of futurewatch/classify at git revision `rev`, as its own package."""
    blob = subprocess.run(["git", "archive", rev, "futurewatch/classify"], cwd=REPO, capture_output=True, check=True)
    tmp = Path(tempfile.mkdtemp(prefix="fw_classify_baseline_"))
    atexit.register(shutil.rmtree, tmp, True)
    with tarfile.open(fileobj=io.BytesIO(blob.stdout)) as tar:
        tar.extractall(tmp, filter="data")
    pkg = tmp / "futurewatch" / "classify"
    name = "_classify_baseline_" + "".join(c for c in rev if c.isalnum())
    for path in pkg.glob("*.py"):
        path.write_text(path.read_text(encoding="utf-8").replace("futurewatch.classify", name), encoding="utf-8")
    pkg.rename(tmp / name)
    sys.path.insert(0, str(tmp))
    return importlib.import_module(f"{name}.classifier").default_classifier()


def same_results(a, b, docs) -> bool:
    """Labels, scores, evidence and entities equal for every distinct document."""
    return all(repr(a.classify(t, x)) == repr(b.classify(t, x)) for t, x in dict.fromkeys(docs))


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


def bench_corpus(clf, base, kind: str, mb_target: float, terms: list[str]) -> list[str]:
    docs = build_corpus(mb_target, kind)
    mb = sum(len((t + x).encode()) for t, x in docs) / 1e6
    label = f"{kind} ({len(docs)} docs, {mb:.1f} MB)"
    clf.classify(*docs[0])  # warm caches
    rows = []
    if base is not None:
        base.classify(*docs[0])
        new_s, old_s = timed_pair(clf.classify, base.classify, docs)
        same = "identical results" if same_results(clf, base, docs) else "RESULTS DIFFER"
        rows.append(f"| {label} | classify + entities, baseline ({same}) | {mb / old_s:.1f} | |")
        full = mb / new_s
    else:
        full = mb / timed(clf.classify, docs)
    naive_docs = docs[: max(1, len(docs) // 10)]
    naive_mb = sum(len((t + x).encode()) for t, x in naive_docs) / 1e6
    naive = naive_mb / timed(lambda t, x: [(t + x).count(term) for term in terms], naive_docs)
    norm = mb / timed(lambda t, x: (normalize(t), normalize(x)), docs)
    texts = [(normalize(t).text, normalize(x).text) for t, x in docs]
    auto = clf.matcher._automaton
    scan = mb / timed(lambda t, x: (auto.find_matches_as_indexes(t, overlapping=True),
                                    auto.find_matches_as_indexes(x, overlapping=True)), texts)
    pyac = ahocorasick.Automaton()
    for key in clf.matcher.keys:
        pyac.add_word(key, key)
    pyac.make_automaton()
    old_scan = mb / timed(lambda t, x: (list(pyac.iter(t)), list(pyac.iter(x))), texts)
    jieba = mb / timed(lambda t, x: rjieba.cut(t + x), docs)
    speedup = f"; {new_s and old_s / new_s:.2f}× baseline" if base is not None else ""
    rows.insert(0, f"| {label} | classify + entities (full) | {full:.1f} | {full / naive:.1f}× naive{speedup} |")
    rows += [
        f"| {label} | naive str.count per term (terms only) | {naive:.2f} | 1.0× naive |",
        f"| {label} | normalisation only (NFKC, t2s, lower, offset map) | {norm:.1f} | |",
        f"| {label} | Aho-Corasick scan only (ahocorasick_rs) | {scan:.1f} | |",
        f"| {label} | Aho-Corasick scan only (pyahocorasick, same keys) | {old_scan:.1f} | |",
        f"| {label} | rjieba.cut (reference) | {jieba:.1f} | |",
    ]
    return rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--jsonl-lines", type=int, default=10000)
    ap.add_argument("--baseline", metavar="REV", help="also time futurewatch/classify at this git revision")
    args = ap.parse_args(argv)
    clf = default_classifier()
    base = load_baseline(args.baseline) if args.baseline else None
    terms = sorted({t for c in clf.taxonomy.categories for t, _ in c.terms})
    print(f"{len(terms)} taxonomy terms, {clf.matcher.size} automaton keys "
          f"(terms + exclusions + contexts + entity aliases); python {platform.python_version()}\n")
    print("| corpus | step | MB/s (CPU time) | ratio |")
    print("|---|---|---:|---:|")
    for kind in ("articles", "short"):
        print("\n".join(bench_corpus(clf, base, kind, args.mb, terms)), flush=True)
    rss_small, rss_big = rss_growth_jsonl(args.jsonl_lines)
    print(f"\nclassify --jsonl peak RSS (VmHWM): {rss_small / 1024:.1f} MB after 1,000 lines, "
          f"{rss_big / 1024:.1f} MB after {args.jsonl_lines:,} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
