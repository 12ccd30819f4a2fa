"""Train stage 2 (the focus model) and write its weights as JSON (`futurewatch classify train`).

Examples are the stage-1 candidates of the hand gold set plus the corpus train split: a
candidate is positive when its code is among the item's labels. scikit-learn's
LogisticRegression (L2, lbfgs) is fitted on standardised features for each C in a small grid;
the C with the best micro F1 on the corpus dev split is kept (ties: the smaller C). Training
takes seconds on one core; scikit-learn is needed only here (the `train` extra).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from futurewatch.classify.classifier import Classifier, Options
from futurewatch.classify.corpus import read_corpus
from futurewatch.classify.evaluate import DEFAULT_GOLD, read_gold
from futurewatch.classify.focus import FEATURES, MODEL_PATH
from futurewatch.taxonomy.model import read_taxonomy

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


@dataclass
class Examples:
    rows: list[list[float]]
    labels: list[int]
    item_of: list[int]          # index of the item each row came from
    codes: list[str]
    gold: list[set[str]]        # per item


def build_examples(stage1: Classifier, items: list[dict]) -> Examples:
    ex = Examples([], [], [], [], [])
    for i, item in enumerate(items):
        gold = set(item["codes"])
        ex.gold.append(gold)
        tracks, rows = stage1.candidates(item.get("title", ""), item["text"])
        for track, row in zip(tracks, rows):
            ex.rows.append(row)
            ex.labels.append(int(track.code in gold))
            ex.item_of.append(i)
            ex.codes.append(track.code)
    return ex


def micro_scores(ex: Examples, probs: list[float], threshold: float) -> dict:
    """Micro P/R/F1 over items (gold codes stage 1 never proposed count as misses)."""
    predicted: list[set[str]] = [set() for _ in ex.gold]
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
                threshold: float = 0.5, gold: str | Path = DEFAULT_GOLD) -> dict:
    """Fit, choose C on dev, write the weights file; returns the report written into it."""
    stage1 = Classifier(read_taxonomy(), Options(focus=False))
    train_items = read_gold(Path(gold)) + read_corpus(corpus, ("train",))
    dev_items = read_corpus(corpus, ("dev",))
    train, dev = build_examples(stage1, train_items), build_examples(stage1, dev_items)
    if len(set(train.labels)) < 2:
        raise ValueError("training needs positive and negative candidates")
    trials = []
    for c in C_GRID:
        params = fit(train, c)
        trials.append((micro_scores(dev, predict(params, dev), threshold)["f1"], -c, c, params))
    _, _, best_c, params = max(trials, key=lambda t: (t[0], t[1]))
    dev_probs = predict(params, dev)
    report = {
        "C": best_c, "threshold": threshold,
        "train": {"items": len(train_items), "candidates": len(train.rows), "positives": sum(train.labels)},
        "dev": {"items": len(dev_items), "candidates": len(dev.rows), "stage2": micro_scores(dev, dev_probs, threshold),
                "stage1": micro_scores(dev, [1.0] * len(dev.rows), threshold),
                "reliability": reliability(dev, dev_probs), "C_grid": {str(t[2]): t[0] for t in trials},
                "thresholds": {str(t): micro_scores(dev, dev_probs, t) for t in (0.3, 0.4, 0.5, 0.6, 0.7)}},
        "sources": _fingerprints([Path(gold), *sorted(Path(corpus or _corpus_dir()).glob("items_*.jsonl"))]),
    }
    now = datetime.now(timezone.utc)
    data = {"version": now.strftime("focus-%Y%m%dT%H%MZ"), "trained_at": now.isoformat(timespec="seconds"),
            "features": FEATURES, **params, "threshold": threshold, "report": report}
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return report


def _corpus_dir() -> Path:
    from futurewatch.classify.corpus import CORPUS_DIR

    return CORPUS_DIR


def _fingerprints(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in paths if p.exists()}
