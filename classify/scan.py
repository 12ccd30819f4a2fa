"""One scan of a document: the matching form of title + text (joined by a NUL that no key
contains, so one automaton pass serves both fields) and its hits sorted by kind.

Positions are in the matching form; `source_spans` turns them into offsets into the title or
the text as published."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from classify.matcher import CUE, EXCLUSION, NAME, TERM, Hit, Matcher, matches_exact
from futurewatch.core.termmatch import MatchForm, at_boundary, match_form

SEPARATOR = "\x00"


@dataclass
class Scan:
    title: str
    text: str
    form: MatchForm
    split: int                      # matching-form offset where the text starts
    terms: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    exclusions: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    contexts: set[str] = field(default_factory=set)
    cues: list[tuple[int, str]] = field(default_factory=list)   # (start, cue class)
    names: list[Hit] = field(default_factory=list)   # org and place entries
    term_hits: list[Hit] = field(default_factory=list)

    @property
    def text_len(self) -> int:
        return len(self.form.text) - self.split

    def source_spans(self, pairs: list[tuple[int, int]]) -> list[tuple[bool, int, int]]:
        """(in the title?, start, end) in that field's original text, per (start, end) pair."""
        shift = len(self.title) + 1
        split = self.split
        return [(s < split, a, b) if s < split else (False, a - shift, b - shift)
                for (s, _), (a, b) in zip(pairs, self.form.spans(pairs))]


def scan_document(matcher: Matcher, title: str, text: str) -> Scan:
    """Match title and text in one pass and sort the hits by what they stand for."""
    if SEPARATOR in title or SEPARATOR in text:
        title, text = title.replace(SEPARATOR, " "), text.replace(SEPARATOR, " ")
    original = title + SEPARATOR + text
    form = match_form(original)
    norm = form.text
    doc = Scan(title, text, form, norm.index(SEPARATOR) + 1)
    edges, routes, fast, refs = matcher.terms.edges, matcher.routes, matcher.fast, matcher.refs
    terms, term_hits, cues, names = doc.terms, doc.term_hits, doc.cues, doc.names
    for idx, start, end in matcher.terms.scan(norm):
        slot = fast[idx]
        if slot == CUE:
            cues.append((start, refs[idx]))
        elif slot == TERM:
            hit = (start, end, routes[idx][0][1])
            terms[refs[idx]].append(hit)
            term_hits.append(hit)
        elif slot == NAME:
            names.append((start, end, routes[idx][0][1]))
        elif edges[idx] is None or at_boundary(norm, start, end, edges[idx]):
            _route(doc, original, start, end, routes[idx])
    return doc


def _route(doc: Scan, original: str, start: int, end: int, pairs) -> None:
    """File one match under what its key stands for (the general, slower path)."""
    for slot, entry in pairs:
        if entry.exact is not None and not matches_exact(doc.form, original, start, end, entry.exact):
            continue
        if slot == CUE:
            doc.cues.append((start, entry.ref))
        elif slot == TERM:
            hit = (start, end, entry)
            doc.terms[entry.ref].append(hit)
            doc.term_hits.append(hit)
        elif slot == NAME:
            doc.names.append((start, end, entry))
        elif slot == EXCLUSION:
            doc.exclusions[entry.ref].append((start, end, entry))
        else:
            doc.contexts.add(entry.ref)
