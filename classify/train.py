"""Train stage 2 (the focus model) and write its weights as JSON (`futurewatch classify train`).

Examples are the stage-1 candidates of the hand gold set plus the corpus train and dev
splits: a candidate is positive when its code is among the item's labels. scikit-learn's
LogisticRegression (L2, lbfgs) is fitted on standardised features; C is chosen from a small
grid by 5-fold cross-validation over the corpus items (the gold set is always in the training
part; ties: the smaller C), then the model is fitted on everything. The test split is never
read here. Training takes seconds on one core; scikit-learn is needed only here (the `train`
extra).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from classify.classifier import Classifier, Options
from classify.corpus import read_corpus
from classify.evaluate import DEFAULT_GOLD, read_gold
from classify.focus import FEATURES, MODEL_PATH, final_codes, listed
from futurewatch.core.taxonomy import read_taxonomy

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)


@dataclass
class Examples:
    rows: list[list[float]]
    labels: list[int]
    item_of: list[int]          # index of the item each row came from
    codes: list[str]
    gold: list[set[str]]        # per item
    absorbed: list[str | None] = field(default_factory=list)   # per row: Track.absorbed_by
    support: list[float] = field(default_factory=list)         # per row: the stage-1 score
    listed: list[bool] = field(default_factory=list)           # per row: focus.listed


def build_examples(stage1: Classifier, items: list[dict]) -> Examples:
    ex = Examples([], [], [], [], [])
    for i, item in enumerate(items):
        gold = set(item["codes"])
        ex.gold.append(gold)
        doc, tracks, rows = stage1.candidates(item.get("title", ""), item["text"])
        for track, row in zip(tracks, rows):
            ex.rows.append(row)
            ex.labels.append(int(track.code in gold))
            ex.item_of.append(i)
            ex.codes.append(track.code)
            ex.absorbed.append(track.absorbed_by)
            ex.support.append(track.score)
            ex.listed.append(listed(doc, track, tracks))
    return ex


def micro_scores(ex: Examples, probs: list[float], threshold: float, *, absorb: bool = True) -> dict:
    """Micro P/R/F1 over items (gold codes stage 1 never proposed count as misses); with
    `absorb`, the labels are decided as stage 2 does: a kept combined track replaces the parts
    it absorbed, and subordinate labels (focus.subordinates) are dropped."""
    predicted = decide(ex, probs, threshold) if absorb else [set() for _ in ex.gold]
    if not absorb:
        for i, code, p in zip(ex.item_of, ex.codes, probs):
            if p >= threshold:
                predicted[i].add(code)
    tp = sum(len(p & g) for p, g in zip(predicted, ex.gold))
    fp = sum(len(p - g) for p, g in zip(predicted, ex.gold))
    fn = sum(len(g - p) for p, g in zip(predicted, ex.gold))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}


def decide(ex: Examples, probs: list[float], threshold: float) -> list[set[str]]:
    """Per item, the labels stage 2 gives (focus.final_codes, as Classifier._decide)."""
    kept: list[dict[str, float]] = [{} for _ in ex.gold]
    absorbed: list[dict[str, str | None]] = [{} for _ in ex.gold]
    listed: list[set[str]] = [set() for _ in ex.gold]
    for i, code, p, support, by, in_list in zip(ex.item_of, ex.codes, probs, ex.support, ex.absorbed, ex.listed):
        if p >= threshold:
            kept[i][code], absorbed[i][code] = support, by
            if in_list:
                listed[i].add(code)
    return [final_codes(k, a, s.__contains__) for k, a, s in zip(kept, absorbed, listed)]


def reliability(ex: Examples, probs: list[float], bins: int = 5) -> list[dict]:
    """Per probability bin: count, mean predicted probability, observed share of positives."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = [(p, y) for p, y in zip(probs, ex.labels) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if sel:
            out.append({"bin": f"{lo:.1f}–{hi:.1f}", "n": len(sel), "predicted": round(sum(p for p, _ in sel) / len(sel), 3),
                        "observed": round(sum(y for _, y in sel) / len(sel), 3)})
    return out


def fit(train: Examples, c: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(train.rows, dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, np.asarray(train.labels))
    return {"coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]),
            "mean": mean.tolist(), "scale": scale.tolist()}


def predict(params: dict, ex: Examples) -> list[float]:
    import numpy as np

    if not ex.rows:
        return []
    x = (np.asarray(ex.rows, dtype=float) - params["mean"]) / params["scale"]
    z = x @ np.asarray(params["coef"]) + params["intercept"]
    return (1 / (1 + np.exp(-z))).tolist()


def train_model(corpus: str | Path | None = None, out: str | Path = MODEL_PATH, *,
                threshold: float = 0.5, gold: str | Path = DEFAULT_GOLD, allow_missing: bool = False) -> dict:
    """Choose C by cross-validation over the corpus train + dev splits (the gold set is in
    every fold's training part), fit on all of them, fold a Platt map fitted on the
    out-of-fold probabilities into the weights, write the weights file; returns the report
    written into it. `threshold` is the decision point on the fitted (uncalibrated) logistic
    output; the weights file stores its calibrated equivalent, so decisions do not move."""
    stage1 = Classifier(read_taxonomy(), Options(focus=False))
    gold_items = read_gold(Path(gold))
    corpus_items = read_corpus(corpus, ("train", "dev"), allow_missing=allow_missing)
    fixed, pool = build_examples(stage1, gold_items), build_examples(stage1, corpus_items)
    everything = _join(fixed, pool)
    if len(set(everything.labels)) < 2:
        raise ValueError("training needs positive and negative candidates")
    trials = []
    for c in C_GRID:
        probs = cross_validated(fixed, pool, c)
        trials.append((micro_scores(pool, probs, threshold)["f1"], -c, c, probs))
    _, _, best_c, raw_probs = max(trials, key=lambda t: (t[0], t[1]))
    cv_probs = cross_calibrated(pool, raw_probs)
    a, b = platt(raw_probs, pool.labels)   # (1, 0) with too few candidates
    params = calibrated(fit(everything, best_c), a, b)
    shipped = round(_map(threshold, a, b), 4)
    report = {
        "C": best_c, "threshold": {"uncalibrated": threshold, "calibrated": shipped},
        "calibration": {"a": round(a, 4), "b": round(b, 4)},
        "train": {"items": len(gold_items) + len(corpus_items), "candidates": len(everything.rows),
                  "positives": sum(everything.labels)},
        "cv": {"folds": FOLDS, "items": len(corpus_items), "candidates": len(pool.rows),
               "stage2": micro_scores(pool, raw_probs, threshold),
               "stage1": micro_scores(pool, [1.0] * len(pool.rows), threshold, absorb=False),
               "negatives": negatives_labelled(pool, raw_probs, threshold),
               "reliability": reliability(pool, cv_probs), "reliability_uncalibrated": reliability(pool, raw_probs),
               "C_grid": {str(t[2]): t[0] for t in trials},
               "thresholds_uncalibrated": {str(t): micro_scores(pool, raw_probs, t)
                                           for t in (0.3, 0.4, 0.5, 0.6, 0.7)}},
        "sources": _fingerprints([Path(gold), *sorted(Path(corpus or _corpus_dir()).glob("items_*.jsonl"))]),
    }
    now = datetime.now(timezone.utc)
    data = {"version": now.strftime("focus-%Y%m%dT%H%MZ"), "trained_at": now.isoformat(timespec="seconds"),
            "features": FEATURES, **params, "threshold": shipped, "report": report}
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return report


FOLDS = 5
MIN_CALIBRATION = 50   # candidates needed to fit a calibration map


def platt(probs: list[float], labels: list[int]) -> tuple[float, float]:
    """Platt scaling: (a, b) such that sigmoid(a·z + b) is calibrated, z the logit of `probs`
    (out-of-fold probabilities of the candidates, `labels` their truth)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(labels) < MIN_CALIBRATION or len(set(labels)) < 2:
        return 1.0, 0.0
    p = np.clip(np.asarray(probs, dtype=float), 1e-6, 1 - 1e-6)
    z = np.log(p / (1 - p)).reshape(-1, 1)
    model = LogisticRegression(C=1e4, max_iter=1000).fit(z, np.asarray(labels))
    a, b = float(model.coef_[0][0]), float(model.intercept_[0])
    return (a, b) if a > 0 else (1.0, 0.0)


def _map(p: float, a: float, b: float) -> float:
    """The Platt map applied to one probability."""
    import math

    p = min(max(p, 1e-6), 1 - 1e-6)
    return 1 / (1 + math.exp(-(a * math.log(p / (1 - p)) + b)))


def calibrated(params: dict, a: float, b: float) -> dict:
    """The logistic weights with the Platt map folded in (no cost at inference)."""
    return {**params, "coef": [a * c for c in params["coef"]], "intercept": a * params["intercept"] + b}


def cross_calibrated(pool: Examples, probs: list[float]) -> list[float]:
    """Out-of-fold probabilities recalibrated fold by fold: each fold's map is fitted on the
    other folds' out-of-fold probabilities, so the reliability table is not fitted on itself."""
    out = list(probs)
    folds = [i % FOLDS for i in pool.item_of]
    for k in range(FOLDS):
        rest = [j for j, f in enumerate(folds) if f != k]
        held = [j for j, f in enumerate(folds) if f == k]
        if not held:
            continue
        a, b = platt([probs[j] for j in rest], [pool.labels[j] for j in rest])
        for j in held:
            out[j] = _map(probs[j], a, b)
    return out


def negatives_labelled(ex: Examples, probs: list[float], threshold: float) -> dict:
    """Items without a code that get any label: {"labelled", "of"}."""
    labelled = decide(ex, probs, threshold)
    negative = [i for i, g in enumerate(ex.gold) if not g]
    return {"labelled": sum(bool(labelled[i]) for i in negative), "of": len(negative)}


def cross_validated(fixed: Examples, pool: Examples, c: float) -> list[float]:
    """Out-of-fold probabilities for every candidate of `pool`: items are dealt into FOLDS
    folds in order; each fold is predicted by a model fitted on `fixed` and the other folds."""
    probs = [0.0] * len(pool.rows)
    for k in range(FOLDS):
        held = [i % FOLDS == k for i in pool.item_of]
        if not any(held):
            continue
        part = _subset(pool, [not h for h in held])
        params = fit(_join(fixed, part), c)
        for j, p in zip([j for j, h in enumerate(held) if h], predict(params, _subset(pool, held))):
            probs[j] = p
    return probs


def _subset(ex: Examples, chosen: list[bool]) -> Examples:
    """The candidates where `chosen` is true (item indices kept as they are)."""
    pick = [j for j, c in enumerate(chosen) if c]
    return Examples([ex.rows[j] for j in pick], [ex.labels[j] for j in pick], [ex.item_of[j] for j in pick],
                    [ex.codes[j] for j in pick], ex.gold, [ex.absorbed[j] for j in pick], [ex.support[j] for j in pick],
                    [ex.listed[j] for j in pick])


def _join(a: Examples, b: Examples) -> Examples:
    n = len(a.gold)
    return Examples(a.rows + b.rows, a.labels + b.labels, a.item_of + [i + n for i in b.item_of],
                    a.codes + b.codes, a.gold + b.gold, a.absorbed + b.absorbed, a.support + b.support,
                    a.listed + b.listed)


def _corpus_dir() -> Path:
    from classify.corpus import CORPUS_DIR

    return CORPUS_DIR


def _fingerprints(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in paths if p.exists()}
