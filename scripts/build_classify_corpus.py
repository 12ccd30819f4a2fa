"""Build, validate and rebuild the labelled classification corpus (tests/fixtures/classify_corpus).

Committed items carry their excerpt's `text` only where licences.yaml allows it; every other
text lives in the local cache ($FUTUREWATCH_CORPUS_TEXTS, else the user cache dir; see
classify/corpus.py). Derived fields, owned here:
- sha256: of the full excerpt (UTF-8); length, anchor_head/anchor_tail (first/last 6 characters)
  and spaces (whitespace layout) let --fetch find the excerpt again;
- split:  h = int(sha256(id)); h % 4 == 0 -> test; else h % 5 == 0 -> dev; else train;
- licence: from the licence table (host rules + per-item review).

Usage:
  build_classify_corpus.py                      validate every items_*.jsonl; exit 1 on a problem
  build_classify_corpus.py --import FILE …      add full items (with text) from FILE: metadata to the
                                                folder, texts to the cache (upsert by id)
  build_classify_corpus.py --fix                re-derive split and licence; move texts between the
                                                committed files and the cache accordingly
  build_classify_corpus.py --counts | --readme  print the count tables | refresh them in README.md
  build_classify_corpus.py --fetch [--ids …]    networked: rebuild missing texts into the cache
  build_classify_corpus.py --from-pages FILE …  offline: try page texts found elsewhere (plain UTF-8
                                                files, or .jsonl with a "text" field per line)
                                                against every missing item; matches go to the cache
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from classify import corpus as fc  # noqa: E402
from classify.corpus_licences import (  # noqa: E402
    LicenceTable, attribution_for, licence_for, needs_review, read_licences)

GENRES = ("industry_news", "tech_news", "policy", "consumer", "entertainment", "education",
          "lifestyle_health", "background", "adjacent", "other")
LANGS = ("zh-Hans", "zh-Hant")
SPLITS = ("train", "dev", "test")
FIELDS = ("id", "lang", "title", "codes", "genre", "trap_terms", "url", "origin", "retrieved",
          "sha256", "split", "licence", "length", "anchor_head", "anchor_tail", "spaces")


def split_of(item_id: str) -> str:
    """The fixed split rule: derived from the id only, so relabelling never moves an item."""
    h = int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16)
    if h % 4 == 0:
        return "test"
    return "dev" if h % 5 == 0 else "train"


def taxonomy_codes() -> list[str]:
    from futurewatch.core.taxonomy import read_taxonomy
    return read_taxonomy().codes()


# ---- building a committed item ----------------------------------------------------------

def committed_item(row: dict, text: str, table: LicenceTable) -> dict:
    """The line committed for one item: metadata, anchors, and the text only if its licence allows."""
    licence = licence_for(row["id"], row["url"], table)
    item = {f: row[f] for f in ("id", "lang", "title", "codes", "genre", "trap_terms", "url", "origin",
                                "retrieved")}
    item.update(sha256=fc.text_sha256(text), split=split_of(row["id"]), licence=licence, **fc.anchors_of(text))
    if table.store_text(licence):
        item["text"] = text
        if attribution := attribution_for(licence, row["url"], table):
            item["attribution"] = attribution
    return item


def write_items(path: Path, items: list[dict]) -> None:
    lines = [json.dumps(item, ensure_ascii=False) for item in sorted(items, key=lambda i: i["id"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def import_file(source: Path, folder: Path, texts_path: Path | None, table: LicenceTable) -> int:
    """Upsert full items (with `text`) from `source` into folder/<same name> and the text cache."""
    rows = fc.read_jsonl(source)
    for row in rows:
        if missing := [f for f in ("id", "text", *FIELDS[:9]) if f not in row]:
            raise ValueError(f"{source.name}: item {row.get('id', '?')} lacks {', '.join(missing)}")
    target = folder / source.name
    kept = {i["id"]: i for i in (fc.read_jsonl(target) if target.exists() else [])}
    for row in rows:
        kept[row["id"]] = committed_item(row, row["text"], table)
    write_items(target, list(kept.values()))
    fc.write_texts({row["id"]: row["text"] for row in rows}, texts_path)
    return len(rows)


def fix_folder(folder: Path, texts_path: Path | None, table: LicenceTable) -> int:
    """Re-derive every item whose text is known (stored or cached); returns how many changed."""
    cached, changed = fc.read_texts(texts_path), 0
    for path in fc.corpus_files(folder):
        items = fc.read_jsonl(path)
        for n, item in enumerate(items):
            text = item.get("text") or cached.get(item["id"])
            if text is None or fc.text_sha256(text) != item["sha256"]:
                continue
            fixed = committed_item(item, text, table)
            changed += fixed != item
            items[n] = fixed
        write_items(path, items)
    return changed


# ---- validation ----------------------------------------------------------------------------

def _shape_problems(item: dict, codes: set[str]) -> list[str]:
    where = item["id"]
    problems = []
    if item["split"] != split_of(where):
        problems.append(f"{where}: split should be {split_of(where)}")
    if set(item["codes"]) - codes or len(set(item["codes"])) != len(item["codes"]):
        problems.append(f"{where}: unknown or repeated codes {item['codes']}")
    if item["genre"] not in GENRES or item["lang"] not in LANGS:
        problems.append(f"{where}: unknown genre or lang {item['genre']}/{item['lang']}")
    if not 0 < int(item["length"]) <= fc.MAX_TEXT:
        problems.append(f"{where}: length must be 1..{fc.MAX_TEXT}")
    size = min(fc.ANCHOR, int(item["length"]))
    if len(item["anchor_head"]) != size or len(item["anchor_tail"]) != size:
        problems.append(f"{where}: anchors must be {size} characters")
    return problems


def _licence_problems(item: dict, table: LicenceTable) -> list[str]:
    where, licence = item["id"], item["licence"]
    if needs_review(where, item["url"], table):
        return [f"{where}: host needs a licence review (add the id under `reviewed` in licences.yaml)"]
    expected = licence_for(where, item["url"], table)
    if licence != expected:
        return [f"{where}: licence should be {expected}, not {licence}"]
    if table.store_text(licence) != ("text" in item):
        return [f"{where}: text must be {'present' if table.store_text(licence) else 'absent'} "
                f"under licence {licence}"]
    if "text" in item and item.get("attribution", "") != attribution_for(licence, item["url"], table):
        return [f"{where}: attribution must be the licence's credit line"]
    return []


def _text_problems(item: dict, text: str | None) -> list[str]:
    """A known text (stored, or cached and matching) must give the stored hash and anchors."""
    if text is None:
        return []
    if fc.text_sha256(text) != item["sha256"]:
        return [f"{item['id']}: sha256 does not match text"]
    derived = fc.anchors_of(text)
    if any(item[k] != v for k, v in derived.items()):
        return [f"{item['id']}: length, anchors or spaces do not match text"]
    return []


def item_problems(item: dict, codes: set[str], table: LicenceTable, cached: dict | None = None) -> list[str]:
    """What is wrong with one committed item (empty when it is valid)."""
    missing = [f"{item.get('id', '?')}: missing field {f}" for f in FIELDS if f not in item]
    if missing:
        return missing
    problems = _shape_problems(item, codes) + _licence_problems(item, table)
    cached_text = (cached or {}).get(item["id"])
    if cached_text is not None and fc.text_sha256(cached_text) != item["sha256"]:
        cached_text = None  # a stale cache entry is the cache's problem, not the corpus's
    return problems + _text_problems(item, item.get("text", cached_text))


def corpus_problems(items: list[dict], codes: set[str], table: LicenceTable,
                    cached: dict | None = None) -> list[str]:
    """Per-item problems plus duplicate ids and duplicate excerpts across all files."""
    problems = [p for item in items for p in item_problems(item, codes, table, cached)]
    for field in ("id", "sha256"):
        seen = Counter(item.get(field) for item in items)
        problems += [f"duplicate {field}: {str(v)[:16]}" for v, n in seen.items() if n > 1]
    return problems


# ---- counts ---------------------------------------------------------------------------------

def _code_rows(items: list[dict], codes: list[str]) -> list[str]:
    per_code = Counter((c, i["split"]) for i in items for c in i["codes"])
    rows = ["| code | all | train | dev | test |", "|---|---|---|---|---|"]
    for code in codes + ["(negative)"]:
        if code == "(negative)":
            n = Counter(i["split"] for i in items if not i["codes"])
        else:
            n = Counter({s: per_code[(code, s)] for s in SPLITS})
        rows.append(f"| {code} | {sum(n.values())} | " + " | ".join(str(n[s]) for s in SPLITS) + " |")
    return rows


def _table(title: str, keys: list, counts: Counter, columns: list) -> list[str]:
    rows = [f"| {title} | " + " | ".join(map(str, columns)) + " | all |", "|---" * (len(columns) + 2) + "|"]
    for key in keys:
        n = [counts[(key, c)] for c in columns]
        rows.append(f"| {key} | " + " | ".join(map(str, n)) + f" | {sum(n)} |")
    return rows


def count_tables(items: list[dict], codes: list[str]) -> str:
    """Markdown tables: per code and split, genre, language, licence; then totals."""
    genres = Counter((i["genre"], "positive" if i["codes"] else "negative") for i in items)
    langs = Counter((i["lang"], i["split"]) for i in items)
    licences = Counter((i["licence"], "text stored" if "text" in i else "anchors only") for i in items)
    rows = _code_rows(items, codes) + [""]
    rows += _table("genre", [g for g in GENRES if genres[(g, "positive")] + genres[(g, "negative")]],
                   genres, ["positive", "negative"]) + [""]
    rows += _table("lang", sorted({i["lang"] for i in items}), langs, list(SPLITS)) + [""]
    rows += _table("licence", sorted({i["licence"] for i in items}), licences,
                   ["text stored", "anchors only"]) + [""]
    hosts = Counter((urlsplit(i["url"]).hostname or "?", i["lang"]) for i in items)
    top = sorted({h for h, _ in hosts}, key=lambda h: (-hosts[(h, "zh-Hans")] - hosts[(h, "zh-Hant")], h))[:12]
    rows += _table("host (top 12)", top, hosts, list(LANGS)) + [""]
    multi = sum(len(i["codes"]) > 1 for i in items)
    rows.append(f"Items: {len(items)}; multi-label: {multi}; negatives: {sum(not i['codes'] for i in items)}; "
                f"text stored: {sum('text' in i for i in items)}; distinct hosts: {len({h for h, _ in hosts})}.")
    return "\n".join(rows)


def write_readme_counts(tables: str, readme: Path) -> None:
    """Replace the text between the README's counts markers with fresh tables."""
    start, end = "<!-- counts:start -->", "<!-- counts:end -->"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    readme.write_text(f"{head}{start}\n{tables}\n{end}{tail}", encoding="utf-8")


# ---- fetch ---------------------------------------------------------------------------------

def missing_items(items: list[dict], texts_path: Path | None, ids: list[str] | None = None) -> list[dict]:
    """Items whose text is neither committed nor cached with a matching hash (only `ids`, if given)."""
    cached = fc.read_texts(texts_path)
    return [i for i in items if "text" not in i and (not ids or i["id"] in ids)
            and fc.text_sha256(cached.get(i["id"], "")) != i["sha256"]]


def fetch_missing(items: list[dict], texts_path: Path | None, ids: list[str] | None, delay: float) -> int:
    """Rebuild texts that are neither stored nor cached; returns how many are still missing."""
    from rich.progress import track

    from futurewatch.app.corpus_fetch import rebuild_items
    todo = missing_items(items, texts_path, ids)
    texts, outcomes, failures = rebuild_items(
        todo, delay=delay, progress=lambda seq: track(seq, description="fetching", transient=True))
    path = fc.write_texts(texts, texts_path) if texts else (texts_path or fc.default_texts_path())
    for item_id, reason in sorted(failures.items()):
        print(f"{item_id}: {reason}", file=sys.stderr)
    print(f"{len(todo)} fetched: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
          + f"; cache {path}", file=sys.stderr)
    return len(todo) - outcomes["rebuilt"]


def page_texts(paths: list[Path]) -> Iterator[str]:
    """Page texts from plain files (one page each) or .jsonl files ({"text": …} per line)."""
    for path in paths:
        if path.suffix == ".jsonl":
            yield from (str(row["text"]) for row in fc.read_jsonl(path) if row.get("text"))
        else:
            yield path.read_text(encoding="utf-8")


def rebuild_from_pages(items: list[dict], texts_path: Path | None, pages: list[Path]) -> int:
    """Rebuild missing texts from page texts on disk; returns how many were rebuilt."""
    todo = missing_items(items, texts_path)
    anchors = [(fc.fold(i["anchor_head"]), fc.fold(i["anchor_tail"])) for i in todo]
    found: dict[str, str] = {}
    for page in page_texts(pages):
        folded = fc.fold(page)  # cheap pre-check: both anchors must occur before the full match
        for item, (head, tail) in zip(todo, anchors):
            if item["id"] not in found and head in folded and tail in folded \
                    and (text := fc.rebuild_text(item, page)):
                found[item["id"]] = text
    if found:
        fc.write_texts(found, texts_path)
    print(f"{len(found)} of {len(todo)} missing texts rebuilt from {len(pages)} files", file=sys.stderr)
    for item_id in sorted(found):
        print(item_id)
    return len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=fc.CORPUS_DIR, help="corpus folder")
    parser.add_argument("--texts", type=Path, default=None, help="text cache (default: see corpus.py)")
    parser.add_argument("--import", dest="imports", type=Path, nargs="+", default=[], help="full items to add")
    parser.add_argument("--fix", action="store_true", help="re-derive split, licence, text placement")
    parser.add_argument("--counts", action="store_true", help="print count tables")
    parser.add_argument("--readme", action="store_true", help="rewrite the README counts")
    parser.add_argument("--fetch", action="store_true", help="rebuild missing texts from their URLs")
    parser.add_argument("--ids", nargs="+", default=None, help="limit --fetch to these ids")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between fetches")
    parser.add_argument("--from-pages", type=Path, nargs="+", default=[],
                        help="page text files to rebuild missing texts from (offline)")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    table = read_licences(args.folder / "licences.yaml")
    for source in args.imports:
        print(f"{source.name}: {import_file(source, args.folder, args.texts, table)} items imported", file=sys.stderr)
    if args.fix:
        print(f"{fix_folder(args.folder, args.texts, table)} items updated", file=sys.stderr)
    items = fc.read_items(args.folder)
    codes = taxonomy_codes()
    problems = corpus_problems(items, set(codes), table, fc.read_texts(args.texts))
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.counts:
        print(count_tables(items, codes))
    if args.readme:
        write_readme_counts(count_tables(items, codes), args.folder / "README.md")
    if args.from_pages:
        rebuild_from_pages(items, args.texts, args.from_pages)
    still_missing = fetch_missing(items, args.texts, args.ids, args.delay) if args.fetch else 0
    print(f"{len(items)} items in {len(fc.corpus_files(args.folder))} files; {len(problems)} problems",
          file=sys.stderr)
    return 1 if problems or still_missing else 0


if __name__ == "__main__":
    sys.exit(main())
