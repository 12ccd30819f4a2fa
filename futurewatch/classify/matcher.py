"""One Aho-Corasick automaton over every dictionary term (taxonomy terms, exclusions, trap
contexts, entity aliases), matched on the normalised text in a single pass."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import ahocorasick

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


@dataclass(frozen=True, slots=True)
class Hit:
    start: int   # offsets in the normalised text
    end: int
    entry: Entry


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
        self._automaton = ahocorasick.Automaton()
        for key, group in grouped.items():
            self._automaton.add_word(key, (len(key), _is_word_char(key[0]), _is_word_char(key[-1]), tuple(group)))
        self._automaton.make_automaton()
        self.size = len(grouped)

    def find(self, norm: Normalized, original: str) -> list[Hit]:
        text = norm.text
        n = len(text)
        hits: list[Hit] = []
        append = hits.append
        for end_idx, (length, word_start, word_end, group) in self._automaton.iter(text):
            start, end = end_idx - length + 1, end_idx + 1
            if word_start and start and text[start - 1] in _WORD_CHARS:
                continue
            if word_end and end < n and text[end] in _WORD_CHARS:
                continue
            for entry in group:
                if entry.exact is None or _matches_exact(norm, original, start, end, entry.exact):
                    append(Hit(start, end, entry))
        return hits


def _matches_exact(norm: Normalized, original: str, start: int, end: int, exact: str) -> bool:
    a, b = norm.span(start, end)
    return "".join(nfkc(original[a:b]).split()) == exact


def build_entry(kind: str, ref: str, term: str, weight: float = 1.0) -> Entry:
    return Entry(kind, ref, term, weight, _exact_form(term) if kind != "exclusion" else None)
