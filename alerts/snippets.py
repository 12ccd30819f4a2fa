"""Short snippets around the matched terms, as (text, is_match) segments for the templates.

Segments keep scraped text as data: the HTML template escapes every segment and wraps only the
matches in <mark>, so nothing from a page can become markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from futurewatch.core.textnorm import nfkc, normalize_for_match, to_simplified

_SPACES = re.compile(r"\s+")
WIDTH = 150
BEFORE = 40


def prepare_text(text: str) -> tuple[str, str]:
    """(display text, matching form) with equal lengths, so offsets found in one hold in the other.
    The display text is the text as published (Traditional stays Traditional, case and full-width
    punctuation stay), whitespace folded."""
    clean = _SPACES.sub(" ", text or "").strip()
    return clean, aligned_match_form(clean)


def aligned_match_form(clean: str) -> str:
    """The matching form, one character for each of `clean`'s: each character is folded on its own
    (NFKC of the whole text could lengthen one place and shorten another, ℃ → °C and e + ́ → é, and
    keep the total length while shifting every offset between them); a character whose normal form
    has another length (… → ..., ㎡ → m2) stands for itself. Simplified conversion keeps lengths."""
    folded = _UNSTABLE.sub(lambda m: _fold_one(m.group()), clean)
    norm = to_simplified(folded).lower()
    if len(norm) == len(clean):
        return norm
    return "".join(f if len(f := normalize_for_match(ch)) == 1 else ch for ch in clean)  # rare: one at a time


_UNSTABLE = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")  # ASCII and the unified ideographs are NFKC-stable


@lru_cache(maxsize=4096)
def _fold_one(ch: str) -> str:
    folded = nfkc(ch)
    return folded if len(folded) == 1 else ch


def build_snippet(text: str, terms: list[str], *, width: int = WIDTH,
                  prepared: tuple[str, str] | None = None) -> list[list]:
    """Up to `width` characters of `text` around the first matched term, matches marked."""
    clean, norm = prepared or prepare_text(text)
    if not clean:
        return []
    spans = find_spans(norm, terms)
    start = max(0, spans[0][0] - BEFORE) if spans else 0
    end = min(len(clean), start + width)
    segments: list[list] = [["…", False]] if start > 0 else []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            segments.append([clean[pos:s], False])
        segments.append([clean[s:e], True])
        pos = e
    if pos < end:
        segments.append([clean[pos:end], False])
    if end < len(clean):
        segments.append(["…", False])
    return segments


def find_spans(norm: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of every term in normalised text, longest term first at a tie."""
    spans: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        needle = _needle(term)
        for m in re.finditer(re.escape(needle), norm):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


@lru_cache(maxsize=4096)
def _needle(term: str) -> str:
    return normalize_for_match(term)


def snippet_text(segments: list[list], *, mark: tuple[str, str] = ("【", "】")) -> str:
    """The plain-text form: matches bracketed."""
    return "".join(f"{mark[0]}{t}{mark[1]}" if hit else t for t, hit in segments)
