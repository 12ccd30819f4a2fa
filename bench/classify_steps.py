"""The steps of `classify --jsonl`, one of them repeated, for counting each step's instructions.

`python -m bench.classify_steps STEP REPEATS [--lines 300] [--news]` runs the steps of the
`--jsonl` loop (JSON decode, matching form, automaton, routing, stage 1, stage 2's document
features, sentence signals and candidates, labels, entities, output structs, JSON encode) over
bench.classify's articles in batches of 8, running STEP REPEATS times instead of once ("none":
no step). Under valgrind, one step's instructions per article are

    (instructions of `STEP 3` - instructions of `none 1`) / 2 / lines

e.g. `valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null python -m
bench.classify_steps labels 3` with PYTHONHASHSEED=0 and OPENBLAS_NUM_THREADS=1 (figures:
docs/performance.md, eleventh round). Counts of a step repeat within ≈ 0.3 %; whole runs of
the loop, which the garbage collector and the allocator's state move by ≈ ±1.5 %, do not.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from operator import mul

STEPS = ("decode", "fold", "automaton", "routing", "stage1", "document", "signals", "candidates", "labels",
         "names", "patterns", "entities", "render", "encode")


def main(argv: list[str]) -> int:
    import msgspec

    from bench.classify import build_articles, news_texts
    from classify.classifier import Result, default_classifier
    from classify.entities import _placed, extract_pattern_entities, select_dictionary_hits
    from classify.focus import document_features, track_features
    from classify.focus_signals import signal_rows
    from classify.scan import SEPARATOR, _routed
    from classify.tracks import select_tracks
    from futurewatch.app.commands.classify_lines import render_result
    from futurewatch.core.termmatch import match_forms

    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=("none",) + STEPS)
    ap.add_argument("repeats", type=int)
    ap.add_argument("--lines", type=int, default=300)
    ap.add_argument("--news", action="store_true")
    args = ap.parse_args(argv)
    items = build_articles(args.lines, news_texts() if args.news else None)
    raws = [json.dumps(i, ensure_ascii=False).encode() for i in items]
    clf = default_classifier()
    o, model, parents = clf.options, clf.model, clf.parents
    encode = msgspec.json.Encoder().encode

    def run(name, step):
        out = step()
        for _ in range(args.repeats - 1 if name == args.step else 0):
            out = step()
        return out

    def candidates(found, firsts, signals):   # FocusModel.probabilities_batch after its first two steps
        out = []
        for (doc, tracks), (doc_row, ctx), rows in zip(found, firsts, signals):
            base = model.bias + sum(map(mul, model.doc_weights, doc_row))
            probs = []
            for rank, t in enumerate(tracks):
                z = base + sum(map(mul, model.track_weights, track_features(doc, t, rank, ctx)))
                z += sum(map(mul, model.signal_weights, rows[rank])) + model.code_weights.get(t.code, 0.0)
                probs.append(1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0)
            out.append(probs)
        return out

    for k in range(0, len(raws), 8):
        batch = raws[k:k + 8]
        lines = run("decode", lambda: [msgspec.json.decode(r) for r in batch])
        docs = [(str(i.get("title") or ""), str(i.get("text") or "")) for i in lines]
        originals = [(title, text, title + SEPARATOR + text) for title, text in docs]
        forms = run("fold", lambda: match_forms([x[2] for x in originals]))
        matches = run("automaton", lambda: [clf.matcher.terms.scan(f.text) for f in forms])
        scans = run("routing", lambda: [_routed(clf.matcher, t, x, j, f, m)
                                        for (t, x, j), f, m in zip(originals, forms, matches)])
        tracks = run("stage1", lambda: [select_tracks(d, o.weights, o.thresholds, clf.compounds) for d in scans])
        found = [(d, t) for d, t in zip(scans, tracks) if t]
        firsts = run("document", lambda: [document_features(d, t, parents) for d, t in found])
        signals = run("signals", lambda: [signal_rows(d, t) for d, t in found])
        done = iter(run("candidates", lambda: candidates(found, firsts, signals)))
        probs = [next(done) if t else [] for t in tracks]
        labels = run("labels", lambda: [clf._decide(d, t, p) for d, t, p in zip(scans, tracks, probs)])
        names = run("names", lambda: [select_dictionary_hits(d.names, d.form) for d in scans])
        patterns = run("patterns", lambda: [list(extract_pattern_entities(d.form, d.title + SEPARATOR + d.text))
                                            for d in scans])
        entities = run("entities", lambda: [_placed(d, n, list(p), o.weights.lead_chars)
                                            for d, n, p in zip(scans, names, patterns)])
        results = [Result(tuple(lb), tuple(e)) for lb, e in zip(labels, entities)]
        out = run("render", lambda: [render_result(i.get("id"), r) for i, r in zip(lines, results)])
        run("encode", lambda: b"\n".join([encode(x) for x in out]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
