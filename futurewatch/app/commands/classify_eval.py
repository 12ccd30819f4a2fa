"""`futurewatch eval` tables: stage 1 alone and stage 1+2 side by side (fits 80 columns), and
optionally the classifier of another git revision ("before": its code and its weights) in
the same run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from classify.classifier import Classifier, Options, default_classifier
from classify.evaluate import EvalReport, Scores, compare, report_from_dict
from futurewatch.core.revisions import export_revision

STAGES = ("stage1", "stage2")
STAGE_NAMES = {"stage1": "stage 1", "stage2": "stage 1+2", "before": "before"}


def before_reports(rev: str, args: list[str]) -> dict[str, EvalReport]:
    """The stage 1+2 reports of revision `rev` (its code and its weights) on the same sets:
    the revision is exported with `git archive` into a temporary folder and its own
    `futurewatch eval --json` runs there with `args` (which must name the gold file, corpus
    folder and split explicitly, so both sides read the same items)."""
    with tempfile.TemporaryDirectory(prefix="fw-before-") as tmp:
        try:
            export_revision(rev, Path(tmp))
        except ValueError as exc:
            raise ValueError(f"--before {rev}: {exc}") from None
        env = {**os.environ, "PYTHONPATH": tmp}
        proc = subprocess.run([sys.executable, "-c", "from futurewatch.app.cli import run_cli; run_cli()",
                               "eval", "--json", *args], cwd=tmp, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ValueError(f"--before {rev}: its eval failed: {proc.stderr.strip().splitlines()[-1:]}")
    data = json.loads(proc.stdout)
    return {name: report_from_dict(by["stage2"]) for name, by in data.items()}


def compare_classifiers(sets: dict[str, list[dict]]) -> dict[str, dict[str, EvalReport]]:
    clf = default_classifier()
    stage1 = Classifier(clf.taxonomy, Options(focus=False))
    return compare(sets, {"stage1": stage1, "stage2": clf})


def print_reports(reports: dict[str, dict[str, EvalReport]], echo: Callable[[str], None]) -> None:
    """Micro figures of every classifier; per code and negatives by genre for the last two
    (stage 1 and stage 1+2, or before and stage 1+2 when a previous revision is compared)."""
    echo(f"{'set':18} {'classifier':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}  negatives")
    for name, by in reports.items():
        for stage in by:
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


def _pair(by: dict[str, EvalReport]) -> tuple[str, str]:
    return ("before" if "before" in by else "stage1"), "stage2"


def _per_code(name: str, by: dict[str, EvalReport], echo) -> None:
    left, right = _pair(by)
    echo(f"per code, {name}:")
    echo(f"{'code':20} {STAGE_NAMES[left] + '  P':>10} {'R':>6} {'F1':>6}   {'stage 1+2  P':>12} {'R':>6} {'F1':>6}")
    for code in sorted(set(by[left].per_code) | set(by[right].per_code)):
        a, b = by[left].per_code.get(code, Scores()), by[right].per_code.get(code, Scores())
        if a.tp + a.fp + a.fn + b.tp + b.fp + b.fn == 0:
            continue
        echo(f"{code:20} {a.precision:10.3f} {a.recall:6.3f} {a.f1:6.3f}   "
             f"{b.precision:12.3f} {b.recall:6.3f} {b.f1:6.3f}")


def _by_genre(name: str, by: dict[str, EvalReport], echo) -> None:
    genres = sorted(set().union(*(r.negatives for r in by.values())))
    if not genres:
        return
    echo(f"negatives with any label, by genre, {name}:")
    echo(f"{'genre':20} {'items':>6}" + "".join(f" {STAGE_NAMES[s]:>10}" for s in by))
    for genre in genres:
        counts = [by[s].negatives.get(genre, [0, 0]) for s in by]
        echo(f"{genre:20} {max(c[1] for c in counts):6}" + "".join(f" {c[0]:10}" for c in counts))
