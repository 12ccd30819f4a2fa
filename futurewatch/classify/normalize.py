"""Matching form of a text with a map back to the original offsets.

The matching form is futurewatch.textnorm's (NFKC, Traditional→Simplified, lower case) plus
one step: whitespace next to a Chinese character is dropped, so "6G 前沿", "AI 芯片" and PDF
line breaks inside words ("细胞与基\\n因") match like the unbroken forms. Evidence offsets must
point into the text as published, so every step keeps a piecewise map back to it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from futurewatch.textnorm import nfkc, to_simplified

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_DROP_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


@lru_cache(maxsize=1)
def _odd_chars() -> re.Pattern:
    """Characters whose NFKC form is not exactly one character (…, ㎡, ligatures, combining marks)."""
    odd = []
    for cp in range(0x80, 0x30000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if unicodedata.combining(ch) or len(unicodedata.normalize("NFKC", ch)) != 1:
            odd.append(cp)
    ranges, start, prev = [], None, None
    for cp in odd:
        if start is None:
            start = prev = cp
        elif cp == prev + 1:
            prev = cp
        else:
            ranges.append((start, prev))
            start = prev = cp
    if start is not None:
        ranges.append((start, prev))
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}]")


@dataclass(frozen=True)
class Normalized:
    """`text` is the matching form; `orig_start`/`orig_end` map its offsets back."""

    text: str
    source_len: int
    _seg_norm: tuple[int, ...]   # segment starts in the NFKC form
    _seg_orig: tuple[tuple[int, int, int], ...]  # (orig_start, orig_end, nfkc_len) per segment
    _gap_norm: tuple[int, ...]   # starts of runs in `text` after whitespace removal
    _gap_mid: tuple[int, ...]    # where each run starts in the NFKC form

    def _to_mid(self, pos: int) -> int:
        i = bisect_right(self._gap_norm, pos) - 1
        return self._gap_mid[i] + (pos - self._gap_norm[i])

    def _to_orig(self, mid: int, *, end: bool) -> int:
        i = bisect_right(self._seg_norm, mid) - 1
        ostart, oend, nlen = self._seg_orig[i]
        off = mid - self._seg_norm[i]
        if nlen == oend - ostart:
            return ostart + off + (1 if end else 0)
        return oend if end else ostart

    def orig_start(self, pos: int) -> int:
        return self._to_orig(self._to_mid(pos), end=False)

    def orig_end(self, pos: int) -> int:
        """Original offset just after the character at `pos - 1`."""
        if pos <= 0:
            return 0
        return self._to_orig(self._to_mid(pos - 1), end=True)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.orig_start(start), self.orig_end(end)


def _nfkc_segments(text: str) -> tuple[str, list[int], list[tuple[int, int, int]]]:
    """NFKC of `text` as pieces; odd characters become their own segment."""
    odd = _odd_chars()
    if not odd.search(text):
        return nfkc(text), [0], [(0, len(text), len(text))]
    parts: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[tuple[int, int, int]] = []
    pos = npos = 0
    for m in odd.finditer(text):
        for a, b, piece in ((pos, m.start(), None), (m.start(), m.end(), "odd")):
            if a == b:
                continue
            chunk = nfkc(text[a:b]) if piece is None else unicodedata.normalize("NFKC", text[a:b])
            if piece is None and len(chunk) != b - a:  # a composition inside a plain run
                chunk = "".join(unicodedata.normalize("NFKC", c) for c in text[a:b])
            seg_norm.append(npos)
            seg_orig.append((a, b, len(chunk)))
            parts.append(chunk)
            npos += len(chunk)
        pos = m.end()
    if pos < len(text):
        chunk = nfkc(text[pos:])
        seg_norm.append(npos)
        seg_orig.append((pos, len(text), len(chunk)))
        parts.append(chunk)
    return "".join(parts), seg_norm, seg_orig


def _same_length(converted: str, source: str, convert) -> str:
    """Keep a one-to-one character map: fall back to per-character conversion if lengths moved."""
    if len(converted) == len(source):
        return converted
    out = []
    for ch in source:
        c = convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def normalize(text: str) -> Normalized:
    """The matching form of `text` and the offset map back to it."""
    mid, seg_norm, seg_orig = _nfkc_segments(text)
    mid = _same_length(to_simplified(mid), mid, to_simplified)
    mid = _same_length(mid.lower(), mid, str.lower)
    gap_norm, gap_mid, parts = [0], [0], []
    pos = acc = 0
    for m in _DROP_SPACE.finditer(mid):
        parts.append(mid[pos:m.start()])
        acc += m.start() - pos
        pos = m.end()
        gap_norm.append(acc)
        gap_mid.append(pos)
    parts.append(mid[pos:])
    return Normalized("".join(parts), len(text), tuple(seg_norm), tuple(seg_orig), tuple(gap_norm), tuple(gap_mid))


def normalize_term(term: str) -> str:
    """A dictionary term in the same form as the text it is matched against."""
    return normalize(term).text

