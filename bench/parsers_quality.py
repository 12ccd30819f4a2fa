"""Parser quality per set, ours against trafilatura on the same pages in one run.

Run: .venv/bin/python -m bench.parsers_quality [--write]
Sets: real pages of other sites, real pages of our sources, and the constructed sets
(parsers/evaluate.py describes them). Prints the markdown table, then one line
`RESULT key=value …` with, per set, body F1 (ours and trafilatura), title accuracy, and date
coverage and accuracy. --write regenerates docs/quality-parsers.md from the same run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from parsers import evaluate

DOC = Path(__file__).resolve().parents[1] / "docs" / "quality-parsers.md"
_SHORT = {evaluate.REAL_OTHER: "real_other", evaluate.REAL_OURS: "real_ours",
          evaluate.CONSTRUCTED_OTHER: "constructed_other", evaluate.CONSTRUCTED_OURS: "constructed_ours", "all": "all"}
_FIELDS = (("generic_f1", "f1"), ("trafilatura_f1", "traf_f1"), ("generic_title_accuracy", "title"),
           ("trafilatura_title_accuracy", "traf_title"), ("generic_date_coverage", "date_cov"),
           ("generic_date_precision", "date_acc"), ("trafilatura_date_coverage", "traf_date_cov"),
           ("trafilatura_date_precision", "traf_date_acc"))


def result_line(summary: dict, seconds: float) -> str:
    parts = []
    for group, short in _SHORT.items():
        if group not in summary:
            continue
        s = summary[group]
        parts.append(f"{short}_pages={s['pages']}")
        parts += [f"{short}_{name}={s[key]:.3f}" for key, name in _FIELDS if s[key] is not None]
    return "RESULT " + " ".join(parts) + f" seconds={seconds:.1f}"


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    result = evaluate.evaluate()
    print(evaluate.render_markdown(result))
    if "--write" in argv:
        DOC.write_text(evaluate.render_doc(result), "utf-8")
    print(result_line(result["summary"], time.perf_counter() - started))


if __name__ == "__main__":
    main(sys.argv[1:])
