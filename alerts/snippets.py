"""Short snippets around the matched terms, as (text, is_match) segments for the templates.

Segments keep scraped text as data: the HTML template escapes every segment and wraps only the
matches in <mark>, so nothing from a page can become markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from futurewatch.core.textnorm import normalize_for_match

_SPACES = re.compile(r"\s+")
WIDTH = 150
BEFORE = 40


def prepare_text(text: str) -> tuple[str, str]:
    """(display text, matching form) with equal lengths, so offsets found in one hold in the other."""
    clean = _SPACES.sub(" ", text or "").strip()
    norm = normalize_for_match(clean)
    if len(norm) != len(clean):  # NFKC changed lengths: show the normalised form, offsets stay true
        clean = norm
    return clean, norm


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
