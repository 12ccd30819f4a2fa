"""Alert matching and digest building throughput on a synthetic archive in a throwaway PostgreSQL.

Run: .venv/bin/python -m bench.alerts [--full] [--docs N] [--rules N] [--subscribers N] [--events N]
     [--before REF] [--write]
Defaults (a few minutes): 100 rules over 20,000 documents; 100 subscribers over 10,000 events.
--full: the issue's size, 100 rules over 100,000 documents.
--before REF: every matching run is made first by the code of git revision REF (a `git archive`
copy, e.g. main), then by this code, on the same archive (in a database of its own built by REF's
migrations, so each code runs on its own schema): side by side in one run.
--alternate N (with --before): instead, only N alternating pairs of two-worker backfills at full
size, for a machine whose load drifts.
--write puts the results in docs/perf/alerts.md.
Matching, each run in its own process with its CPU seconds (that process, its workers and the
database server's backends, because the machine is shared): the backfill at half and at full size
(growth), a rerun with nothing new and a run with the newest 1 % of documents made new again,
against the backfill; then the backfill in two worker processes (alerts.parallel), by each code. Also the shared
Aho-Corasick scan against one substring search per rule term, and a full digest build (select,
render, chart, MIME, store) against rendering alone. Ends with a RESULT line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from psycopg.types.json import Jsonb

from bench.machine import machine

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "perf" / "alerts.md"
TERMS = {"embodied_ai": ["具身智能", "人形机器人", "灵巧手"], "quantum": ["量子计算", "量子通信", "量子科技"],
         "next_gen_network": ["6G", "太赫兹通信"], "ai": ["大模型", "人工智能", "智能算力"],
         "low_altitude": ["低空经济", "eVTOL", "无人机"], "hydrogen": ["氢能", "燃料电池"],
         "integrated_circuits": ["集成电路", "芯片", "半导体"], "nev": ["新能源汽车", "智能网联汽车"],
         "commercial_space": ["商业航天", "运载火箭"], "brain_computer": ["脑机接口", "类脑智能"]}
CITIES = ["广州", "深圳", "北京", "上海", "杭州", "合肥", "成都", "苏州", "东莞", "佛山"]
ORGS = ["优必选", "华为", "腾讯", "比亚迪", "大疆", "小鹏汽车", "亿航智能", "本源量子", "寒武纪", "中芯国际",
        "宇树科技", "智元机器人", "国盾量子", "广汽集团", "鹏城实验室"] + [f"新锐科技{i}号公司" for i in range(35)]
FILLER = ["会议指出，要加快推进产业高质量发展。", "相关负责人表示，将进一步优化营商环境。", "据了解，该项目总投资超过百亿元。",
          "业内人士认为，这一举措具有重要意义。", "下一步，将持续加大政策支持力度。", "記者從會上獲悉，相關工作正穩步推進。"]
PREFIXES = ["粤府", "粤府办", "粤工信", "国发", "国办发", "工信部联科", "深府", "穗府"]
ISSUERS = {"粤府": "广东省人民政府", "粤府办": "广东省人民政府办公厅", "粤工信": "广东省工业和信息化厅", "国发": "国务院",
           "国办发": "国务院办公厅", "工信部联科": "工业和信息化部", "深府": "深圳市人民政府", "穗府": "广州市人民政府"}


def start_database(home: Path) -> tuple[object, str]:
    from futurewatch.core.config import load_settings
    from futurewatch.core.db import embedded_server

    server = embedded_server(load_settings({"FUTUREWATCH_HOME": str(home)}), cleanup_mode="delete")
    return server, add_database(server, "bench_alerts")


def add_database(server, name: str, code: Path | None = None) -> str:
    """A database migrated by this code's migrations or (`code`) another revision's, taxonomy loaded."""
    import psycopg

    from futurewatch.core.db import with_database

    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # our constant names
    url = with_database(server.get_uri(), name)
    subprocess.run([sys.executable, "-c", "import sys; from futurewatch.core.migrate import apply_migrations; "
                    "from classify.taxonomy import load_taxonomy; apply_migrations(sys.argv[1]); load_taxonomy(sys.argv[1])",
                    url], env=dict(os.environ, PYTHONPATH=str(code or ROOT)), cwd=code or ROOT, check=True)
    return url


def make_document(rng: random.Random) -> tuple[str, str, list[str], list[str]]:
    codes = rng.sample(list(TERMS), rng.choice([0, 1, 1, 2]))
    orgs = rng.sample(ORGS, rng.choice([0, 1, 2]))
    parts = [f"{rng.choice(CITIES)}{rng.choice(['发布', '推进', '布局'])}{rng.choice(TERMS[c])}产业。" for c in codes]
    parts += [f"{o}参与相关项目。" for o in orgs] + rng.sample(FILLER, 4)
    rng.shuffle(parts)
    title = (f"{rng.choice(CITIES)}加快发展{rng.choice(TERMS[codes[0]])}" if codes else f"{rng.choice(CITIES)}经济动态")
    return title, "".join(parts) * 2, codes, orgs


def fill_archive(db_url: str, n_docs: int, *, start_id: int = 1, seed: int = 7) -> None:
    """Documents, versions, policy metadata, labels and entity mentions, via COPY in one transaction."""
    from futurewatch.core.db import connect

    rng = random.Random(seed + start_id)
    now = datetime.now(timezone.utc)
    with connect(db_url) as conn:
        tv = conn.execute("SELECT max(taxonomy_version_id) AS t FROM taxonomy_versions").fetchone()["t"]
        conn.execute("INSERT INTO sources (source_id, name, kind) SELECT s, s, 'news' FROM unnest(%(s)s::text[]) s "
                     "ON CONFLICT DO NOTHING", {"s": ["c114", "nanfang", "gd_gov", "govcn", "chinanews"]})
        ent = {}
        for org in ORGS:
            ent[org] = conn.execute("INSERT INTO entities (type, canonical) VALUES ('org', %(c)s) ON CONFLICT (type, canonical) "
                                    "DO UPDATE SET canonical = EXCLUDED.canonical RETURNING entity_id", {"c": org}).fetchone()["entity_id"]
        cur = conn.cursor()
        rows = {"stories": [], "documents": [], "document_versions": [], "policy_metadata": [], "classifications": [],
                "classification_runs": [], "entity_mentions": []}
        story = start_id
        for i in range(start_id, start_id + n_docs):
            title, text, codes, orgs = make_document(rng)
            if rng.random() > 0.1 or i == start_id:  # 10 % are reprints of the previous story
                story = i
                rows["stories"].append((story,))
            policy = rng.random() < 0.2
            rows["documents"].append((i, f"bench:{i}", rng.choice(["gd_gov", "govcn"]) if policy else rng.choice(["c114", "nanfang", "chinanews"]),
                                      "policy" if policy else "news", f"https://bench.example.cn/{i}.html", story, i))
            rows["document_versions"].append((i, i, 2 if rng.random() < 0.05 else 1, title, text,
                                              now - timedelta(hours=rng.uniform(0, 24 * 20)), f"h{i}", "bench.V1"))
            if policy:
                prefix = rng.choice(PREFIXES)
                rows["policy_metadata"].append((i, [ISSUERS[prefix]], f"{prefix}〔2025〕{i % 90 + 1}号",
                                                "abolished" if rng.random() < 0.02 else "in_force"))
            for c in codes:
                rows["classifications"].append((i, c, tv, 1.0, Jsonb([{"term": TERMS[c][0], "field": "text", "start": 0, "end": 2}])))
            rows["classification_runs"].append((i, tv))
            for org in orgs:
                rows["entity_mentions"].append((i, ent[org], text.find(org), text.find(org) + len(org), org))
        columns = {"stories": "story_id", "documents": "document_id, doc_key, source_id, kind, canonical_url, story_id, current_version_id",
                   "document_versions": "version_id, document_id, version_no, title, text, published_at, content_hash, parser",
                   "policy_metadata": "version_id, issuers, doc_number, validity",
                   "classifications": "version_id, code, taxonomy_version_id, score, evidence",
                   "classification_runs": "version_id, taxonomy_version_id",
                   "entity_mentions": "version_id, entity_id, start_offset, end_offset, surface"}
        for table in rows:  # table names are our constants
            with cur.copy(f"COPY {table} ({columns[table]}) FROM STDIN") as copy:
                for row in rows[table]:
                    copy.write_row(row)
        for table, column in (("stories", "story_id"), ("documents", "document_id"), ("document_versions", "version_id")):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT max({column}) FROM {table}))")


FIGURES: dict[str, float] = {}  # the RESULT line's values, filled by bench_matching


def make_rules(rng: random.Random, n: int) -> list[tuple[str, dict]]:
    terms = [t for ts in TERMS.values() for t in ts]
    kinds = [("keyword", 40), ("category", 20), ("entity", 10), ("first_seen_entity", 5), ("new_policy", 10),
             ("changed", 10), ("spike", 5)]
    out = []
    for kind, count in kinds:
        for _ in range(count):
            a, b, c = rng.sample(terms, 3)
            params = {
                "keyword": lambda: {"query": rng.choice([f"{a} OR {b}", f"{a} AND {rng.choice(CITIES)}",
                                                         f"({a} OR {b}) NOT {c}", f'"{a}产业"'])},
                "category": lambda: {"categories": [rng.choice(list(TERMS) + ["guangdong:future_electronic_info",
                                                                              "guangdong:future_intelligent_equipment"])]},
                "entity": lambda: {"names": [rng.choice(ORGS)]},
                "first_seen_entity": lambda: {"categories": [rng.choice(list(TERMS))]},
                "new_policy": lambda: rng.choice([{"doc_number_prefixes": rng.sample(PREFIXES, 2)}, {"levels": ["provincial"]},
                                                  {"issuers": ["国务院"]}]),
                "changed": lambda: {"kinds": ["policy", "news"]},
                "spike": lambda: {"categories": [rng.choice(list(TERMS))], "threshold": 1.5, "min_count": 2},
            }[kind]()
            out.append((kind, params))
    return (out * (n // len(out) + 1))[:n]


def add_subscribers(db_url: str, rules: list[tuple[str, dict]], n_subscribers: int) -> None:
    from futurewatch.core.db import connect

    with connect(db_url) as conn:
        for s in range(n_subscribers):
            conn.execute("INSERT INTO subscribers (email, cadence) VALUES (%(e)s, 'immediate')", {"e": f"s{s}@bench.example"})
        for i, (kind, params) in enumerate(rules):
            conn.execute("INSERT INTO alert_rules (subscriber_id, name, rule_type, params) VALUES (%(s)s, %(n)s, %(t)s, %(p)s)",
                         {"s": i % n_subscribers + 1, "n": f"r{i}", "t": kind, "p": Jsonb(params)})


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def server_cpu(pgdata: Path) -> float:
    """CPU seconds of the database server's finished backends (each run has its own connections)."""
    postmaster = (pgdata / "postmaster.pid").read_text().split()[0]
    fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime + cstime


def own_cpu() -> float:
    """CPU seconds of this process and its finished children (the alert workers)."""
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def forget_events(url: str) -> None:
    """Back to "every rule new": no events, no matched versions or rules, no stored decisions."""
    from futurewatch.core.db import connect

    with connect(url) as conn:
        for table in ("alert_events", "alert_version_state", "alert_rule_state", "alert_first_seen_baseline"):
            conn.execute(f"DELETE FROM {table}")  # our constants


def make_pending(url: str, share: float) -> int:
    """The newest `share` of the documents become new again (state and events removed): the same
    1 % for the code before and after, on the same archive."""
    from futurewatch.core.db import connect

    with connect(url) as conn:
        ids = [r["v"] for r in conn.execute("SELECT current_version_id AS v FROM documents ORDER BY 1 DESC LIMIT "
                                            "%(n)s", {"n": max(1, round(share * count_documents(conn)))}).fetchall()]
        conn.execute("DELETE FROM alert_events WHERE version_id = ANY(%(ids)s)", {"ids": ids})
        conn.execute("DELETE FROM alert_version_state WHERE version_id = ANY(%(ids)s)", {"ids": ids})
    return len(ids)


def count_documents(conn) -> int:
    return conn.execute("SELECT count(*) AS n FROM documents").fetchone()["n"]


def side_run(url: str, workers: int, now: str) -> None:
    """--side: one match_events run by the code on PYTHONPATH; prints its figures as JSON."""
    from alerts.events import match_events
    from futurewatch.core.config import load_settings

    cpu, began = own_cpu(), time.perf_counter()
    summary = match_events(url, now=datetime.fromisoformat(now), settings=load_settings(), workers=workers)
    print(json.dumps({"seconds": time.perf_counter() - began, "client_cpu": own_cpu() - cpu,
                      "events": summary.events_new, "versions": summary.versions_scanned, "workers": summary.workers,
                      "validity_ms": time_validity_check(url, datetime.fromisoformat(now))}))


def time_validity_check(url: str, now: datetime, repeats: int = 5) -> float:
    """Milliseconds (median of `repeats`, after the run) of the statement that finds validity changed in
    place (alerts.validity.select_changes), which every run pays once whatever is new."""
    from alerts.validity import select_changes
    from futurewatch.core.db import connect

    with connect(url) as conn:
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            select_changes(conn, now)
            times.append(time.perf_counter() - began)
    return 1000 * statistics.median(times)


def timed_run(url: str, pgdata: Path, now: datetime, workers: int, code: Path | None) -> dict:
    """One matching run in its own process, by this code or (`code`) another revision's; wall time
    of match_events, CPU seconds of that process, its workers and the server's backends."""
    code = code or ROOT
    time.sleep(0.5)  # the backends of the set-up before (make_pending, forget_events) are reaped first
    server = server_cpu(pgdata)
    out = subprocess.run([sys.executable, "-m", "bench.alerts", "--side", url, "--workers", str(workers),
                          "--now", now.isoformat()], env=dict(os.environ, PYTHONPATH=str(code)), cwd=code,
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"matching run failed: {out.stderr.strip().splitlines()[-1:]}")
    time.sleep(0.5)  # the run's backends have exited; let the postmaster reap them
    run = json.loads(out.stdout.strip().splitlines()[-1])
    run["cpu"] = run["client_cpu"] + server_cpu(pgdata) - server
    run["load"] = Path("/proc/loadavg").read_text().split()[0]
    return run


def bench_matching(server, url: str, n_docs: int, n_rules: int, pgdata: Path, before: Path | None) -> list[str]:
    """Backfill at n/2 and at n documents (growth), rerun and 1 % new at n, each in one process,
    then the backfill at n in two worker processes (alerts.parallel). With `before`, each of them
    by that revision's code first, on the same archive in a database built by its own migrations."""
    now, half = datetime.now(timezone.utc), n_docs // 2
    codes = {"before": before, "after": None} if before else {"after": None}
    urls = {"before": add_database(server, "bench_alerts_before", before), "after": url} if before else {"after": url}
    runs: dict[tuple[str, str], dict] = {}
    t_fill, _ = timed(lambda: [fill_archive(u, half) for u in urls.values()])
    for u in urls.values():
        add_subscribers(u, make_rules(random.Random(3), n_rules), n_rules)
    for name, code in codes.items():
        forget_events(urls[name])
        runs[name, "half"] = timed_run(urls[name], pgdata, now, 1, code)
        print(f"  {name}: backfill at {half:,} in {runs[name, 'half']['seconds']:.1f} s", flush=True)
    t_fill2, _ = timed(lambda: [fill_archive(u, n_docs - half, start_id=half + 1) for u in urls.values()])
    for name, code in codes.items():
        forget_events(urls[name])
        runs[name, "full"] = timed_run(urls[name], pgdata, now, 1, code)
        runs[name, "rerun"] = timed_run(urls[name], pgdata, now, 1, code)
        make_pending(urls[name], 0.01)
        runs[name, "incr"] = timed_run(urls[name], pgdata, now, 1, code)
        print(f"  {name}: backfill at {n_docs:,} in {runs[name, 'full']['seconds']:.1f} s", flush=True)
    for name, code in codes.items():
        forget_events(urls[name])
        runs[name, "two"] = timed_run(urls[name], pgdata, now, 2, code)
        print(f"  {name}: backfill at {n_docs:,}, two workers, in {runs[name, 'two']['seconds']:.1f} s", flush=True)
    for name in codes:
        assert runs[name, "full"]["events"] == runs["after", "full"]["events"], (name, runs[name, "full"])
        assert runs[name, "two"]["events"] == runs["after", "full"]["events"], (name, runs[name, "two"])
    after, sizes = {k: v for (c, k), v in runs.items() if c == "after"}, {"half": half, "full": n_docs}
    per_1000 = lambda run, docs: 1000 * run["cpu"] / docs  # noqa: E731
    FIGURES.update(docs=n_docs, rules=n_rules, backfill_s=round(after["full"]["seconds"], 2),
                   backfill_two_workers_s=round(after["two"]["seconds"], 2),
                   backfill_cpu_s=round(after["full"]["cpu"], 1),
                   cpu_s_per_1000_docs=round(per_1000(after["full"], n_docs), 2),
                   projected_100k_2cores_s=round(after["full"]["cpu"] * 100_000 / n_docs / 2, 1),
                   growth_cpu=round(after["full"]["cpu"] / after["half"]["cpu"] / 2, 2),
                   growth_s=round(after["full"]["seconds"] / after["half"]["seconds"] / 2, 2),
                   rerun_ratio=round(after["rerun"]["seconds"] / after["full"]["seconds"], 4),
                   incremental_ratio=round(after["incr"]["seconds"] / after["full"]["seconds"], 4),
                   incremental_cpu_ratio=round(after["incr"]["cpu"] / after["full"]["cpu"], 4))
    if before:
        FIGURES.update(before_backfill_cpu_s=round(runs["before", "full"]["cpu"], 1),
                       before_incremental_ratio=round(runs["before", "incr"]["seconds"] /
                                                      runs["before", "full"]["seconds"], 4),
                       cpu_speedup=round(runs["before", "full"]["cpu"] / after["full"]["cpu"], 2),
                       before_two_workers_s=round(runs["before", "two"]["seconds"], 2),
                       two_workers_speedup=round(runs["before", "two"]["seconds"] / after["two"]["seconds"], 2))
    lines = [f"Archive: {n_docs:,} documents (20 % policy, 10 % reprints, 5 % second versions) loaded by COPY in "
             f"{t_fill + t_fill2:.1f} s; {n_rules} rules of all seven types. Each run in its own process (one "
             "process unless said); CPU = that process, its workers and the database server's backends; "
             "load average (1 min) at each run's end.", "",
             "| code | run | documents | events | seconds | CPU s (client + server) | CPU s / 1,000 docs | "
             "vs backfill (s) | vs backfill (CPU) | load |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    labels = {"half": f"backfill at {half:,}", "full": f"backfill at {n_docs:,}", "rerun": "rerun, nothing new",
              "incr": "1 % new (newest 1 % made pending)", "two": f"backfill at {n_docs:,}, 2 workers"}
    for (name, kind), run in runs.items():
        docs = {"half": half, "rerun": 0, "incr": max(1, round(n_docs * 0.01))}.get(kind, n_docs)
        full = runs[name, "full"]
        lines.append(f"| {name} | {labels[kind]} | {docs:,} | {run['events']:,} | {run['seconds']:.2f} | "
                     f"{run['cpu']:.1f} ({run['client_cpu']:.1f} + {run['cpu'] - run['client_cpu']:.1f}) | "
                     f"{per_1000(run, docs) if docs else 0:.2f} | "
                     f"{run['seconds'] / full['seconds']:.3f} | {run['cpu'] / full['cpu']:.3f} | {run['load']} |")
    for name in codes:
        lines.append(f"\n{name}: growth {runs[name, 'full']['cpu'] / runs[name, 'half']['cpu'] / 2:.2f}× CPU per "
                     f"document ({runs[name, 'full']['seconds'] / runs[name, 'half']['seconds'] / 2:.2f}× seconds) "
                     f"from {half:,} to {n_docs:,} documents (1.00 = linear).")
    policies = round(n_docs * 0.2)
    lines.append(f"\nValidity check (alerts.validity.select_changes after the rerun, median of 5; ~{policies:,} policy "
                 "versions, none with an 有效期 or named by another document): "
                 + ", ".join(f"{name} {runs[name, 'rerun']['validity_ms']:.1f} ms" for name in codes) + ".")
    FIGURES.update(validity_check_ms=round(after["rerun"]["validity_ms"], 1))
    lines.append(f"\nProjection (not a measurement): {after['full']['cpu'] * 100_000 / n_docs:.0f} CPU-seconds for "
                 f"100 rules × 100,000 documents, ≈ {after['full']['cpu'] * 100_000 / n_docs / 2:.0f} s on two free "
                 "cores if the two workers cost no more CPU than one process.")
    return lines


def bench_alternating(server, url: str, n_docs: int, n_rules: int, pgdata: Path, before: Path,
                      pairs: int) -> list[str]:
    """--alternate N: only the two-worker backfill at n documents, by REF's code and this code in
    turn, N pairs (REF first in odd pairs, this code first in even ones), so that a machine whose
    load drifts during the run weighs on both codes alike."""
    now = datetime.now(timezone.utc)
    urls = {"before": add_database(server, "bench_alerts_before", before), "after": url}
    codes = {"before": before, "after": None}
    for u in urls.values():
        fill_archive(u, n_docs)
        add_subscribers(u, make_rules(random.Random(3), n_rules), n_rules)
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for pair in range(pairs):
        for name in (("before", "after") if pair % 2 == 0 else ("after", "before")):
            forget_events(urls[name])
            runs[name].append(timed_run(urls[name], pgdata, now, 2, codes[name]))
            print(f"  {name}: two workers in {runs[name][-1]['seconds']:.1f} s", flush=True)
    assert len({r["events"] for rs in runs.values() for r in rs}) == 1
    median = lambda rs, key: sorted(r[key] for r in rs)[len(rs) // 2]  # noqa: E731
    FIGURES.update(docs=n_docs, rules=n_rules, pairs=pairs,
                   before_two_workers_s=round(median(runs["before"], "seconds"), 2),
                   backfill_two_workers_s=round(median(runs["after"], "seconds"), 2),
                   two_workers_speedup=round(median(runs["before"], "seconds") / median(runs["after"], "seconds"), 2),
                   cpu_speedup=round(median(runs["before"], "cpu") / median(runs["after"], "cpu"), 2))
    lines = [f"Two-worker backfills of {n_docs:,} documents, {n_rules} rules, {pairs} alternating pairs "
             "(medians in the RESULT line):", "", "| pair | code | seconds | CPU s (client + server) | load |",
             "|---:|---|---:|---:|---|"]
    for name, rs in runs.items():
        for k, r in enumerate(rs, 1):
            lines.append(f"| {k} | {name} | {r['seconds']:.1f} | {r['cpu']:.1f} ({r['client_cpu']:.1f} + "
                         f"{r['cpu'] - r['client_cpu']:.1f}) | {r['load']} |")
    return lines


def bench_scan(db_url: str, n: int) -> list[str]:
    """One shared Aho-Corasick pass per document against one `in` test per rule term (same verdicts)."""
    from alerts.events import build_term_index
    from alerts.facts import select_facts
    from alerts.store import select_catalog, select_rules
    from futurewatch.core.db import connect

    with connect(db_url) as conn:
        rules, _, _ = select_rules(conn, select_catalog(conn))
        ids = [r["v"] for r in conn.execute("SELECT current_version_id AS v FROM documents ORDER BY 1 LIMIT %(n)s",
                                            {"n": n}).fetchall()]
        facts = select_facts(conn, ids)
    keyword = [r for r in rules if r.rule_type == "keyword"]
    index = build_term_index(keyword)
    for f in facts:
        f.normalized()

    def shared() -> int:
        hits = 0
        for f in facts:
            f._found = None
            title, text = f.found_with(index)
            found = {**text, **title}
            hits += sum(r.query.evaluate(found) for r in keyword)
        return hits

    def naive() -> int:
        hits = 0
        for f in facts:
            title, text = f.normalized()
            for r in keyword:
                found = {t for t in r.query.terms(positive=False) | r.query.terms() if t in title or t in text}
                hits += r.query.evaluate(found)
        return hits

    t_shared, h_shared = timed(shared)
    t_naive, h_naive = timed(naive)
    return [f"Keyword scan over {len(facts):,} documents × {len(keyword)} keyword rules (text already normalised):",
            "", "| method | seconds | documents / s | matches | ratio |", "|---|---|---|---|---|",
            f"| shared Aho-Corasick pass (ours) | {t_shared:.2f} | {len(facts) / t_shared:,.0f} | {h_shared:,} | 1.00 |",
            f"| one `in` per rule term | {t_naive:.2f} | {len(facts) / t_naive:,.0f} | {h_naive:,} | "
            f"{t_naive / t_shared:.2f} |",
            "", "(ASCII terms such as 6G match at word boundaries in the shared pass only, so counts can differ slightly.)"]


def fill_events(db_url: str, n_subscribers: int, n_events: int) -> datetime:
    """Event rows shaped like the matcher's, spread over the subscribers; 1 in 10 subscribers gets a spike."""
    from futurewatch.core.db import connect

    rng = random.Random(11)
    now = datetime.now(timezone.utc)
    with connect(db_url) as conn:
        conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('c114', 'C114通信网', 'news') ON CONFLICT DO NOTHING")
        for s in range(n_subscribers):
            sid = conn.execute("INSERT INTO subscribers (email, cadence) VALUES (%(e)s, 'immediate') RETURNING subscriber_id",
                               {"e": f"d{s}@bench.example"}).fetchone()["subscriber_id"]
            conn.execute("INSERT INTO alert_rules (subscriber_id, name, rule_type, params) VALUES (%(s)s, 'k', 'keyword', "
                         "'{\"query\": \"量子\"}'), (%(s)s, 's', 'spike', '{\"categories\": [\"quantum\"]}')", {"s": sid})
        rules = conn.execute("SELECT rule_id, rule_type FROM alert_rules ORDER BY rule_id").fetchall()
        keyword = [r["rule_id"] for r in rules if r["rule_type"] == "keyword"]
        spike = [r["rule_id"] for r in rules if r["rule_type"] == "spike"][::10]
        with conn.cursor().copy("COPY alert_events (rule_id, event_key, section, payload, occurred_at) FROM STDIN") as copy:
            for i in range(n_events - len(spike)):
                title, text, codes, _ = make_document(rng)
                payload = {"rule": "k", "title": title, "url": f"https://bench.example.cn/{i}.html", "terms": ["量子"],
                           "published_at": now.isoformat(), "kind": rng.choice(["news", "policy"]),
                           "issuers": [rng.choice(list(ISSUERS.values()))], "snippet": [[text[:60], False], ["量子", True]],
                           "groups": codes[:1], "sources": [{"source_id": "c114", "name": "C114通信网"}]}
                section = "policy" if payload["kind"] == "policy" else rng.choice(["news", "news", "changed"])
                copy.write_row((keyword[i % len(keyword)], f"story:{i}:v1", section, Jsonb(payload), now - timedelta(minutes=5)))
            for rule in spike:
                payload = {"rule": "s", "title": "量子科技", "count": 9, "baseline": 1.5, "ratio": 6.0,
                           "series": [rng.randint(0, 3) for _ in range(14)] + [9], "groups": ["量子科技"], "terms": []}
                copy.write_row((rule, "spike:category:quantum:day", "spike", Jsonb(payload), now - timedelta(minutes=5)))
    return now


def bench_digests(db_url: str, n_subscribers: int, n_events: int) -> list[str]:
    from alerts.digest import build_draft, build_due_digests, select_events
    from futurewatch.core.config import load_settings
    from futurewatch.core.db import connect

    now = fill_events(db_url, n_subscribers, n_events)
    settings = load_settings({"FUTUREWATCH_HOME": tempfile.mkdtemp(prefix="fw-bench-")})
    with connect(db_url) as conn:
        subs = conn.execute("SELECT * FROM subscribers WHERE email LIKE 'd%%@bench.example'").fetchall()
        per_sub = [(s, select_events(conn, s["subscriber_id"], now - timedelta(days=1), now)) for s in subs]
    def render_all() -> list:
        with connect(db_url) as conn:
            return [build_draft(conn, s, ev, now - timedelta(days=1), now, settings) for s, ev in per_sub]

    with connect(db_url) as conn:
        build_draft(conn, *per_sub[0], now - timedelta(days=1), now, settings)  # warm-up: imports, templates
    t_render, _ = timed(render_all)
    t_full, built = timed(lambda: build_due_digests(db_url, now=now, settings=settings))
    t_chart = time_chart_draw()
    return [f"{n_events:,} events over {n_subscribers} subscribers (immediate cadence; {n_subscribers // 10} spikes with charts):",
            "", "| step | seconds | digests / s | ratio |", "|---|---|---|---|",
            f"| full build: select, render, charts, MIME, store + outbox row | {t_full:.2f} | {built.built / t_full:,.1f} | 1.00 |",
            f"| render only (templates + charts, events in memory) | {t_render:.2f} | {len(per_sub) / t_render:,.1f} | "
            f"{t_render / t_full:.2f} |",
            f"| one per-track chart drawn (14 days × 6 tracks; shared by subscribers with the same view and period) "
            f"| {t_chart:.3f} | {1 / t_chart:,.1f} | {t_chart / (t_full / max(1, built.built)):.2f} |",
            "", f"RESULT digests_per_s={built.built / t_full:.1f} chart_draw_s={t_chart:.3f}"]


def time_chart_draw(repeats: int = 5) -> float:
    """Seconds to draw one per-track chart (the drawing cache cleared each time)."""
    from alerts import charts

    days = tuple(f"11-{d:02d}" for d in range(1, 15))
    series = tuple(tuple((d * (t + 1)) % 7 for d in range(14)) for t in range(6))
    font = charts.cjk_font()  # Chinese words only with a font that has their glyphs (else boxes)
    if font:
        title, names, unit = "各赛道每日文章数", tuple(f"未来赛道{t}" for t in range(6)), "篇/天"
    else:
        title, names, unit = "Articles per track per day", tuple(f"track {t}" for t in range(6)), "per day"
    charts._draw(title, days, names, series, unit, font)  # fonts, imports
    started = time.perf_counter()
    for _ in range(repeats):
        charts._draw.cache_clear()
        charts._draw(title, days, names, series, unit, font)
    return (time.perf_counter() - started) / repeats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.alerts")
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--rules", type=int, default=100)
    parser.add_argument("--subscribers", type=int, default=100)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--full", action="store_true", help="100,000 documents (the issue's size)")
    parser.add_argument("--write", action="store_true", help="write docs/perf/alerts.md")
    parser.add_argument("--before", help="a git revision whose matching code runs first on the same archive (e.g. main)")
    parser.add_argument("--alternate", type=int, metavar="N",
                        help="with --before: only N alternating pairs of two-worker backfills at --docs")
    parser.add_argument("--side", help=argparse.SUPPRESS)  # one matching run against this URL (timed_run)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--now", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        return side_run(args.side, args.workers, args.now)
    if args.full:
        args.docs = 100_000
    with tempfile.TemporaryDirectory(prefix="fw-bench-alerts-") as home:
        server, url = start_database(Path(home))
        try:
            from bench.process import checkout

            before = checkout(args.before, Path(tempfile.mkdtemp(dir=home)), "alerts") if args.before else None
            if args.alternate and before:
                lines = ["## Matching, alternating", ""] + bench_alternating(
                    server, url, args.docs, args.rules, Path(home) / "pgdata", before, args.alternate)
            else:
                lines = ["## Matching", ""] + bench_matching(server, url, args.docs, args.rules, Path(home) / "pgdata",
                                                             before)
            lines += ["", "## Term scan", ""] + bench_scan(url, min(args.docs, 20_000))
            digest_url = add_database(server, "bench_digests")
            lines += ["", "## Digests", ""] + bench_digests(digest_url, args.subscribers, args.events)
        finally:
            server.cleanup()
    text = "\n".join(lines + ["", f"Machine: {machine()}. Embedded PostgreSQL (pgserver) on the same machine.", ""])
    print(text)
    print("RESULT " + " ".join(f"{k}={v}" for k, v in FIGURES.items()))
    if args.write:
        DOC.write_text("# Alerts throughput (generated by `python -m bench.alerts --write`)\n\n"
                       f"Command: `python -m bench.alerts {' '.join(argv or [])}`\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
