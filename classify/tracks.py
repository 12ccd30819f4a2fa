"""Stage 1: candidate tracks with evidence, tuned for recall.

Score of a code = Σ over its surviving matches of term weight × field weight, at most
`max_per_term` matches per term. Field weights: title > lead > body > deep body, so a track
named in the headline or first lines counts at once, one named once deep in a long text
does not. Matches die when an exclusion of the code overlaps them (量子位, 扫地机器人), when a
longer match of any code contains them (量子 inside 量子计算), or, for weak terms, when one
of the code's trap contexts occurs anywhere (a phone review's 芯片). A code whose score
reaches the threshold is a candidate; stage 2 (focus.py) decides whether it is a focus.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import floor
from operator import attrgetter, itemgetter
from typing import Final

from classify.matcher import Entry, Hit
from classify.scan import Scan
from futurewatch.core.taxonomy import WEAK_WEIGHT


@dataclass(frozen=True)
class Weights:
    threshold: float = 1.0
    title: float = 2.5
    lead: float = 1.5
    body: float = 1.0
    deep: float = 0.6
    lead_chars: int = 300
    deep_after: int = 3000
    max_per_term: int = 3
    compound_reach: int = 40   # parts of a combined track (ai + biomedicine) meet within 40 characters


@dataclass(slots=True)
class Track:
    """A candidate: its score and the counted matches as (weight, field, hit)."""

    code: str
    score: float
    counted: list[tuple]   # (weight, field, hit); a plain tuple for the reason Hit is one
    absorbed_by: str | None = None   # a combined track that holds most of this track's hits


def select_tracks(doc: Scan, w: Weights, thresholds: dict[str, float],
                  compounds: dict[str, tuple[str, ...]] | None = None) -> list[Track]:
    """Candidates in order of score (then code). `compounds`: code → the codes it combines
    (taxonomy `combines`); such a track is also proposed where its parts meet."""
    if not doc.terms:
        return []
    dominated = _dominated(doc.term_hits)
    exclusions, contexts = doc.exclusions, doc.contexts
    text, split = doc.form.text, doc.split
    fields = (split, split + w.lead_chars, split + w.deep_after)
    scored = {}
    for code, hits in doc.terms.items():
        if code in exclusions or code in contexts:
            hits = _surviving(hits, exclusions.get(code, ()), dominated, drop_weak=code in contexts)
        elif dominated:
            hits = [h for h in hits if id(h) not in dominated]
        scored[code] = _score(text, fields, code, hits, w)
    for code, parts in (compounds or {}).items():
        met = _meeting(doc.form.text, [scored.get(p) for p in parts], w.compound_reach)
        if met:
            own = scored.get(code)
            scored[code] = Track(code, round3((own.score if own else 0.0) + met[0]),
                                 sorted((own.counted if own else []) + met[1], key=lambda c: c[2][0]))
            inside = set(map(id, met[1]))
            for p in parts:   # a part named mostly where it meets the others is absorbed
                part = scored[p]
                if 2 * sum(id(c) in inside for c in part.counted) >= len(part.counted):
                    part.absorbed_by = code
    out = [t for code, t in scored.items() if t.score + 1e-9 >= thresholds.get(code, w.threshold)]
    out.sort(key=_CODE)
    out.sort(key=_SCORE, reverse=True)   # stable: by score, highest first, then code
    return out


_CODE, _SCORE = attrgetter("code"), attrgetter("score")


def _meeting(text: str, named: list[Track | None], reach: int) -> tuple[float, list] | None:
    """Where every part has a counted hit within `reach` characters of one of the first part's,
    not as separate items of one enumeration (人工智能、生物医药): (the smallest part's weight over
    those hits, the hits), else None."""
    parts = [p for p in named if p is not None and p.counted]
    if len(parts) < len(named):
        return None
    first = parts[0].counted
    involved: list[list] = [[] for _ in parts]
    for c in first:
        near = [[o for o in p.counted if abs(o[2][0] - c[2][0]) <= reach and not _listed_apart(text, c[2], o[2])]
                for p in parts[1:]]
        if all(near):
            involved[0].append(c)
            for k, found in enumerate(near, 1):
                involved[k] += [o for o in found if o not in involved[k]]
    if not involved[0]:
        return None
    return min(sum(c[0] for c in hits) for hits in involved), [c for hits in involved for c in hits]


def _score(text: str, fields: tuple[int, int, int], code: str, kept: list[Hit], w: Weights) -> Track:
    """`fields`: where the text, its body and its deep body start in the matching form."""
    split, lead_end, deep_start = fields
    most = w.max_per_term
    counts: dict[str, int] | None = {} if len(kept) > most else None   # None: no term can pass `most`
    score = 0.0
    counted: list[tuple] = []
    start: int   # the loop's types, for the compiled module (classify/native.py)
    entry: Entry
    for h in kept:
        start, _, entry = h
        if counts is not None:
            seen = counts[entry.term] = counts.get(entry.term, 0) + 1
            if seen > most:
                continue
        if start < split:
            name, fw = "title", w.title
        elif start < lead_end:
            name, fw = "lead", w.lead
        elif start < deep_start or in_list(text, h):
            name, fw = "body", w.body
        else:
            name, fw = "body", w.deep
        weight = entry.weight * fw
        score += weight
        counted.append((weight, name, h))
    return Track(code, round3(score), counted)


def round3(x: float) -> float:
    """round(x, 3), the same float, without round()'s trip through a decimal string (≈ 0.7 µs a
    call, a dozen calls per document) where x × 1000 is clearly not halfway between two
    integers: its nearest integer n is then the rounding's, and n / 1000, correctly rounded, is
    the float that round() returns too."""
    y = x * 1000.0
    if -1e10 < y < 1e10:   # y's own rounding error is then far below the margin (and NaN is out)
        n = floor(y + 0.5)
        if n and -0.4999 < y - n < 0.4999:   # n == 0: round() keeps the sign of a negative zero
            return n / 1000.0
    return round(x, 3)


LIST_MARKS: Final = "、/"


def in_list(text: str, h: Hit) -> bool:
    """A match that is an item of an enumeration (X、Y、Z): a list of industries counts in full."""
    start, end = h[0], h[1]
    return (start > 0 and text[start - 1] in LIST_MARKS) or (end < len(text) and text[end] in LIST_MARKS)


def _listed_apart(text: str, a: Hit, b: Hit) -> bool:
    """Two hits with an enumeration mark (、) between them."""
    first, second = (a, b) if a[0] <= b[0] else (b, a)
    return "、" in text[first[1]:second[0]]


_START = itemgetter(0)


def _dominated(terms: list[Hit]) -> set[int]:
    """ids of term hits strictly inside a longer term hit of any code: 生物医药 inside
    AI+生物医药, 机器人 inside 手术机器人. A code that owns the longer term keeps that hit."""
    out: set[int] = set()
    max_end, max_start = -1, -1
    start: int   # the loop's types, for the compiled module (classify/native.py)
    end: int
    for h in sorted(reversed(terms), key=_START):   # by start, then longest first (the scan is by end)
        start, end, _ = h
        if max_end >= end and (max_start != start or max_end != end):
            out.add(id(h))
        if end > max_end:
            max_end, max_start = end, start
    return out


def _surviving(hits: list[Hit], blocks, dominated: set[int], *, drop_weak: bool) -> list[Hit]:
    """Matches of one code left after exclusions, containment and trap contexts."""
    if not (blocks or drop_weak):
        return [h for h in hits if id(h) not in dominated]
    out = []
    for h in hits:
        if id(h) in dominated or (drop_weak and h[2].weight <= WEAK_WEIGHT):
            continue
        if blocks and any(b[0] < h[1] and h[0] < b[1] and not _contains(h, b) for b in blocks):
            continue
        out.append(h)
    return out


def _contains(outer: Hit, inner: Hit) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and (outer[1] - outer[0]) > (inner[1] - inner[0])
