"""Text normalisation shared by parsers, classification, alerts and search.

The original text is always stored as published; these functions make the *shadow* forms
used for matching: NFKC (full-width ASCII → ASCII) and Traditional → Simplified via OpenCC
(the C++ library's wheel, ≈40 MB/s here). `fold_with_offsets` gives the matching form with the
map back to the text as published: the one place snippets (alerts, search) take their marks from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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
        return self.starts[start], self.ends[end - 1]


def fold_with_offsets(source: str) -> FoldedText:
    """The matching form of `source` and its offset map back to `source`.

    NFKC works on clusters (a character with the marks that attach to it): a cluster that keeps
    one character maps one to one; one that changes length (℃ → °c, ㎡ → m2, … → ..., e + ◌́ → é)
    maps each of its characters to the whole cluster, so a mark never lands inside it or shifts
    the offsets after it. Simplified conversion and lower case keep lengths (checked; else done
    one character at a time)."""
    others: set[str] = set()  # characters that attach or change length: folded by cluster below

    def fold_single(m: re.Match) -> str:
        ch = m.group()
        if (single := _single_fold(ch)) is None:
            others.add(ch)
            return ch
        return single

    text = _MAY_FOLD.sub(fold_single, source)
    pattern = re.compile("|".join(map(re.escape, sorted(others)))) if others else None
    folds = [(a, b, nfkc(text[a:b])) for a, b in _clusters(text, pattern)] if pattern else []
    parts, pos = [], 0
    for a, b, folded in folds:
        parts += (text[pos:a], folded)
        pos = b
    form = _simplified_lower("".join(parts) + text[pos:])
    if all(b - a == 1 and len(folded) == 1 for a, b, folded in folds):
        return FoldedText(form, range(len(source)), range(1, len(source) + 1))  # one to one: no lists
    return FoldedText(form, *_offset_map(folds, len(source)))


def _offset_map(folds: list[tuple[int, int, str]], length: int) -> tuple[array, array]:
    """(starts, ends) in the source of each matching-form character, given the folded clusters; as
    int arrays (a cached form of a long text stays small)."""
    starts, ends, pos = array("i"), array("i"), 0
    for a, b, folded in folds:
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        one = b - a == 1 and len(folded) == 1
        starts.extend((a,) if one else (a,) * len(folded))
        ends.extend((b,) if one else (b,) * len(folded))
        pos = b
    starts.extend(range(pos, length))
    ends.extend(range(pos + 1, length + 1))
    return starts, ends


_MAY_FOLD = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")  # ASCII and unified ideographs: NFKC-stable, attach to nothing
_HANGUL_VT = re.compile(r"[\u1161-\u1175\u11a8-\u11c2]")  # jamo that compose with the syllable before them


@lru_cache(maxsize=4096)
def _single_fold(ch: str) -> str | None:
    """The NFKC form of a character that folds to one character on its own and attaches to nothing."""
    return None if _attaches(ch) or len(folded := nfkc(ch)) != 1 else folded


def _clusters(text: str, others: re.Pattern):
    """(start, end) of each run that NFKC may change or compose: a character of `others`, with the
    character before it when it attaches to that one."""
    start = end = None
    for m in others.finditer(text):
        i = m.start()
        if end == i and _attaches(m.group()):
            end = i + 1
            continue
        if end is not None:
            yield start, end
        start, end = (i - 1 if i > 0 and _attaches(m.group()) else i), i + 1
    if end is not None:
        yield start, end


def cluster_start(text: str, i: int) -> int:
    """`i`, or the start of the cluster it falls inside: a cut there keeps a base with its marks."""
    while 0 < i < len(text) and _attaches(text[i]):
        i -= 1
    return i


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
