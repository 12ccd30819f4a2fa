"""One scan of a document: the matching form of title + text (joined by a NUL that no key
contains, so one automaton pass serves both fields) and its hits sorted by kind.

Positions are in the matching form; `source_spans` turns them into offsets into the title or
the text as published."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import Final

from classify.matcher import CUE, EXCLUSION, NAME, TERM, Entry, Hit, Matcher, matches_exact
from futurewatch.core.termmatch import MatchForm, at_boundary, match_forms

SEPARATOR: Final = "\x00"


class Scan:
    """The hits of one document by kind (a plain class with slots: one is made per document)."""

    __slots__ = ("title", "text", "form", "split", "text_len", "terms", "exclusions", "contexts", "cues", "names",
                 "term_hits")

    def __init__(self, title: str, text: str, form: MatchForm, split: int):
        self.title, self.text, self.form = title, text, form
        self.split = split                                 # matching-form offset where the text starts
        self.text_len = len(form.text) - split             # characters of the text's matching form
        self.terms: dict[str, list[Hit]] = defaultdict(list)       # code → its term hits, by end
        self.exclusions: dict[str, list[Hit]] = defaultdict(list)
        self.contexts: set[str] = set()
        self.cues: dict[str, list[int]] = defaultdict(list)        # cue class → starts, by end
        self.names: list[Hit] = []                         # org and place entries
        self.term_hits: list[Hit] = []

    def source_spans(self, pairs: list[tuple[int, int]]) -> list[tuple[bool, int, int]]:
        """(in the title?, start, end) in that field's original text, per (start, end) pair
        (MatchForm.spans and the split into title and text in one loop)."""
        shift, split, form = len(self.title) + 1, self.split, self.form
        if len(form.text) == form.source_len:
            return [(False, a - shift, b - shift) if a >= split else (True, a, b) for a, b in pairs]
        starts, shifts = form._gaps or form.gap_map()
        last = len(starts) - 1
        out = []
        for start, end in pairs:
            i = bisect_right(starts, start) - 1
            a = start + shifts[i]
            b = end + (shifts[bisect_right(starts, end - 1) - 1] if i < last and starts[i + 1] < end else shifts[i])
            out.append((False, a - shift, b - shift) if start >= split else (True, a, b))
        return out


def scan_document(matcher: Matcher, title: str, text: str) -> Scan:
    """Match title and text in one pass and sort the hits by what they stand for."""
    return scan_documents(matcher, [(title, text)])[0]


def scan_documents(matcher: Matcher, docs: list[tuple[str, str]]) -> list[Scan]:
    """scan_document() of each (title, text), each step over all of them in turn: one fold for
    them all, then the automaton passes, then the routing (the fold table and the automaton's
    tables stay in the caches from one document to the next)."""
    originals = []
    for title, text in docs:
        if SEPARATOR in title or SEPARATOR in text:
            title, text = title.replace(SEPARATOR, " "), text.replace(SEPARATOR, " ")
        originals.append((title, text, title + SEPARATOR + text))
    forms = match_forms([original for _, _, original in originals])
    scan = matcher.terms.scan
    found = [scan(form.text) for form in forms]
    return [_routed(matcher, title, text, original, form, matches)
            for (title, text, original), form, matches in zip(originals, forms, found)]


def _routed(matcher: Matcher, title: str, text: str, original: str, form: MatchForm, matches: list[tuple]) -> Scan:
    """The document's Scan with the automaton's matches filed by what their keys stand for
    (`matches`: the automaton's (key index, start, end); start and end are passed on as the
    int objects they are, so compiled code does not box them anew)."""
    norm = form.text
    doc = Scan(title, text, form, norm.index(SEPARATOR) + 1)
    cues_end, terms_end, names_end = matcher.fast_ends   # the key groups of the fast path
    values = matcher.values
    terms, term_hits, cues, names = doc.terms, doc.term_hits, doc.cues, doc.names
    idx: int   # the loop's types, for the compiled module (classify/native.py)
    entry: Entry
    for idx, start, end in matches:
        if idx < cues_end:
            cues[values[idx]].append(start)
        elif idx < terms_end:
            entry = values[idx]
            hit: Hit = (start, end, entry)   # one object in both lists
            terms[entry.ref].append(hit)
            term_hits.append(hit)
        elif idx < names_end:
            names.append((start, end, values[idx]))
        else:
            edge = matcher.terms.edges[idx]
            if edge is None or at_boundary(norm, start, end, edge):
                _route(doc, original, start, end, matcher.routes[idx])
    return doc


def _route(doc: Scan, original: str, start: int, end: int, pairs) -> None:
    """File one match under what its key stands for (the general, slower path)."""
    for slot, entry in pairs:
        if entry.exact is not None and not matches_exact(doc.form, original, start, end, entry.exact):
            continue
        if slot == CUE:
            doc.cues[entry.ref].append(start)
        elif slot == TERM:
            hit: Hit = (start, end, entry)
            doc.terms[entry.ref].append(hit)
            doc.term_hits.append(hit)
        elif slot == NAME:
            doc.names.append((start, end, entry))
        elif slot == EXCLUSION:
            doc.exclusions[entry.ref].append((start, end, entry))
        else:
            doc.contexts.add(entry.ref)
