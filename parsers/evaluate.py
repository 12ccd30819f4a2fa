"""Gold-set evaluation: body text by character-bigram F1, dates by calendar day.

Compares, on the same pages in one run: our generic path, trafilatura's default
(`trafilatura.extract(html)`), and for dates htmldate's default (`find_date`).
Run: .venv/bin/python -m parsers.evaluate [--write docs/quality-parsers.md]

FLOORS are enforced by tests/parsers/test_parsers_gold.py. Raising them is fine; lowering
one needs a line in docs/quality-parsers.md saying why (the test reads them from here).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gold_pages"
FIXTURE_DIR = GOLD_DIR.parent
FLOORS = {"generic_f1": 0.85, "generic_date_accuracy": 0.90, "beats_trafilatura_by": 0.0}
_KEEP = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")


def bigrams(text: str) -> Counter:
    chars = [c for c in text if _KEEP.match(c)]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def bigram_f1(pred: str, gold: str) -> float:
    p, g = bigrams(pred or ""), bigrams(gold or "")
    if not p or not g:
        return float(not p and not g)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class GoldPage:
    name: str
    group: str
    url: str
    body: bytes
    text: str
    published_on: str | None
    fetched_at: datetime


def load_gold() -> list[GoldPage]:
    pages = []
    for meta_path in sorted(GOLD_DIR.glob("*.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        pages.append(GoldPage(meta["name"], "other layouts", meta["url"], meta_path.with_suffix(".html").read_bytes(),
                              meta["text"], meta["published_on"], datetime.fromisoformat(meta["fetched_at"])))
    return pages + load_source_pages()


def load_source_pages() -> list[GoldPage]:
    """Our sources' pages (fixtures), with the hand-checked text of their expected JSON."""
    import gzip

    pages = []
    for page in sorted(FIXTURE_DIR.glob("*/constructed/*.html.gz")):
        stem = page.name.removesuffix(".html.gz")
        meta = json.loads((page.parent / f"{stem}.meta.json").read_text())
        expected = next(iter(json.loads((page.parent / f"{stem}.expected.json").read_text("utf-8")).values()))
        day = (expected["published_at"] or "")[:10] or None
        pages.append(GoldPage(stem, "our sources", meta["url"], gzip.decompress(page.read_bytes()), expected["text"],
                              day, datetime.fromisoformat(meta["crawl_date"])))
    return pages


def run_generic(page: GoldPage):
    from parsers import generic
    from parsers.api import _run_parser

    return _run_parser(generic.V1, page.body, page.url, "generic", page.fetched_at, {}, None)


def run_trafilatura(page: GoldPage) -> str:
    import trafilatura

    from parsers.encoding import decode_html

    return trafilatura.extract(decode_html(page.body).text) or ""


def run_htmldate(page: GoldPage) -> str | None:
    from htmldate import find_date

    from parsers.encoding import decode_html

    try:
        return find_date(decode_html(page.body).text)
    except ValueError:
        return None


def evaluate(pages: list[GoldPage] | None = None) -> dict:
    pages = pages if pages is not None else load_gold()
    rows = []
    timings = Counter()
    for page in pages:
        t0 = time.perf_counter()
        doc = run_generic(page)
        t1 = time.perf_counter()
        traf = run_trafilatura(page)
        t2 = time.perf_counter()
        hd = run_htmldate(page)
        timings["generic"] += t1 - t0
        timings["trafilatura"] += t2 - t1
        ours_day = doc.published_at.date().isoformat() if doc.published_at else None
        rows.append({"name": page.name, "group": page.group, "generic_f1": bigram_f1(doc.text, page.text),
                     "trafilatura_f1": bigram_f1(traf, page.text), "generic_date_ok": ours_day == page.published_on,
                     "htmldate_ok": hd == page.published_on, "generic_date": ours_day, "gold_date": page.published_on})
    return {"rows": rows, "summary": summarise(rows), "timings": dict(timings)}


def summarise(rows: list[dict]) -> dict:
    out = {}
    for group in sorted({r["group"] for r in rows}) + ["all"]:
        sel = [r for r in rows if group in ("all", r["group"])]
        n = len(sel)
        out[group] = {"pages": n,
                      "generic_f1": sum(r["generic_f1"] for r in sel) / n,
                      "trafilatura_f1": sum(r["trafilatura_f1"] for r in sel) / n,
                      "generic_date_accuracy": sum(r["generic_date_ok"] for r in sel) / n,
                      "htmldate_date_accuracy": sum(r["htmldate_ok"] for r in sel) / n}
    return out


def render_markdown(result: dict) -> str:
    lines = ["| pages | n | generic F1 | trafilatura F1 | generic date acc. | htmldate date acc. |", "|---|---|---|---|---|---|"]
    for group, s in result["summary"].items():
        lines.append(f"| {group} | {s['pages']} | {s['generic_f1']:.3f} | {s['trafilatura_f1']:.3f} | "
                     f"{s['generic_date_accuracy']:.0%} | {s['htmldate_date_accuracy']:.0%} |")
    lines += ["", "| page | generic F1 | trafilatura F1 | our date | gold date |", "|---|---|---|---|---|"]
    for r in result["rows"]:
        lines.append(f"| {r['name']} | {r['generic_f1']:.3f} | {r['trafilatura_f1']:.3f} | {r['generic_date']} | {r['gold_date']} |")
    return "\n".join(lines)


DOC_HEAD = """# Parser quality (generated by `python -m parsers.evaluate --write`)

Gold set: `tests/fixtures/gold_pages/` ({n_other} pages in {n_layouts} layout families the parsers were not
written for, built by `tests/parsers/build_gold_pages.py`) plus our {n_src} source fixture pages
(gold text = their hand-checked expected JSON; here run through the *generic* path).
Body text: character-bigram F1 (Han, Latin letters, digits) against the gold text; dates: same
calendar day in Asia/Shanghai. Baselines in the same run: `trafilatura.extract(html)` with default
settings, `htmldate.find_date(html)` with default settings.

## Floors (enforced by tests/parsers/test_parsers_gold.py)
{floors}

The test also refuses floors below the issue's goals (F1 0.85, date accuracy 0.90). To lower a
floor, change `parsers/evaluate.py` FLOORS *and* this file, and say why here.

## Caveat
The gold pages are hand-built imitations of real layouts (no network here), written with the seed
texts and hand-written articles. They are cleaner than real pages (trafilatura scores ~0.9 on them,
not the ~0.8 seen on real pages), so absolute numbers are optimistic; the comparison is like for
like. The extractor's rules are general (punctuation density, link density, a dominant-child
step, boilerplate label lists) and were not fitted page by page. Re-run on captured real pages
(scripts/capture_fixtures.py) before trusting the numbers.

## Results
"""


def render_doc(result: dict) -> str:
    other = [r for r in result["rows"] if r["group"] == "other layouts"]
    floors = "\n".join(f"- `{k}` ≥ {v}" for k, v in FLOORS.items())
    head = DOC_HEAD.format(n_other=len(other), n_layouts=len({r["name"].split("_", 1)[1] for r in other}),
                           n_src=len(result["rows"]) - len(other), floors=floors)
    return head + render_markdown(result) + "\n"


def main(argv: list[str]) -> None:
    result = evaluate()
    print(render_markdown(result))
    print(json.dumps(result["summary"]["all"], indent=1))
    if "--write" in argv:
        target = Path(argv[argv.index("--write") + 1]) if len(argv) > argv.index("--write") + 1 \
            else GOLD_DIR.parents[2] / "docs" / "quality-parsers.md"
        target.write_text(render_doc(result), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
