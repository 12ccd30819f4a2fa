"""Classification + entities throughput through `futurewatch classify --jsonl`, new vs old.

`python -m bench.classify [--lines 6000] [--baseline REV] [--rounds 3] [--articles FILE | --news]` builds ~2 KB
articles from real texts in the repository (the five gold seeds, the source fixtures' expected
article texts, and the classify corpus train split when present; with --news the main texts of
/work/shared/real-pages and the seeds), cut at character boundaries, then in
one run and alternating round by round so both see the same machine load:
  - new:  `futurewatch classify --jsonl` of this tree (full vocabulary, stage 2, entities)
  - old:  the same command from `git archive REV` (default: the commit before v2)
CPU time (user + sys of the child) net of start-up (the same command on empty input), best of
the rounds. In process it also times the parts of one classify call on the same articles, and
the resident memory of `--jsonl` after 1,000 and 10,000 lines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from futurewatch.core.revisions import export_revision

REPO = Path(__file__).resolve().parents[1]
BASELINE = "bb898eb"   # the last commit before classification v2
FIXTURES = REPO / "tests" / "fixtures"
REAL_PAGES = Path("/work/shared/real-pages")
ARTICLE_BYTES = 2000


def source_texts() -> list[tuple[str, str]]:
    """(title, text) of the real texts the repository holds."""
    out = [("", p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "classify_gold" / "seeds").glob("*.txt"))]
    for path in sorted(FIXTURES.rglob("*.expected.json")):
        for version in json.loads(path.read_text(encoding="utf-8")).values():
            out.append((version.get("title") or "", version.get("text") or ""))
    from classify.corpus import load_corpus

    out += [(i.title or "", i.text) for i in load_corpus() if i.split == "train" and i.text is not None]
    return out


def news_texts() -> list[tuple[str, str]]:
    """(title, main text) of the real pages in /work/shared/real-pages and the gold seeds: general
    news sites, fewer tracks per article than the future-industry texts."""
    pages = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(REAL_PAGES.rglob("*.json"))]
    seeds = [("", p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "classify_gold" / "seeds").glob("*.txt"))]
    return [(p.get("title") or "", p["body"]) for p in pages if isinstance(p, dict) and p.get("body")] + seeds


def build_articles(lines: int, texts: list[tuple[str, str]] | None = None) -> list[dict]:
    """~ARTICLE_BYTES pieces of the texts (short texts joined), repeated to `lines` articles."""
    texts = source_texts() if texts is None else texts
    pool = "\n".join(t for _, t in texts)
    titles = [t for t, _ in texts if t] or [""]
    pieces, start = [], 0
    while start < len(pool):
        end, size = start, 0
        while end < len(pool) and size < ARTICLE_BYTES:
            size += len(pool[end].encode("utf-8"))
            end += 1
        pieces.append(pool[start:end])
        start = end
    return [{"id": i, "title": titles[i % len(titles)], "text": pieces[i % len(pieces)]} for i in range(lines)]


def write_jsonl(items: list[dict], path: Path) -> float:
    data = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items).encode("utf-8")
    path.write_bytes(data)
    return len(data) / 1e6


CODE_PATHS = ("pyproject.toml", "futurewatch", "crawlers", "parsers", "classify", "search", "alerts", "dags", "sql")


def old_tree(rev: str, tmp: Path) -> Path:
    """The repository at `rev` (code only, whatever its layout), for its own `futurewatch` command."""
    return export_revision(rev, tmp / f"old_{rev}", CODE_PATHS)


def entry_point_code(root: Path) -> str:
    """Python that runs the tree's own `futurewatch` entry point (its module moved with the layers)."""
    import tomllib

    target = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["futurewatch"]
    module, _, function = target.partition(":")
    return f"from importlib import import_module; import_module({module!r}).{function}()"


def cli_cpu(root: Path, path: Path) -> float:
    """CPU seconds of `futurewatch classify --jsonl < path` run from `root`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with path.open("rb") as fh:
        subprocess.run([sys.executable, "-c", entry_point_code(root), "classify", "--jsonl"],
                       stdin=fh, stdout=subprocess.DEVNULL, cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                       check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_cli(articles: Path, empty: Path, roots: dict[str, Path], rounds: int) -> dict[str, float]:
    """Best net CPU seconds per tree, alternating trees round by round."""
    best = {name: float("inf") for name in roots}
    for _ in range(rounds):
        for name, root in roots.items():
            best[name] = min(best[name], cli_cpu(root, articles) - cli_cpu(root, empty))
    return best


def bench_parts(items: list[dict]) -> list[tuple[str, float]]:
    """µs per article of the steps of one classify call (in process)."""
    from classify.classifier import Classifier, Options, default_classifier
    from classify.scan import scan_document
    from classify.tracks import select_tracks
    from futurewatch.core.termmatch import match_form

    clf = default_classifier()
    stage1 = Classifier(clf.taxonomy, Options(focus=False))
    docs = [(i["title"], i["text"]) for i in items]
    scans = [scan_document(clf.matcher, t, x) for t, x in docs]
    steps = [
        ("matching form (fold table + spaces)", lambda t, x, s: match_form(t + "\0" + x)),
        ("automaton pass", lambda t, x, s: clf.matcher.terms.scan(s.form.text)),
        ("scan (form + automaton + routing)", lambda t, x, s: scan_document(clf.matcher, t, x)),
        ("stage 1 candidates", lambda t, x, s: select_tracks(s, clf.options.weights, {}, clf.compounds)),
        ("entities", lambda t, x, s: clf._entities(s)),
        ("classify, stage 1 alone", lambda t, x, s: stage1.classify(t, x)),
        ("classify, stage 1+2 + entities", lambda t, x, s: clf.classify(t, x)),
    ]
    out = []
    for label, step in steps:   # each result dropped at once, as in the --jsonl loop (keeping them all
        start = time.process_time()   # in a list made the steps look up to 1.5x slower)
        for (title, text), scan in zip(docs, scans):
            step(title, text, scan)
        out.append((label, (time.process_time() - start) * 1e6 / len(docs)))
    return out


def rss_jsonl(text: str, lines: int, tmp: Path) -> int:
    """Peak RSS (VmHWM, kB) of the --jsonl loop after `lines` lines."""
    code = ("import sys;from futurewatch.app.commands.classify import run_jsonl;"
            "run_jsonl(sys.stdin.buffer, open('/dev/null','w'), sys.stderr);"
            "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
    path = tmp / f"rss{lines}.jsonl"
    write_jsonl([{"id": i, "title": "t", "text": text} for i in range(lines)], path)
    with path.open("rb") as fh:
        out = subprocess.run([sys.executable, "-c", code], stdin=fh, capture_output=True, check=True, cwd=REPO)
    return int(out.stdout.decode().split()[-1])


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=6000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline", metavar="REV", default=BASELINE)
    ap.add_argument("--articles", type=Path, help="use these {id,title,text} JSON lines instead (first --lines)")
    ap.add_argument("--news", action="store_true", help="articles cut from the real pages of general news sites")
    args = ap.parse_args(argv)
    items = build_articles(args.lines, news_texts() if args.news else None) if args.articles is None else [
        json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines()[: args.lines]]
    with tempfile.TemporaryDirectory(prefix="fw_bench_classify_") as name:
        tmp = Path(name)
        mb = write_jsonl(items, tmp / "articles.jsonl")
        (tmp / "empty.jsonl").write_bytes(b"")
        roots = {"new": REPO, "old": old_tree(args.baseline, tmp)}
        cpu = bench_cli(tmp / "articles.jsonl", tmp / "empty.jsonl", roots, args.rounds)
        rss = [rss_jsonl(items[0]["text"], n, tmp) for n in (1000, 10000)]
    new, old = mb / cpu["new"], mb / cpu["old"]
    print(f"{len(items):,} articles, {mb:.1f} MB, mean {mb * 1e6 / len(items):,.0f} bytes; python {platform.python_version()}")
    print("\n| step (in process) | µs per article |\n|---|---:|")
    for label, micros in bench_parts(items[:2000]):
        print(f"| {label} | {micros:.0f} |")
    print(f"\n| `classify --jsonl` (CPU, net of start-up, best of {args.rounds}) | MB/s |\n|---|---:|")
    print(f"| new (stage 1+2, entities) | {new:.1f} |\n| old ({args.baseline}) | {old:.1f} |")
    print(f"\n--jsonl peak RSS (VmHWM): {rss[0] / 1024:.1f} MB after 1,000 lines, {rss[1] / 1024:.1f} MB after 10,000")
    print(f"RESULT jsonl_mb_s={new:.2f} old_jsonl_mb_s={old:.2f} ratio={new / old:.2f} "
          f"rss_mb_10k={rss[1] / 1024:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
