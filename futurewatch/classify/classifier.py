"""Multi-label classification with evidence, plus entities, for one title + text.

Score of a code = Σ over its surviving matches of term weight × field weight, at most
`max_per_term` matches per term. Field weights: title > lead > body > deep body, so a track
named in the headline or first lines counts at once, one named once deep in a long text
does not. Matches die when an exclusion of the code overlaps them (量子位, 扫地机器人), when a
longer match of the same code contains them (量子 inside 量子计算), or, for weak terms, when
one of the code's trap contexts occurs anywhere (a phone review's 芯片).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from futurewatch.classify.entities import (
    Entity, build_entity_entries, extract_pattern_entities, select_dictionary_hits,
)
from futurewatch.classify.matcher import Hit, Matcher, build_entry
from futurewatch.classify.normalize import Normalized, normalize
from futurewatch.taxonomy.model import WEAK_WEIGHT, Taxonomy, read_taxonomy


@dataclass(frozen=True)
class Options:
    threshold: float = 1.0
    thresholds: dict[str, float] = field(default_factory=dict)  # per-code overrides
    title_weight: float = 2.5
    lead_weight: float = 1.5
    body_weight: float = 1.0
    deep_weight: float = 0.6
    lead_chars: int = 300
    deep_after: int = 3000
    max_per_term: int = 3
    max_evidence: int = 5


@dataclass(frozen=True)
class Evidence:
    term: str
    field: str     # title | lead | body
    start: int     # character offsets into that field's original text (title or text)
    end: int


@dataclass(frozen=True)
class Label:
    code: str
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Result:
    labels: tuple[Label, ...]
    entities: tuple[Entity, ...]


@dataclass
class _Field:
    name: str           # title | text
    original: str
    norm: Normalized
    hits: list[Hit]


class Classifier:
    """Built once per taxonomy; `classify(title, text)` is then pure and thread-safe."""

    def __init__(self, taxonomy: Taxonomy, options: Options | None = None):
        self.taxonomy = taxonomy
        self.options = options or Options()
        entries = list(build_entity_entries())
        for cat in taxonomy.categories:
            entries += [build_entry("term", cat.code, t, w) for t, w in cat.terms]
            entries += [build_entry("exclusion", cat.code, t) for t in cat.exclusions]
            entries += [build_entry("context", cat.code, t) for t in cat.contexts]
        self.matcher = Matcher(entries)

    def classify(self, title: str, text: str) -> Result:
        fields = [self._scan("title", title or ""), self._scan("text", text or "")]
        labels = self._labels(fields)
        entities = [e for f in fields for e in self._entities(f)]
        return Result(tuple(labels), tuple(entities))

    def _scan(self, name: str, original: str) -> _Field:
        norm = normalize(original)
        return _Field(name, original, norm, self.matcher.find(norm, original) if norm.text else [])

    def _labels(self, fields: list[_Field]) -> list[Label]:
        per_code: dict[str, list[tuple[_Field, Hit]]] = defaultdict(list)
        blocks: dict[str, list[tuple[_Field, Hit]]] = defaultdict(list)
        contexts: set[str] = set()
        for f in fields:
            for h in f.hits:
                entry = h[2]
                kind = entry.kind
                if kind == "term":
                    per_code[entry.ref].append((f, h))
                elif kind == "exclusion":
                    blocks[entry.ref].append((f, h))
                elif kind == "context":
                    contexts.add(entry.ref)
        if not per_code:
            return []
        labels = []
        dominated = _dominated(fields)
        for code, hits in per_code.items():
            kept = _surviving(hits, blocks.get(code, ()), dominated, drop_weak=code in contexts)
            label = self._score(code, kept)
            if label:
                labels.append(label)
        labels.sort(key=lambda lb: (-lb.score, lb.code))
        return labels

    def _score(self, code: str, kept: list[tuple[_Field, Hit]]) -> Label | None:
        """Score from the kept hits; evidence (offset mapping) only for a label that passes."""
        o = self.options
        max_per_term = o.max_per_term
        counts: dict[str, int] = {}
        score = 0.0
        weighted: list[tuple[float, str, _Field, Hit]] = []
        for f, h in kept:
            entry = h[2]
            seen = counts[entry.term] = counts.get(entry.term, 0) + 1
            if seen > max_per_term:
                continue
            # position in the normalised text: close enough for lead/deep, and no mapping
            if f.name == "title":
                name, fw = "title", o.title_weight
            elif h[0] < o.lead_chars:
                name, fw = "lead", o.lead_weight
            elif h[0] < o.deep_after or _in_list(f.norm.text, h):
                name, fw = "body", o.body_weight
            else:
                name, fw = "body", o.deep_weight
            w = entry.weight * fw
            score += w
            weighted.append((w, name, f, h))
        if score + 1e-9 < o.thresholds.get(code, o.threshold):
            return None
        weighted.sort(key=lambda ev: (-ev[0], _FIELD_ORDER[ev[1]], ev[3][0]))
        return Label(code, round(score, 3), tuple(
            Evidence(h[2].term, name, *f.norm.span(h[0], h[1])) for _, name, f, h in weighted[: o.max_evidence]
        ))

    def _entities(self, f: _Field) -> list[Entity]:
        found = list(extract_pattern_entities(f.norm, f.original))
        inside_title = _covered_test([(s, e) for t, s, e, _ in found if t in ("policy_title", "doc_number")])
        for start, end, entry in select_dictionary_hits(f.hits, f.norm):
            if not inside_title(start, end):  # names inside 《…》 or a 文号 belong to it
                found.append((entry.kind, start, end, entry.ref))
        if not found:
            return []
        found.sort(key=lambda x: (x[1], x[0]))
        original, lead_chars = f.original, self.options.lead_chars
        in_title = f.name == "title"
        out = []
        for (etype, _, _, canonical), (a, b) in zip(found, f.norm.spans([(x[1], x[2]) for x in found])):
            field_name = "title" if in_title else ("lead" if a < lead_chars else "body")
            out.append(Entity(etype, original[a:b], canonical, field_name, a, b))
        return out


def _covered_test(spans: list[tuple[int, int]]):
    """A test `(start, end) -> bool`: does any of `spans` contain start..end?"""
    if not spans:
        return lambda start, end: False
    spans.sort()
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end among spans starting so far

    def covered(start: int, end: int) -> bool:
        i = bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end
    return covered


_FIELD_ORDER = {"title": 0, "lead": 1, "body": 2}
_LIST_MARKS = "、/"


def _in_list(text: str, h: Hit) -> bool:
    """A match that is an item of an enumeration (X、Y、Z): a list of industries counts in full."""
    start, end = h[0], h[1]
    return (start > 0 and text[start - 1] in _LIST_MARKS) or (end < len(text) and text[end] in _LIST_MARKS)


def _dominated(fields: list[_Field]) -> set[int]:
    """ids of term hits strictly inside a longer term hit of any code: 生物医药 inside
    AI+生物医药, 机器人 inside 手术机器人. A code that owns the longer term keeps that hit."""
    out: set[int] = set()
    for f in fields:
        terms = sorted((h for h in f.hits if h[2].kind == "term"), key=lambda h: (h[0], -h[1]))
        max_end, max_start = -1, -1
        for h in terms:
            start, end = h[0], h[1]
            if max_end >= end and (max_start != start or max_end != end):
                out.add(id(h))
            if end > max_end:
                max_end, max_start = end, start
    return out


def _surviving(hits, blocks, dominated: set[int], *, drop_weak: bool):
    """Matches of one code left after exclusions, containment and trap contexts."""
    out = []
    for f, h in hits:
        if id(h) in dominated or (drop_weak and h[2].weight <= WEAK_WEIGHT):
            continue
        if blocks and any(bf is f and b[0] < h[1] and h[0] < b[1] and not _contains(h, b) for bf, b in blocks):
            continue
        out.append((f, h))
    return out


def _contains(outer: Hit, inner: Hit) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and (outer[1] - outer[0]) > (inner[1] - inner[0])


@lru_cache(maxsize=4)
def default_classifier() -> Classifier:
    """The classifier for the packaged taxonomy with default options."""
    return Classifier(read_taxonomy())
