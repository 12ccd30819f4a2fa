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
from typing import Iterable

from futurewatch.textnorm import nfkc, to_simplified

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Whitespace runs with a CJK character on either side: the same runs as finding each maximal
# \s+ run and testing its neighbours (the matching form never holds U+3000, NFKC folds it).
# Patterns here start with a plain character class so `re` can skip ahead to candidates.
_CJK_SPACE = re.compile(rf"\s(?:(?<=[{_CJK}]\s)\s*|\s*(?=[{_CJK}]))")


_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}  # NFKC's most common folds
_FULL_WIDTH_RUNS = re.compile("([\uff01-\uff5e\u3000][\uff01-\uff5e\u3000]*)")
_ODD: dict[str, bool] = {}
_PLAIN: set[str] = set()  # characters already known not to be odd
_NEVER_ODD = re.compile("[\x00-\x7f\u4e00-\u9fff]+")  # ASCII and CJK Unified Ideographs: never odd


def _fold_full_width(text: str) -> str:
    """text.translate(_FULL_WIDTH), translating only the full-width runs in one call (2–3× faster)."""
    parts = _FULL_WIDTH_RUNS.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = "\0".join(parts[1::2]).translate(_FULL_WIDTH).split("\0")
    return "".join(parts)


def _is_odd(ch: str) -> bool:
    """True when NFKC does not map `ch` to exactly one character (…, ㎡, ligatures, combining marks)."""
    odd = _ODD.get(ch)
    if odd is None:
        odd = _ODD[ch] = bool(unicodedata.combining(ch)) or len(unicodedata.normalize("NFKC", ch)) != 1
    return odd


def _odd_pattern(text: str) -> re.Pattern | None:
    """A pattern for the odd characters present in `text` (None when there are none)."""
    seen = set(_NEVER_ODD.sub("", text))  # set() of a long Chinese text is the costly part
    seen -= _PLAIN
    odd = [ch for ch in seen if not ch.isascii() and _is_odd(ch)]
    if len(_PLAIN) < 200_000:
        _PLAIN.update(ch for ch in seen if ch.isascii() or not _ODD[ch])
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

    def _map(self, pos: int, end: bool) -> int:
        """Original offset of matching-form position `pos` (just after it when `end`)."""
        gap_norm = self._gap_norm
        if len(gap_norm) > 1:  # undo the whitespace removal
            i = bisect_right(gap_norm, pos) - 1
            pos = self._gap_mid[i] + (pos - gap_norm[i])
        seg_norm = self._seg_norm
        if len(seg_norm) == 1 and self._seg_orig[0][2] == self.source_len:  # one-to-one fold
            return pos + 1 if end else pos
        i = bisect_right(seg_norm, pos) - 1
        ostart, oend, nlen = self._seg_orig[i]
        if nlen == oend - ostart:
            return ostart + pos - seg_norm[i] + (1 if end else 0)
        return oend if end else ostart

    def orig_start(self, pos: int) -> int:
        return self._map(pos, False)

    def orig_end(self, pos: int) -> int:
        """Original offset just after the character at `pos - 1`."""
        return self._map(pos - 1, True) if pos > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        seg_orig, gap_norm = self._seg_orig, self._gap_norm
        if len(gap_norm) == 1 and len(seg_orig) == 1 and seg_orig[0][2] == self.source_len:
            return start, (end if end > 0 else 0)  # nothing moved
        return self.spans(((start, end),))[0]

    def spans(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """span() of many (start, end) pairs; inlined for the usual one-to-one fold."""
        seg_orig = self._seg_orig
        if len(seg_orig) != 1 or seg_orig[0][2] != self.source_len:
            m = self._map
            return [(m(s, False), m(e - 1, True) if e > 0 else 0) for s, e in pairs]
        gap_norm, gap_mid = self._gap_norm, self._gap_mid
        if len(gap_norm) == 1:
            return [(s, e if e > 0 else 0) for s, e in pairs]
        out = []
        for s, e in pairs:
            i = bisect_right(gap_norm, s) - 1
            if e > 0:
                j = bisect_right(gap_norm, e - 1) - 1
                out.append((gap_mid[i] + s - gap_norm[i], gap_mid[j] + e - gap_norm[j]))
            else:
                out.append((gap_mid[i] + s - gap_norm[i], 0))
        return out


def _nfkc_segments(text: str) -> tuple[str, list[int], list[tuple[int, int, int]]]:
    """NFKC of `text` as pieces; odd characters become their own segment."""
    folded = _fold_full_width(text)
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
    for m in _CJK_SPACE.finditer(mid):
        a = m.start()
        parts.append(mid[pos:a])
        acc += a - pos
        pos = m.end()
        gap_norm.append(acc)
        gap_mid.append(pos)
    parts.append(mid[pos:])
    return Normalized("".join(parts), len(text), tuple(seg_norm), tuple(seg_orig), tuple(gap_norm), tuple(gap_mid))


def normalize_term(term: str) -> str:
    """A dictionary term in the same form as the text it is matched against."""
    return normalize(term).text

