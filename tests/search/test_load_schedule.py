"""bench.load_search's load schedule (bench/load_search_run.py): batches split evenly among the
writers, the source row committed first, VACUUM ANALYZE beside the last merge; search
stays right after it and a rerun of the same half adds nothing."""

from __future__ import annotations

import psycopg
import pytest

from bench import load_search_run
from bench.load_search_run import load_half, split
from parsers.batch_write import merge_pending


@pytest.mark.parametrize("count, workers", [(10_000, 2), (10_000, 1), (10_000, 3), (2_001, 2), (4, 3), (7, 2), (1, 2)])
def test_split_gives_each_writer_as_many_batches_and_every_document_once(count, workers):
    docs = list(range(count))
    batches = split(docs, workers)
    assert [d for batch in batches for d in batch] == docs
    assert all(len(b) <= load_search_run.BATCH for b in batches)
    if count >= workers:
        assert len(batches) % workers == 0
        assert max(map(len, batches)) - min(map(len, batches)) <= 1


def test_a_parallel_load_is_searchable_merged_vacuumed_and_reruns_as_an_upsert(db_url, monkeypatch):
    monkeypatch.setattr(load_search_run, "BATCH", 40)  # several batches per writer
    kept: list[str] = []
    first = load_half(db_url, 1, 200, 2, kept)
    again = load_half(db_url, 1, 200, 2, [])
    with psycopg.connect(db_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT version_id) FROM document_versions").fetchone() == (200, 200)
        assert merge_pending(conn) == 0  # the writers and the last merge left nothing pending
        vacuumed = conn.execute("SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables"
                                " WHERE relname = 'document_versions'").fetchone()
        assert vacuumed == (True, True)
        for text in kept[::7]:
            term = text[30:33]
            hit = conn.execute("SELECT count(*) FROM document_versions WHERE fw_contains(search_keys, search_text, %s)",
                               [term]).fetchone()[0]
            like = conn.execute("SELECT count(*) FROM document_versions WHERE strpos(search_text, fw_normalize(%s)) > 0",
                                [term]).fetchone()[0]
            assert hit == like >= 1, term
    assert first["mb"] == again["mb"] > 0
