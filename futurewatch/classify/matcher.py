"""One Aho-Corasick automaton over every dictionary term (taxonomy terms, exclusions, trap
contexts, entity aliases), matched on the normalised text in a single pass.

The automaton is ahocorasick_rs (Rust): about 4× the scan rate of pyahocorasick on this
vocabulary, and it returns (key, start, end) tuples directly. Hits are plain tuples
(start, end, entry): ≈260 per article, so no object per hit beyond the tuple."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import ahocorasick_rs

from futurewatch.classify.normalize import Normalized, normalize_term
from futurewatch.textnorm import nfkc


@dataclass(frozen=True)
class Entry:
    """What a dictionary key stands for.

    kind: term | exclusion | context (taxonomy, ref = code) or org | place (entities, ref =
    canonical name). `exact` is set for all-capital ASCII acronyms (6G, EAST, UAV), which must
    match in capitals in the original text: "east" or "6g" (six grams) are not them."""

    kind: str
    ref: str
    term: str
    weight: float = 1.0
    exact: str | None = None


Hit = tuple[int, int, Entry]  # (start, end, entry), offsets in the normalised text


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _exact_form(term: str) -> str | None:
    """The case-sensitive form of an acronym-like term, else None."""
    folded = nfkc(term)
    letters = [c for c in folded if c.isalpha()]
    if folded.isascii() and letters and all(c.isupper() for c in letters):
        return folded.replace(" ", "")
    return None


class Matcher:
    """Finds all dictionary terms in a normalised text; ASCII terms only at word boundaries."""

    def __init__(self, entries: Iterable[Entry]):
        grouped: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            key = normalize_term(entry.term)
            if key:
                grouped[key].append(entry)
        keys = list(grouped)
        # per key: (needs a word boundary before, after, entries, any entry case-sensitive)
        self._info = [(_is_word_char(k[0]), _is_word_char(k[-1]), tuple(grouped[k]),
                       any(e.exact is not None for e in grouped[k])) for k in keys]
        self._automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None
        self.keys = keys
        self.size = len(keys)

    def find(self, norm: Normalized, original: str) -> list[Hit]:
        """Every (start, end, entry), overlapping, in the automaton's order (by end). Only the
        order of one key's hits matters downstream (by position, as here); a key's entries
        keep their dictionary order."""
        text = norm.text
        if self._automaton is None or not text:
            return []
        n = len(text)
        info = self._info
        hits: list[Hit] = []
        append = hits.append
        for idx, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            word_start, word_end, group, has_exact = info[idx]
            if word_start and start and text[start - 1] in _WORD_CHARS:
                continue
            if word_end and end < n and text[end] in _WORD_CHARS:
                continue
            for entry in group:
                if not has_exact or entry.exact is None or _matches_exact(norm, original, start, end, entry.exact):
                    append((start, end, entry))
        return hits


def _matches_exact(norm: Normalized, original: str, start: int, end: int, exact: str) -> bool:
    a, b = norm.span(start, end)
    return "".join(nfkc(original[a:b]).split()) == exact


def build_entry(kind: str, ref: str, term: str, weight: float = 1.0) -> Entry:
    return Entry(kind, ref, term, weight, _exact_form(term) if kind != "exclusion" else None)
