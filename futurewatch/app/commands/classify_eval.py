"""`futurewatch eval` tables: stage 1 alone and stage 1+2 side by side (fits 80 columns)."""

from __future__ import annotations

from typing import Callable

from classify.classifier import Classifier, Options, default_classifier
from classify.evaluate import EvalReport, compare

STAGES = ("stage1", "stage2")
STAGE_NAMES = {"stage1": "stage 1", "stage2": "stage 1+2"}


def compare_classifiers(sets: dict[str, list[dict]]) -> dict[str, dict[str, EvalReport]]:
    clf = default_classifier()
    stage1 = Classifier(clf.taxonomy, Options(focus=False))
    return compare(sets, {"stage1": stage1, "stage2": clf})


def print_reports(reports: dict[str, dict[str, EvalReport]], echo: Callable[[str], None]) -> None:
    echo(f"{'set':18} {'classifier':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}  negatives")
    for name, by in reports.items():
        for stage in STAGES:
            r = by[stage]
            m = r.micro
            labelled = sum(k for k, _ in r.negatives.values())
            total = sum(n for _, n in r.negatives.values())
            echo(f"{name + f' ({r.documents})':18} {STAGE_NAMES[stage]:10} {m.precision:6.3f} {m.recall:6.3f} "
                 f"{m.f1:6.3f} {m.tp:5} {m.fp:4} {m.fn:4}  {labelled}/{total}")
    for name, by in reports.items():
        echo("")
        _per_code(name, by, echo)
        _by_genre(name, by, echo)
    gold = reports.get("gold", {}).get("stage2")
    if gold is not None:
        echo(f"\nentities on gold: precision {gold.entity_precision.precision:.3f} "
             f"recall {gold.entity_recall.recall:.3f}")


def _per_code(name: str, by: dict[str, EvalReport], echo) -> None:
    echo(f"per code, {name}:")
    echo(f"{'code':20} {'stage 1  P':>10} {'R':>6} {'F1':>6}   {'stage 1+2  P':>12} {'R':>6} {'F1':>6}")
    for code in sorted(by["stage1"].per_code):
        a, b = by["stage1"].per_code[code], by["stage2"].per_code[code]
        if a.tp + a.fp + a.fn + b.tp + b.fp + b.fn == 0:
            continue
        echo(f"{code:20} {a.precision:10.3f} {a.recall:6.3f} {a.f1:6.3f}   "
             f"{b.precision:12.3f} {b.recall:6.3f} {b.f1:6.3f}")


def _by_genre(name: str, by: dict[str, EvalReport], echo) -> None:
    genres = sorted(set(by["stage1"].negatives) | set(by["stage2"].negatives))
    if not genres:
        return
    echo(f"negatives with any label, by genre, {name}:")
    echo(f"{'genre':20} {'items':>6} {'stage 1':>10} {'stage 1+2':>10}")
    for genre in genres:
        a = by["stage1"].negatives.get(genre, [0, 0])
        b = by["stage2"].negatives.get(genre, [0, 0])
        echo(f"{genre:20} {a[1]:6} {a[0]:10} {b[0]:10}")
