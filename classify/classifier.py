"""Multi-label classification with evidence and calibrated scores, plus entities, for one
title + text.

Stage 1 (tracks.py) proposes candidate tracks with evidence from the term matcher; stage 2
(focus.py) keeps a candidate when the text is about it as an industry, technology or policy
(probability ≥ the model's threshold). A label's score is that probability; with
`Options(focus=False)` the classifier is stage 1 alone and a label's score is the stage-1 sum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from classify.entities import Entity, batch_entities, build_entity_entries, document_entities
from classify.evidence import Evidence
from classify.focus_signals import SIGNAL_CUES
from classify.focus import FocusModel, feature_rows, final_codes, listed, load_cues, read_model
from classify.matcher import Matcher, build_entry
from classify.scan import Scan, scan_document, scan_documents
from classify.tracks import Track, Weights, round3, select_tracks
from futurewatch.core.taxonomy import Taxonomy, read_taxonomy


@dataclass(frozen=True)
class Options:
    weights: Weights = field(default_factory=Weights)
    thresholds: dict[str, float] = field(default_factory=dict)  # per-code stage-1 overrides
    focus: bool = True                   # stage 2 on
    focus_threshold: float | None = None  # None: the model's own
    model_path: Path | None = None        # None: the shipped weights
    max_evidence: int = 5


class Label(NamedTuple):
    code: str
    score: float                 # stage 2: calibrated probability in [0, 1]
    evidence: tuple[Evidence, ...]
    support: float = 0.0         # the stage-1 score


class Result(NamedTuple):
    labels: tuple[Label, ...]
    entities: tuple[Entity, ...]


class Classifier:
    """Built once per taxonomy; `classify(title, text)` is then pure and thread-safe."""

    def __init__(self, taxonomy: Taxonomy, options: Options | None = None):
        self.taxonomy = taxonomy
        self.options = o = options or Options()
        entries = list(build_entity_entries())
        for cat in taxonomy.categories:
            entries += [build_entry("term", cat.code, t, w) for t, w in cat.terms]
            entries += [build_entry("exclusion", cat.code, t) for t in cat.exclusions]
            entries += [build_entry("context", cat.code, t) for t in cat.contexts]
        for cls, words in (load_cues() | SIGNAL_CUES).items():
            entries += [build_entry("cue", cls, w) for w in words]
        self.matcher = Matcher(entries)
        self.parents = {c.code: c.views.get("national", c.code) for c in taxonomy.categories}
        self.compounds = {c.code: c.combines for c in taxonomy.categories if c.combines}
        self.model: FocusModel | None = read_model(o.model_path) if o.focus and o.model_path else (
            default_model() if o.focus else None)
        self.threshold = o.focus_threshold if o.focus_threshold is not None else (
            self.model.threshold if self.model else 0.0)

    def classify(self, title: str, text: str, entities: bool = True) -> Result:
        """Labels and (unless `entities` is False: a reclassification that keeps the stored ones) entities."""
        return self.classify_batch([(title, text)], entities)[0]

    def classify_batch(self, docs: list[tuple[str, str]], entities: bool = True) -> list[Result]:
        """classify() of each (title, text), each step over the whole batch in turn: its code and
        tables stay in the caches from one document to the next (batches of about 8: larger
        batches' own data no longer fit them)."""
        o = self.options
        scans = scan_documents(self.matcher, [(title or "", text or "") for title, text in docs])
        tracks = [select_tracks(doc, o.weights, o.thresholds, self.compounds) for doc in scans]
        if self.model is None:
            labels = [self._labels(doc, [(t, t.score) for t in found]) for doc, found in zip(scans, tracks)]
        else:
            probs = self.model.probabilities_batch(list(zip(scans, tracks)), self.parents)
            labels = [self._decide(doc, found, p) for doc, found, p in zip(scans, tracks, probs)]
        found = batch_entities(scans, o.weights.lead_chars) if entities else [()] * len(scans)
        return [_new(Result, (tuple(lb), tuple(ents))) for lb, ents in zip(labels, found)]

    def candidates(self, title: str, text: str) -> tuple[Scan, list[Track], list[list[float]]]:
        """Stage 1 alone: the scan, the candidates and each one's stage-2 feature vector (for training)."""
        doc = scan_document(self.matcher, title or "", text or "")
        tracks = select_tracks(doc, self.options.weights, self.options.thresholds, self.compounds)
        return doc, tracks, feature_rows(doc, tracks, self.parents)

    def _decide(self, doc: Scan, tracks: list[Track], probs: list[float]) -> list[Label]:
        """Stage 2's labels from the candidates' focus probabilities."""
        if not tracks:
            return []
        threshold = self.threshold
        kept = [(t, round3(p)) for t, p in zip(tracks, probs) if p >= threshold]
        if len(kept) > 1:   # one label alone is neither absorbed nor subordinate
            by_code = {t.code: t for t, _ in kept}
            codes = final_codes({c: t.score for c, t in by_code.items()},
                                {c: t.absorbed_by for c, t in by_code.items() if t.absorbed_by is not None},
                                lambda code: listed(doc, by_code[code], tracks))
            if len(codes) < len(kept):
                kept = [k for k in kept if k[0].code in codes]
            kept.sort(key=_LABEL_ORDER)
        return self._labels(doc, kept)

    def _labels(self, doc: Scan, kept: list[tuple[Track, float]]) -> list[Label]:
        """Labels with evidence (offset mapping only for kept labels, in one call): the heaviest
        matches first, then the earliest (title, lead, body order follows position)."""
        n = self.options.max_evidence
        best = [sorted(t.counted, key=_WEIGHT, reverse=True)[:n] for t, _ in kept]   # stable: by position
        spans = iter(doc.source_spans([(h[0], h[1]) for hits in best for _, _, h in hits]))
        return [_new(Label, (t.code, score, tuple([Evidence(h[2].term, name, a, b)
                                                   for (_, name, h), (_, a, b) in zip(hits, spans)]), t.score))
                for (t, score), hits in zip(kept, best)]

    def _entities(self, doc: Scan) -> list[Entity]:
        return document_entities(doc, self.options.weights.lead_chars)


_new = tuple.__new__   # a NamedTuple without its Python-level __new__
_LABEL_ORDER = lambda k: (-k[1], k[0].code)   # of a kept (track, score): by score, then code
_WEIGHT = itemgetter(0)   # of a counted (weight, field, hit); a track's counted hits are in position order


@lru_cache(maxsize=1)
def default_model() -> FocusModel:
    return read_model()


@lru_cache(maxsize=4)
def default_classifier() -> Classifier:
    """The classifier for the packaged taxonomy with default options."""
    return Classifier(read_taxonomy())
