"""Reclassification on two cores (classify/parallel.py): the same labels as one process,
every pending version done exactly once, progress counted across workers."""

from __future__ import annotations

import random

from classify.parallel import classify_parallel, split_ranges
from classify.pipeline import classify_pending
from futurewatch.core.db import connect
from tests.classify.test_classify_pipeline import SEED, insert_version

PHRASES = ["量子计算", "具身智能机器人", "6G太赫兹通信", "低空经济无人机", "氢能燃料电池", "中秋月饼", "合成生物"]


def seed(db_url: str, n: int) -> None:
    rng, seed_text = random.Random(4), SEED.read_text(encoding="utf-8")
    with connect(db_url) as conn, conn.transaction():
        for i in range(n):
            words = "，".join(rng.choice(PHRASES) for _ in range(6))
            insert_version(conn, f"k{i}", rng.choice(PHRASES), words + seed_text[: rng.randrange(50, 400)], None)


def labels(db_url: str) -> set[tuple]:
    with connect(db_url) as conn:
        return {(r["version_id"], r["code"], round(r["score"], 4)) for r in conn.execute(
            "SELECT version_id, code, score FROM classifications")}


def test_split_ranges_cover_every_id_once():
    ids = [3, 4, 9, 10, 11, 20, 21]
    spans = split_ranges(ids, 2)
    assert spans == [(2, 10), (10, 21)]
    assert sorted(i for lo, hi in spans for i in ids if lo < i <= hi) == ids
    assert split_ranges([], 2) == []


def test_two_workers_label_like_one_process(db_url):
    seed(db_url, 60)
    seen = []
    summary = classify_parallel(db_url, workers=2, batch_size=10, progress=lambda done, total: seen.append((done, total)))
    assert summary.classified == 60 and seen[-1] == (60, 60)
    parallel = labels(db_url)
    with connect(db_url) as conn:
        conn.execute("DELETE FROM classifications")
        conn.execute("DELETE FROM classification_runs")
    classify_pending(db_url, batch_size=10)
    assert labels(db_url) == parallel and parallel
    with connect(db_url) as conn:
        runs = conn.execute("SELECT count(*) AS n, count(DISTINCT version_id) AS v FROM classification_runs").fetchone()
    assert runs["n"] == runs["v"] == 60
