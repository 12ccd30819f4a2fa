"""Do two revisions of the classifier give the same results? Labels, scores, evidence and entities.

`python -m bench.classify_same [--before REV] [--random 3000] [--articles 3000]` classifies one
set of texts with `git archive REV` (default: main) and with this tree, each in its own process,
and compares every result field by field:
  - the gold set (gold.jsonl, holdout.jsonl, the seeds) and the corpus texts stored in the repository,
  - the source fixtures' expected article texts and the real pages in /work/shared/real-pages,
  - bench.classify's ~2 KB articles,
  - random texts built from the dictionary itself (terms, exclusions, contexts, cues, names;
    Traditional and full-width variants, capitals, spaces and line breaks, enumeration marks,
    ASCII letters next to acronyms, 《…》, 文号, money and years), seeded, so runs repeat.
The `futurewatch classify --jsonl` output of both trees is compared byte for byte as well.
Ends with `RESULT texts=… differ=…` (results and output lines that differ); exit status 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.classify import REPO, build_articles, entry_point_code, old_tree, source_texts

SHARED_PAGES = Path("/work/shared/real-pages")
GOLD = REPO / "tests" / "fixtures" / "classify_gold"

# Runs in the tree under test: one JSON line per input line, every field of the result.
DUMP = """
import sys, msgspec
from classify.classifier import default_classifier
clf = default_classifier()
enc = msgspec.json.Encoder()
for line in sys.stdin.buffer:
    item = msgspec.json.decode(line)
    r = clf.classify(item["title"], item["text"])
    out = [[[l.code, l.score, l.support, [[e.term, e.field, e.start, e.end] for e in l.evidence]] for l in r.labels],
           [list(e) for e in r.entities]]
    sys.stdout.buffer.write(enc.encode(out) + b"\\n")
"""


def fixed_texts() -> list[tuple[str, str]]:
    out = list(source_texts())
    for name in ("gold.jsonl", "holdout.jsonl"):
        path = GOLD / name
        if path.exists():
            out += [(i.get("title") or "", i["text"]) for i in map(json.loads, path.read_text("utf-8").splitlines())
                    if i.get("text")]
    for path in sorted(SHARED_PAGES.rglob("*.json")):
        page = json.loads(path.read_text("utf-8"))
        if isinstance(page, dict) and page.get("body"):
            out.append((page.get("title") or "", page["body"]))
    return out


_FILLER = ("的", "，", "。", "\n", " ", "  ", "、", "/", "等", "和", "企业", "产业", "发展", "测评", "上映", "a", "X",
           "1", "(", ")", "（", "）", "《", "》", "〔2024〕", "第12号", "号", "元", "亿元", "美元", "到", "2030", "年",
           "年底前", "二〇二五", "\u3000", "ＡＩ", "\t", "·", "\x00")


def random_texts(n: int, seed: int = 17) -> list[tuple[str, str]]:
    """Texts made of dictionary words and the characters the rules look at."""
    from classify.classifier import default_classifier
    from futurewatch.core.textnorm import to_simplified

    clf = default_classifier()
    words = sorted({e.term for routes in clf.matcher.routes for _, e in routes})
    rng = random.Random(seed)
    trad = {}

    def variant(w: str) -> str:
        roll = rng.random()
        if roll < 0.1:
            return w.upper()
        if roll < 0.2:
            return w.lower()
        if roll < 0.3:   # full width
            return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in w)
        if roll < 0.4 and len(w) > 1:
            k = rng.randrange(1, len(w))
            return w[:k] + rng.choice((" ", "\n", "  ")) + w[k:]
        if roll < 0.5:
            if w not in trad:
                trad[w] = w if to_simplified(w) != w else _traditional(w)
            return trad[w]
        return w

    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(5, 200)):
            parts.append(variant(rng.choice(words)) if rng.random() < 0.45 else rng.choice(_FILLER))
        text = "".join(parts)
        cut = rng.randrange(0, min(40, len(text)) + 1)
        out.append((text[:cut] if rng.random() < 0.6 else "", text[cut:]))
    return out


_T = {"计": "計", "机": "機", "网": "網", "络": "絡", "电": "電", "车": "車", "体": "體", "术": "術", "产": "產",
      "业": "業", "发": "發", "气": "氣", "储": "儲", "导": "導", "飞": "飛", "药": "藥", "医": "醫", "动": "動"}


def _traditional(w: str) -> str:
    return "".join(_T.get(c, c) for c in w)


def dump(root: Path, inputs: Path, outputs: Path) -> None:
    """Every field of each result, then the tree's own `futurewatch classify --jsonl` output."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    with inputs.open("rb") as fh, outputs.open("wb") as out:
        subprocess.run([sys.executable, "-c", DUMP], stdin=fh, stdout=out, cwd=root, env=env, check=True)
    with inputs.open("rb") as fh, outputs.open("ab") as out:
        subprocess.run([sys.executable, "-c", entry_point_code(root), "classify", "--jsonl"], stdin=fh, stdout=out,
                       cwd=root, env=env, check=True)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", metavar="REV", default="main")
    ap.add_argument("--random", type=int, default=3000, help="random dictionary texts")
    ap.add_argument("--articles", type=int, default=3000, help="bench.classify articles")
    args = ap.parse_args(argv)
    texts = fixed_texts()
    n_fixed = len(texts)
    texts += [(i["title"], i["text"]) for i in build_articles(args.articles)]
    texts += random_texts(args.random)
    with tempfile.TemporaryDirectory(prefix="fw_classify_same_") as name:
        tmp = Path(name)
        inputs = tmp / "in.jsonl"
        lines = (json.dumps({"id": k, "title": t, "text": x}, ensure_ascii=False) + "\n" for k, (t, x) in enumerate(texts))
        inputs.write_text("".join(lines), "utf-8")
        dump(old_tree(args.before, tmp), inputs, tmp / "old.jsonl")
        dump(REPO, inputs, tmp / "new.jsonl")
        old = (tmp / "old.jsonl").read_text("utf-8").splitlines()
        new = (tmp / "new.jsonl").read_text("utf-8").splitlines()
    differ = [k for k, (a, b) in enumerate(zip(old, new)) if a != b]
    if len(old) != len(new):
        differ.append(min(len(old), len(new)))
    for k in differ[:5]:
        title, text = texts[k % len(texts)]
        print(f"{'result' if k < len(texts) else 'classify --jsonl line'} {k % len(texts)}: {title[:30]!r} "
              f"{text[:60]!r}\n  {args.before}: {old[k][:300]}\n  this tree: {new[k][:300]}")
    labels = sum(len(json.loads(line)[0]) for line in new[:len(texts)])
    print(f"{len(texts):,} texts ({n_fixed} fixed, {args.articles} articles, {args.random} random), "
          f"{labels:,} labels; {len(differ)} differ from {args.before}")
    print(f"RESULT texts={len(texts)} labels={labels} differ={len(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
