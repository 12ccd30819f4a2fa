"""Short snippets around the matched terms, as (text, is_match) segments for the templates.

Segments keep scraped text as data: the HTML template escapes every segment and wraps only the
matches in <mark>, so nothing from a page can become markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from futurewatch.core.termmatch import CJK_RANGES, at_boundary, key_edges
from futurewatch.core.textnorm import FoldedText, cluster_start, fold_with_offsets, normalize_for_match

_SPACES = re.compile(r"\s+")
WIDTH = 150
BEFORE = 40


def prepare_text(text: str) -> tuple[str, FoldedText]:
    """(display text, its matching form with the offset map back to it). The display text is the
    text as published (Traditional stays Traditional, case and full-width punctuation stay),
    whitespace folded."""
    clean = _SPACES.sub(" ", text or "").strip()
    return clean, fold_with_offsets(clean)


def build_snippet(text: str, terms: list[str], *, width: int = WIDTH,
                  prepared: tuple[str, FoldedText] | None = None) -> list[list]:
    """About `width` characters of `text` around the first matched term, matches marked (a term the
    window would cut is shown whole; a cut never separates a character from its marks)."""
    clean, form = prepared or prepare_text(text)
    if not clean:
        return []
    spans = find_spans(form, terms)
    start = cluster_start(clean, max(0, spans[0][0] - BEFORE)) if spans else 0
    end = cluster_start(clean, min(len(clean), start + width))
    end = max([end] + [e for s, e in spans if s < end < e])
    segments: list[list] = [["…", False]] if start > 0 else []
    pos = start
    for s, e in spans:
        if s >= end:
            break
        if s > pos:
            segments.append([clean[pos:s], False])
        segments.append([clean[s:e], True])
        pos = e
    if pos < end:
        segments.append([clean[pos:end], False])
    if end < len(clean):
        segments.append(["…", False])
    return segments


def find_spans(form: FoldedText, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans, in the text as published, of every term found in its matching form;
    longest term first at a tie. As in the rules' matcher, a space next to a Chinese character is
    no part of a term (AI芯片 is found in "AI 芯片") and a term with an ASCII letter or digit at an
    edge is found only at a word boundary there (AI not inside MAIN)."""
    spans: list[tuple[int, int]] = []
    for needle in sorted({n for t in terms if t and (n := _needle(t))}, key=len, reverse=True):
        edges, ends = key_edges(needle), [e for _, e in spans]
        found = []
        for m in _pattern(needle).finditer(form.text):
            if edges and not at_boundary(form.text, m.start(), m.end(), edges):
                continue
            s, e = form.source_span(m.start(), m.end())
            i = bisect_right(ends, s)  # the first kept span ending after s: it overlaps if it starts before e
            if (i == len(spans) or spans[i][0] >= e) and not (found and found[-1][1] > s):
                found.append((s, e))  # (two matches in one cluster, … for "." say, map to one span)
        spans = sorted(spans + found)  # two sorted runs: a linear merge
    return spans


_CJK = re.compile(f"[{CJK_RANGES}]")
_SPACE_BY_CJK = re.compile(f" +(?=[{CJK_RANGES}])|(?<=[{CJK_RANGES}]) +")


@lru_cache(maxsize=4096)
def _needle(term: str) -> str:
    return _SPACE_BY_CJK.sub("", normalize_for_match(term).strip())


@lru_cache(maxsize=4096)
def _pattern(needle: str) -> re.Pattern:
    """The needle, with a space allowed wherever one of two neighbouring characters is Chinese."""
    out = re.escape(needle[0])
    for prev, ch in zip(needle, needle[1:]):
        out += (" ?" if _CJK.match(prev) or _CJK.match(ch) else "") + re.escape(ch)
    return re.compile(out)


def snippet_text(segments: list[list], *, mark: tuple[str, str] = ("【", "】")) -> str:
    """The plain-text form: matches bracketed."""
    return "".join(f"{mark[0]}{t}{mark[1]}" if hit else t for t, hit in segments)
