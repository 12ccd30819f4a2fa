"""Could track-dense classification be cut without native code? The figures behind the seventh
round in docs/performance.md, on bench.classify's articles, in process (CPU time, best of 3):

  - stage 2: candidates per article, how many reach the threshold, and the median distance of
    their logit from the threshold's (an early exit could skip only the candidates below it:
    a kept label's score is printed, so its features are all needed);
  - stage 1: term hits per article and those beyond `max_per_term` (what deduplicating per term
    before routing could drop);
  - one `classify` call per article against `classify_batch` over batches of 8, 32 and 128
    articles (each step over the batch in turn: what `classify --jsonl` does with 8 waiting lines);
  - the scan and the automaton pass alone, and each right after a whole `classify` call of
    another article (what the other steps cost them in the caches).

`python -m bench.classify_cuts [--lines 3000] [--news]`
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time

from bench.classify import build_articles, news_texts


def best_us(step, items, rounds: int = 3) -> float:
    """µs per item of `step(item)` over all items, best of `rounds`."""
    best = math.inf
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            step(item)
        best = min(best, time.process_time() - start)
    return best * 1e6 / len(items)


def after_classify_us(clf, step, docs, inputs) -> float:
    """µs per item of `step(input)` timed right after a whole classify call of another article."""
    total, clock = 0, time.thread_time_ns
    for k, arg in enumerate(inputs):
        clf.classify(*docs[k - 1])
        start = clock()
        step(arg)
        total += clock() - start
    return total / 1e3 / len(inputs) - _clock_cost()


def _clock_cost() -> float:
    clock, start = time.thread_time_ns, time.perf_counter()
    for _ in range(10000):
        clock()
    return (time.perf_counter() - start) * 1e6 / 10000


def main(argv: list[str]) -> int:
    from classify.classifier import default_classifier
    from classify.scan import scan_document
    from classify.tracks import select_tracks
    from futurewatch.core.termmatch import match_form

    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=3000)
    ap.add_argument("--news", action="store_true", help="articles cut from the real pages of general news sites")
    args = ap.parse_args(argv)
    clf = default_classifier()
    docs = [(i["title"], i["text"]) for i in build_articles(args.lines, news_texts() if args.news else None)]
    scans = [scan_document(clf.matcher, t, x) for t, x in docs]
    tracks = [select_tracks(s, clf.options.weights, clf.options.thresholds, clf.compounds) for s in scans]
    probs = [clf.model.probabilities(s, t, clf.parents) for s, t in zip(scans, tracks)]
    z_cut = math.log(clf.threshold / (1 - clf.threshold))
    margins = [abs(math.log(p / (1 - p)) - z_cut) for ps in probs for p in ps if 0 < p < 1]
    most = clf.options.weights.max_per_term
    beyond = sum(max(0, sum(h[2].term == term for h in hits) - most)
                 for s in scans for hits in s.terms.values() for term in {h[2].term for h in hits})
    n = len(docs)
    print(f"{n:,} articles; per article: {sum(map(len, tracks)) / n:.2f} candidates, "
          f"{sum(p >= clf.threshold for ps in probs for p in ps) / n:.2f} at or above the threshold "
          f"({clf.threshold}), median |logit - threshold's| {statistics.median(margins):.1f}; "
          f"{sum(len(s.term_hits) for s in scans) / n:.1f} term hits, {beyond / n:.1f} beyond max_per_term")
    print("\n| classify | µs per article |\n|---|---:|")
    one_call = best_us(lambda d: clf.classify(*d), docs)
    print(f"| one call per article | {one_call:.0f} |")
    batched = {}
    for size in (8, 32, 128):
        batches = [docs[k:k + size] for k in range(0, n, size)]
        batched[size] = best_us(clf.classify_batch, batches) / size
        print(f"| classify_batch, batches of {size} | {batched[size]:.0f} |")
    forms = [match_form(t + "\0" + x).text for t, x in docs]
    scan_alone = best_us(lambda d: scan_document(clf.matcher, *d), docs)
    automaton_alone = best_us(clf.matcher.terms.scan, forms)
    print("\n| step | alone | after a classify call |\n|---|---:|---:|")
    print(f"| scan | {scan_alone:.0f} | {after_classify_us(clf, lambda d: scan_document(clf.matcher, *d), docs, docs):.0f} |")
    print(f"| automaton pass | {automaton_alone:.0f} | {after_classify_us(clf, clf.matcher.terms.scan, docs, forms):.0f} |")
    print(f"RESULT articles={n} one_call_us={one_call:.0f} "
          + " ".join(f"batch{size}_us={us:.0f}" for size, us in batched.items())
          + f" scan_us={scan_alone:.0f} automaton_us={automaton_alone:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
