"""The held-out set (holdout.jsonl): jargon-heavy texts and traps written before the 2025.2
vocabulary. Its first score (before any change) is in docs/quality-classify.md; the vocabulary
was then broadened with it in view, so this floor guards against regressions, not overfitting.
Floor = the 2025.2 micro F1 (0.970) minus 0.05, rounded down."""

from pathlib import Path

from classify.evaluate import count_codes, evaluate, read_gold
from futurewatch.core.taxonomy import CONTRACT_CODES

HOLDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "classify_gold" / "holdout.jsonl"
MICRO_F1_FLOOR = 0.92
NEGATIVE_PRECISION_FLOOR = 0.80  # share of trap/negative items that get no label at all


def test_holdout_covers_every_code_and_has_traps():
    items = read_gold(HOLDOUT)
    counts = count_codes(items)
    assert all(counts[code] >= 2 for code in CONTRACT_CODES), counts
    negatives = [i for i in items if not i["codes"]]
    assert len(negatives) >= 20
    assert sum("traditional" in i["note"] for i in items) >= 10


def test_holdout_meets_the_floor():
    report = evaluate(HOLDOUT)
    assert report.micro.f1 >= MICRO_F1_FLOOR, report.as_dict()["micro"]
    items = {i["id"]: i for i in read_gold(HOLDOUT)}
    labelled_negatives = {e["id"] for e in report.errors if e.get("extra") and not items[e["id"]]["codes"]}
    negatives = [i for i in items.values() if not i["codes"]]
    assert 1 - len(labelled_negatives) / len(negatives) >= NEGATIVE_PRECISION_FLOOR, sorted(labelled_negatives)
