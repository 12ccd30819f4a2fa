"""Gold-set evaluation: body text by character-bigram F1, dates by calendar day.

Compares, on the same pages in one run: the pipeline's path (`parse_page`) and trafilatura's
defaults (`extract` for the body, `extract_metadata` for title and date, which uses htmldate).
Run: .venv/bin/python -m parsers.evaluate [--write docs/quality-parsers.md], or the bench
`python -m bench.parsers_quality` (same figures plus a RESULT line).

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
DEFAULT_FETCH = datetime.fromisoformat("2024-06-01T00:00:00+08:00")  # real pages without a recorded crawl date
FLOORS = {"generic_f1": 0.85, "generic_date_accuracy": 0.90, "beats_trafilatura_by": 0.0,
          "real_f1": 0.88, "real_date_accuracy": 0.90, "real_date_coverage": 0.90, "real_title_accuracy": 0.85}
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
    published_on: str | None  # None: the page carries no publish date
    fetched_at: datetime
    title: str | None = None  # None: no gold title for this set


REAL_OTHER, REAL_OURS = "real: other sites", "real: our sources"
CONSTRUCTED_OTHER, CONSTRUCTED_OURS = "other layouts", "our sources"  # constructed sets (names kept)
SETS = (REAL_OTHER, REAL_OURS, CONSTRUCTED_OTHER, CONSTRUCTED_OURS)


def load_gold() -> list[GoldPage]:
    pages = []
    for meta_path in sorted(GOLD_DIR.glob("*.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        pages.append(GoldPage(meta["name"], CONSTRUCTED_OTHER, meta["url"], meta_path.with_suffix(".html").read_bytes(),
                              meta["text"], meta["published_on"], datetime.fromisoformat(meta["fetched_at"])))
    return load_real_pages() + pages + load_source_pages()


def load_real_pages() -> list[GoldPage]:
    """Stored real pages (tests/fixtures/*/real/) with their gold text, title and publish day."""
    import gzip

    pages = []
    for meta_path in sorted(FIXTURE_DIR.glob("*/real/*.meta.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        stem = meta_path.name.removesuffix(".meta.json")
        gold = meta["gold"]
        fetched = datetime.fromisoformat(meta["crawl_date"]) if meta.get("crawl_date") else DEFAULT_FETCH
        group = REAL_OTHER if meta_path.parent.parent.name == "other_sites" else REAL_OURS
        pages.append(GoldPage(stem, group, meta["url"], gzip.decompress((meta_path.parent / f"{stem}.html.gz").read_bytes()),
                              gold["text"], gold["published_on"], fetched, gold["title"]))
    return pages


def load_source_pages() -> list[GoldPage]:
    """Our sources' constructed pages, with the hand-checked text of their expected JSON."""
    import gzip

    pages = []
    for page in sorted(FIXTURE_DIR.glob("*/constructed/*.html.gz")):
        stem = page.name.removesuffix(".html.gz")
        meta = json.loads((page.parent / f"{stem}.meta.json").read_text())
        expected = next(iter(json.loads((page.parent / f"{stem}.expected.json").read_text("utf-8")).values()))
        day = (expected["published_at"] or "")[:10] or None
        pages.append(GoldPage(stem, CONSTRUCTED_OURS, meta["url"], gzip.decompress(page.read_bytes()), expected["text"],
                              day, datetime.fromisoformat(meta["crawl_date"]), expected["title"]))
    return pages


def run_ours(page: GoldPage):
    """The pipeline's own path: the site parser where the host is registered, else generic."""
    from parsers.api import parse_page

    return parse_page(page.body, page.url, fetched_at=page.fetched_at)


def run_trafilatura(page: GoldPage) -> tuple[str, str | None, str | None]:
    """trafilatura's defaults: extract() for the body, extract_metadata() for title and date."""
    import trafilatura

    from futurewatch.core.encoding import decode_html

    html = decode_html(page.body).text
    meta = trafilatura.extract_metadata(html)
    return trafilatura.extract(html) or "", meta.title if meta else None, meta.date if meta else None


def same_title(pred: str | None, gold: str | None) -> bool:
    squash = lambda t: re.sub(r"\s+", "", t or "")  # noqa: E731
    return bool(pred) and squash(pred) == squash(gold)


def evaluate(pages: list[GoldPage] | None = None) -> dict:
    pages = pages if pages is not None else load_gold()
    rows = []
    timings = Counter()
    for page in pages:
        t0 = time.perf_counter()
        doc = run_ours(page)
        t1 = time.perf_counter()
        traf_text, traf_title, traf_day = run_trafilatura(page)
        timings["ours"] += t1 - t0
        timings["trafilatura"] += time.perf_counter() - t1
        ours_day = doc.published_at.date().isoformat() if doc.published_at else None
        rows.append({"name": page.name, "group": page.group, "generic_f1": bigram_f1(doc.text, page.text),
                     "trafilatura_f1": bigram_f1(traf_text, page.text), "gold_date": page.published_on,
                     "generic_date": ours_day, "trafilatura_date": traf_day,
                     "generic_date_ok": ours_day == page.published_on, "trafilatura_date_ok": traf_day == page.published_on,
                     "has_title": page.title is not None, "generic_title": doc.title, "trafilatura_title": traf_title,
                     "not_article": doc.not_article,
                     "generic_title_ok": same_title(doc.title, page.title),
                     "trafilatura_title_ok": same_title(traf_title, page.title)})
    return {"rows": rows, "summary": summarise(rows), "timings": dict(timings)}


def _date_scores(sel: list[dict], who: str) -> tuple[float, float]:
    """Coverage: dated pages given a date. Accuracy: dates given that are right (a date on an undated page is wrong)."""
    dated = [r for r in sel if r["gold_date"]]
    given = [r for r in sel if r[f"{who}_date"]]
    coverage = sum(1 for r in dated if r[f"{who}_date"]) / len(dated) if dated else 1.0
    accuracy = sum(r[f"{who}_date_ok"] for r in given) / len(given) if given else 1.0
    return coverage, accuracy


def summarise(rows: list[dict]) -> dict:
    out = {}
    for group in [g for g in SETS if any(r["group"] == g for r in rows)] + ["all"]:
        sel = [r for r in rows if group in ("all", r["group"])]
        n = len(sel)
        titled = [r for r in sel if r["has_title"]]
        entry = {"pages": n, "dated": sum(1 for r in sel if r["gold_date"]), "titled": sum(r["has_title"] for r in sel)}
        for who in ("generic", "trafilatura"):
            coverage, accuracy = _date_scores(sel, who)
            entry |= {f"{who}_f1": sum(r[f"{who}_f1"] for r in sel) / n,
                      f"{who}_date_accuracy": sum(r[f"{who}_date_ok"] for r in sel) / n,
                      f"{who}_date_coverage": coverage, f"{who}_date_precision": accuracy,
                      f"{who}_title_accuracy": sum(r[f"{who}_title_ok"] for r in titled) / len(titled) if titled else None}
        entry["htmldate_date_accuracy"] = entry["trafilatura_date_accuracy"]  # trafilatura dates come from htmldate
        out[group] = entry
    return out


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def render_markdown(result: dict) -> str:
    lines = ["| set | n | body F1 ours | body F1 traf. | title ours | title traf. | date cov. ours | date cov. traf. "
             "| date acc. ours | date acc. traf. |", "|---|---|---|---|---|---|---|---|---|---|"]
    for group, s in result["summary"].items():
        lines.append(f"| {group} | {s['pages']} | {s['generic_f1']:.3f} | {s['trafilatura_f1']:.3f} | "
                     f"{_pct(s['generic_title_accuracy'])} | {_pct(s['trafilatura_title_accuracy'])} | "
                     f"{s['generic_date_coverage']:.0%} | {s['trafilatura_date_coverage']:.0%} | "
                     f"{s['generic_date_precision']:.0%} | {s['trafilatura_date_precision']:.0%} |")
    lines += ["", "| page | set | F1 ours | F1 traf. | title ours | date ours | date traf. | gold date |",
              "|---|---|---|---|---|---|---|---|"]
    for r in result["rows"]:
        lines.append(f"| {r['name']} | {r['group']} | {r['generic_f1']:.3f} | {r['trafilatura_f1']:.3f} | "
                     f"{'ok' if r['generic_title_ok'] else ('—' if not r['has_title'] else 'miss')} | "
                     f"{r['generic_date']} | {r['trafilatura_date']} | {r['gold_date']} |")
    return "\n".join(lines)


DOC_HEAD = """# Parser quality (generated by `python -m parsers.evaluate --write`; bench: `python -m bench.parsers_quality`)

Sets, each scored on its own, ours and trafilatura on the same pages in the same run:
- **{real_other}** ({n_real_other} pages): real pages of many Chinese sites (opendatalab/magic-html article
  benchmark, Apache-2.0), stored under `tests/fixtures/other_sites/real/` with provenance. Gold body: the
  benchmark's human-checked text; gold title and publish day: read by hand from each page (see the meta files).
- **{real_ours}** ({n_real_ours} pages): real pages of our own sources (`tests/fixtures/<source>/real/`).
- **{c_other}** ({n_c_other} pages): constructed imitations of 15 layout families (`tests/fixtures/gold_pages/`).
- **{c_ours}** ({n_c_ours} pages): constructed pages of our sources (`tests/fixtures/<source>/constructed/`).

"Ours" is the pipeline's path (`parse_page`: the site parser where the host is registered, with the
generic fallback; the generic path elsewhere). trafilatura: `extract(html)` for the body and
`extract_metadata(html)` for title and date (its dates come from htmldate), default settings.
Body: character-bigram F1 (Han, Latin letters, digits). Title: equal after removing whitespace.
Dates (calendar day, Asia/Shanghai): **coverage** = dated pages given a date; **accuracy** = dates
given that are right (a date given for an undated page counts as wrong).

## Floors (enforced by tests/parsers/test_parsers_gold.py)
{floors}

The test also refuses floors below the issue's goals (F1 0.85, date accuracy 0.90). To lower a
floor, change `parsers/evaluate.py` FLOORS *and* this file, and say why here.

## Caveats
The real sets are small (25 + 1 pages) and were used for development: they are a regression set,
not a held-out measurement, and held-out pages will score lower. Some rules were added after a
development page showed a pattern (teaser lists ending in 【详细】, a date split across spans, the
h1 agreeing with <title>); each is written as the general pattern and tested on constructed pages,
but their gain here is optimistic. The constructed sets are cleaner than real pages. The one real
page without a right body (hk.news.yahoo.com, F1 0.11) loses to a long "more stories" stream in the
same column; trafilatura scores 0.15 there.

## Results
"""


def render_doc(result: dict) -> str:
    count = Counter(r["group"] for r in result["rows"])
    floors = "\n".join(f"- `{k}` ≥ {v}" for k, v in FLOORS.items())
    head = DOC_HEAD.format(real_other=REAL_OTHER, real_ours=REAL_OURS, c_other=CONSTRUCTED_OTHER,
                           c_ours=CONSTRUCTED_OURS, n_real_other=count[REAL_OTHER], n_real_ours=count[REAL_OURS],
                           n_c_other=count[CONSTRUCTED_OTHER], n_c_ours=count[CONSTRUCTED_OURS], floors=floors)
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
