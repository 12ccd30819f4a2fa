"""The markdown report and the RESULT line of bench.load_search."""

from __future__ import annotations

from bench.machine import machine


def load_rows(stages: list[dict]) -> list[str]:
    rows = ["| stage | versions | MB | seconds | MB/s (wall) | MB per CPU-second | load average |",
            "|---|---:|---:|---:|---:|---:|---|"]
    for s in stages:
        ld = s["load"]
        rows.append(f"| {ld['first']:,}–{ld['last']:,} | {ld['last'] - ld['first'] + 1:,} | {ld['mb']:.0f}"
                    f" | {ld['seconds']:.0f} | {ld['mb_s']:.2f} | {ld['cpu_mb_s']:.2f} | {ld['load']} |")
    return rows


def search_rows(stage: dict) -> list[str]:
    rows = ["| query | n | median matches | ranked p50 | ranked p95 | plans | LIKE p50 | LIKE / ranked |",
            "|---|---:|---:|---:|---:|---|---:|---:|"]
    for name, r in stage["results"].items():
        plans = ", ".join(f"{k} {v}" for k, v in sorted(r["plans"].items()))
        rows.append(f"| {name} | {r['n']} | {r['matches']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {plans}"
                    f" | {r['like_p50']:.0f} | {r['speedup']:.0f}× |")
    return rows


def growth_rows(stages: list[dict]) -> list[str]:
    small, large = stages
    size = lambda s: f"{s['load']['last']:,}"  # noqa: E731
    rows = [f"| stage | at {size(small)} | at {size(large)} | growth (size ×{large['load']['last'] / small['load']['last']:.0f}) |",
            "|---|---:|---:|---:|",
            f"| load, seconds per MB | {1 / small['load']['mb_s']:.2f} | {1 / large['load']['mb_s']:.2f}"
            f" | {small['load']['mb_s'] / large['load']['mb_s']:.2f}× |"]
    for name, r in large["results"].items():
        before = small["results"][name]
        rows.append(f"| {name}: ranked p95 ms | {before['p95']:.1f} | {r['p95']:.1f} | {r['p95'] / before['p95']:.2f}× |")
    return rows


def common_words_line(versions: int, words: dict) -> str:
    appended = "、".join(words["added"]) or "none"
    return (f"Common words listed at {versions:,} versions (`futurewatch db common-keys --add`, the weekly DAG's"
            f" step; not in the load rate): {len(words['added'])} appended ({appended}), {words['listed']} listed,"
            f" {words['rewritten']:,} versions rewritten, {words['seconds']:.0f} s. Later versions are written with"
            f" the absence keys of every listed word: load rates are not comparable to a run without --common-words.")


def render(stages: list[dict], args) -> tuple[str, str]:
    final = stages[-1]
    mb = sum(s["load"]["mb"] for s in stages)
    seconds = sum(s["load"]["seconds"] for s in stages)
    cpu_rate = mb / (sum(s["load"]["mb"] / s["load"]["cpu_mb_s"] for s in stages if s["load"]["cpu_mb_s"]) or 1.0)
    worst = max(r["p95"] for r in final["results"].values())
    ratio = min(r["speedup"] for r in final["results"].values())
    lines = ["# bench.load_search: bulk load and Chinese search at two sizes", "",
             f"Machine: {machine()}. PostgreSQL 16: {final['size'].get('settings', '')}. {args.note}", "",
             f"Command: `.venv/bin/python -m bench.load_search --docs {args.docs} --workers {args.workers}"
             f" --queries {args.queries} --like {args.like}{' --common-words' if args.common_words else ''}"
             f"{' --write' if args.write else ''}`", "",
             "## Load (batch writer, index and VACUUM ANALYZE included)", "", *load_rows(stages), "",
             f"Heap+TOAST {final['size']['table_mb']:.0f} MB, bigram index {final['size']['index_mb']:.0f} MB.", ""]
    for stage in stages:
        lines += [f"## Search at {stage['load']['last']:,} versions (ms)", "", *search_rows(stage), ""]
        if words := stage.get("common_words"):
            lines += [common_words_line(stage["load"]["last"], words), ""]
    if len(stages) == 2:
        lines += ["## Growth", "", *growth_rows(stages), ""]
    result = (f"RESULT docs={final['load']['last']} load_mb_s={mb / seconds:.2f} load_cpu_mb_s={cpu_rate:.2f}"
              f" search_p95_ms={worst:.1f} like_ratio_min={ratio:.1f}")
    return "\n".join(lines), result
