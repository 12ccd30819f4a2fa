"""The labelled classification corpus: committed metadata joined with texts kept out of git.

Most excerpts come from pages whose licence does not allow redistribution, so the committed
items (tests/fixtures/classify_corpus/items_*.jsonl) carry `text` only where the licence table
allows it. Every other text lives in a local cache, one {"id", "text"} JSON object per line:
`$FUTUREWATCH_CORPUS_TEXTS`, else `<user cache dir>/futurewatch/classify_corpus/texts.jsonl`.
`load_corpus` joins both and checks every text against the item's sha256; an item whose text
is neither stored nor cached comes back with `text=None`. The cache is filled by
`python scripts/build_classify_corpus.py --fetch`, which fetches each URL and finds the excerpt
in the page with `rebuild_text` (anchors, length and whitespace layout, then the hash).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

log = logging.getLogger(__name__)

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "classify_corpus"
TEXTS_ENV = "FUTUREWATCH_CORPUS_TEXTS"
REBUILD_HINT = "python scripts/build_classify_corpus.py --fetch"
ANCHOR = 6  # characters kept at each end of an excerpt that is not stored
MAX_TEXT = 600  # an excerpt's size limit (characters)
MAX_CACHE_LINE = 64 * 1024  # a cache line's size limit (bytes); longer lines are errors
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class CorpusItem:
    id: str
    lang: str
    title: str
    codes: tuple[str, ...]
    genre: str
    trap_terms: tuple[str, ...]
    url: str
    split: str
    licence: str
    sha256: str
    length: int
    text: str | None


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_texts_path() -> Path:
    """Where the local text cache lives: $FUTUREWATCH_CORPUS_TEXTS, else the user cache dir."""
    if os.environ.get(TEXTS_ENV):
        return Path(os.environ[TEXTS_ENV]).expanduser()
    return Path(user_cache_dir("futurewatch")) / "classify_corpus" / "texts.jsonl"


# ---- rebuild anchors -------------------------------------------------------------------

def space_layout(text: str) -> list[list]:
    """Where the whitespace runs of a text are: [[offset, run], …] (layout only, no words)."""
    return [[m.start(), m.group()] for m in _SPACE_RUN.finditer(text)]


def anchors_of(text: str) -> dict:
    """The rebuild anchors stored for an excerpt whose text is not redistributed."""
    return {"length": len(text), "anchor_head": text[:ANCHOR], "anchor_tail": text[-ANCHOR:],
            "spaces": space_layout(text)}


def with_spaces(compact: str, spaces: list[list]) -> str:
    """Put a whitespace layout back into a text stripped of all whitespace."""
    out = compact
    for offset, run in spaces:
        out = out[:offset] + run + out[offset:]
    return out


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """NFKC-folded text without whitespace, and each folded character's index in `text`."""
    chars, where = [], []
    for i, ch in enumerate(text):
        for folded in unicodedata.normalize("NFKC", ch):
            if not folded.isspace():
                chars.append(folded)
                where.append(i)
    return "".join(chars), where


def fold(text: str) -> str:
    """A text NFKC-folded and without whitespace: the view anchors are searched in."""
    return _fold_with_map(text)[0]


def _occurrences(haystack: str, needle: str, start: int = 0, stop: int | None = None) -> Iterator[int]:
    stop = len(haystack) if stop is None else stop
    at = haystack.find(needle, start, stop)
    while at != -1:
        yield at
        at = haystack.find(needle, at + 1, stop)


def _fullwidth_to_ascii(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def _variants(span: str) -> list[str]:
    """The page's span without whitespace, as served and with its width folded (the stored copy
    may have folded full-width punctuation)."""
    compact = _SPACE_RUN.sub("", span)
    forms = [compact, _fullwidth_to_ascii(compact), _SPACE_RUN.sub("", unicodedata.normalize("NFKC", compact))]
    return list(dict.fromkeys(forms))


def rebuild_text(item: Mapping, page_text: str) -> str | None:
    """Find an item's excerpt in a page's extracted text; None unless the sha256 matches.

    Locates by the anchors in a width- and whitespace-insensitive view of the page, restores the
    excerpt's own whitespace layout, and accepts only a candidate of the stored length and hash."""
    head, tail = fold(item["anchor_head"]), fold(item["anchor_tail"])
    if not head or not tail or not page_text:
        return None
    folded, where = _fold_with_map(page_text)
    size = int(item["length"])
    for start in _occurrences(folded, head):
        window = min(len(folded), start + 2 * size + len(tail))
        for tail_at in _occurrences(folded, tail, start, window):
            span = page_text[where[start]:where[tail_at + len(tail) - 1] + 1]
            for compact in _variants(span):
                candidate = with_spaces(compact, item.get("spaces") or [])
                if len(candidate) == size and text_sha256(candidate) == item["sha256"]:
                    return candidate
    return None


# ---- reading ---------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    """One JSON object per line; a bad line raises ValueError naming file and line."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if len(line.encode("utf-8")) > MAX_CACHE_LINE:
                raise ValueError(f"{path.name}:{n}: line longer than {MAX_CACHE_LINE} bytes")
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}:{n}: not JSON ({exc})") from exc
            if not isinstance(row, dict):
                raise ValueError(f"{path.name}:{n}: not a JSON object")
            rows.append(row)
    return rows


def corpus_files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("items_*.jsonl"))


def read_items(folder: str | Path | None = None) -> list[dict]:
    """Every committed item (metadata, and text where its licence allows)."""
    return [row for path in corpus_files(Path(folder or CORPUS_DIR)) for row in read_jsonl(path)]


def read_texts(path: str | Path | None = None) -> dict[str, str]:
    """The local text cache as {id: text}; a missing cache is empty."""
    path = Path(path) if path else default_texts_path()
    if not path.exists():
        return {}
    return {str(row["id"]): str(row["text"]) for row in read_jsonl(path) if "id" in row and "text" in row}


def write_texts(texts: Mapping[str, str], path: str | Path | None = None) -> Path:
    """Upsert texts into the cache (atomic rewrite, sorted by id); returns the cache path."""
    path = Path(path) if path else default_texts_path()
    merged = {**read_texts(path), **texts}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    lines = [json.dumps({"id": k, "text": merged[k]}, ensure_ascii=False) for k in sorted(merged)]
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


# ---- joining ---------------------------------------------------------------------------

def _item(row: dict, text: str | None) -> CorpusItem:
    return CorpusItem(id=row["id"], lang=row["lang"], title=row.get("title", ""), codes=tuple(row["codes"]),
                      genre=row["genre"], trap_terms=tuple(row.get("trap_terms", ())), url=row["url"],
                      split=row["split"], licence=row["licence"], sha256=row["sha256"],
                      length=int(row["length"]), text=text)


def _text_for(row: dict, cached: Mapping[str, str]) -> tuple[str | None, str]:
    """(text, where from): 'stored', 'cache', 'stale' (cached text fails the hash) or 'missing'."""
    if row.get("text") is not None:
        if text_sha256(row["text"]) != row["sha256"]:
            raise ValueError(f"{row['id']}: committed text does not match its sha256")
        return row["text"], "stored"
    text = cached.get(row["id"])
    if text is None:
        return None, "missing"
    if text_sha256(text) != row["sha256"]:
        return None, "stale"
    return text, "cache"


def summarize(counts: Mapping[str, int]) -> str:
    """One line: how many texts came from where, and how to rebuild the missing ones."""
    total = sum(counts.values())
    line = (f"classify corpus: {total} items; text stored {counts.get('stored', 0)}, "
            f"cached {counts.get('cache', 0)}, missing {counts.get('missing', 0)}")
    if counts.get("stale"):
        line += f", stale in cache {counts['stale']}"
    if counts.get("missing") or counts.get("stale"):
        line += f" (rebuild: {REBUILD_HINT})"
    return line


def load_corpus(folder: str | Path | None = None,
                texts: str | Path | Mapping[str, str] | None = None) -> list[CorpusItem]:
    """The corpus with every text that is available and verified; others have text=None.

    `folder` holds items_*.jsonl (default: the committed corpus); `texts` is the cache path or
    an {id: text} mapping (default: `default_texts_path()`). Logs a one-line summary."""
    cached = texts if isinstance(texts, Mapping) else read_texts(texts)
    counts: dict[str, int] = {}
    items = []
    for row in read_items(folder):
        text, source = _text_for(row, cached)
        counts[source] = counts.get(source, 0) + 1
        items.append(_item(row, text))
    summary = summarize(counts)
    log.log(logging.WARNING if counts.get("missing") or counts.get("stale") else logging.INFO, summary)
    return items


# ---- splits for training and evaluation -------------------------------------------------

SPLITS = ("train", "dev", "test")


class CorpusError(ValueError):
    """The corpus cannot serve a request (e.g. texts not cached); the message says what to do."""


def read_corpus(folder: str | Path | None = None, splits: tuple[str, ...] = ("train",),
                texts: str | Path | Mapping[str, str] | None = None, *, allow_missing: bool = False) -> list[dict]:
    """Items of the given splits as dicts with their text, for training and `futurewatch eval`.
    The test split is read only by `eval` and the final measurement, never while tuning.
    Raises CorpusError when any requested item has no text (stored or cached), unless
    `allow_missing` (then those items are left out and a warning says how many)."""
    chosen = [i for i in load_corpus(folder, texts) if i.split in splits]
    missing = sum(i.text is None for i in chosen)
    if missing and allow_missing:
        log.warning("classify corpus: %d of %d items of split(s) %s have no text and are left out",
                    missing, len(chosen), ", ".join(splits))
        chosen = [i for i in chosen if i.text is not None]
    elif missing:
        raise CorpusError(f"{missing} of {len(chosen)} corpus items of split(s) {', '.join(splits)} have no text: "
                          f"set {TEXTS_ENV} to a text cache or run `{REBUILD_HINT}`")
    return [{**vars(i), "codes": list(i.codes), "trap_terms": list(i.trap_terms)} for i in chosen]
