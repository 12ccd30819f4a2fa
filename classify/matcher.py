"""The classifier's dictionary on the shared term matcher (futurewatch.core.termmatch): every
taxonomy term, exclusion, trap context, genre cue and entity alias in one automaton, matched
on the matching form of title and text in a single pass.

Hits are plain tuples (start, end, entry): ≈260 per article, so no object per hit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterable

from futurewatch.core.termmatch import MatchForm, TermMatcher, key_edges, normalize_term
from futurewatch.core.textnorm import nfkc


@dataclass(frozen=True)
class Entry:
    """What a dictionary key stands for.

    kind: term | exclusion | context (taxonomy, ref = code), cue (genre and context words, ref =
    word class) or org | place (entities, ref = canonical name). `exact` is set for all-capital
    ASCII acronyms (6G, EAST, UAV), which must match in capitals in the original text: "east"
    or "6g" (six grams) are not them."""

    kind: str
    ref: str
    term: str
    weight: float = 1.0
    exact: str | None = None


# (start, end, entry), offsets in the matching form. A plain `tuple` to the type checker, not
# tuple[int, int, Entry]: compiled (mypyc) code would keep that as a C struct and box it anew at
# every store, and stage 1 tells a document's hits apart by identity.
Hit = tuple


def _exact_form(term: str) -> str | None:
    """The case-sensitive form of an acronym-like term, else None."""
    folded = nfkc(term)
    letters = [c for c in folded if c.isalpha()]
    if folded.isascii() and letters and all(c.isupper() for c in letters):
        return folded.replace(" ", "")
    return None


TERM, EXCLUSION, CONTEXT, CUE, NAME = range(5)
_SLOTS = {"term": TERM, "exclusion": EXCLUSION, "context": CONTEXT, "cue": CUE}
_FAST = (CUE, TERM, NAME)   # the order of the keys that take the scan's fast path


class Matcher:
    """Every dictionary entry of the classifier on the shared TermMatcher. `routes[i]` lists
    what key i stands for as (slot, entry) pairs; slot is TERM, EXCLUSION, CONTEXT, CUE or
    NAME (org and place).

    The scan's fast path: a key that stands for one cue, term or name and needs no boundary or
    case check. Such keys come first, the cues, then the terms, then the names, so the scan
    tells a key's slot by comparing its index with `fast_ends` (where each of the three groups
    ends); `values[i]` is what it files for key i (a cue's class, a term's or name's entry)."""

    def __init__(self, entries: Iterable[Entry]):
        grouped: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            key = normalize_term(entry.term)
            if key:
                grouped[key].append(entry)
        fast: dict[int, list[str]] = {slot: [] for slot in _FAST}
        other: list[str] = []
        for key, found in grouped.items():
            slot = _fast_slot(key, found)
            (other if slot is None else fast[slot]).append(key)
        self.keys = [key for slot in _FAST for key in fast[slot]] + other
        self.fast_ends = tuple(accumulate(len(fast[slot]) for slot in _FAST))
        self.routes = [tuple((_SLOTS.get(e.kind, NAME), e) for e in grouped[k]) for k in self.keys]
        self.terms = TermMatcher(self.keys)
        self.values: list = [r[0][1].ref if r[0][0] == CUE else r[0][1] for r in self.routes]   # str | Entry
        self._automaton = self.terms._automaton
        self.size = len(self.keys)

    def find(self, form: MatchForm, original: str) -> list[Hit]:
        """Every (start, end, entry), overlapping, by end position; a key's entries keep their
        dictionary order."""
        routes = self.routes
        return [(start, end, entry) for idx, start, end in self.terms.find(form.text) for _, entry in routes[idx]
                if entry.exact is None or matches_exact(form, original, start, end, entry.exact)]


def matches_exact(form: MatchForm, original: str, start: int, end: int, exact: str) -> bool:
    a, b = form.span(start, end)
    found = original[a:b]
    return found == exact or "".join(nfkc(found).split()) == exact


def _fast_slot(key: str, entries: list[Entry]) -> int | None:
    """The slot of a key on the scan's fast path (see Matcher), else None."""
    slot = _SLOTS.get(entries[0].kind, NAME)
    if len(entries) == 1 and entries[0].exact is None and key_edges(key) is None and slot in _FAST:
        return slot
    return None


def build_entry(kind: str, ref: str, term: str, weight: float = 1.0) -> Entry:
    exact = _exact_form(term) if kind not in ("exclusion", "cue") else None
    return Entry(kind, ref, term, weight, exact)
