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

from futurewatch.textnorm import nfkc, to_simplified

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE = re.compile(r"\s+")
_CJK_CHAR = re.compile(f"[{_CJK}]")


_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}  # NFKC's most common folds
_ODD: dict[str, bool] = {}


def _is_odd(ch: str) -> bool:
    """True when NFKC does not map `ch` to exactly one character (…, ㎡, ligatures, combining marks)."""
    odd = _ODD.get(ch)
    if odd is None:
        odd = _ODD[ch] = bool(unicodedata.combining(ch)) or len(unicodedata.normalize("NFKC", ch)) != 1
    return odd


def _odd_pattern(text: str) -> re.Pattern | None:
    """A pattern for the odd characters present in `text` (None when there are none)."""
    odd = [ch for ch in set(text) if not ch.isascii() and _is_odd(ch)]
    return re.compile("[" + "".join(re.escape(ch) for ch in odd) + "]") if odd else None


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
        if len(self._seg_norm) == 1 and self._seg_orig[0][2] == self.source_len:  # one-to-one fold
            return mid + (1 if end else 0)
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
    folded = text.translate(_FULL_WIDTH)
    if unicodedata.is_normalized("NFKC", folded):  # fast path: full-width forms were all there was
        return folded, [0], [(0, len(text), len(text))]
    odd = _odd_pattern(text)
    if odd is None:  # no expanding or combining characters: NFKC maps one character to one
        folded = nfkc(text)
        return folded, [0], [(0, len(text), len(folded))]
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
    for m in _SPACE.finditer(mid):
        a, b = m.start(), m.end()
        if not ((a > 0 and _CJK_CHAR.match(mid, a - 1)) or (b < len(mid) and _CJK_CHAR.match(mid, b))):
            continue
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

