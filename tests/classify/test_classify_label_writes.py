"""The label write path of (re)classification: a batch claims its versions by their run rows and
copies their labels straight in (migration 0280: a label belongs to its run). Reruns, a batch
that fails halfway, a dead worker and a concurrent writer all end with each version's labels
written once, the same as a clean run."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest

from classify import pipeline
from classify.parallel import classify_parallel
from classify.pipeline import classify_pending
from futurewatch.core.db import connect
from futurewatch.core.forkpool import WorkerFailed
from tests.classify.test_classify_parallel import seed
from tests.classify.test_classify_pipeline import seed_archive, store_renamed_taxonomy

MIGRATION = Path(__file__).resolve().parents[2] / "sql" / "migrations" / "0280_label_belongs_to_run.sql"
LABELS = ("SELECT version_id, code, score, evidence::text, classified_at FROM classifications"
          " WHERE taxonomy_version_id = %(tv)s ORDER BY 1, 2")


def labels(db_url, tv: int, stamped: bool = False) -> list[tuple]:
    with connect(db_url) as conn:
        return [tuple(r.values())[: 5 if stamped else 4] for r in conn.execute(LABELS, {"tv": tv})]


def runs(db_url, tv: int) -> list[int]:
    with connect(db_url) as conn:
        return [r["version_id"] for r in conn.execute(
            "SELECT version_id FROM classification_runs WHERE taxonomy_version_id = %(tv)s ORDER BY 1", {"tv": tv})]


def test_a_rerun_writes_nothing_and_leaves_the_labels_untouched(db_url):
    seed_archive(db_url)
    first = classify_pending(db_url, batch_size=2)
    before = labels(db_url, first.taxonomy_version_id, stamped=True)
    assert first.labels == len(before) > 0
    again = classify_pending(db_url, batch_size=2)
    assert again.classified == again.labels == 0
    assert labels(db_url, first.taxonomy_version_id, stamped=True) == before   # not rewritten (classified_at)


def test_a_batch_failing_halfway_leaves_nothing_and_the_rerun_completes_it(db_url, tmp_path, monkeypatch):
    seed(db_url, 30)
    clean_tv = classify_pending(db_url, batch_size=10).taxonomy_version_id
    tv = store_renamed_taxonomy(db_url, tmp_path, "again")
    writes = []
    real_copy = pipeline.copy_rows

    def fail_third(conn, table, columns, rows):
        writes.append(len(rows))
        real_copy(conn, table, columns, rows)   # the labels are in, the transaction not yet committed
        if len(writes) == 3:
            raise RuntimeError("killed")
    monkeypatch.setattr(pipeline, "copy_rows", fail_third)
    with pytest.raises(RuntimeError, match="killed"):
        classify_pending(db_url, batch_size=10)
    monkeypatch.undo()
    done = runs(db_url, tv)
    assert len(done) == 20   # two batches committed; the third left no run row …
    assert {v for v, *_ in labels(db_url, tv)} <= set(done)   # … and no label
    rest = classify_pending(db_url, batch_size=10)
    assert rest.classified == 10 and len(runs(db_url, tv)) == 30
    assert labels(db_url, tv) == labels(db_url, clean_tv)   # the same as the clean run, once each


def test_a_dead_worker_is_one_error_and_a_rerun_finishes_the_same(db_url, tmp_path, monkeypatch):
    seed(db_url, 60)
    clean_tv = classify_parallel(db_url, workers=2, batch_size=10).taxonomy_version_id
    tv = store_renamed_taxonomy(db_url, tmp_path, "dead")
    parent = os.getpid()
    real_copy = pipeline.copy_rows

    def die_in_a_worker(conn, table, columns, rows):
        real_copy(conn, table, columns, rows)
        if os.getpid() != parent and rows[0][0] % 2:   # a worker dies mid-transaction, no report
            os._exit(9)
    monkeypatch.setattr(pipeline, "copy_rows", die_in_a_worker)
    with pytest.raises(WorkerFailed, match="exit code 9"):
        classify_parallel(db_url, workers=2, batch_size=10)
    monkeypatch.undo()
    done = len(runs(db_url, tv))
    assert done < 60
    rest = classify_parallel(db_url, workers=2, batch_size=10)
    assert rest.classified == 60 - done and len(runs(db_url, tv)) == 60
    assert labels(db_url, tv) == labels(db_url, clean_tv)


def test_a_version_claimed_by_a_concurrent_writer_is_left_to_it(db_url, monkeypatch):
    """Another writer commits a version's run and labels after this batch read it as pending:
    the batch's claim skips that version, whose labels stay as the other writer wrote them."""
    ids = seed_archive(db_url)
    tv = pipeline.select_latest_taxonomy(db_url, pipeline.load_taxonomy(db_url))[0]
    real_classify = pipeline.Classifier.classify
    other = []

    def classify_while_another_commits(self, title, text, **options):
        if not other:
            with psycopg.connect(db_url) as conn:
                conn.execute("INSERT INTO classifications (version_id, code, taxonomy_version_id, score)"
                             " VALUES (%s, 'quantum', %s, 0.25)", (ids[1], tv))
                conn.execute("INSERT INTO classification_runs VALUES (%s, %s)", (ids[1], tv))
            other.append(ids[1])
        return real_classify(self, title, text, **options)
    monkeypatch.setattr(pipeline.Classifier, "classify", classify_while_another_commits)
    summary = classify_pending(db_url)
    assert summary.classified == 2 and runs(db_url, tv) == ids
    with connect(db_url) as conn:
        theirs = conn.execute("SELECT code, score FROM classifications WHERE version_id = %s", (ids[1],)).fetchall()
    assert [(r["code"], r["score"]) for r in theirs] == [("quantum", 0.25)]


def test_a_label_needs_its_run_and_goes_with_it(db_url):
    ids = seed_archive(db_url)
    tv = classify_pending(db_url).taxonomy_version_id
    with connect(db_url) as conn:
        with pytest.raises(psycopg.errors.ForeignKeyViolation), conn.transaction():   # checked at commit
            conn.execute("INSERT INTO classifications (version_id, code, taxonomy_version_id, score)"
                         " VALUES (%s, 'quantum', %s + 1, 1)", (ids[0], tv))
        with conn.transaction():   # a label before its run, in one transaction: fine
            conn.execute("INSERT INTO taxonomy_versions (version, checksum, data) VALUES ('t2', 'c2', '{}')")
            conn.execute("INSERT INTO classifications (version_id, code, taxonomy_version_id, score)"
                         " SELECT %s, 'quantum', max(taxonomy_version_id), 1 FROM taxonomy_versions", (ids[2],))
            conn.execute("INSERT INTO classification_runs SELECT %s, max(taxonomy_version_id) FROM taxonomy_versions",
                         (ids[2],))
        count = "SELECT count(*) AS n FROM classifications WHERE version_id = %s"
        assert conn.execute(count, (ids[0],)).fetchone()["n"] > 0 and conn.execute(count, (ids[2],)).fetchone()["n"] > 0
        with conn.transaction(force_rollback=True):   # (a document's current version cannot go at commit)
            conn.execute("DELETE FROM classification_runs WHERE version_id = %s", (ids[0],))
            assert conn.execute(count, (ids[0],)).fetchone()["n"] == 0
            conn.execute("DELETE FROM document_versions WHERE version_id = %s", (ids[2],))
            assert conn.execute(count, (ids[2],)).fetchone()["n"] == 0


def test_the_migration_removes_labels_without_a_run(db_url):
    """0280 on an archive holding a label without its run (never written by futurewatch): the
    label goes, its version stays pending for that taxonomy version, the constraint is added."""
    ids = seed_archive(db_url)
    tv = classify_pending(db_url).taxonomy_version_id
    with connect(db_url) as conn, conn.transaction():
        conn.execute("ALTER TABLE classifications DROP CONSTRAINT classifications_run_fkey")
        conn.execute("DELETE FROM classification_runs WHERE version_id = %s", (ids[0],))
        kept = conn.execute("SELECT count(*) AS n FROM classifications WHERE version_id <> %s", (ids[0],)).fetchone()
        conn.execute(MIGRATION.read_text(encoding="utf-8"))
        left = conn.execute("SELECT version_id, count(*) AS n FROM classifications GROUP BY 1").fetchall()
        constraint = conn.execute("SELECT condeferred FROM pg_constraint WHERE conname = 'classifications_run_fkey'").fetchone()
    assert ids[0] not in {r["version_id"] for r in left} and sum(r["n"] for r in left) == kept["n"]
    assert constraint == {"condeferred": True}
    again = classify_pending(db_url)
    assert again.classified == 1 and again.labels > 0 and runs(db_url, tv) == ids
