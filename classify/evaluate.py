"""Score the classifier on a gold set: per-code and micro P/R/F1, entity P/R, and the share of
negative items (no code) that get any label, by genre.

Gold file: JSON lines {"id", "title", "text" | "seed", "codes": [...], "entities": [[type,
canonical], ...] (optional), "entities_partial": true (optional: recall only)}. A `seed` names
a file in the gold folder's seeds/ directory, read as the text with an empty title. Corpus
items (corpus.py) have the same fields plus `genre`."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from classify.classifier import Classifier, default_classifier

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "classify_gold" / "gold.jsonl"


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    documents: int
    per_code: dict[str, Scores]
    micro: Scores
    entity_precision: Scores
    entity_recall: Scores
    errors: list[dict] = field(default_factory=list)
    negatives: dict[str, list[int]] = field(default_factory=dict)  # genre → [labelled, total]

    @property
    def negatives_labelled(self) -> float:
        """Share of negative items with any label."""
        total = sum(n for _, n in self.negatives.values())
        return sum(k for k, _ in self.negatives.values()) / total if total else 0.0

    def as_dict(self) -> dict:
        def d(s: Scores) -> dict:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
        return {"documents": self.documents, "micro": d(self.micro),
                "per_code": {c: d(s) for c, s in sorted(self.per_code.items())},
                "entities": {"precision": round(self.entity_precision.precision, 4),
                             "recall": round(self.entity_recall.recall, 4)},
                "negatives": {"labelled": round(self.negatives_labelled, 4), "by_genre": self.negatives},
                "errors": self.errors}


def read_gold(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        if "seed" in item:
            item.setdefault("title", "")
            item["text"] = (path.parent / "seeds" / item["seed"]).read_text(encoding="utf-8")
        if "codes" not in item or "text" not in item:
            raise ValueError(f"{path}:{n}: gold item needs codes and text (or seed)")
        items.append(item)
    return items


def evaluate(gold_path: str | Path | None = None, classifier: Classifier | None = None) -> EvalReport:
    """Classify every gold item and compare with its hand labels."""
    return evaluate_items(read_gold(Path(gold_path) if gold_path else DEFAULT_GOLD), classifier)


def evaluate_items(items: list[dict], classifier: Classifier | None = None) -> EvalReport:
    """Classify every item and compare with its labels."""
    classifier = classifier or default_classifier()
    codes = classifier.taxonomy.codes()
    per_code = {c: Scores() for c in codes}
    ent_p, ent_r = Scores(), Scores()
    errors: list[dict] = []
    negatives: dict[str, list[int]] = {}
    for item in items:
        result = classifier.classify(item.get("title", ""), item["text"])
        predicted = {lb.code for lb in result.labels}
        gold = set(item["codes"])
        for code in predicted | gold:
            s = per_code.setdefault(code, Scores())
            s.tp += code in predicted and code in gold
            s.fp += code in predicted and code not in gold
            s.fn += code in gold and code not in predicted
        if predicted != gold:
            errors.append({"id": item["id"], "missing": sorted(gold - predicted), "extra": sorted(predicted - gold)})
        if not gold:
            tally = negatives.setdefault(item.get("genre") or "unknown", [0, 0])
            tally[0] += bool(predicted)
            tally[1] += 1
        if "entities" in item:
            _score_entities(item, {(e.type, e.canonical) for e in result.entities}, ent_p, ent_r, errors)
    micro = Scores(*(sum(getattr(s, k) for s in per_code.values()) for k in ("tp", "fp", "fn")))
    return EvalReport(len(items), per_code, micro, ent_p, ent_r, errors, dict(sorted(negatives.items())))


def _score_entities(item: dict, predicted: set, ent_p: Scores, ent_r: Scores, errors: list) -> None:
    gold = {tuple(e) for e in item["entities"]}
    found = gold & predicted
    ent_r.tp += len(found)
    ent_r.fn += len(gold - predicted)
    if not item.get("entities_partial"):
        ent_p.tp += len(found)
        ent_p.fp += len(predicted - gold)
    if gold - predicted or (not item.get("entities_partial") and predicted - gold):
        errors.append({"id": item["id"], "entities_missing": sorted(map(list, gold - predicted)),
                       "entities_extra": [] if item.get("entities_partial") else sorted(map(list, predicted - gold))})


def count_codes(items: list[dict]) -> Counter:
    return Counter(code for item in items for code in item["codes"])


def compare(sets: dict[str, list[dict]], classifiers: dict[str, Classifier]) -> dict[str, dict[str, EvalReport]]:
    """Every item set under every classifier, in one run: {set: {classifier: report}}."""
    return {name: {label: evaluate_items(items, clf) for label, clf in classifiers.items()}
            for name, items in sets.items()}


def report_from_dict(data: dict) -> EvalReport:
    """An EvalReport rebuilt from `as_dict()` output (e.g. another revision's `eval --json`);
    entity scores keep their rates only (as tp/fp/fn of a 1,000-item scale)."""
    def s(d: dict) -> Scores:
        return Scores(d["tp"], d["fp"], d["fn"])
    per_code = {c: s(d) for c, d in data["per_code"].items()}
    ent = data.get("entities", {})
    ent_p = Scores(round(1000 * ent.get("precision", 0.0)), 1000 - round(1000 * ent.get("precision", 0.0)), 0)
    ent_r = Scores(round(1000 * ent.get("recall", 0.0)), 0, 1000 - round(1000 * ent.get("recall", 0.0)))
    negatives = {g: list(v) for g, v in data.get("negatives", {}).get("by_genre", {}).items()}
    return EvalReport(data["documents"], per_code, s(data["micro"]), ent_p, ent_r, data.get("errors", []), negatives)
