"""One matching form and one term matcher, shared by classification and alert keyword rules.

The matching form of a text is one character-for-character fold (a precomputed table applied
as one numpy lookup over the code points: NFKC's one-character folds such as full-width →
ASCII, Traditional → Simplified by OpenCC's character table, lower case, every whitespace
character → space),
then spaces next to a Chinese character are dropped ("6G 前沿", "AI 芯片", a PDF line break
inside 细胞与基\\n因) and other runs of spaces become one. A character whose NFKC form is longer
than one character (…, ㎡, ligatures) is kept as it is, so the fold never moves an offset and
only the dropped spaces need a map back to the text as published.

`TermMatcher` finds every normalised key in a matching-form text in one Aho-Corasick pass
(ahocorasick_rs, its contiguous NFA: here the fastest of its three automata, and as small as the
default); a key that starts or ends with an ASCII letter or digit matches only at an
ASCII word boundary (AI not inside MAIN).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Iterable, Sequence

import ahocorasick_rs
import numpy as np

from futurewatch.core.textnorm import to_simplified

CJK_RANGES = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Spaces the matching form drops: a run next to a CJK character, and all but the last space
# of any other run. The pattern starts with one literal space outside the alternation, so `re`
# jumps from space to space (five times faster than " (?:…)| +(?= )", the same matches).
_SPACE_RUN = re.compile(f" (?:(?<=[{CJK_RANGES}] ) *| *(?=[{CJK_RANGES}])| *(?= ))")
_SPACE_SPLIT = re.compile(f"({_SPACE_RUN.pattern})")   # split() keeps what it drops
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@lru_cache(maxsize=1)
def fold_table() -> list[int]:
    """Code point → folded code point for the Basic Multilingual Plane (see module docstring)."""
    chars = [chr(c) for c in range(0x10000)]
    step1 = [ch if _is_surrogate(ch) else _nfkc_one(ch) for ch in chars]
    convertible = [m for m in step1 if not (m.isascii() or _is_surrogate(m))]
    converted = to_simplified("\n".join(convertible)).split("\n")
    if len(converted) != len(convertible):  # a phrase rule joined lines: convert one by one
        converted = [to_simplified(m) for m in convertible]
    simplified = dict(zip(convertible, converted))
    table = []
    for ch, m in zip(chars, step1):
        s = simplified.get(m, m)
        m = s if len(s) == 1 else m
        low = m.lower()
        m = low if len(low) == 1 else m
        table.append(32 if (m.isspace() or ch.isspace()) else ord(m))
    return table


@lru_cache(maxsize=1)
def _fold_array() -> np.ndarray:
    """fold_table() for every code point as a uint32 array (outside the BMP: unchanged)."""
    table = np.arange(0x110000, dtype=np.uint32)
    table[:0x10000] = fold_table()
    return table


def fold(text: str) -> str:
    """`text.translate(fold_table())`, four times faster: the code points as a UTF-32 array
    through one numpy lookup (lone surrogates pass through unchanged)."""
    if text.isascii():
        return text.translate(fold_table())
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _fold_array().take(points).tobytes().decode("utf-32-le", "surrogatepass")


def _is_surrogate(ch: str) -> bool:
    return "\ud800" <= ch <= "\udfff"


def _nfkc_one(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


class MatchForm:
    """`text` is the matching form of a source text; `span` maps its offsets back. The map is
    built on the first call (only kept evidence and entities need it) from the pieces that
    `re.split` gave: kept text and dropped spaces, alternating."""

    __slots__ = ("text", "source_len", "_pieces", "_gaps")

    def __init__(self, text: str, source_len: int, pieces: list[str] | None = None):
        self.text, self.source_len, self._pieces = text, source_len, pieces
        self._gaps: tuple[list[int], list[int]] | None = None

    def gap_map(self) -> tuple[list[int], list[int]]:
        """(starts of the kept pieces in `text`, how far each lies further on in the source)."""
        if self._gaps is None:   # a kept piece lies further on by the dropped spaces before it
            pieces = self._pieces or [self.text]
            self._gaps = (list(accumulate(map(len, pieces[0::2]), initial=0)),
                          list(accumulate(map(len, pieces[1::2]), initial=0)))
        return self._gaps

    def source_offset(self, pos: int) -> int:
        if len(self.text) == self.source_len:
            return pos
        starts, shifts = self.gap_map()
        return pos + shifts[bisect_right(starts, pos) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of text[start:end] (end > start)."""
        if len(self.text) == self.source_len:
            return start, end
        starts, shifts = self._gaps or self.gap_map()
        return start + shifts[bisect_right(starts, start) - 1], end + shifts[bisect_right(starts, end - 1) - 1]

    def spans(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """span() of many (start, end) pairs at once."""
        if len(self.text) == self.source_len:
            return list(pairs)
        starts, shifts = self._gaps or self.gap_map()
        last = len(starts) - 1
        out = []
        for start, end in pairs:
            i = bisect_right(starts, start) - 1
            if i < last and starts[i + 1] < end:   # the end lies in a later piece
                out.append((start + shifts[i], end + shifts[bisect_right(starts, end - 1) - 1]))
            else:
                out.append((start + shifts[i], end + shifts[i]))
        return out


def match_form(text: str) -> MatchForm:
    """The matching form of `text` with its offset map."""
    return _spaced(fold(text), len(text))


def match_forms(texts: list[str]) -> list[MatchForm]:
    """match_form() of each text, folded in one call over them all (the fold keeps every offset,
    so each text's folded form is its slice of the whole)."""
    if len(texts) < 2:
        return [match_form(text) for text in texts]
    folded = fold("".join(texts))
    out, at = [], 0
    for text in texts:
        size = len(text)
        out.append(_spaced(folded[at:at + size], size))
        at += size
    return out


def _spaced(folded: str, size: int) -> MatchForm:
    """The matching form of a folded text of `size` characters: spaces dropped or joined."""
    if " " not in folded:
        return MatchForm(folded, size)
    pieces = _SPACE_SPLIT.split(folded)
    return MatchForm("".join(pieces[0::2]), size, pieces)


def normalize_term(term: str) -> str:
    """A dictionary term or rule term in the matching form (outer spaces stripped)."""
    return match_form(term).text.strip()


class TermMatcher:
    """Every occurrence of normalised keys in a matching-form text, in one pass.

    `find` returns (key index, start, end), overlapping, by end; a key with an ASCII letter or
    digit at an edge matches only where the neighbouring character on that side is not one.
    `scan` gives the automaton's raw matches and `edges[i]` the boundary rule of key i (None:
    no check) for callers that filter while routing matches (the classifier)."""

    def __init__(self, keys: Sequence[str]):
        self.keys = list(keys)
        self.edges = [key_edges(k) for k in self.keys]
        self._automaton = ahocorasick_rs.AhoCorasick(
            self.keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA) if self.keys else None

    def scan(self, text: str) -> list[tuple[int, int, int]]:
        if self._automaton is None or not text:
            return []
        return self._automaton.find_matches_as_indexes(text, overlapping=True)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        edges = self.edges
        return [m for m in self.scan(text) if edges[m[0]] is None or at_boundary(text, m[1], m[2], edges[m[0]])]


def key_edges(key: str) -> tuple[bool, bool] | None:
    """Which edges of a key need a word boundary (an ASCII letter or digit there); None: neither."""
    edge = (key[0] in WORD_CHARS, key[-1] in WORD_CHARS)
    return edge if edge[0] or edge[1] else None


def at_boundary(text: str, start: int, end: int, edge: tuple[bool, bool]) -> bool:
    """No ASCII letter or digit next to a match on a side where its key has one."""
    if edge[0] and start and text[start - 1] in WORD_CHARS:
        return False
    return not (edge[1] and end < len(text) and text[end] in WORD_CHARS)
