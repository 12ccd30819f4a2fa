"""Stage 2: is a candidate track an industry, technology or policy focus of the text?

A logistic model over features that describe the text and the candidate, never particular
phrases (docs/taxonomy.md, "Stage 2" lists them):
- genre of the whole text: density of each cue word class (data/cues.yaml: industry, policy,
  consumer, entertainment, education, lifestyle, background, market) and whether the title
  holds one;
- where and how much the track occurs: stage-1 score, title / lead hits, position of the first
  hit, hits per 1,000 characters, share of the text covered, distinct terms, strong vs weak
  terms, items of enumerations, rank and share among the candidates, passages naming several
  candidates, a combined candidate that absorbs this one;
- context: the share of the track's hits with a focus cue (industry, policy, market) nearby,
  and with an other-genre cue nearby (the hit's block of BLOCK characters and either side);
- sentences (focus_signals.py): the share of sentences naming the track, whether it occurs only
  inside the top candidate's sentences, relation words (相当于, 应用于, 搭载 …) before its hits;
- the code itself (a learned prior per track).
Inference is a dot product in plain Python over weights shipped in data/focus_model.json
(trained by `futurewatch classify train`, classify/train.py); the logistic output is
recalibrated by a Platt map folded into those weights.

After the decision, `subordinates` drops a label that another kept label stands for, by the
track relations of data/relations.yaml (a general track beside a specific one, a component
beside a track whose products contain it), unless it is named as a list item.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache
from operator import mul
from pathlib import Path
from typing import Final

import yaml

from classify.focus_signals import SIGNAL_FEATURES, signal_rows
from classify.scan import Scan
from classify.matcher import Entry
from classify.tracks import LIST_MARKS, Track, in_list
from futurewatch.core.taxonomy import CONTRACT_CODES, WEAK_WEIGHT

DATA_DIR = Path(__file__).with_name("data")
MODEL_PATH = DATA_DIR / "focus_model.json"
CUE_CLASSES = ("industry", "policy", "consumer", "entertainment", "education", "lifestyle", "background", "market")
BLOCK: Final = 32      # context = cues in a hit's block of 32 characters and the blocks either side
MAX_HITS: Final = 4    # per-hit features look at a track's first 4 counted hits
ENUM_REACH: Final = 16  # a hit is an item of an enumeration when 、 occurs twice within 16 characters
_MIN_LEN: Final = 200  # densities of very short texts are taken over at least this many characters

DOC_FEATURES = (["log_text_len", "n_tracks", "genre_balance"] + [f"genre_{c}" for c in CUE_CLASSES]
                + [f"title_{c}" for c in CUE_CLASSES])
TRACK_FEATURES = [
    "log_score", "in_title", "title_strong", "in_lead", "first_pos", "log_hits", "hit_density", "coverage",
    "log_distinct", "strong_share", "list_share", "top_track", "score_share", "term_len", "ratio_to_top",
    "first_mentioned", "sibling_stronger", "near_focus", "near_other", "enum_share", "shared_clause", "other_in_title",
    "log_rank", "absorbed", "passing_mention",
]
FEATURES = DOC_FEATURES + TRACK_FEATURES + SIGNAL_FEATURES + [f"code_{c}" for c in CONTRACT_CODES]


@lru_cache(maxsize=1)
def load_cues() -> dict[str, list[str]]:
    data = yaml.safe_load((DATA_DIR / "cues.yaml").read_text(encoding="utf-8"))
    missing = set(CUE_CLASSES) - set(data)
    if missing:
        raise ValueError(f"cues.yaml lacks the classes {sorted(missing)}")
    return {c: list(dict.fromkeys(str(w) for w in data[c])) for c in CUE_CLASSES}


@dataclass
class _Context:
    """What every candidate of one document shares."""

    text_len: int          # characters of the text (at least _MIN_LEN)
    focus_cues: list[int]  # sorted starts of the focus-class cues (industry, policy, market)
    other_cues: list[int]  # sorted starts of the other-genre cues
    code_blocks: list[int]  # per BLOCK: bit mask of the candidates (by rank) with a counted hit in it
    first_hit: int         # earliest counted hit of any candidate
    top_score: float
    total_score: float
    parents: dict[str, str]     # code → national parent
    best_by_parent: dict[str, float]
    in_title: int          # how many candidates occur in the title
    enum_marks: bool       # does the text hold a 、 (else no hit is an item of an enumeration)


def document_features(doc: Scan, tracks: list[Track], parents: dict[str, str]) -> tuple[list[float], _Context]:
    """The document part of the features, and the context shared by its candidates."""
    text_len = max(doc.text_len, _MIN_LEN)
    split, cues = doc.split, doc.cues
    counts: list[int] = []
    in_title: list[float] = []
    focus: list[int] = []
    other: list[int] = []
    for cls in CUE_CLASSES:   # a class's starts: the title's first (the scan reports by end), then the text's
        starts = cues.get(cls, ())
        in_title_n = bisect_left(starts, split) if starts else 0   # partitioned at `split`: bisect finds the border
        counts.append(len(starts) - in_title_n)
        in_title.append(in_title_n and 1.0 or 0.0)
        if starts:
            (focus if cls in _FOCUS else other).extend(starts)
    focus.sort()
    other.sort()
    row = [math.log1p(doc.text_len / 100), float(len(tracks)), _balance(counts)]
    row += [math.log1p(1000 * c / text_len) for c in counts]
    row += in_title
    best: dict[str, float] = {}
    code_blocks = [0] * (len(doc.form.text) // BLOCK + 3)   # spare blocks: code_blocks[-1] and the last are empty
    first_hit, total, titled = len(doc.form.text), 0.0, 0
    for rank, t in enumerate(tracks):
        parent = parents.get(t.code, t.code)
        best[parent] = max(best.get(parent, 0.0), t.score)
        total += t.score
        _, name, (first, _, _) = t.counted[0]
        first_hit = min(first_hit, first)
        titled += name == "title"
        for _, _, h in t.counted[:MAX_HITS]:
            code_blocks[h[0] // BLOCK] |= 1 << rank
    ctx = _Context(text_len, focus, other, code_blocks, first_hit, tracks[0].score, total or 1.0, parents, best,
                   titled, "、" in doc.form.text)
    return row, ctx


def track_features(doc: Scan, track: Track, rank: int, ctx: _Context) -> list[float]:
    counted = track.counted
    hits = counted[:MAX_HITS]
    n = len(hits) or 1
    split, text, text_len, code_blocks = doc.split, doc.form.text, ctx.text_len, ctx.code_blocks
    focus, other, size, enum_marks = ctx.focus_cues, ctx.other_cues, len(text), ctx.enum_marks
    n_focus_cues, n_other_cues = len(focus), len(other)
    others = ~(1 << rank)
    in_title = counted[0][1] == "title"
    in_lead = title_strong = False
    first, n_body, covered, n_strong, n_list, n_enum, n_shared = doc.text_len, 0, 0, 0, 0, 0, 0
    n_focus = n_other = 0
    terms = set()
    name: str   # the loop's types, for the compiled module (classify/native.py)
    start: int
    end: int
    entry: Entry
    for _, name, h in hits:   # counts kept with ifs: cheaper than adding bools; in_list and _enumerated inlined
        start, end, entry = h
        if entry.weight > WEAK_WEIGHT:
            n_strong += 1
            if name == "title":
                title_strong = True
        if (start and text[start - 1] in LIST_MARKS) or (end < size and text[end] in LIST_MARKS):
            n_list += 1
        terms.add(entry.term)
        if name != "title":
            if name == "lead":
                in_lead = True
            if start - split < first:
                first = start - split
            n_body += 1
            covered += end - start
        b = start // BLOCK   # a cue near the hit: in its block of BLOCK characters or the blocks either side
        low, high = (b - 1) * BLOCK, (b + 2) * BLOCK
        i = bisect_left(focus, low)
        if i < n_focus_cues and focus[i] < high:
            n_focus += 1
        i = bisect_left(other, low)
        if i < n_other_cues and other[i] < high:
            n_other += 1
        if enum_marks:   # _enumerated
            marks = text.count("、", start - ENUM_REACH if start > ENUM_REACH else 0, end + ENUM_REACH)
            if marks >= 2 or (marks and text.find("等", end, end + ENUM_REACH) >= 0):
                n_enum += 1
        if (code_blocks[b - 1] | code_blocks[b] | code_blocks[b + 1]) & others:   # code_blocks[-1] is a spare 0
            n_shared += 1
    longest = max(map(len, terms))
    score = track.score
    return [   # x and 1.0 or 0.0: float(x) without a call
        math.log1p(score), in_title and 1.0 or 0.0, title_strong and 1.0 or 0.0, in_lead and 1.0 or 0.0,
        first / max(doc.text_len, 1), math.log1p(len(counted)), math.log1p(1000 * n_body / text_len),
        100 * covered / text_len, math.log1p(len(terms)), n_strong / n, n_list / n,
        rank == 0 and 1.0 or 0.0, score / ctx.total_score, min(longest, 8) / 8,
        score / ctx.top_score, counted[0][2][0] <= ctx.first_hit and 1.0 or 0.0,
        ctx.best_by_parent[ctx.parents.get(track.code, track.code)] > score and 1.0 or 0.0,
        n_focus / n, n_other / n, n_enum / n, n_shared / n, (not in_title and ctx.in_title > 0) and 1.0 or 0.0,
        math.log1p(rank), track.absorbed_by is not None and 1.0 or 0.0,
        (rank > 0 and not in_title and len(terms) == 1 and score < 0.5 * ctx.top_score) and 1.0 or 0.0,
    ]


def _enumerated(text: str, start: int, end: int) -> bool:
    """Is the hit an item of an enumeration: 、 twice within ENUM_REACH characters, or once
    with a following 等? (track_features has it inlined.)"""
    marks = text.count("、", max(start - ENUM_REACH, 0), end + ENUM_REACH)
    return marks >= 2 or (marks > 0 and text.find("等", end, end + ENUM_REACH) >= 0)


def listed(doc: Scan, track: Track, tracks: list[Track]) -> bool:
    """Is the track an item of a list of tracks: one of its first MAX_HITS counted hits an
    item of a list or an enumeration with another candidate's hit within 2 × ENUM_REACH
    characters (人工智能、集成电路、生物医药 …)? Lists count: such a track is a label of its own."""
    text = doc.form.text
    near = 2 * ENUM_REACH
    others = None   # the other candidates' counted hits' starts, sorted once the first item is found
    for _, _, h in track.counted[:MAX_HITS]:
        start = h[0]
        if in_list(text, h) or _enumerated(text, start, h[1]):
            if others is None:
                others = sorted([o[2][0] for t in tracks if t is not track for o in t.counted])
            i = bisect_left(others, start - near)   # the first at or after start - near: is it in reach?
            if i < len(others) and others[i] <= start + near:
                return True
    return False


_FOCUS = frozenset(("industry", "policy", "market"))   # the other classes: consumer, entertainment, education,
                                                         # lifestyle, background


def _balance(amounts: list[int]) -> float:
    """log of (focus cues + 1) / (other-genre cues + 1), amounts in CUE_CLASSES order:
    industry and policy against consumer, entertainment, education, lifestyle and background."""
    return math.log((amounts[0] + amounts[1] + 1) / (amounts[2] + amounts[3] + amounts[4] + amounts[5] + amounts[6] + 1))


_CODE_ROWS = {c: [1.0 if c == other else 0.0 for other in CONTRACT_CODES] for c in CONTRACT_CODES}


def feature_rows(doc: Scan, tracks: list[Track], parents: dict[str, str]) -> list[list[float]]:
    """One feature vector per candidate, in FEATURES order; `parents`: code → its national
    parent (tracks under one parent are siblings)."""
    if not tracks:
        return []
    doc_row, ctx = document_features(doc, tracks, parents)
    signals = signal_rows(doc, tracks)
    zeros = [0.0] * len(CONTRACT_CODES)
    return [doc_row + track_features(doc, t, rank, ctx) + signals[rank] + _CODE_ROWS.get(t.code, zeros)
            for rank, t in enumerate(tracks)]


@dataclass(frozen=True)
class FocusModel:
    """Logistic model with the standardisation folded into the weights, split by feature part
    so a document's part is summed once for all its candidates and a code's is one lookup."""

    version: str
    doc_weights: tuple[float, ...]
    track_weights: tuple[float, ...]
    signal_weights: tuple[float, ...]
    code_weights: dict[str, float]
    bias: float
    threshold: float

    def probabilities(self, doc: Scan, tracks: list[Track], parents: dict[str, str]) -> list[float]:
        """The focus probability of every candidate (same as probability() of feature_rows)."""
        return self.probabilities_batch([(doc, tracks)], parents)[0]

    def probabilities_batch(self, docs: list[tuple[Scan, list[Track]]], parents: dict[str, str]) -> list[list[float]]:
        """probabilities() of each (scan, candidates), each step over the batch in turn (document
        features, sentence signals, then the candidates): its code and data stay in the caches."""
        found = [(doc, tracks) for doc, tracks in docs if tracks]
        firsts = [document_features(doc, tracks, parents) for doc, tracks in found]
        signals = [signal_rows(doc, tracks) for doc, tracks in found]
        bias, doc_weights = self.bias, self.doc_weights
        track_weights, signal_weights, code_weights = self.track_weights, self.signal_weights, self.code_weights
        results = []
        for (doc, tracks), (doc_row, ctx), rows in zip(found, firsts, signals):
            base = bias + sum(map(mul, doc_weights, doc_row))
            out = []
            for rank, t in enumerate(tracks):
                z = base + sum(map(mul, track_weights, track_features(doc, t, rank, ctx)))
                z += sum(map(mul, signal_weights, rows[rank]))
                z += code_weights.get(t.code, 0.0)
                out.append(1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0)   # _sigmoid
            results.append(out)
        done = iter(results)
        return [next(done) if tracks else [] for _, tracks in docs]

    def probability(self, row: list[float]) -> float:
        """Of one full feature vector (FEATURES order)."""
        weights = (self.doc_weights + self.track_weights + self.signal_weights
                   + tuple(self.code_weights[c] for c in CONTRACT_CODES))
        return _sigmoid(self.bias + sum(map(mul, weights, row)))


@lru_cache(maxsize=1)
def load_relations() -> dict[str, frozenset[str]]:
    """code → the tracks that stand for it when kept with a score at least as high: its
    narrower tracks and the tracks whose products contain it (data/relations.yaml)."""
    data = yaml.safe_load((DATA_DIR / "relations.yaml").read_text(encoding="utf-8")) or {}
    out: dict[str, set[str]] = {}
    for relation in ("narrower", "part_of"):
        for code, others in (data.get(relation) or {}).items():
            out.setdefault(code, set()).update(others)
    unknown = (set(out) | set().union(*out.values())) - set(CONTRACT_CODES)
    if unknown:
        raise ValueError(f"relations.yaml names unknown codes {sorted(unknown)}")
    return {code: frozenset(others) for code, others in out.items()}


def subordinates(kept: dict[str, float], listed: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Of the kept labels (code → stage-1 score), those another kept label stands for: a
    general track when a specific one scores at least as high (biomedicine beside
    brain_computer), a component when a track whose products contain it does (integrated
    circuits beside nev). The corpus guideline labels the specific track or the product only;
    but lists count, so a track named as an item of a list (`listed`) is kept."""
    relations = load_relations()
    out = set()
    for code, score in kept.items():
        over = relations.get(code)
        if over is not None and code not in listed:
            for other in over:
                if other in kept and kept[other] >= score:
                    out.add(code)
                    break
    return out


def final_codes(kept: dict[str, float], absorbed_by: Mapping[str, str | None],
                is_listed: Callable[[str], bool]) -> set[str]:
    """Stage 2's last step, over the codes the threshold kept (code → stage-1 score): a kept
    combined track replaces the parts it absorbed (a kept AI+生物医药 stands for the ai and
    biomedicine named only where they meet), then a general track or a component beside the
    specific track or the product is dropped (`subordinates`), unless `is_listed(code)`."""
    codes = {code: score for code, score in kept.items() if absorbed_by.get(code) not in kept}
    return set(codes) - {code for code in subordinates(codes) if not is_listed(code)}


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def read_model(path: str | Path = MODEL_PATH) -> FocusModel:
    """The shipped (or given) weights; a file for another feature list is refused."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("features") != FEATURES:
        raise ValueError(f"{path}: trained for other features; retrain with `futurewatch classify train`")
    coef, mean, scale = data["coef"], data["mean"], data["scale"]
    weights = [c / s for c, s in zip(coef, scale)]
    bias = data["intercept"] - sum(w * m for w, m in zip(weights, mean))
    nd, nt, ns = len(DOC_FEATURES), len(TRACK_FEATURES), len(SIGNAL_FEATURES)
    codes = dict(zip(CONTRACT_CODES, weights[nd + nt + ns:]))
    return FocusModel(data["version"], tuple(weights[:nd]), tuple(weights[nd:nd + nt]),
                      tuple(weights[nd + nt:nd + nt + ns]), codes, bias, float(data["threshold"]))
