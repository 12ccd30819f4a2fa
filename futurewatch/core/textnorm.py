"""Text normalisation shared by parsers, classification, alerts and search.

The original text is always stored as published; these functions make the *shadow* forms
used for matching: NFKC (full-width ASCII → ASCII) and Traditional → Simplified via OpenCC
(the C++ library's wheel, ≈40 MB/s here). `fold_with_offsets` gives the matching form with the
map back to the text as published: the one place snippets (alerts, search) take their marks from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def nfkc(text: str) -> str:
    """Full-width letters, digits and punctuation folded to their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def to_simplified(text: str) -> str:
    """Traditional characters and phrases converted to Simplified (Simplified text is unchanged)."""
    return _t2s().convert(text) if text else text


def normalize_for_match(text: str) -> str:
    """The form used for matching: NFKC, Simplified, lower case.

    NFKC can change lengths (e.g. ligatures), so offsets for evidence must be mapped back to
    the original text by the caller where they matter (`fold_with_offsets`)."""
    return to_simplified(nfkc(text)).lower()


@dataclass(frozen=True)
class FoldedText:
    """normalize_for_match(source) with, for each of its characters, the span of `source` it came from."""
    text: str
    starts: Sequence[int]
    ends: Sequence[int]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the source that the matching form's [start, end) came from (end > start)."""
        return int(self.starts[start]), int(self.ends[end - 1])


def fold_with_offsets(source: str) -> FoldedText:
    """The matching form of `source` and its offset map back to `source`.

    NFKC works on clusters (a character with the marks that attach to it): a cluster that keeps
    one character maps one to one; one that changes length (℃ → °c, ㎡ → m2, … → ..., e + ◌́ → é)
    maps each of its characters to the whole cluster, so a mark never lands inside it or shifts
    the offsets after it. Simplified conversion and lower case keep lengths (checked; else done
    one character at a time)."""
    text, others = _fold_singles(source)
    folds = [(m.start(), m.end(), nfkc(m.group())) for m in _clusters(others).finditer(text)] if others else []
    parts, pos = [], 0
    for a, b, folded in folds:
        parts += (text[pos:a], folded)
        pos = b
    form = _simplified_lower("".join(parts) + text[pos:])
    if all(b - a == 1 and len(folded) == 1 for a, b, folded in folds):
        return FoldedText(form, range(len(source)), range(1, len(source) + 1))  # one to one: no lists
    return FoldedText(form, *_offset_map(folds, len(source)))


def _offset_map(folds: list[tuple[int, int, str]], length: int) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) in the source of each matching-form character, given the folded clusters: each
    character outside them is one of the form's, a cluster gives len(folded) copies of its span (int32
    arrays, built without a loop over the clusters, so a cached form of a long text stays small)."""
    a, b, n = (np.fromiter(column, dtype=np.int64, count=len(folds))
               for column in ((f[0] for f in folds), (f[1] for f in folds), (len(f[2]) for f in folds)))
    inside = np.zeros(length + 1, dtype=np.int32)  # +1 after a cluster's first character, -1 at its end
    inside[a + 1] += 1
    inside[b] -= 1
    count = (np.cumsum(inside[:length]) == 0).astype(np.int64)
    count[a] = n
    ends = np.arange(1, length + 1, dtype=np.int32)
    ends[a] = b
    return np.repeat(np.arange(length, dtype=np.int32), count), np.repeat(ends, count)


_HANGUL_VT = re.compile(r"[\u1161-\u1175\u11a8-\u11c2]")  # jamo that compose with the syllable before them


def _fold_singles(source: str) -> tuple[str, tuple[str, ...]]:
    """`source` with each character that NFKC folds to one character on its own (and that attaches to
    nothing) folded, and the characters left for folding by cluster. Vectorised over the distinct
    characters: a regex callback per character took seconds on 1 MB of kana or emoji."""
    if source.isascii():
        return source, ()
    points = np.frombuffer(source.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    rare = (points > 0x7F) & ((points < 0x4E00) | (points > 0x9FFF))  # ASCII and unified ideographs are stable
    distinct, where = np.unique(points[rare], return_inverse=True)
    folds = [(p, _single_fold(chr(p))) for p in distinct.tolist()]
    folded = np.array([ord(f) if f else p for p, f in folds], dtype=np.uint32)
    if (folded != distinct).any():
        points = points.copy()
        points[rare] = folded[where]
        source = points.tobytes().decode("utf-32-le", "surrogatepass")
    return source, tuple(chr(p) for p, f in folds if f is None)


@lru_cache(maxsize=65536)
def _single_fold(ch: str) -> str | None:
    """The NFKC form of a character that folds to one character on its own and attaches to nothing."""
    return None if _attaches(ch) or len(folded := nfkc(ch)) != 1 else folded


@lru_cache(maxsize=256)
def _clusters(others: tuple[str, ...]) -> re.Pattern:
    """The runs that NFKC may change or compose: a character of `others` or any character before one
    that attaches (a mark), with the marks after it; or marks at the text's start."""
    attach = "".join(re.escape(ch) for ch in others if _attaches(ch))
    alone = "".join(re.escape(ch) for ch in others if not _attaches(ch))
    if not attach:
        return re.compile(f"[{alone}]")
    marks = f"[{attach}]"
    return re.compile("|".join(([f"[{alone}]{marks}*"] if alone else []) + [f"(?s:.){marks}+", f"^{marks}+"]))


def cluster_start(text: str, i: int) -> int:
    """`i`, or the start of the cluster it falls inside: a cut there keeps a base with its marks, an
    emoji with its skin tone, tags and ZWJ sequence (👨‍👩‍👧), a flag's two letters (🇨🇳) together."""
    while 0 < i < len(text) and (_attaches(text[i]) or _EMOJI_JOINS.match(text, i - 1) or _second_letter(text, i)):
        i -= 1
    return i


_EMOJI_JOINS = re.compile("\u200d|.[\u200d\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]", re.S)  # at i-1: joins i to it
_FLAG_LETTERS = re.compile("[\U0001f1e6-\U0001f1ff]+")


def _second_letter(text: str, i: int) -> bool:
    """text[i] is the second regional indicator of a flag (an odd count of them runs up to it)."""
    if not _FLAG_LETTERS.match(text, i, i + 1) or not _FLAG_LETTERS.match(text, i - 1, i):
        return False
    run = i - 1
    while run > 0 and _FLAG_LETTERS.match(text, run - 1, run):
        run -= 1
    return (i - run) % 2 == 1


@lru_cache(maxsize=4096)
def _attaches(ch: str) -> bool:
    """A mark, or a character that composes with (or decomposes into a mark after) the one before it."""
    return (unicodedata.category(ch)[0] == "M" or bool(_HANGUL_VT.match(ch))
            or unicodedata.combining(unicodedata.normalize("NFKD", ch)[0]) != 0)


def _simplified_lower(folded: str) -> str:
    """Simplified, lower case, of the same length as `folded` (one character at a time where the whole
    text's conversion would not be)."""
    whole = to_simplified(folded).lower()
    if len(whole) == len(folded):
        return whole
    return "".join(f if len(f := to_simplified(ch).lower()) == 1 else ch for ch in folded)


def detect_lang(text: str) -> str:
    """'zh-Hant' when converting to Simplified changes a noticeable share of the Han characters."""
    han = [ch for ch in text[:4000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return "und"
    sample = "".join(han)
    changed = sum(1 for a, b in zip(sample, to_simplified(sample)) if a != b)
    return "zh-Hant" if changed / len(sample) > 0.05 else "zh-Hans"
