"""`futurewatch db common-keys`: a word most documents of this archive hold, unlisted in 0400,
is appended to fw_common_keys(), every version gets its absence key, and a NOT excluding it is
then answered by the index (fw_prepare_query's "absent") with the LIKE oracle's rows. Writers
holding a folder read before the change still write the new absence keys; an older open
transaction is waited for, and a rerun finishes what a stopped run left."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time

import psycopg
import pytest
from typer.testing import CliRunner

from futurewatch.app.cli import app
from futurewatch.core.db import DatabaseError
from futurewatch.core.locks import COMMON_KEYS_LOCK, exclusive_lock
from futurewatch.core.searchtext import SearchTextFolder
from parsers.batch_write import VersionRow, copy_versions
from search import common_keys
from tests.search.corpus import build_corpus, copy_docs

WORD = "瓯江"        # in no seed sentence: common only where this test puts it
INCLUDED = "产业"    # in most seed-built texts
runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def load_archive(url: str, count: int, holding: float, seed: int = 5, first_id: int = 1) -> None:
    """count documents, the share `holding` of them with WORD in a sentence of their own."""
    rng = random.Random(seed)
    docs = build_corpus(count, seed=seed, target_chars=300, first_id=first_id)
    docs = [d if rng.random() >= holding else type(d)(d.document_id, d.title, d.text + f"\n{WORD}两岸新项目落地。",
                                                        d.published_at) for d in docs]
    with psycopg.connect(url) as conn:
        copy_docs(conn, docs)


def word_key(conn) -> int:
    return conn.execute("SELECT (fw_term_keys(%s))[1]", [WORD]).fetchone()[0]


def listed(conn) -> tuple[list[int], int]:
    return common_keys.listed_keys(conn)


def stale_versions(conn) -> int:
    return conn.execute("SELECT count(*) FROM document_versions"
                        " WHERE search_keys IS DISTINCT FROM fw_document_keys(search_text)").fetchone()[0]


def like_ids(conn, excluded: str) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT d.document_id FROM documents d JOIN document_versions v ON v.version_id = d.current_version_id"
        " WHERE strpos(v.search_text, fw_normalize(%s)) > 0 AND strpos(v.search_text, fw_normalize(%s)) = 0"
        " ORDER BY 1", [INCLUDED, excluded])]


def search_ids(conn, query: str) -> list[int]:
    return sorted(r[0] for r in conn.execute("SELECT document_id FROM fw_search(%s, 10000)", [query]))


def test_add_lists_the_archive_word_and_the_index_excludes_it(fw_env, db_url):
    load_archive(db_url, 300, holding=0.7)
    query = f'"{INCLUDED}" -"{WORD}"'
    with psycopg.connect(db_url) as conn:
        before, searchable = listed(conn)
        stale = SearchTextFolder.from_database(conn)  # a writer's folder, read before the change
        assert "absent" not in conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))", [query]).fetchone()[0]

    shown = runner.invoke(app, ["db", "common-keys"], catch_exceptions=False)
    assert shown.exit_code == 0 and WORD in shown.output and "--add" in shown.output, shown.output
    added = runner.invoke(app, ["db", "common-keys", "--add"], catch_exceptions=False)
    assert added.exit_code == 0 and WORD in added.output.split("added", 1)[1], added.output

    with psycopg.connect(db_url) as conn:
        after, searchable_after = listed(conn)
        assert after[: len(before)] == before and word_key(conn) in after[len(before):]  # appended, none moved
        assert searchable_after == len(after) > searchable
        assert stale_versions(conn) == 0
        prepared = conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))", [query]).fetchone()[0]
        assert str(after.index(word_key(conn)) + 1) in prepared["absent"], prepared
        assert search_ids(conn, query) == like_ids(conn, WORD) != []

        # a batch writer holding the old folder writes the new absence keys too
        rows = [VersionRow(900 + i, 1 + i, 2, "标题", text, None, f"h{i}", "sample.V1")
                for i, text in enumerate([f"{INCLUDED}和{WORD}", f"{INCLUDED}无此词", "别的内容"])]
        assert copy_versions(conn, rows, stale) == 3
        conn.commit()
        assert stale_versions(conn) == 0

    again = runner.invoke(app, ["db", "common-keys", "--add"], catch_exceptions=False)
    assert "added 0 word(s)" in again.output and " 0 versions rewritten" in again.output, again.output


def test_an_older_transaction_is_waited_for_and_a_rerun_finishes(fw_env, db_url):
    load_archive(db_url, 240, holding=0.9, seed=8)
    with psycopg.connect(db_url) as conn:
        before, searchable = listed(conn)
    with psycopg.connect(db_url) as older:
        older.execute("SELECT 1")  # a transaction open since before the change
        with pytest.raises(DatabaseError, match="still running: pid"):
            common_keys.add_common_keys(db_url, wait_seconds=0.5)
        with psycopg.connect(db_url) as conn:  # appended, not yet searchable
            after, searchable_now = listed(conn)
            assert len(after) > len(before) and searchable_now == searchable
            assert "absent" not in conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))",
                                                [f'"{INCLUDED}" -"{WORD}"']).fetchone()[0]
    finished = common_keys.add_common_keys(db_url)
    assert finished.added == [] and finished.searchable == finished.listed == len(after)
    assert finished.rewritten > 0
    with psycopg.connect(db_url) as conn:
        assert stale_versions(conn) == 0


def test_a_repeatable_read_snapshot_from_before_the_backfill_is_waited_for(fw_env, db_url):
    """A reader whose snapshot predates the backfill must not meet the raised searchable count:
    it would exclude, by absence keys its snapshot's rows do not carry yet, rows that match."""
    load_archive(db_url, 240, holding=0.6, seed=9)
    query = f'"{INCLUDED}" -"{WORD}"'
    waits: list[str] = []
    with psycopg.connect(db_url) as older, psycopg.connect(db_url) as reader:
        older.execute("SELECT 1")  # holds the run in its first wait
        run = threading.Thread(target=lambda: waits.append(
            common_keys.add_common_keys(db_url, on_wait=waits.append)))
        run.start()
        deadline = time.monotonic() + 60
        while not waits and time.monotonic() < deadline:
            time.sleep(0.05)
        assert waits and "pid" in waits[0]
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        want = like_ids(reader, WORD)  # the snapshot: taken after the change, before the backfill
        older.commit()                 # the run goes on: backfill, check, then waits for the reader
        while len(waits) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(waits) == 2 and run.is_alive(), waits
        assert search_ids(reader, query) == want != []
        reader.commit()
    run.join(60)
    outcome = waits[-1]
    assert not run.is_alive() and outcome.searchable == outcome.listed and WORD in [k.word for k in outcome.added]
    with psycopg.connect(db_url) as conn:
        assert search_ids(conn, query) == like_ids(conn, WORD)


def test_one_run_at_a_time(fw_env, db_url):
    load_archive(db_url, 240, holding=0.9)
    with psycopg.connect(db_url) as conn:
        before = listed(conn)
    with exclusive_lock(db_url, COMMON_KEYS_LOCK, "common keys"):
        with pytest.raises(DatabaseError, match="already running"):
            common_keys.add_common_keys(db_url)
    with psycopg.connect(db_url) as conn:
        assert listed(conn) == before


def test_too_small_an_archive_is_a_one_line_error(fw_env, db_url):
    load_archive(db_url, 30, holding=1.0)
    with psycopg.connect(db_url) as conn:
        before = listed(conn)
    done = subprocess.run([sys.executable, "-m", "futurewatch.app.cli", "db", "common-keys", "--add"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done
    assert done.stderr.strip().count("\n") == 0 and "at least 200" in done.stderr, done.stderr
    with psycopg.connect(db_url) as conn:
        assert listed(conn) == before


def test_no_migration_after_0400_restates_the_list():
    """The list is the archive's own once `--add` has run: a migration restating fw_common_keys()
    would drop its words (or give their positions to others), and one restating
    fw_common_keys_searchable() could count entries not backfilled. New words go through the command."""
    from futurewatch.core.migrate import MIGRATIONS_DIR

    later = [p for p in sorted(MIGRATIONS_DIR.glob("*.sql")) if p.name > "0400_search_absence_keys.sql"]
    restating = [p.name for p in later if "function fw_common_keys" in p.read_text(encoding="utf-8").lower()]
    assert restating == []
